import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import type { Repository } from '../src/sandbox/state.js';
import { runBuiltAction } from './helpers/run-action.js';

// The built Action with `command: index` against the sandbox, as a push to main runs it.
let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const postmortem = (date: string, title: string, service: string) => `---
title: ${JSON.stringify(title)}
status: published
severity: SEV2
date: ${date}
services: [${service}]
tags: [database]
started_at: ${date}T10:00:00Z
detected_at: ${date}T10:04:00Z
resolved_at: ${date}T11:00:00Z
---
# ${title}
`;

const README =
  'Our incident reviews.\n\n<!-- hindsight:index:start -->\nold\n<!-- hindsight:index:end -->\n\nAsk #sre.\n';

async function world(config = 'directory: postmortems\n') {
  sandbox = await startSandbox();
  const repo = sandbox.state.createRepo({
    owner: 'acme',
    name: 'payments',
    files: {
      '.github/postmortem.yml': config,
      'postmortems/README.md': README,
      'postmortems/2026-10-02-ledger-lag.md': postmortem('2026-10-02', 'Ledger lag', 'ledger'),
      'postmortems/2026-11-20-pool.md': postmortem(
        '2026-11-20',
        'Pool "exhausted" -->',
        'payments-api',
      ),
    },
  });
  return { s: sandbox, repo };
}

const fileOn = (repo: Repository, branch: string, path: string) => {
  const tree = repo.commits.get(repo.refs.get(`refs/heads/${branch}`)!)!.tree;
  const blob = tree.get(path);
  return blob ? repo.blobs.get(blob)!.toString('utf8') : null;
};

const push = (repo: Repository, ref = 'refs/heads/main') => ({
  ref,
  before: '0000000000000000000000000000000000000000',
  after: repo.refs.get('refs/heads/main'),
  repository: {
    full_name: 'acme/payments',
    name: 'payments',
    owner: { login: 'acme' },
    default_branch: 'main',
  },
});

test('on push to main it commits the index between the markers, and a re-run writes nothing', async () => {
  const { s, repo } = await world();
  const run = (ref?: string) =>
    runBuiltAction({
      apiUrl: s.url,
      token: s.workflowToken(),
      eventName: 'push',
      payload: push(repo, ref),
      repository: 'acme/payments',
      inputs: { command: 'index' },
    });
  const first = await run();
  expect(first.stderr).toBe('');
  expect(first.outputs).toMatchObject({ index: 'committed', files: '2' });
  const text = fileOn(repo, 'main', 'postmortems/README.md')!;
  expect(
    text.startsWith('Our incident reviews.\n\n<!-- hindsight:index:start -->\n# Postmortems\n'),
  ).toBe(true);
  expect(text.endsWith('<!-- hindsight:index:end -->\n\nAsk #sre.\n')).toBe(true);
  const rows = text.split('\n').filter((line) => /^\| 2026-/.test(line));
  expect(rows[0]).toContain('[Pool "exhausted" --&gt;](./2026-11-20-pool.md)');
  expect(rows[1]).toContain('[Ledger lag](./2026-10-02-ledger-lag.md)');
  expect(text.match(/<!-- hindsight:/g)).toHaveLength(2);

  s.log.length = 0;
  const second = await run();
  expect(second.outputs).toMatchObject({ index: 'unchanged' });
  expect(s.log.filter((entry) => entry.method !== 'GET')).toEqual([]);

  // A push to another branch is none of the index's business.
  s.log.length = 0;
  const elsewhere = await run('refs/heads/feature');
  expect(elsewhere.code).toBe(0);
  expect(s.log).toEqual([]);
});

test('with writeBack: pull-request it opens one PR, updates it in place, and leaves main alone', async () => {
  const { s, repo } = await world(
    'directory: postmortems\nactionItems: { writeBack: pull-request }\n',
  );
  const run = () =>
    runBuiltAction({
      apiUrl: s.url,
      token: s.workflowToken(),
      eventName: 'push',
      payload: push(repo),
      repository: 'acme/payments',
      inputs: { command: 'index' },
    });
  const first = await run();
  expect(first.outputs).toMatchObject({ index: 'pull-request' });
  const pulls = () => [...repo.issues.values()].filter((issue) => issue.pull);
  expect(pulls()).toHaveLength(1);
  expect(pulls()[0]!.pull).toMatchObject({ head: 'hindsight/index', base: 'main' });
  expect(fileOn(repo, 'main', 'postmortems/README.md')).toBe(README);
  expect(fileOn(repo, 'hindsight/index', 'postmortems/README.md')).toContain('[Ledger lag]');

  // The postmortem check on the index PR: README.md is the index, not a postmortem to lint.
  const full = { full_name: 'acme/payments' };
  const check = await runBuiltAction({
    apiUrl: s.url,
    token: s.workflowToken(),
    eventName: 'pull_request',
    payload: {
      action: 'opened',
      pull_request: {
        number: Number(first.outputs['pull-request']),
        head: { sha: repo.refs.get('refs/heads/hindsight/index'), repo: full },
        base: { sha: repo.refs.get('refs/heads/main'), repo: full },
      },
      repository: full,
    },
    repository: 'acme/payments',
    inputs: { command: 'validate' },
  });
  expect(check.code).toBe(0);
  expect(check.outputs).toMatchObject({ errors: '0', files: '0' });

  // A new postmortem lands on main: the same PR gets the new row.
  const main = repo.refs.get('refs/heads/main')!;
  repo.refs.set(
    'refs/heads/main',
    s.state.commit(repo, {
      parent: main,
      message: 'Add a postmortem',
      changes: { 'postmortems/2026-11-22-dns.md': postmortem('2026-11-22', 'DNS flap', 'edge') },
      author: repo.owner,
    }),
  );
  const second = await run();
  expect(second.outputs).toMatchObject({
    index: 'pull-request',
    'pull-request': first.outputs['pull-request'],
  });
  expect(pulls()).toHaveLength(1);
  expect(fileOn(repo, 'hindsight/index', 'postmortems/README.md')).toContain('[DNS flap]');

  s.log.length = 0;
  await run();
  expect(s.log.filter((entry) => entry.method !== 'GET')).toEqual([]);
});

test('with a checkout, postmortems whose git blob matches main are read from it, the others through the API', async () => {
  const { s, repo } = await world();
  const workspace = await mkdtemp(join(tmpdir(), 'hindsight-checkout-'));
  await mkdir(join(workspace, 'postmortems'), { recursive: true });
  // One file as main has it; one as an older commit had it (a stale checkout).
  await writeFile(
    join(workspace, 'postmortems/2026-10-02-ledger-lag.md'),
    fileOn(repo, 'main', 'postmortems/2026-10-02-ledger-lag.md')!,
  );
  await writeFile(
    join(workspace, 'postmortems/2026-11-20-pool.md'),
    postmortem('2026-11-20', 'Stale title', 'payments-api'),
  );
  const run = await runBuiltAction({
    apiUrl: s.url,
    token: s.workflowToken(),
    eventName: 'push',
    payload: push(repo),
    repository: 'acme/payments',
    inputs: { command: 'index' },
    workspace,
  });
  expect(run.outputs).toMatchObject({ index: 'committed', files: '2' });
  expect(run.stdout).toContain(
    '1 of 2 postmortem(s) read from the checkout (the same git blobs as main); 1 through the API.',
  );
  const reads = s.log
    .filter((e) => e.method === 'GET' && e.route.endsWith('/contents/{path}'))
    .map((e) => decodeURIComponent(e.path.split('?')[0]!.replace(/^.*\/contents\//, '')));
  expect(reads).not.toContain('postmortems/2026-10-02-ledger-lag.md');
  expect(reads).toContain('postmortems/2026-11-20-pool.md');
  // The index is main's, not the stale checkout's.
  const text = fileOn(repo, 'main', 'postmortems/README.md')!;
  expect(text).toContain('[Pool "exhausted" --&gt;]');
  expect(text).not.toContain('Stale title');
  expect(text).toContain('[Ledger lag]');
});
