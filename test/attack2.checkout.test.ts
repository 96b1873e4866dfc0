import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import type { Repository } from '../src/sandbox/state.js';
import { runBuiltAction } from './helpers/run-action.js';

// An adversarial review of `command: index` reading postmortems from the workflow's checkout:
// whatever the checkout holds at a postmortem's path, the index is the one a run without a
// checkout writes (every postmortem through the API).
const sandboxes: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.close()));
});

const postmortem = (date: string, title: string) => `---
title: ${JSON.stringify(title)}
status: published
severity: SEV2
date: ${date}
services: [ledger]
---
# ${title}
`;

const BOM = '\uFEFF';
const files: Record<string, string> = {
  '.github/postmortem.yml': 'directory: postmortems\n',
  'postmortems/README.md':
    'Reviews.\n\n<!-- hindsight:index:start -->\nold\n<!-- hindsight:index:end -->\n',
  // Saved by an editor that writes a byte order mark (Notepad, some Windows tools).
  'postmortems/2026-10-01-bom.md': `${BOM}${postmortem('2026-10-01', 'Saved with a BOM')}`,
  'postmortems/2026-10-02-crlf.md': postmortem('2026-10-02', 'Line ends').replace(/\n/g, '\r\n'),
  'postmortems/2026-10-03-fifo.md': postmortem('2026-10-03', 'A pipe in the checkout'),
  'postmortems/2026-10-04-dir.md': postmortem('2026-10-04', 'A folder in the checkout'),
  'postmortems/2026-10-05-link.md': postmortem('2026-10-05', 'A link in the checkout'),
  'postmortems/2026-10-06 100% ünïcode.md': postmortem('2026-10-06', 'Spaces and percent'),
};

async function indexOf(workspace: (dir: string) => Promise<void> | undefined) {
  const s = await startSandbox();
  sandboxes.push(s);
  const repo = s.state.createRepo({ owner: 'acme', name: 'payments', files });
  let dir: string | undefined;
  if (workspace !== undefined) {
    dir = await mkdtemp(join(tmpdir(), 'hindsight-attack2-'));
    await workspace(dir);
  }
  const run = await runBuiltAction({
    apiUrl: s.url,
    token: s.workflowToken(),
    eventName: 'push',
    payload: {
      ref: 'refs/heads/main',
      before: '0'.repeat(40),
      after: repo.refs.get('refs/heads/main'),
      repository: {
        full_name: 'acme/payments',
        name: 'payments',
        owner: { login: 'acme' },
        default_branch: 'main',
      },
    },
    repository: 'acme/payments',
    inputs: { command: 'index' },
    ...(dir ? { workspace: dir } : {}),
  });
  return { run, text: fileOn(repo, 'main', 'postmortems/README.md') };
}

const fileOn = (repo: Repository, branch: string, path: string) => {
  const tree = repo.commits.get(repo.refs.get(`refs/heads/${branch}`)!)!.tree;
  const blob = tree.get(path);
  return blob ? repo.blobs.get(blob)!.toString('utf8') : null;
};

test('whatever the checkout holds at a postmortem path, the index is the one read through the API', async () => {
  const api = await indexOf(undefined as never);
  expect(api.text).toContain('Saved with a BOM');
  const local = await indexOf(async (dir) => {
    const pm = join(dir, 'postmortems');
    await mkdir(pm, { recursive: true });
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    execFileSync('rm', ['-f', join(pm, '2026-10-03-fifo.md')]);
    execFileSync('mkfifo', [join(pm, '2026-10-03-fifo.md')]);
    execFileSync('rm', ['-f', join(pm, '2026-10-04-dir.md')]);
    await mkdir(join(pm, '2026-10-04-dir.md'));
    // A link to a file with the same bytes, outside the workspace.
    const outside = join(dir, '..', `outside-${Date.now()}.md`);
    await writeFile(outside, files['postmortems/2026-10-05-link.md']!);
    execFileSync('rm', ['-f', join(pm, '2026-10-05-link.md')]);
    await symlink(outside, join(pm, '2026-10-05-link.md'));
  });
  expect(local.run.stdout).toMatch(/[1-9] of 6 postmortem\(s\) read from the checkout/);
  expect(local.text).toBe(api.text);
});
