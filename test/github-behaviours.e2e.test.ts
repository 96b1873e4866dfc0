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
async function appRunWith(s: Sandbox, token: string, labeledBy: string): Promise<Error | null> {
  const alice = client(s, 'alice');
  const { data: issue } = await alice.request('POST /repos/{owner}/{repo}/issues', {
    ...P,
    title: 'Payments API: connection pool exhausted',
    body: 'Checkout is failing',
  });
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
