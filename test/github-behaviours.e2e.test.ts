import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, test } from 'vitest';
import { syncCommand } from '../src/cli/sync-command.js';
import { parsePostmortem } from '../src/core/index.js';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import type { RepoBehaviours } from '../src/sandbox/behaviours.js';
import type { Repository } from '../src/sandbox/state.js';
import { Probot } from 'probot';
import { hindsightApp } from '../src/app/app.js';
import { UnthrottledOctokit } from '../src/app/unthrottled-octokit.js';
import { loadTemplates } from '../src/files/templates.js';
import { example, startHarness, type Harness } from './helpers/app-harness.js';

// Behaviours of the real GitHub that a schema check cannot see (issue 9): each is set up on the
// sandbox per repository, and the product is shown to survive it, over real HTTP, asserting on
// the sandbox's state and request log.
let sandbox: Sandbox | undefined;
let h: Harness | undefined;
afterEach(async () => {
  await sandbox?.close();
  await h?.close();
  sandbox = undefined;
  h = undefined;
});

const P = { owner: 'acme', repo: 'payments' };
const PATH = 'postmortems/2026-11-01-queue-backlog.md';
const REPORT = `---
title: Queue backlog
status: published
date: 2026-11-01
---
## Action items

| ID | Action | Owner | Priority | Due | Status | Issue |
| --- | --- | --- | --- | --- | --- | --- |
| A1 | Alert on queue age over 5 minutes | @alice | P1 | 2099-11-05 | Open | |
| A2 | Autoscale workers on queue depth | @bob | P2 | 2099-01-01 | Open | |
`;

async function world(
  options: {
    files?: Record<string, string>;
    behaviours?: Partial<RepoBehaviours>;
    empty?: boolean;
    private?: boolean;
  } = {},
) {
  sandbox = await startSandbox();
  const repo = sandbox.state.createRepo({
    owner: 'acme',
    name: 'payments',
    collaborators: ['alice', 'bob'],
    files: options.files ?? { [PATH]: REPORT },
    ...(options.behaviours ? { behaviours: options.behaviours } : {}),
    ...(options.empty ? { empty: true } : {}),
    ...(options.private ? { private: true } : {}),
  });
  return { sandbox, repo };
}

/** `hindsight sync --repo acme/payments`, in process, with a token. */
async function sync(s: Sandbox, token = s.userToken('alice'), repo = 'acme/payments') {
  let stdout = '';
  let stderr = '';
  let code: number;
  try {
    code = await syncCommand(
      { repo, dryRun: false },
      {
        cwd: process.cwd(),
        now: new Date('2026-11-23T10:00:00Z'),
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
      },
      { GITHUB_TOKEN: token, GITHUB_API_URL: s.url },
    );
  } catch (error) {
    code = 1;
    stderr += `${(error as Error).message}\n`;
  }
  return { code, stdout, stderr };
}

function fileAt(s: Sandbox, repo: Repository, ref: string, path: string): string | null {
  const blob = s.state.repoCommitTree(repo, ref)?.get(path);
  return blob ? repo.blobs.get(blob)!.toString('utf8') : null;
}

const client = (s: Sandbox, login: string) =>
  new Octokit({
    auth: s.userToken(login),
    baseUrl: s.url,
    log: { debug() {}, info() {}, warn() {}, error() {} },
  });

describe('issue state_reason', () => {
  test('an item whose issue is closed as a duplicate stays unfinished: the postmortem is not closed', async () => {
    const { sandbox: s, repo } = await world();
    expect((await sync(s)).code).toBe(0);
    const [a1, a2] = [...repo.issues.values()];
    const bob = client(s, 'bob');
    for (const [issue, reason] of [
      [a1!, 'completed'],
      [a2!, 'duplicate'],
    ] as const)
      await bob.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
        ...P,
        issue_number: issue.number,
        state: 'closed',
        state_reason: reason as 'completed',
      });
    expect(a2!.state_reason).toBe('duplicate');
    expect((await sync(s)).code).toBe(0);
    const text = fileAt(s, repo, 'main', PATH)!;
    const postmortem = parsePostmortem(PATH, text);
    expect(postmortem.actionItems.map((i) => i.status)).toEqual(['Done', 'Duplicate']);
    expect(postmortem.frontMatter.data.status).toBe('published');
  });
});

/** An incident issue labelled by carol, delivered to the app; resolves when every webhook settled. */
async function incident(harness: Harness, title = 'Payments API: connection pool exhausted') {
  harness.sandbox.setWebhook(harness.appUrl);
  const alice = harness.as('alice');
  const { data: issue } = await alice.request('POST /repos/{owner}/{repo}/issues', {
    ...P,
    title,
    body: 'Checkout is failing',
  });
  await harness.as('carol').request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
    ...P,
    issue_number: issue.number,
    labels: ['incident'],
  });
  await harness.sandbox.settled();
  return issue.number as number;
}

const pulls = (harness: Harness) => [...harness.repo.issues.values()].filter((i) => i.pull);

describe('opening the postmortem', () => {
  test('a plan without draft pull requests: the PR opens ready and says why; the incident gets its link', async () => {
    h = await startHarness();
    h.repo.behaviours.draftPullRequests = false;
    const number = await incident(h);
    const [pull] = pulls(h);
    expect(pull?.pull?.draft).toBe(false);
    expect(pull?.body).toContain('does not support draft pull requests');
    const refused = h.sandbox.log.filter((e) => e.route === '/repos/{owner}/{repo}/pulls');
    expect(refused.map((e) => `${e.method} ${e.status}`)).toEqual(['POST 422', 'POST 201']);
    const comments = h.repo.issues.get(number)!.comments.map((c) => c.body);
    expect(comments.some((c) => c.includes(`/pull/${pull!.number}`))).toBe(true);
  });
});

/**
 * The app run once with a token, as `command: app` runs it in a workflow (a person's token, or
 * the workflow's), for an incident label on a new issue. Returns what the run threw, if anything.
 */
async function appRunWith(
  s: Sandbox,
  token: string,
  labeledBy: string,
  existing?: number,
): Promise<Error | null> {
  const alice = client(s, 'alice');
  const issue = existing
    ? { number: existing }
    : (
        await alice.request('POST /repos/{owner}/{repo}/issues', {
          ...P,
          title: 'Payments API: connection pool exhausted',
          body: 'Checkout is failing',
        })
      ).data;
  await client(s, labeledBy).request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
    ...P,
    issue_number: issue.number,
    labels: ['incident'],
  });
  const payload = example('issues', 'labeled');
  payload.repository = (await alice.request('GET /repos/{owner}/{repo}', P)).data;
  payload.issue = (
    await alice.request('GET /repos/{owner}/{repo}/issues/{issue_number}', {
      ...P,
      issue_number: issue.number,
    })
  ).data;
  payload.label = { name: 'incident', color: 'ededed' };
  payload.sender = { ...payload.sender, login: labeledBy };
  delete payload.installation;
  delete payload.organization;
  const probot = new Probot({
    githubToken: token,
    baseUrl: s.url,
    logLevel: 'fatal',
    Octokit: UnthrottledOctokit,
  });
  await probot.load(hindsightApp({ templates: () => loadTemplates() }));
  try {
    await probot.receive({ id: 'run-1', name: 'issues', payload } as never);
    return null;
  } catch (error) {
    return error as Error;
  }
}

describe('review requests', () => {
  test('run with a person’s token, the PR’s author is left out of the review request and the others are asked', async () => {
    const { sandbox: s, repo } = await world({
      files: { '.github/postmortem.yml': 'open:\n  reviewers: ["@bob"]\n' },
    });
    repo.collaborators.add('carol');
    expect(await appRunWith(s, s.userToken('carol'), 'carol')).toBeNull();
    const [pull] = [...repo.issues.values()].filter((i) => i.pull);
    expect(pull?.user.login).toBe('carol');
    expect(pull?.pull?.requestedReviewers).toEqual(['bob']);
    const asked = s.log.filter((e) => e.route.endsWith('/requested_reviewers'));
    expect(asked.map((e) => e.status)).toEqual([201]);
  });
});

const SECOND = 'postmortems/2026-11-02-cache-stampede.md';
const second = REPORT.replace('Queue backlog', 'Cache stampede')
  .replace('date: 2026-11-01', 'date: 2026-11-02')
  .replace('Alert on queue age over 5 minutes', 'Jitter cache expiry')
  .replace('Autoscale workers on queue depth', 'Request coalescing in the cache client');

describe('a default branch that takes changes only through pull requests', () => {
  test.each([
    ['branch protection (409)', 'branch-protection', 409],
    ['a ruleset (422)', 'ruleset', 422],
  ] as const)(
    '%s: sync tells it from a stale sha, writes back through the sync PR instead and says so',
    async (_name, guard, status) => {
      const { sandbox: s, repo } = await world({
        files: { [PATH]: REPORT, [SECOND]: second },
        behaviours: { defaultBranch: guard },
      });
      const main = repo.refs.get('refs/heads/main');
      const run = await sync(s);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain('main takes changes only through pull requests');
      expect(run.stderr).toContain('actionItems.writeBack: pull-request');
      expect(repo.refs.get('refs/heads/main')).toBe(main);
      // One refused write on main, no retries of it; both reports on the one sync PR.
      const puts = s.log.filter(
        (e) =>
          e.method === 'PUT' &&
          e.route.endsWith('/contents/{path}') &&
          !e.path.includes('sync-state'),
      );
      expect(puts.map((e) => e.status)).toEqual([status, 200, 200]);
      // What the run saw goes on a branch of its own, which the guard of main does not cover.
      expect(repo.refs.get('refs/heads/hindsight/sync-state')).toBeDefined();
      const [pull] = [...repo.issues.values()].filter((i) => i.pull);
      expect(pull?.pull?.head).toBe('hindsight/action-item-sync');
      for (const path of [PATH, SECOND])
        expect(
          parsePostmortem(
            path,
            fileAt(s, repo, 'hindsight/action-item-sync', path)!,
          ).actionItems.map((i) => i.issue),
        ).toEqual([expect.stringMatching(/^#\d+$/), expect.stringMatching(/^#\d+$/)]);
    },
  );

  test('a ruleset refuses the forced update of a merged sync branch: it is started afresh from main', async () => {
    const { sandbox: s, repo } = await world({
      files: {
        [PATH]: REPORT,
        '.github/postmortem.yml': 'actionItems:\n  writeBack: pull-request\n',
      },
      behaviours: { defaultBranch: 'ruleset' },
    });
    // A sync branch left by an earlier, squash-merged PR: main does not contain its head.
    const main = repo.refs.get('refs/heads/main')!;
    const old = s.state.commit(repo, {
      parent: main,
      message: 'old sync',
      changes: { 'postmortems/old.txt': 'x' },
      author: s.state.user('alice'),
    });
    repo.refs.set('refs/heads/hindsight/action-item-sync', old);
    const run = await sync(s);
    expect(run.code).toBe(0);
    const refs = s.log.filter((e) => e.route.startsWith('/repos/{owner}/{repo}/git/refs'));
    expect(refs.map((e) => `${e.method} ${e.status}`)).toEqual([
      'POST 422',
      'PATCH 422',
      'DELETE 204',
      'POST 201',
      // The sync state's own branch (hindsight/sync-state), made once at the end of the first run.
      'POST 201',
    ]);
    expect(repo.refs.get('refs/heads/hindsight/sync-state')).toBeDefined();
    const head = repo.refs.get('refs/heads/hindsight/action-item-sync')!;
    expect(s.state.isAncestor(repo, main, head)).toBe(true);
    expect(s.state.isAncestor(repo, old, head)).toBe(false);
    expect([...repo.issues.values()].filter((i) => i.pull)).toHaveLength(1);
  });
});

test('one postmortem that fails to sync never stops the others; the run says which failed', async () => {
  const { sandbox: s, repo } = await world({ files: { [PATH]: REPORT, [SECOND]: second } });
  let puts = 0;
  s.beforeRequest(async ({ method, route }) => {
    if (method === 'PUT' && route.endsWith('/contents/{path}') && ++puts === 1) {
      const { HttpError } = await import('../src/sandbox/http.js');
      throw new HttpError(500, 'Server Error');
    }
  });
  const run = await sync(s);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(`1 postmortem could not be synced (the others were):\n  ${PATH}:`);
  expect([...repo.issues.values()]).toHaveLength(4);
  const secondItems = parsePostmortem(SECOND, fileAt(s, repo, 'main', SECOND)!).actionItems;
  expect(secondItems.map((i) => i.issue)).toEqual(['#3', '#4']);
});

describe("a workflow's GITHUB_TOKEN", () => {
  test('not allowed to open PRs (the default for new repositories): command app fails naming the repository setting', async () => {
    const { sandbox: s, repo } = await world();
    repo.behaviours.actionsCanCreatePullRequests = false;
    const error = await appRunWith(s, s.workflowToken('acme/payments'), 'alice');
    const message = String((error as { errors?: Error[] })?.errors?.[0]?.message ?? error);
    expect(message).toContain(
      'Settings → Actions → General → Workflow permissions → "Allow GitHub Actions to create and approve pull requests"',
    );
    expect(s.log.filter((e) => e.method === 'POST' && e.route.endsWith('/pulls'))).toEqual([
      expect.objectContaining({ status: 403 }),
    ]);
  });

  test('sync with writeBack: pull-request and no PR permission fails naming the setting', async () => {
    const { sandbox: s, repo } = await world({
      files: {
        [PATH]: REPORT,
        '.github/postmortem.yml': 'actionItems:\n  writeBack: pull-request\n',
      },
    });
    repo.behaviours.actionsCanCreatePullRequests = false;
    const run = await sync(s, s.workflowToken('acme/payments'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('"Allow GitHub Actions to create and approve pull requests"');
  });

  test('cannot reach actionItems.repository: sync fails before writing anything and names the token needed', async () => {
    const { sandbox: s } = await world({
      files: {
        [PATH]: REPORT,
        '.github/postmortem.yml': 'actionItems:\n  repository: acme/tracker\n',
      },
    });
    s.state.createRepo({ owner: 'acme', name: 'tracker', private: true });
    const run = await sync(s, s.workflowToken('acme/payments'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The token cannot reach acme/tracker');
    expect(run.stderr).toContain('issues: write on acme/tracker');
    expect(s.log.filter((e) => e.method !== 'GET')).toEqual([]);
  });
});

describe("GitHub's issue limits (title 256, body 65,536 characters)", () => {
  test('a long action in a long-named postmortem: the issue title is fitted (its id kept), and later syncs change nothing', async () => {
    const slug = 'a'.repeat(150);
    const path = `postmortems/2026-11-01-${slug}.md`;
    const long = `Move the payments queue ${'to a partitioned topic and '.repeat(8)}measure it`;
    const { sandbox: s, repo } = await world({
      files: { [path]: REPORT.replace('Alert on queue age over 5 minutes', long) },
    });
    expect((await sync(s)).code).toBe(0);
    const [a1, a2] = [...repo.issues.values()];
    expect([...a1!.title].length).toBeLessThanOrEqual(256);
    expect(a1!.title).toMatch(
      new RegExp(`^Move the payments queue .*… \\(2026-11-01-${slug} A1\\)$`),
    );
    expect(a1!.body).toContain(long);
    expect(a2!.title).toBe(`Autoscale workers on queue depth (2026-11-01-${slug} A2)`);
    // The second run reads again what the first one wrote (its commit, its new issues) and
    // changes nothing but the sync state; the third writes nothing at all.
    const writes = () => s.log.filter((e) => e.method !== 'GET');
    const before = writes().length;
    expect((await sync(s)).code).toBe(0);
    expect(
      writes()
        .slice(before)
        .map((e) => `${e.method} ${decodeURIComponent(e.path)}`),
    ).toEqual(['PUT /repos/acme/payments/contents/.hindsight/sync-state.json']);
    const after = writes().length;
    expect((await sync(s)).code).toBe(0);
    expect(writes()).toHaveLength(after);
  });

  test('a report over 65,536 characters opened as an issue: the body is cut before its marker and says so', async () => {
    const { sandbox: s, repo } = await world({
      files: { '.github/postmortem.yml': 'open:\n  as: issue\n' },
    });
    repo.collaborators.add('carol');
    // An incident with 400 long comments: each becomes a timeline row of the report.
    const alice = client(s, 'alice');
    const { data: incidentIssue } = await alice.request('POST /repos/{owner}/{repo}/issues', {
      ...P,
      title: 'Long incident',
      body: 'x',
    });
    for (let n = 0; n < 400; n++)
      await alice.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...P,
        issue_number: incidentIssue.number,
        body: `Update ${n}: ${'the queue is still draining slowly '.repeat(5)}`,
      });
    expect(await appRunWith(s, s.userToken('carol'), 'carol', incidentIssue.number)).toBeNull();
    const created = [...repo.issues.values()].find((i) => i.title.startsWith('Postmortem'))!;
    expect([...created.body!].length).toBeLessThanOrEqual(65_536);
    expect(created.body).toMatch(/characters were cut here to fit GitHub's limit of 65,536/);
    expect(created.body!.endsWith(`<!-- hindsight:incident ${incidentIssue.number} -->`)).toBe(
      true,
    );
  });
});

/** Postmortems dated in October (older than any incident here), each with one action item. */
const october = (count: number) =>
  Object.fromEntries(
    Array.from({ length: count }, (_, n) => {
      const day = String(n + 1).padStart(2, '0');
      return [
        `postmortems/2026-10-${day}-old.md`,
        REPORT.replace('date: 2026-11-01', `date: 2026-10-${day}`).replace(/\| A2 .*\n/, ''),
      ];
    }),
  );

describe('folders past the contents API’s 1,000 entries, read from git trees', () => {
  test('sync reads every postmortem of a folder the contents API would cut short', async () => {
    const files = { ...october(5), 'README.md': '# payments\n' };
    const { sandbox: s, repo } = await world({ files, behaviours: { contentsListingLimit: 3 } });
    expect((await sync(s)).code).toBe(0);
    expect([...repo.issues.values()]).toHaveLength(5);
    expect(s.log.some((e) => e.route.endsWith('/git/trees/{tree_sha}'))).toBe(true);
  });

  test('a truncated recursive tree: the folder is read level by level, and every postmortem synced', async () => {
    const noise = Object.fromEntries(
      Array.from({ length: 30 }, (_, n) => [`src/file-${n}.ts`, `export const n = ${n};\n`]),
    );
    const { sandbox: s, repo } = await world({
      files: { ...october(5), ...noise },
      behaviours: { contentsListingLimit: 3, treeEntryLimit: 10 },
    });
    expect((await sync(s)).code).toBe(0);
    expect([...repo.issues.values()]).toHaveLength(5);
    const trees = s.log.filter((e) => e.route.endsWith('/git/trees/{tree_sha}'));
    expect(trees.map((e) => e.path.includes('recursive'))).toEqual([true, false, false]);
  });

  test('an incident whose postmortem already landed, past the first 1,000 entries, is linked and never opened again', async () => {
    const landed = 'postmortems/2026-11-20-payments-api-connection-pool-exhausted.md';
    const { sandbox: s, repo } = await world({
      files: {
        ...october(4),
        [landed]: REPORT.replace('date: 2026-11-01', 'date: 2026-11-20').replace(
          'status: published',
          'status: published\nincident: 1',
        ),
      },
      behaviours: { contentsListingLimit: 3 },
    });
    repo.collaborators.add('carol');
    expect(await appRunWith(s, s.userToken('carol'), 'carol')).toBeNull();
    expect([...repo.issues.values()].filter((i) => i.pull)).toHaveLength(0);
    const comment = repo.issues.get(1)!.comments.at(-1)!.body;
    expect(comment).toContain(`https://github.com/acme/payments/blob/main/${landed}`);
  });
});

describe('pushes past compare’s 300 files, and a commit’s paged files', () => {
  const gatewayFor = async (s: Sandbox) => {
    const { createGateway } = await import('../src/github/gateway.js');
    return createGateway(client(s, 'alice') as never, P);
  };

  test('compare at its cap: the trees are compared, so a postmortem sorted last is not skipped', async () => {
    // GitHub's cap (300): the sandbox lists the first 300 of 306, as GitHub does.
    const { sandbox: s, repo } = await world();
    const before = repo.refs.get('refs/heads/main')!;
    const changes: Record<string, string> = { 'postmortems/2026-11-21-new.md': REPORT };
    for (let n = 0; n < 305; n++) changes[`a/file-${n}.ts`] = `${n}\n`;
    const after = s.state.commit(repo, {
      parent: before,
      message: 'big push',
      changes,
      author: s.state.user('alice'),
    });
    const files = await (await gatewayFor(s)).listPushFiles(before, after);
    expect(files).toHaveLength(306);
    expect(files).toContainEqual({ path: 'postmortems/2026-11-21-new.md', status: 'added' });
  });

  test('a new branch’s commit: every page of its files', async () => {
    const { sandbox: s, repo } = await world({ behaviours: { commitFilesPerPage: 3 } });
    const changes: Record<string, string> = { 'postmortems/2026-11-21-new.md': REPORT };
    for (let n = 0; n < 8; n++) changes[`a/file-${n}.ts`] = `${n}\n`;
    const after = s.state.commit(repo, {
      parent: repo.refs.get('refs/heads/main')!,
      message: 'big commit',
      changes,
      author: s.state.user('alice'),
    });
    const files = await (await gatewayFor(s)).listPushFiles(null, after);
    expect(files.map((f) => f.path)).toContain('postmortems/2026-11-21-new.md');
    expect(files).toHaveLength(9);
  });
});

describe('links on GitHub Enterprise Server and ghe.com', () => {
  test('hindsight sync links each issue to its postmortem on the repository’s own web host', async () => {
    sandbox = await startSandbox({ webHost: 'https://ghe.example.com' });
    const repo = sandbox.state.createRepo({
      owner: 'acme',
      name: 'payments',
      collaborators: ['alice', 'bob'],
      files: { [PATH]: REPORT },
    });
    expect((await sync(sandbox)).code).toBe(0);
    const [a1] = [...repo.issues.values()];
    expect(a1!.body).toContain(`(https://ghe.example.com/acme/payments/blob/main/${PATH})`);
  });

  test('the app links each issue on the repository’s own web host', async () => {
    h = await startHarness({ collaborators: ['alice', 'bob'] });
    const { useWebHost } = await import('../src/sandbox/web.js');
    useWebHost(h.sandbox.url, 'https://acme.ghe.com');
    h.sandbox.setWebhook(h.appUrl);
    const before = h.repo.refs.get('refs/heads/main')!;
    const after = h.sandbox.state.commit(h.repo, {
      parent: before,
      message: 'Postmortem',
      changes: { [PATH]: REPORT },
      author: h.sandbox.state.user('alice'),
    });
    h.repo.refs.set('refs/heads/main', after);
    h.sandbox.state.emit?.({ kind: 'push', repo: h.repo, ref: 'refs/heads/main', before, after });
    await h.sandbox.settled();
    useWebHost(h.sandbox.url, null);
    const [a1] = [...h.repo.issues.values()];
    expect(a1!.body).toContain(`(https://acme.ghe.com/acme/payments/blob/main/${PATH})`);
  });
});

describe('an empty repository (409 "Git Repository is empty.")', () => {
  test('the incident is told what to do, once; nothing else is written', async () => {
    const { sandbox: s, repo } = await world({ empty: true });
    repo.collaborators.add('carol');
    expect(await appRunWith(s, s.userToken('carol'), 'carol')).toBeNull();
    expect(await appRunWith(s, s.userToken('carol'), 'carol', 1)).toBeNull();
    const comments = repo.issues.get(1)!.comments.map((c) => c.body);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toContain('acme/payments has no commits yet');
    expect(comments[0]).toContain('Push a first commit to `main`');
    expect(s.log.some((e) => e.status === 409)).toBe(true);
    expect(s.log.filter((e) => e.method !== 'GET').map((e) => e.route)).toEqual([
      '/repos/{owner}/{repo}/issues',
      '/repos/{owner}/{repo}/issues/{issue_number}/labels',
      '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      '/repos/{owner}/{repo}/issues/{issue_number}/labels',
    ]);
  });
});

describe('team review requests need the app’s members: read', () => {
  test('an installation with app.yml’s permissions asks the team; one without members is refused with 422 and the people are still asked', async () => {
    const { parse } = await import('yaml');
    const { readFile } = await import('node:fs/promises');
    const manifest = parse(await readFile(new URL('../app.yml', import.meta.url), 'utf8'));
    const asked: Record<string, { people: string[]; teams: string[] }> = {};
    for (const [name, readsMembers] of [
      ['app.yml', 'members' in manifest.default_permissions],
      ['without members', false],
    ] as const) {
      h = await startHarness({ config: 'open: { reviewers: ["@carol", "@acme/sre"] }\n' });
      h.repo.behaviours.installationReadsMembers = readsMembers;
      h.sandbox.state.teams.set('acme/sre', { org: 'acme', slug: 'sre', members: ['carol'] });
      await incident(h);
      const [pull] = pulls(h);
      asked[name] = { people: pull!.pull!.requestedReviewers, teams: pull!.pull!.requestedTeams };
      if (!readsMembers)
        expect(
          h.sandbox.log
            .filter((e) => e.route.endsWith('/requested_reviewers'))
            .map((e) => e.status),
        ).toEqual([422, 201]);
      await h.close();
      h = undefined;
    }
    expect(asked['app.yml']).toEqual({ people: ['carol'], teams: ['sre'] });
    expect(asked['without members']).toEqual({ people: ['carol'], teams: [] });
  });
});
