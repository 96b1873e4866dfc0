import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { expect, type TestContext, test } from 'vitest';
import { parsePostmortem } from '../src/core/index.js';
import { HttpError } from '../src/sandbox/http.js';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { NODE, ROOT, runBuiltAction } from './helpers/run-action.js';

// The scheduled path, for teams that do not run the app: the built Action with `command: sync`
// and `hindsight sync`, both against the sandbox. Each test has its own sandbox, and they run at
// once: one waits out the retry plugin's backoff on a refused connection (14 s, idle). Each starts
// processes, five at a time, hence timeouts above vitest's 20 s for a loaded machine.

const PATH = 'postmortems/2026-11-01-queue-backlog.md';
const REPORT = `---
title: Queue backlog
status: published
date: 2026-11-01
---
## Action items

| ID | Action | Owner | Priority | Due | Status | Issue |
| --- | --- | --- | --- | --- | --- | --- |
| A1 | Alert on queue age over 5 minutes | @alice | P1 | 2026-11-05 | Open | |
| A2 | Autoscale workers on queue depth | @bob | P2 | 2099-01-01 | Open | |
`;

async function world(
  onTestFinished: TestContext['onTestFinished'],
  extraFiles: Record<string, string> = {},
) {
  const sandbox = await startSandbox();
  onTestFinished(() => sandbox.close());
  const repo = sandbox.state.createRepo({
    owner: 'acme',
    name: 'payments',
    collaborators: ['alice', 'bob'],
    files: { [PATH]: REPORT, 'postmortems/notes.txt': 'not a postmortem', ...extraFiles },
  });
  return { sandbox, repo };
}

function cli(s: Sandbox, args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(
      NODE,
      [join(ROOT, 'dist/cli.js'), ...args],
      {
        env: { PATH: process.env.PATH, GITHUB_TOKEN: s.userToken('alice'), GITHUB_API_URL: s.url },
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

test.concurrent('hindsight sync --dry-run says what it would do and writes nothing', async ({
  onTestFinished,
}) => {
  const { sandbox: s } = await world(onTestFinished);
  const run = await cli(s, ['sync', '--repo', 'acme/payments', '--dry-run']);
  expect(run.code).toBe(0);
  expect(run.stdout).toBe(
    [
      `would ${PATH}: create issue "Alert on queue age over 5 minutes (2026-11-01-queue-backlog A1)" for @alice`,
      `would ${PATH}: create issue "Autoscale workers on queue depth (2026-11-01-queue-backlog A2)" for @bob`,
      `would ${PATH}: write the new issues' numbers into the Issue column of 2 item(s)`,
      'Dry run: 2 issues to create, 0 to update, 0 reminders, 1 report to write back (a commit to main); 0 review reminders; read every postmortem (1); nothing was written.',
      '',
    ].join('\n'),
  );
  expect(s.log.filter((e) => e.method !== 'GET')).toEqual([]);
  expect((await cli(s, ['sync'])).stderr).toBe(
    'hindsight: hindsight sync needs --repo owner/name.\n',
  );
}, 60_000);

test.concurrent('hindsight sync --dry-run plans what the run does: nothing to create when createIssues is off', async ({
  onTestFinished,
}) => {
  const { sandbox: s, repo } = await world(onTestFinished, {
    '.github/postmortem.yml': 'actionItems:\n  createIssues: false\n',
  });
  const dry = await cli(s, ['sync', '--repo', 'acme/payments', '--dry-run']);
  expect(dry.code).toBe(0);
  expect(dry.stdout).not.toContain('create issue');
  expect(dry.stdout).toContain('Dry run: 0 issues to create');
  const run = await cli(s, ['sync', '--repo', 'acme/payments']);
  expect(run.code).toBe(0);
  expect([...repo.issues.values()]).toHaveLength(0);
}, 60_000);

test.concurrent('the Action with command: sync creates the issues, writes back once, reminds once per due date, and a re-run writes nothing', async ({
  onTestFinished,
}) => {
  const { sandbox: s, repo } = await world(onTestFinished);
  const token = s.workflowToken();
  const run = () =>
    runBuiltAction({
      apiUrl: s.url,
      token,
      eventName: 'schedule',
      payload: { schedule: '0 7 * * *' },
      repository: 'acme/payments',
      inputs: { command: 'sync' },
    });

  const first = await run();
  expect(first.code).toBe(0);
  expect(first.outputs).toEqual({ created: '2', written: '1' });
  const report = () =>
    repo.blobs
      .get(repo.commits.get(repo.refs.get('refs/heads/main')!)!.tree.get(PATH)!)!
      .toString('utf8');
  const issues = [...repo.issues.values()];
  expect(parsePostmortem(PATH, report()).actionItems.map((i) => i.issue)).toEqual(
    issues.map((i) => `#${i.number}`),
  );

  // The second run finds A1 overdue (due 2026-11-05): one reminder, mentioning its owner.
  const second = await run();
  expect(second.code).toBe(0);
  const reminders = () => issues[0]!.comments.filter((c) => c.body.includes('hindsight:overdue'));
  expect(reminders()).toHaveLength(1);
  expect(reminders()[0]!.body).toContain(
    '@alice, this action item was due on 2026-11-05 and is still open.',
  );
  expect(issues[1]!.comments).toEqual([]);

  // A third run reads again the postmortem whose issue the reminder updated, and changes nothing
  // but the sync state; a fourth writes nothing at all.
  s.log.length = 0;
  const third = await run();
  expect(third.outputs).toEqual({ created: '0', written: '0' });
  expect(s.log.filter((e) => e.method !== 'GET').map((e) => decodeURIComponent(e.path))).toEqual([
    '/repos/acme/payments/contents/.hindsight/sync-state.json',
  ]);
  s.log.length = 0;
  const fourth = await run();
  expect(fourth.outputs).toEqual({ created: '0', written: '0' });
  expect(s.log.filter((e) => e.method !== 'GET')).toEqual([]);
  expect(reminders()).toHaveLength(1);
}, 60_000);

test.concurrent('hindsight sync names the endpoint, the status and the missing permission, never a bare "Not Found"', async ({
  onTestFinished,
}) => {
  const { sandbox: s } = await world(onTestFinished);
  const missing = await cli(s, ['sync', '--repo', 'acme/nowhere']);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toBe(
    `hindsight sync: GitHub API GET ${s.url}/repos/acme/nowhere answered 404 "Not Found": acme/nowhere does not exist or the token cannot see it (an app must be installed on it; a token needs access to it). If it does, the token probably lacks "metadata: read" (access to the repository).\n`,
  );

  const closed = await startSandbox();
  const closedUrl = closed.url;
  await closed.close();
  // Both at once: the retry plugin backs off on a connection failure before giving up.
  const cases = [
    [closedUrl, /connect ECONNREFUSED 127\.0\.0\.1:\d+/],
    ['http://127.0.0.1:1', /bad port: fetch refuses this port number/],
  ] as const;
  const runs = await Promise.all(
    cases.map(
      ([apiUrl]) =>
        new Promise<{ code: number; stderr: string }>((resolve) =>
          execFile(
            NODE,
            [join(ROOT, 'dist/cli.js'), 'sync', '--repo', 'acme/payments'],
            { env: { PATH: process.env.PATH, GITHUB_TOKEN: 'x', GITHUB_API_URL: apiUrl } },
            (error, _stdout, stderr) =>
              resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
          ),
        ),
    ),
  );
  for (const [n, [apiUrl, why]] of cases.entries()) {
    const run = runs[n]!;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `hindsight sync: GitHub API GET ${apiUrl}/repos/acme/payments could not be reached (`,
    );
    expect(run.stderr).toMatch(why);
    expect(run.stderr).toContain('check the API URL (GITHUB_API_URL');
  }
}, 90_000);

test.concurrent('the Action with command: sync names the endpoint and the missing permission when a write is refused', async ({
  onTestFinished,
}) => {
  const { sandbox: s } = await world(onTestFinished);
  // A token that can read but not write issues, as a workflow without `issues: write` has.
  s.beforeRequest(({ method, route }) => {
    if (method === 'POST' && route === '/repos/{owner}/{repo}/issues')
      throw new HttpError(403, 'Resource not accessible by integration');
  });
  const run = await runBuiltAction({
    apiUrl: s.url,
    token: s.workflowToken(),
    eventName: 'schedule',
    payload: { schedule: '0 7 * * *' },
    repository: 'acme/payments',
    inputs: { command: 'sync' },
  });
  expect(run.code).toBe(1);
  // Said for the postmortem it stopped (each is synced on its own), naming endpoint and permission.
  expect(run.stdout).toContain(
    `::error::Could not sync ${PATH}: GitHub API POST ${s.url}/repos/acme/payments/issues answered 403 "Resource not accessible by integration": the token probably lacks "issues: write".`,
  );
}, 60_000);
