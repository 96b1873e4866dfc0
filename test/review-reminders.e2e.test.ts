import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, test } from 'vitest';
import { deliver, startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { example, startHarness, type Harness } from './helpers/app-harness.js';
import { runBuiltAction } from './helpers/run-action.js';

// Review reminders: a draft past its review due date gets one comment, mentioning its owner,
// once per due date: from the app on pull_request and push webhooks (signed, real payloads), and
// from the scheduled Action (`command: sync`).
let h: Harness | undefined;
let s: Sandbox | undefined;
afterEach(async () => {
  await h?.close();
  await s?.close();
  h = undefined;
  s = undefined;
});

const P = { owner: 'acme', repo: 'payments' };
const PATH = 'postmortems/2026-01-02-cache-stampede.md';
const draft = (due: string, owner = '@bob') => `---
title: Cache stampede
incident: 1
status: draft
severity: SEV2
date: 2026-01-02
owner: "${owner}"
due: ${due}
---
# Cache stampede
`;

/** Alice opens a postmortem PR (labelled) with a draft on branch `pm`. */
async function postmortemPull(harness: Harness, text: string) {
  const alice = harness.as('alice');
  await alice.request('POST /repos/{owner}/{repo}/git/refs', {
    ...P,
    ref: 'refs/heads/pm',
    sha: harness.repo.refs.get('refs/heads/main')!,
  });
  await alice.request('PUT /repos/{owner}/{repo}/contents/{path}', {
    ...P,
    path: PATH,
    branch: 'pm',
    message: 'Draft',
    content: Buffer.from(text).toString('base64'),
  });
  const { data: pull } = await alice.request('POST /repos/{owner}/{repo}/pulls', {
    ...P,
    title: 'Postmortem: cache stampede',
    head: 'pm',
    base: 'main',
  });
  await alice.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
    ...P,
    issue_number: pull.number,
    labels: ['postmortem'],
  });
  return pull.number as number;
}

/** A signed `pull_request` webhook: the real example payload, filled with the sandbox's PR. */
async function sendPull(harness: Harness, number: number, action: string, id?: string) {
  const payload = example('pull_request', action);
  const alice = harness.as('alice');
  payload.action = action;
  payload.number = number;
  payload.pull_request = (
    await alice.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
      ...P,
      pull_number: number,
    })
  ).data;
  payload.repository = (await alice.request('GET /repos/{owner}/{repo}', P)).data;
  payload.sender = { ...payload.sender, login: 'alice' };
  payload.installation = { id: harness.repo.installationId, node_id: 'MDIz' };
  delete payload.organization;
  return deliver({
    url: harness.appUrl,
    secret: harness.sandbox.app.webhookSecret,
    name: 'pull_request',
    payload,
    ...(id ? { id } : {}),
  });
}

async function sendPush(harness: Harness) {
  const alice = harness.as('alice');
  const main = harness.repo.refs.get('refs/heads/main')!;
  const payload = example('push');
  Object.assign(payload, {
    ref: 'refs/heads/main',
    before: main,
    after: main,
    deleted: false,
    commits: [],
    repository: (await alice.request('GET /repos/{owner}/{repo}', P)).data,
    sender: { ...payload.sender, login: 'alice' },
    installation: { id: harness.repo.installationId, node_id: 'MDIz' },
  });
  delete payload.organization;
  return deliver({
    url: harness.appUrl,
    secret: harness.sandbox.app.webhookSecret,
    name: 'push',
    payload,
  });
}

/** The draft's blob sha on branch `pm`, for an update. */
async function shaOnPm(harness: Harness): Promise<string> {
  const { data } = await harness
    .as('alice')
    .request('GET /repos/{owner}/{repo}/contents/{path}', { ...P, path: PATH, ref: 'pm' });
  // A file path answers one object; the union type also covers directories.
  return (data as { sha: string }).sha;
}

const reminders = (harness: Harness, number: number) =>
  harness.repo.issues
    .get(number)!
    .comments.filter((comment) => comment.body.includes('<!-- hindsight:review-reminder '));

describe('review reminders from the app', () => {
  test('a draft PR past its due date gets one reminder mentioning the owner, however many events arrive', async () => {
    h = await startHarness({ files: { 'postmortems/.keep.md': '' } });
    const number = await postmortemPull(h, draft('2026-01-06'));
    const first = await sendPull(h, number, 'synchronize');
    expect(first.status).toBe(200);
    expect(reminders(h, number)).toHaveLength(1);
    expect(reminders(h, number)[0]!.body).toContain(
      '@bob, the review of `postmortems/2026-01-02-cache-stampede.md` was due on 2026-01-06',
    );
    // Redelivered, another event on the PR, and a push to main: still one.
    await sendPull(h, number, 'synchronize', first.id);
    await sendPull(h, number, 'edited');
    expect((await sendPush(h)).status).toBe(200);
    expect(reminders(h, number)).toHaveLength(1);

    // A new due date, also past: one more reminder, once.
    await h.as('alice').request('PUT /repos/{owner}/{repo}/contents/{path}', {
      ...P,
      path: PATH,
      branch: 'pm',
      message: 'New due date',
      content: Buffer.from(draft('2026-02-02')).toString('base64'),
      sha: await shaOnPm(h),
    });
    await sendPull(h, number, 'synchronize');
    await sendPush(h);
    expect(reminders(h, number).map((c) => /due on (\S+)/.exec(c.body)?.[1])).toEqual([
      '2026-01-06',
      '2026-02-02',
    ]);
  });

  test('a push looks at every open postmortem PR once a day, not on every push', async () => {
    let today = '2026-11-26';
    h = await startHarness({ now: () => new Date(`${today}T12:00:00Z`) });
    const number = await postmortemPull(h, draft('2026-01-06'));
    const listings = () =>
      h!.sandbox.log.filter((e) => e.method === 'GET' && e.route === '/repos/{owner}/{repo}/pulls')
        .length;
    const before = listings();
    expect((await sendPush(h)).status).toBe(200);
    expect(listings()).toBe(before + 1);
    expect(reminders(h, number)).toHaveLength(1);
    // More pushes the same day: no PR is looked at again.
    await sendPush(h);
    await sendPush(h);
    expect(listings()).toBe(before + 1);
    // The next day, the first push looks again (and finds the reminder already there).
    today = '2026-11-27';
    await sendPush(h);
    expect(listings()).toBe(before + 2);
    expect(reminders(h, number)).toHaveLength(1);
  });

  test('no reminder for a draft not yet due, nor for a PR without the postmortem label', async () => {
    h = await startHarness();
    const number = await postmortemPull(h, draft('2099-01-01'));
    await sendPull(h, number, 'synchronize');
    await sendPush(h);
    expect(reminders(h, number)).toEqual([]);
    // The same overdue draft on an unlabelled PR.
    const alice = h.as('alice');
    await alice.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', {
      ...P,
      issue_number: number,
      name: 'postmortem',
    });
    await alice.request('PUT /repos/{owner}/{repo}/contents/{path}', {
      ...P,
      path: PATH,
      branch: 'pm',
      message: 'Overdue now',
      content: Buffer.from(draft('2026-01-06')).toString('base64'),
      sha: await shaOnPm(h),
    });
    await sendPull(h, number, 'synchronize');
    expect(reminders(h, number)).toEqual([]);
  });
});

test('the scheduled Action reminds on the incident issue for a draft on the default branch, once', async () => {
  s = await startSandbox();
  const repo = s.state.createRepo({
    owner: 'acme',
    name: 'payments',
    collaborators: ['bob'],
    files: { '.github/postmortem.yml': 'directory: postmortems\n' },
  });
  const alice = new Octokit({ auth: s.userToken('alice'), baseUrl: s.url });
  const incident = (
    await alice.request('POST /repos/{owner}/{repo}/issues', { ...P, title: 'Cache stampede' })
  ).data as { number: number };
  const main = repo.refs.get('refs/heads/main')!;
  repo.refs.set(
    'refs/heads/main',
    s.state.commit(repo, {
      parent: main,
      message: 'Merge the draft',
      changes: {
        [PATH]: draft('2026-01-06', '@bob').replace('incident: 1', `incident: ${incident.number}`),
      },
      author: repo.owner,
    }),
  );
  const run = () =>
    runBuiltAction({
      apiUrl: s!.url,
      token: s!.workflowToken(),
      eventName: 'schedule',
      payload: { schedule: '0 7 * * *' },
      repository: 'acme/payments',
      inputs: { command: 'sync' },
    });
  expect((await run()).code).toBe(0);
  const comments = () =>
    repo.issues
      .get(incident.number)!
      .comments.filter((c) => c.body.includes('hindsight:review-reminder'));
  expect(comments()).toHaveLength(1);
  expect(comments()[0]!.body).toContain('@bob, the review of');
  s.log.length = 0;
  await run();
  expect(comments()).toHaveLength(1);
  expect(s.log.filter((e) => e.method !== 'GET')).toEqual([]);
});
