import { afterEach, expect, test } from 'vitest';
import { parsePostmortem } from '../src/core/index.js';
import { runSync } from '../src/flows/run-sync.js';
import { STATE_BRANCH, STATE_FILE } from '../src/flows/sync-state-store.js';
import { createOctokit } from '../src/github/rest-octokit.js';
import { HttpError } from '../src/sandbox/http.js';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import type { Repository } from '../src/sandbox/state.js';

// The scheduled sync at scale: after a first run that reads everything, each run reads only what
// changed since the one before (postmortems changed on main, issues updated, items fallen due,
// failures), through real HTTP against the sandbox, with the run's clock injected.
let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const report = (title: string, rows: string[]) => `---
title: ${title}
status: published
date: 2026-11-01
---
## Action items

| ID | Action | Owner | Priority | Due | Status | Issue |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
`;
const A = 'postmortems/2026-11-01-a.md';
const B = 'postmortems/2026-11-02-b.md';
const C = 'postmortems/2026-11-03-c.md';

async function world() {
  sandbox = await startSandbox();
  const repo = sandbox.state.createRepo({
    owner: 'acme',
    name: 'payments',
    collaborators: ['alice'],
    files: {
      [A]: report('A', [
        '| A1 | Alert on queue age | @alice | P1 | 2026-12-01 | Open | |',
        '| A2 | Autoscale workers | @alice | P2 | 2099-01-01 | Open | |',
      ]),
      [B]: report('B', ['| A1 | Jitter cache expiry | @alice | P1 | 2099-01-01 | Open | |']),
      [C]: report('C', ['| A1 | Coalesce requests | @alice | P1 | 2099-01-01 | Open | |']),
    },
  });
  return { s: sandbox, repo };
}

function syncer(s: Sandbox) {
  const octokit = createOctokit({
    token: s.userToken('alice'),
    baseUrl: s.url,
    log: { warn: () => {}, error: () => {} },
  });
  return async (today: string, options: { dryRun?: boolean; clock?: () => Date } = {}) => {
    const lines: string[] = [];
    const log = (m: string) => lines.push(m);
    const start = s.log.length;
    const report = await runSync({
      octokit,
      repo: 'acme/payments',
      knownTemplates: ['standard'],
      today,
      now: new Date(`${today}T07:00:00Z`),
      ...(options.clock ? { clock: options.clock } : {}),
      log: { info: log, warn: (m) => log(`warning: ${m}`), error: (m) => log(`error: ${m}`) },
      dryRun: options.dryRun ?? false,
    });
    const requests = s.log
      .slice(start)
      .map((e) => `${e.method} ${decodeURIComponent(e.path.split('?')[0]!)}`);
    return { report, lines, requests, writes: requests.filter((r) => !r.startsWith('GET ')) };
  };
}

const fileAt = (repo: Repository, branch: string, path: string) => {
  const blob = repo.commits.get(repo.refs.get(`refs/heads/${branch}`)!)!.tree.get(path);
  return blob ? repo.blobs.get(blob)!.toString('utf8') : null;
};
/** A person adds item A2 (after A1) to a postmortem on main. */
const addItem = (s: Sandbox, repo: Repository, path: string, action: string) =>
  repo.refs.set(
    'refs/heads/main',
    s.state.commit(repo, {
      parent: repo.refs.get('refs/heads/main')!,
      message: 'Add A2',
      changes: {
        [path]: fileAt(repo, 'main', path)!.replace(
          /(\| A1 .*\n)/,
          `$1| A2 | ${action} | @alice | P2 | 2099-01-01 | Open | |\n`,
        ),
      },
      author: s.state.user('alice'),
    }),
  );
const postmortemReads = (requests: string[]) =>
  requests.filter((r) => r.startsWith('GET /repos/acme/payments/contents/postmortems/'));

test('after one full read, a run reads only what changed; a quiet run is a handful of requests', async () => {
  const { s, repo } = await world();
  const sync = syncer(s);

  // 1. Cold: every postmortem read, the label listed, the issues made, and the state left (its
  //    head is the commit the run read, before its own write-backs).
  const read = repo.refs.get('refs/heads/main');
  const first = await sync('2026-11-26');
  expect(first.report.result.created).toBe(4);
  expect(postmortemReads(first.requests)).toHaveLength(3);
  expect(first.report.summary).toContain('read every postmortem (3)');
  const state = () => JSON.parse(fileAt(repo, STATE_BRANCH, STATE_FILE)!);
  expect(state().head).toBe(read);
  expect(state().postmortems).toEqual({
    [A]: { issues: [1, 2], wake: '2026-12-01' },
    [B]: { issues: [3], wake: '2099-01-01' },
    [C]: { issues: [4], wake: '2099-01-01' },
  });

  // 2. What the first run wrote (its three commits, its four issues) is read back once, and
  //    changes nothing but the state.
  const second = await sync('2026-11-26');
  expect(second.writes).toEqual([`PUT /repos/acme/payments/contents/${STATE_FILE}`]);

  // 3. Nothing changed: no postmortem read, no write, a handful of requests.
  const third = await sync('2026-11-26');
  expect(third.writes).toEqual([]);
  expect(postmortemReads(third.requests)).toEqual([]);
  expect(third.requests).toEqual([
    'GET /repos/acme/payments',
    'GET /repos/acme/payments/contents/.github/postmortem.yml',
    'GET /repos/acme/payments/git/ref/heads/main',
    `GET /repos/acme/payments/contents/${STATE_FILE}`,
    'GET /repos/acme/payments/issues',
    'GET /user',
    'GET /repos/acme/payments/pulls',
    'GET /repos/acme/payments/issues',
  ]);
  expect(third.report.summary).toContain('read 0 postmortems changed since the last sync');

  // 4. A person closes B's issue and rewords one of A's actions on main: A and B are read, nothing
  //    else; A's issues (older than the listing) are read one by one; B's report says Done, and
  //    A2's issue takes the new title.
  const issue3 = repo.issues.get(3)!;
  issue3.state = 'closed';
  issue3.state_reason = 'completed';
  issue3.closed_at = issue3.updated_at = s.state.timestamp();
  const main = repo.refs.get('refs/heads/main')!;
  repo.refs.set(
    'refs/heads/main',
    s.state.commit(repo, {
      parent: main,
      message: 'Reword',
      changes: {
        [A]: fileAt(repo, 'main', A)!.replace('Autoscale workers', 'Autoscale consumers'),
      },
      author: s.state.user('alice'),
    }),
  );
  const fourth = await sync('2026-11-26');
  expect(postmortemReads(fourth.requests).map((r) => r.split('contents/')[1])).toEqual([A, B]);
  expect(fourth.requests.filter((r) => /^GET .*issues\/\d+$/.test(r))).toEqual([
    'GET /repos/acme/payments/issues/1',
    'GET /repos/acme/payments/issues/2',
  ]);
  expect(fourth.writes).toEqual([
    'PATCH /repos/acme/payments/issues/2',
    `PUT /repos/acme/payments/contents/${B}`,
    `PUT /repos/acme/payments/contents/${STATE_FILE}`,
  ]);
  expect(parsePostmortem(B, fileAt(repo, 'main', B)!).actionItems[0]?.status).toBe('Done');
  expect(repo.issues.get(2)!.title).toContain('Autoscale consumers');
  // B's wake was read before its write-back; the next run reads B's new text (its own commit)
  // and finds nothing left to fall due.
  expect(state().postmortems[B]).toEqual({ issues: [3], wake: '2099-01-01' });
  await sync('2026-11-26');
  expect(state().postmortems[B]).toEqual({ issues: [3], wake: null });

  // 5. Days later, A1 falls due (2026-12-01): A alone is read, and its owner reminded once.
  expect((await sync('2026-11-27')).writes).toEqual([]);
  const due = await sync('2026-12-02');
  expect(postmortemReads(due.requests).map((r) => r.split('contents/')[1])).toEqual([A]);
  expect(due.writes).toEqual([
    'POST /repos/acme/payments/issues/1/comments',
    `PUT /repos/acme/payments/contents/${STATE_FILE}`,
  ]);
  expect(state().postmortems[A]).toEqual({ issues: [1, 2], wake: '2099-01-01' });
  expect(repo.issues.get(1)!.comments.map((c) => c.body)).toEqual([
    expect.stringContaining('@alice, this action item was due on 2026-12-01'),
  ]);
  // The reminder's own update is read back once; then quiet again.
  await sync('2026-12-02');
  expect((await sync('2026-12-02')).writes).toEqual([]);
});

test('a dry run reads through the state and writes nothing, not even the state', async () => {
  const { s, repo } = await world();
  const sync = syncer(s);
  const dry = await sync('2026-11-26', { dryRun: true });
  expect(dry.writes).toEqual([]);
  expect(repo.refs.get(`refs/heads/${STATE_BRANCH}`)).toBeUndefined();
  await sync('2026-11-26');
  await sync('2026-11-26');
  const quiet = await sync('2026-11-26', { dryRun: true });
  expect(quiet.writes).toEqual([]);
  expect(postmortemReads(quiet.requests)).toEqual([]);
  expect(quiet.report.summary).toContain('read 0 postmortems changed since the last sync');
});

test('a state it cannot trust means one full read: rewritten history, a changed config, a damaged file', async () => {
  const { s, repo } = await world();
  const sync = syncer(s);
  await sync('2026-11-26');
  await sync('2026-11-26');

  // History rewritten: main no longer holds the commit the state names.
  const base = repo.commits.get(repo.refs.get('refs/heads/main')!)!.parents[0]!;
  repo.refs.set(
    'refs/heads/main',
    s.state.commit(repo, {
      parent: base,
      message: 'force-pushed',
      changes: {},
      author: s.state.user('alice'),
    }),
  );
  const rewritten = await sync('2026-11-26');
  expect(rewritten.lines.join('\n')).toContain('its history was rewritten');
  expect(postmortemReads(rewritten.requests)).toHaveLength(3);

  // A damaged state file: said, then replaced by a good one.
  const stateHead = repo.refs.get(`refs/heads/${STATE_BRANCH}`)!;
  repo.refs.set(
    `refs/heads/${STATE_BRANCH}`,
    s.state.commit(repo, {
      parent: stateHead,
      message: 'oops',
      changes: { [STATE_FILE]: '{"version": 1, "head": "<script>"}' },
      author: s.state.user('alice'),
    }),
  );
  const damaged = await sync('2026-11-26');
  expect(damaged.lines.join('\n')).toContain(
    `${STATE_FILE} on ${STATE_BRANCH} cannot be used (it is not sync state version 1)`,
  );
  expect(postmortemReads(damaged.requests)).toHaveLength(3);
  expect(damaged.writes).toContain(`PUT /repos/acme/payments/contents/${STATE_FILE}`);
  expect(postmortemReads((await sync('2026-11-26')).requests)).toEqual([]);

  // A config change (here, the folder's labels) can change every plan: read everything.
  const main = repo.refs.get('refs/heads/main')!;
  repo.refs.set(
    'refs/heads/main',
    s.state.commit(repo, {
      parent: main,
      message: 'config',
      changes: { '.github/postmortem.yml': 'reviewDueBusinessDays: 3\n' },
      author: s.state.user('alice'),
    }),
  );
  const reconfigured = await sync('2026-11-26');
  expect(reconfigured.lines.join('\n')).toContain(
    'the config (or where action items live) changed',
  );
  expect(postmortemReads(reconfigured.requests)).toHaveLength(3);
});

test('a state that cannot be saved is a warning, not a failure; the next run reads everything again', async () => {
  const { s, repo } = await world();
  const sync = syncer(s);
  s.beforeRequest(({ method, route }) => {
    if (method === 'POST' && route === '/repos/{owner}/{repo}/git/refs')
      throw new HttpError(
        422,
        'Repository rule violations found\n\nCannot create ref due to creations being restricted.',
      );
  });
  const first = await sync('2026-11-26');
  expect(first.report.failed).toEqual([]);
  expect(first.report.result.created).toBe(4);
  expect(first.lines.join('\n')).toContain(
    `warning: Could not save the sync state (${STATE_FILE} on branch ${STATE_BRANCH})`,
  );
  expect(repo.refs.get(`refs/heads/${STATE_BRANCH}`)).toBeUndefined();
  const second = await sync('2026-11-26');
  expect(postmortemReads(second.requests)).toHaveLength(3);
  expect(second.report.result.created).toBe(0);
});

test('a postmortem that failed is read again by the next run until it syncs', async () => {
  const { s, repo } = await world();
  const sync = syncer(s);
  await sync('2026-11-26');
  await sync('2026-11-26');
  // A person adds an item to B; creating its issue is refused once (a 403 the retry plugin does
  // not retry), then works.
  addItem(s, repo, B, 'Cap retries');
  let failOnce = true;
  s.beforeRequest(({ method, route }) => {
    if (method === 'POST' && route === '/repos/{owner}/{repo}/issues' && failOnce) {
      failOnce = false;
      throw new HttpError(403, 'Resource not accessible by integration');
    }
  });
  const failed = await sync('2026-11-26');
  expect(failed.report.failed.join('\n')).toContain(B);
  expect(JSON.parse(fileAt(repo, STATE_BRANCH, STATE_FILE)!).retry).toEqual([B]);
  const retried = await sync('2026-11-26');
  expect(retried.report.failed).toEqual([]);
  expect(retried.report.result.created).toBe(1);
  expect([...repo.issues.values()].filter((i) => i.title.includes('Cap retries'))).toHaveLength(1);
  expect(JSON.parse(fileAt(repo, STATE_BRANCH, STATE_FILE)!).retry).toEqual([]);
});

test("another run's claim holds issue creation off for 15 minutes; a dead run's claim does not", async () => {
  const { s, repo } = await world();
  const sync = syncer(s);
  await sync('2026-11-26');
  await sync('2026-11-26');
  // A person adds an item to C, while another run's claim (10 minutes old) is on the state.
  addItem(s, repo, C, 'Shed load early');
  const claim = (at: string) => {
    const state = JSON.parse(fileAt(repo, STATE_BRANCH, STATE_FILE)!);
    repo.refs.set(
      `refs/heads/${STATE_BRANCH}`,
      s.state.commit(repo, {
        parent: repo.refs.get(`refs/heads/${STATE_BRANCH}`)!,
        message: 'claim',
        changes: {
          [STATE_FILE]: JSON.stringify({ ...state, claimed: { at, by: 'hindsight sync' } }),
        },
        author: s.state.user('alice'),
      }),
    );
  };
  claim('2026-11-26T06:50:00.000Z');
  const held = await sync('2026-11-26');
  expect(held.report.result.created).toBe(0);
  expect(held.report.skipped).toEqual([
    `skipped ${C}: its 1 new issue(s) wait for the next run (another sync run is creating issues)`,
  ]);
  expect(held.writes).toEqual([]);
  expect(held.lines.join('\n')).toContain('Not saving the sync state');
  // The claim is 20 minutes old by the next run: its run died; this one claims and creates.
  claim('2026-11-26T06:40:00.000Z');
  const next = await sync('2026-11-26');
  expect(next.report.result.created).toBe(1);
  expect(next.writes[0]).toBe(`PUT /repos/acme/payments/contents/${STATE_FILE}`);
  expect([...repo.issues.values()].filter((i) => i.title.includes('Shed load early'))).toHaveLength(
    1,
  );
  // The final save clears the claim.
  expect(JSON.parse(fileAt(repo, STATE_BRANCH, STATE_FILE)!).claimed).toBeUndefined();
});

test('a claim is renewed between the creations of one postmortem, and a run that lost it stops creating', async () => {
  const { s, repo } = await world();
  const sync = syncer(s);
  await sync('2026-11-26');
  await sync('2026-11-26');
  // Three new items in one postmortem; each creation takes 6 minutes (rate-limit waits, say).
  for (const [n, action] of ['Shed load early', 'Cap retries', 'Add a breaker'].entries())
    repo.refs.set(
      'refs/heads/main',
      s.state.commit(repo, {
        parent: repo.refs.get('refs/heads/main')!,
        message: 'Add an item',
        changes: {
          [C]: fileAt(repo, 'main', C)!.replace(
            /(\| A1 .*\n)/,
            `$1| A${n + 2} | ${action} | @alice | P2 | 2099-01-01 | Open | |\n`,
          ),
        },
        author: s.state.user('alice'),
      }),
    );
  let time = new Date('2026-11-26T07:00:00Z').getTime();
  let created = 0;
  s.beforeRequest(({ method, route }) => {
    if (method !== 'POST' || route !== '/repos/{owner}/{repo}/issues') return;
    time += 6 * 60 * 1000;
    // After the second creation, another run takes the state file over (its claim expired, as
    // far as that run could tell).
    if (++created === 2)
      repo.refs.set(
        `refs/heads/${STATE_BRANCH}`,
        s.state.commit(repo, {
          parent: repo.refs.get(`refs/heads/${STATE_BRANCH}`)!,
          message: 'another run',
          changes: { [STATE_FILE]: '{"claimed":{"at":"2026-11-26T07:12:00.000Z"}}' },
          author: s.state.user('alice'),
        }),
      );
  });
  const run = await sync('2026-11-26', { clock: () => new Date(time) });
  // Claim, create, create (the claim renewed before it: 6 minutes passed), then the renewal
  // before the third finds the file taken over: the third waits for the next run.
  expect(run.writes).toEqual([
    `PUT /repos/acme/payments/contents/${STATE_FILE}`,
    'POST /repos/acme/payments/issues',
    `PUT /repos/acme/payments/contents/${STATE_FILE}`,
    'POST /repos/acme/payments/issues',
    `PUT /repos/acme/payments/contents/${STATE_FILE}`,
  ]);
  expect(run.report.result.created).toBe(2);
  expect(run.report.skipped).toEqual([
    `skipped ${C}: 1 of its new issues wait for the next run (another sync run is creating issues)`,
  ]);
});
