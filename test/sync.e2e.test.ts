import { afterEach, describe, expect, test } from 'vitest';
import { parsePostmortem } from '../src/core/index.js';
import { deliver } from '../src/sandbox/index.js';
import { startHarness, type Harness } from './helpers/app-harness.js';

// Action items become issues and their status flows back, on the sandbox with the real app:
// the sandbox delivers the webhooks its API calls cause (a merge pushes, a close closes).
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const P = { owner: 'acme', repo: 'payments' };
const PATH = 'postmortems/2026-11-20-payments-outage.md';
const REPORT = `---
title: "Payments outage"
incident: 1
status: published
severity: SEV2
date: 2026-11-20
owner: "@alice"
---
# Payments outage

## Summary

Checkout failed for 32 minutes.

## Action items

| ID | Action | Owner | Priority | Due | Status | Issue |
| --- | --- | --- | --- | --- | --- | --- |
| A1 | Alert when pool use stays above 80% | @alice | P1 | 2026-12-01 | Open | |
| A2 | Backoff and a retry cap in the payments client | @bob | P1 | 2026-12-02 | Open | |
| A3 | Gate canary promotion on pool saturation | @carol | P2 | 2026-12-10 | Open | |
| A4 | Load test the retry policy | @zed | P2 | 2026-12-11 | Open | |
| A5 | Dashboard with deploys and errors together | @bob | P3 | 2026-12-12 | Open | |
`;

/** Merges the postmortem through a PR and waits for every webhook (and what they cause) to settle. */
async function merged(harness: Harness, path = PATH, text = REPORT) {
  harness.sandbox.setWebhook(harness.appUrl);
  const alice = harness.as('alice');
  const main = harness.repo.refs.get('refs/heads/main')!;
  const branch = `pm-${path.slice(path.lastIndexOf('/') + 1, -3)}`;
  await alice.request('POST /repos/{owner}/{repo}/git/refs', {
    ...P,
    ref: `refs/heads/${branch}`,
    sha: main,
  });
  await alice.request('PUT /repos/{owner}/{repo}/contents/{path}', {
    ...P,
    path,
    branch,
    message: 'Postmortem',
    content: Buffer.from(text).toString('base64'),
  });
  const { data: pull } = await alice.request('POST /repos/{owner}/{repo}/pulls', {
    ...P,
    title: 'Postmortem',
    head: branch,
    base: 'main',
  });
  await harness.as('bob').request('PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge', {
    ...P,
    pull_number: pull.number,
  });
  await harness.sandbox.settled();
}

function report(harness: Harness): string {
  const head = harness.repo.commits.get(harness.repo.refs.get('refs/heads/main')!)!;
  return harness.repo.blobs.get(head.tree.get(PATH)!)!.toString('utf8');
}
const botCommits = (harness: Harness) => {
  const out: string[] = [];
  for (
    let sha: string | undefined = harness.repo.refs.get('refs/heads/main');
    sha;
    sha = harness.repo.commits.get(sha)!.parents[0]
  ) {
    const commit = harness.repo.commits.get(sha)!;
    if (commit.author.login === 'hindsight[bot]') out.push(commit.message.split('\n')[0]!);
  }
  return out;
};
const actionIssues = (harness: Harness) =>
  [...harness.repo.issues.values()].filter((i) => i.labels.includes('postmortem-action'));

describe('action items become issues, linked both ways', () => {
  test('a merged postmortem with 5 items gives 5 issues and one commit linking them', async () => {
    h = await startHarness({ collaborators: ['alice', 'bob', 'carol'] });
    await merged(h);
    const issues = actionIssues(h);
    expect(issues.map((i) => i.title)).toEqual([
      'Alert when pool use stays above 80% (2026-11-20-payments-outage A1)',
      'Backoff and a retry cap in the payments client (2026-11-20-payments-outage A2)',
      'Gate canary promotion on pool saturation (2026-11-20-payments-outage A3)',
      'Load test the retry policy (2026-11-20-payments-outage A4)',
      'Dashboard with deploys and errors together (2026-11-20-payments-outage A5)',
    ]);
    expect(issues.map((i) => i.assignees)).toEqual([['alice'], ['bob'], ['carol'], [], ['bob']]);
    expect(issues.map((i) => i.labels)).toEqual([
      ['postmortem-action', 'P1'],
      ['postmortem-action', 'P1'],
      ['postmortem-action', 'P2'],
      ['postmortem-action', 'P2'],
      ['postmortem-action', 'P3'],
    ]);
    expect(issues[0]!.body).toContain(
      `- Postmortem: [${PATH}](https://github.com/acme/payments/blob/main/${PATH})`,
    );
    expect(issues[0]!.body).toContain(`<!-- hindsight:action-item ${PATH}#A1 -->`);

    const items = parsePostmortem(PATH, report(h)).actionItems;
    expect(items.map((i) => i.issue)).toEqual(issues.map((i) => `#${i.number}`));
    expect(botCommits(h)).toEqual([`Sync action items of ${PATH}`]);
    // Only the Issue cells changed.
    expect(report(h).replace(/\| #\d+ \|\n/g, '| |\n')).toBe(REPORT);
  });

  test('an action-item issue a person opens with an item’s marker takes nothing over', async () => {
    h = await startHarness({ collaborators: ['alice', 'bob', 'carol', 'mallory'] });
    // Mallory (who may label issues) plants an issue for A1 before the postmortem lands.
    const { data: planted } = await h.as('mallory').request('POST /repos/{owner}/{repo}/issues', {
      ...P,
      title: 'Alert when pool use stays above 80% (2026-11-20-payments-outage A1)',
      body: `Closed, nothing to do.\n\n<!-- hindsight:action-item ${PATH}#A1 -->`,
      labels: ['postmortem-action'],
    });
    await h.as('mallory').request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...P,
      issue_number: planted.number,
      state: 'closed',
    });
    await merged(h);
    const ours = actionIssues(h).filter((i) => i.user.login === 'hindsight[bot]');
    expect(ours).toHaveLength(5);
    const items = parsePostmortem(PATH, report(h)).actionItems;
    // A1 links the app's own issue, and stays Open: the planted, closed one is ignored.
    expect(items[0]!.issue).toBe(`#${ours[0]!.number}`);
    expect(items[0]!.issue).not.toBe(`#${planted.number}`);
    expect(items[0]!.status).toBe('Open');
  });

  test('closing two (one as not planned) and reopening one: the report follows, one commit per sync', async () => {
    h = await startHarness();
    await merged(h);
    const [a1, a2, a3] = actionIssues(h);
    const bob = h.as('bob');
    await bob.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...P,
      issue_number: a1!.number,
      state: 'closed',
      state_reason: 'completed',
    });
    await h.sandbox.settled();
    await bob.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...P,
      issue_number: a2!.number,
      state: 'closed',
      state_reason: 'not_planned',
    });
    await h.sandbox.settled();
    await bob.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...P,
      issue_number: a1!.number,
      state: 'open',
    });
    await h.sandbox.settled();
    const items = parsePostmortem(PATH, report(h)).actionItems;
    expect(items.map((i) => i.status)).toEqual(['Open', "Won't do", 'Open', 'Open', 'Open']);
    expect(botCommits(h)).toHaveLength(4);
    expect(a3!.state).toBe('open');
  });

  test('a redelivered close, a re-run sync and two syncs at once leave one issue per item and no duplicate commits', async () => {
    h = await startHarness();
    await merged(h);
    const [a1] = actionIssues(h);
    await h.as('bob').request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...P,
      issue_number: a1!.number,
      state: 'closed',
    });
    await h.sandbox.settled();
    const commits = botCommits(h).length;
    const closed = h.sandbox.deliveries.find((d) => d.name === 'issues' && d.action === 'closed')!;
    h.sandbox.setWebhook(null);

    // The close, redelivered with its delivery id; the merge's push, twice at once.
    const issueJson = (
      await h.as('bob').request('GET /repos/{owner}/{repo}/issues/{issue_number}', {
        ...P,
        issue_number: a1!.number,
      })
    ).data;
    const repository = (await h.as('bob').request('GET /repos/{owner}/{repo}', P)).data;
    const installation = { id: h.repo.installationId };
    await deliver({
      url: h.appUrl,
      secret: h.sandbox.app.webhookSecret,
      name: 'issues',
      id: closed.id,
      payload: {
        action: 'closed',
        issue: issueJson,
        repository,
        sender: { login: 'bob' },
        installation,
      },
    });
    const main = h.repo.refs.get('refs/heads/main')!;
    const push = {
      ref: 'refs/heads/main',
      before: main,
      after: main,
      deleted: false,
      commits: [{ id: main, added: [PATH], modified: [], removed: [] }],
      repository,
      sender: { login: 'bob' },
      installation,
    };
    await Promise.all([
      deliver({ url: h.appUrl, secret: h.sandbox.app.webhookSecret, name: 'push', payload: push }),
      deliver({ url: h.appUrl, secret: h.sandbox.app.webhookSecret, name: 'push', payload: push }),
    ]);

    expect(actionIssues(h)).toHaveLength(5);
    expect(botCommits(h)).toHaveLength(commits);
    expect(parsePostmortem(PATH, report(h)).actionItems[0]!.status).toBe('Done');
  });

  test('a human edit racing the write-back is kept', async () => {
    h = await startHarness();
    const harness = h;
    let raced = false;
    h.sandbox.beforeRequest(({ method, route, caller }) => {
      if (
        raced ||
        method !== 'PUT' ||
        route !== '/repos/{owner}/{repo}/contents/{path}' ||
        caller.kind !== 'installation'
      )
        return;
      raced = true;
      // Just before the app writes, a person commits an edit to the summary on main.
      const main = harness.repo.refs.get('refs/heads/main')!;
      const text = harness.repo.blobs
        .get(harness.repo.commits.get(main)!.tree.get(PATH)!)!
        .toString('utf8');
      const sha = harness.sandbox.state.commit(harness.repo, {
        parent: main,
        message: 'Clarify summary',
        changes: {
          [PATH]: text.replace(
            'Checkout failed for 32 minutes.',
            'Checkout failed for 32 minutes, for 500 customers.',
          ),
        },
        author: harness.sandbox.state.user('alice'),
      });
      harness.repo.refs.set('refs/heads/main', sha);
    });
    await merged(h);
    expect(raced).toBe(true);
    const text = report(h);
    expect(text).toContain('Checkout failed for 32 minutes, for 500 customers.');
    expect(parsePostmortem(PATH, text).actionItems.map((i) => i.issue)).toEqual(
      actionIssues(h).map((i) => `#${i.number}`),
    );
    expect(
      h.sandbox.log
        .filter((e) => e.method === 'PUT' && e.caller === 'installation')
        .map((e) => e.status),
    ).toEqual([409, 200]);
  });

  test('writeBack: pull-request keeps one sync PR, updated, never several', async () => {
    h = await startHarness({ config: 'actionItems: { writeBack: pull-request }\n' });
    await merged(h);
    const [a1, a2] = actionIssues(h);
    await h.as('bob').request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...P,
      issue_number: a1!.number,
      state: 'closed',
    });
    await h.sandbox.settled();
    await h.as('bob').request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...P,
      issue_number: a2!.number,
      state: 'closed',
    });
    await h.sandbox.settled();
    const syncPulls = [...h.repo.issues.values()].filter(
      (i) => i.pull?.head === 'hindsight/action-item-sync',
    );
    expect(syncPulls).toHaveLength(1);
    expect(botCommits(h)).toEqual([]);
    const branch = h.repo.commits.get(h.repo.refs.get('refs/heads/hindsight/action-item-sync')!)!;
    const text = h.repo.blobs.get(branch.tree.get(PATH)!)!.toString('utf8');
    expect(parsePostmortem(PATH, text).actionItems.map((i) => i.status)).toEqual([
      'Done',
      'Done',
      'Open',
      'Open',
      'Open',
    ]);
  });

  test('writeBack: pull-request starts the next sync PR from the default branch once the last one merged', async () => {
    h = await startHarness({ config: 'actionItems: { writeBack: pull-request }\n' });
    await merged(h);
    const syncPulls = () =>
      [...h!.repo.issues.values()].filter((i) => i.pull?.head === 'hindsight/action-item-sync');
    const [first] = syncPulls();
    await h.as('alice').request('PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge', {
      ...P,
      pull_number: first!.number,
    });
    await h.sandbox.settled();
    expect(
      parsePostmortem(PATH, report(h)).actionItems.every((i) => /^#\d+$/.test(i.issue ?? '')),
    ).toBe(true);

    // A second postmortem lands after the sync PR merged.
    const SECOND = 'postmortems/2026-11-22-search.md';
    await merged(
      h,
      SECOND,
      REPORT.replace(/\| A[2-5] .*\n/g, '').replace(
        'Alert when pool use',
        'Alert when search latency',
      ),
    );
    const open = syncPulls().filter((i) => i.state === 'open');
    expect(open).toHaveLength(1);
    const branch = h.repo.commits.get(h.repo.refs.get('refs/heads/hindsight/action-item-sync')!)!;
    const read = (path: string) =>
      parsePostmortem(path, h!.repo.blobs.get(branch.tree.get(path)!)!.toString('utf8'));
    expect(read(SECOND).actionItems.map((i) => i.issue)).toEqual([
      `#${actionIssues(h).at(-1)!.number}`,
    ]);
    // Built on today's main: the first report as merged, nothing reverted.
    expect(branch.tree.get(PATH)).toBe(
      h.repo.commits.get(h.repo.refs.get('refs/heads/main')!)!.tree.get(PATH),
    );
  });

  test('reassigning an issue moves the Owner cell', async () => {
    h = await startHarness();
    await merged(h);
    const [a1] = actionIssues(h);
    await h.as('alice').request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...P,
      issue_number: a1!.number,
      assignees: [],
    });
    await h.as('alice').request('POST /repos/{owner}/{repo}/issues/{issue_number}/assignees', {
      ...P,
      issue_number: a1!.number,
      assignees: ['carol'],
    });
    await h.sandbox.settled();
    expect(parsePostmortem(PATH, report(h)).actionItems[0]!.owner).toBe('@carol');
  });

  test('with actionItems.repository, issues go to that repository, linked as owner/repo#n, and their status comes back', async () => {
    h = await startHarness({ config: 'actionItems: { repository: acme/tracker }\n' });
    const tracker = h.sandbox.state.createRepo({
      owner: 'acme',
      name: 'tracker',
      installationId: h.repo.installationId,
      collaborators: ['alice', 'bob', 'carol'],
    });
    await merged(h);
    const issues = [...tracker.issues.values()];
    expect(issues).toHaveLength(5);
    expect(actionIssues(h)).toEqual([]);
    expect(issues[0]!.body).toContain(`<!-- hindsight:action-item acme/payments:${PATH}#A1 -->`);
    expect(issues[0]!.body).toContain('- Incident: acme/payments#1');
    expect(parsePostmortem(PATH, report(h)).actionItems.map((i) => i.issue)).toEqual(
      issues.map((i) => `acme/tracker#${i.number}`),
    );

    await h.as('bob').request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      owner: 'acme',
      repo: 'tracker',
      issue_number: issues[1]!.number,
      state: 'closed',
    });
    await h.sandbox.settled();
    expect(parsePostmortem(PATH, report(h)).actionItems[1]!.status).toBe('Done');
  });
});
