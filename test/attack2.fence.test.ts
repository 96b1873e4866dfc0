import { afterAll, expect, test } from 'vitest';
import { markerOf } from '../src/core/index.js';
import { runSync } from '../src/flows/run-sync.js';
import { STATE_BRANCH, STATE_FILE } from '../src/flows/sync-state-store.js';
import { createOctokit } from '../src/github/rest-octokit.js';
import { HttpError } from '../src/sandbox/http.js';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import type { Repository } from '../src/sandbox/state.js';

// An adversarial review of the scheduled sync's creation fence (the claim on the state file):
// whatever runs at once, fails or dies, an action item never gets two issues, and a later run
// leaves nothing a full read (the state branch deleted) would still change.
const sandboxes: Sandbox[] = [];
afterAll(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.close()));
});

const STATE_REF = `refs/heads/${STATE_BRANCH}`;
const report = (title: string, rows: [string, string][]) => `---
title: ${title}
status: published
date: 2026-11-01
---
## Action items

| ID | Action | Owner | Priority | Due | Status | Issue |
| --- | --- | --- | --- | --- | --- | --- |
${rows.map(([id, action]) => `| ${id} | ${action} | @alice | P1 | 2099-01-01 | Open | |`).join('\n')}
`;
const A = 'postmortems/2026-11-01-a.md';
const B = 'postmortems/2026-11-02-b.md';
const D = 'postmortems/2026-11-20-d.md';

async function world(config = '') {
  const s = await startSandbox();
  sandboxes.push(s);
  const repo = s.state.createRepo({
    owner: 'acme',
    name: 'payments',
    collaborators: ['alice'],
    files: {
      ...(config ? { '.github/postmortem.yml': config } : {}),
      [A]: report('A', [
        ['A1', 'Alert on queue age'],
        ['A2', 'Autoscale workers'],
      ]),
      [B]: report('B', [['A1', 'Jitter cache expiry']]),
    },
  });
  const syncAs = (token: string) => {
    const octokit = createOctokit({
      token,
      baseUrl: s.url,
      log: { warn: () => {}, error: () => {} },
    });
    return (at?: string, dryRun?: boolean) => syncWith(octokit, at, dryRun);
  };
  const syncWith = async (
    octokit: ReturnType<typeof createOctokit>,
    at = '2026-11-26T07:00:00Z',
    dryRun = false,
  ) => {
    const lines: string[] = [];
    const log = (m: string) => lines.push(m);
    const start = s.log.length;
    await runSync({
      octokit,
      repo: 'acme/payments',
      knownTemplates: ['standard'],
      today: at.slice(0, 10),
      now: new Date(at),
      log: { info: log, warn: (m) => log(`warning: ${m}`), error: (m) => log(`error: ${m}`) },
      dryRun,
    });
    const requests = s.log.slice(start).map((e) => `${e.method} ${decodeURIComponent(e.path)}`);
    return { lines, requests };
  };
  // The schedule's workflow token; a person's `hindsight sync` with their own token.
  const sync = syncAs(s.workflowToken('acme/payments'));
  return { s, repo, sync, syncAsAlice: syncAs(s.userToken('alice')) };
}
type World = Awaited<ReturnType<typeof world>>;

/** Issues per action item (path#id): each must be 1. */
const issueCounts = (repo: Repository) => {
  const counts: Record<string, number> = {};
  for (const issue of repo.issues.values()) {
    const marker = markerOf(issue.body ?? '');
    if (marker)
      counts[`${marker.path}#${marker.id}`] = (counts[`${marker.path}#${marker.id}`] ?? 0) + 1;
  }
  return counts;
};

const addD = (w: World) =>
  w.repo.refs.set(
    'refs/heads/main',
    w.s.state.commit(w.repo, {
      parent: w.repo.refs.get('refs/heads/main')!,
      message: 'D',
      changes: { [D]: report('D', [['A1', 'Add a circuit breaker']]) },
      author: w.s.state.user('alice'),
    }),
  );

const stateText = (w: World) => {
  const commit = w.repo.refs.get(STATE_REF);
  const blob = commit ? w.repo.commits.get(commit)!.tree.get(STATE_FILE) : undefined;
  return blob ? w.repo.blobs.get(blob)!.toString('utf8') : null;
};

/** Replaces the state file as a person with write access would push it. */
function pushState(w: World, text: string) {
  w.repo.refs.set(
    STATE_REF,
    w.s.state.commit(w.repo, {
      parent: w.repo.refs.get(STATE_REF) ?? null,
      message: 'doctored',
      changes: { [STATE_FILE]: text },
      author: w.s.state.user('alice'),
    }),
  );
}

/** A full read (the state branch deleted) must find nothing left to write. */
async function fullReadWritesNothing(w: World, at: string) {
  const kept = w.repo.refs.get(STATE_REF);
  w.repo.refs.delete(STATE_REF);
  const run = await w.sync(at);
  if (kept) w.repo.refs.set(STATE_REF, kept);
  return run.requests.filter(
    (r) => !r.startsWith('GET ') && !r.includes(STATE_FILE) && !r.includes('/git/refs'),
  );
}

const ALL = { [`${A}#A1`]: 1, [`${A}#A2`]: 1, [`${B}#A1`]: 1 };

test.concurrent('three cold first runs at once (no state branch yet): one creates, the others create nothing, and the next run converges', async () => {
  const w = await world();
  const runs = await Promise.all([w.sync(), w.sync(), w.sync()]);
  expect(issueCounts(w.repo)).toEqual(ALL);
  const lines = runs.flatMap((r) => r.lines);
  expect(lines.filter((l) => /^(warning|error)/.test(l))).toEqual([]);
  await w.sync();
  await w.sync();
  expect(issueCounts(w.repo)).toEqual(ALL);
  expect(await fullReadWritesNothing(w, '2026-11-26T07:00:00Z')).toEqual([]);
});

test.concurrent('three warm runs at once with a new postmortem: one issue per item, and convergence', async () => {
  const w = await world();
  await w.sync();
  await w.sync();
  addD(w);
  const runs = await Promise.all([w.sync(), w.sync(), w.sync()]);
  expect(issueCounts(w.repo)).toEqual({ ...ALL, [`${D}#A1`]: 1 });
  expect(
    runs.flatMap((r) => r.lines).filter((l) => l.includes('this run creates no issues')),
  ).toHaveLength(2);
  await w.sync();
  expect(stateText(w)).not.toContain('claimed');
  expect(await fullReadWritesNothing(w, '2026-11-26T07:00:00Z')).toEqual([]);
});

// A state that cannot be written (403, a ruleset): the run creates without the fence. A server
// error: it creates nothing now, and the next run does.
for (const [name, error, createsNow] of [
  ['500', () => new HttpError(500, 'Server Error'), false],
  ['403', () => new HttpError(403, 'Resource not accessible by integration'), true],
  ['ruleset 422', () => new HttpError(422, 'Repository rule violations found'), true],
] as const) {
  test.concurrent(`a claim write that fails with ${name}: the run says so, creates each issue once, and the next run converges`, async () => {
    const w = await world();
    await w.sync();
    addD(w);
    let failed = 0;
    w.s.beforeRequest(({ method, route }) => {
      if (
        method === 'PUT' &&
        route.endsWith('/contents/{path}') &&
        stateText(w) !== null &&
        failed < 20
      ) {
        failed++;
        throw error();
      }
    });
    const run = await w.sync();
    w.s.beforeRequest(null);
    expect(failed).toBeGreaterThan(0);
    expect(run.lines.some((l) => l.startsWith('warning') && l.includes('Could not claim'))).toBe(
      true,
    );
    expect(issueCounts(w.repo)).toEqual(createsNow ? { ...ALL, [`${D}#A1`]: 1 } : ALL);
    await w.sync();
    expect(issueCounts(w.repo)).toEqual({ ...ALL, [`${D}#A1`]: 1 });
    expect(await fullReadWritesNothing(w, '2026-11-26T07:00:00Z')).toEqual([]);
  });
}

const hostileClaims: [string, unknown, boolean][][] = [
  [
    ['five minutes ago', '2026-11-26T06:55:00Z', false],
    ['five minutes ahead', '2026-11-26T07:05:00Z', false],
    ['sixteen minutes ago', '2026-11-26T06:44:00Z', true],
    ['far future', '2999-01-01T00:00:00Z', true],
    ['far past', '1970-01-01T00:00:00Z', true],
  ],
  [
    ['a number', 1_764_140_400_000, true],
    ['an object', { toString: 'x' }, true],
    ['huge', `2026-11-26T06:55:00Z${' '.repeat(2_000_000)}`, true],
    ['not a date', '2026-13-45T99:99:99Z', true],
  ],
];
for (const cases of hostileClaims)
  test.concurrent(`hostile claims (${cases.map(([name]) => name).join(', ')}): never a failure, and only a claim younger than 15 minutes holds a run off`, async () => {
    for (const [name, at, creates] of cases) {
      const w = await world();
      await w.sync();
      addD(w);
      const state = JSON.parse(stateText(w)!);
      pushState(w, JSON.stringify({ ...state, claimed: { at, by: 'hindsight sync' } }));
      const run = await w.sync();
      expect(
        run.lines.filter((l) => /^(error|warning)/.test(l)),
        name,
      ).toEqual([]);
      expect(issueCounts(w.repo)[`${D}#A1`], name).toBe(creates ? 1 : undefined);
      // Whatever it was, a run after the claim's 15 minutes completes.
      await w.sync('2026-11-26T07:31:00Z');
      expect(issueCounts(w.repo), name).toEqual({ ...ALL, [`${D}#A1`]: 1 });
      expect(stateText(w), name).not.toContain('claimed');
    }
  });

test.concurrent('a claimant that dies after claiming: runs within 15 minutes create nothing, the first after creates once', async () => {
  const w = await world();
  await w.sync();
  addD(w);
  // The claimant dies right after its claim: its issue creation and its final save never land.
  let dead = false;
  let puts = 0;
  w.s.beforeRequest(({ method, route }) => {
    if (method === 'POST' && route === '/repos/{owner}/{repo}/issues') {
      dead = true;
      throw new HttpError(400, 'the runner was cancelled');
    }
    if (method === 'PUT' && route.endsWith('/contents/{path}') && ++puts > 1)
      throw new HttpError(400, 'the runner was cancelled');
  });
  await w.sync('2026-11-26T07:00:00Z');
  w.s.beforeRequest(null);
  expect(dead).toBe(true);
  expect(stateText(w)).toContain('claimed');
  const soon = await w.sync('2026-11-26T07:10:00Z');
  expect(soon.lines.some((l) => l.includes('this run creates no issues'))).toBe(true);
  expect(issueCounts(w.repo)[`${D}#A1`]).toBeUndefined();
  await w.sync('2026-11-26T07:16:00Z');
  expect(issueCounts(w.repo)).toEqual({ ...ALL, [`${D}#A1`]: 1 });
  expect(stateText(w)).not.toContain('claimed');
  expect(await fullReadWritesNothing(w, '2026-11-26T07:17:00Z')).toEqual([]);
});

test.concurrent('a claimant whose final save fails: its claim holds others off for 15 minutes only', async () => {
  const w = await world();
  await w.sync();
  addD(w);
  await w.sync();
  expect(issueCounts(w.repo)[`${D}#A1`]).toBe(1);
  // Put the claim back as if the final save had failed.
  const state = JSON.parse(stateText(w)!);
  pushState(
    w,
    JSON.stringify({ ...state, claimed: { at: '2026-11-26T07:00:00Z', by: 'hindsight sync' } }),
  );
  addD2(w);
  await w.sync('2026-11-26T07:05:00Z');
  expect(issueCounts(w.repo)[`${D}#A2`]).toBeUndefined();
  await w.sync('2026-11-26T07:20:00Z');
  expect(issueCounts(w.repo)).toEqual({ ...ALL, [`${D}#A1`]: 1, [`${D}#A2`]: 1 });
});

const addD2 = (w: World) =>
  w.repo.refs.set(
    'refs/heads/main',
    w.s.state.commit(w.repo, {
      parent: w.repo.refs.get('refs/heads/main')!,
      message: 'D2',
      changes: {
        [D]: report('D', [
          ['A1', 'Add a circuit breaker'],
          ['A2', 'Page the owner'],
        ]).replace('| A1 | Add a circuit breaker | @alice | P1 | 2099-01-01 | Open | |', (row) => {
          const n = [...w.repo.issues.values()].find(
            (i) => markerOf(i.body ?? '')?.path === D,
          )!.number;
          return row.replace(/\| \|$/, `| #${n} |`);
        }),
      },
      author: w.s.state.user('alice'),
    }),
  );

test.concurrent('a dry run and a run with createIssues: false never claim the state file', async () => {
  const w = await world();
  await w.sync();
  addD(w);
  const dry = await w.sync('2026-11-26T07:00:00Z', true);
  expect(dry.requests.filter((r) => !r.startsWith('GET '))).toEqual([]);
  const off = await world('actionItems:\n  createIssues: false\n');
  await off.sync();
  addD(off);
  const run = await off.sync();
  // One write of the state file (the save), never a claim before it.
  expect(run.requests.filter((r) => r.startsWith('PUT ') && r.includes(STATE_FILE))).toHaveLength(
    1,
  );
  expect(issueCounts(off.repo)).toEqual({});
});

test.concurrent('a run that creates nothing, while another claims, creates and saves: no warning, nothing lost, convergence', async () => {
  const w = await world();
  await w.sync();
  await w.sync();
  // A person closes B's issue: the first run writes B's status back and saves its state.
  const b = [...w.repo.issues.values()].find((i) => markerOf(i.body ?? '')?.path === B)!;
  b.state = 'closed';
  b.state_reason = 'completed';
  b.closed_at = w.s.state.timestamp();
  b.updated_at = b.closed_at;
  let other: Awaited<ReturnType<World['sync']>> | undefined;
  let staged = false;
  w.s.beforeRequest(async ({ method, route }) => {
    if (staged || method !== 'GET' || route !== '/repos/{owner}/{repo}/pulls') return;
    staged = true;
    // Mid-run, D is pushed and another run claims, creates D's issue and saves.
    addD(w);
    other = await w.sync();
  });
  const run = await w.sync();
  w.s.beforeRequest(null);
  expect(staged).toBe(true);
  expect(issueCounts(w.repo)).toEqual({ ...ALL, [`${D}#A1`]: 1 });
  expect([...run.lines, ...other!.lines].filter((l) => /^(warning|error)/.test(l))).toEqual([]);
  await w.sync();
  expect(await fullReadWritesNothing(w, '2026-11-26T07:00:00Z')).toEqual([]);
});

// A claim write that fails for a moment (a 500 after the retries, a timeout) is no sign that the
// state cannot be written: another run may be claiming it right then. Creating without the fence
// then makes the very duplicate the fence is for.
test.concurrent('a claim write that fails with 500 while another run claims and creates: still one issue per item', async () => {
  const w = await world();
  await w.sync();
  addD(w);
  let release = () => {};
  const alicePosted = new Promise<void>((resolve) => {
    release = resolve;
  });
  w.s.beforeRequest(async ({ method, route, caller }) => {
    const alice = caller.kind === 'user' && caller.login === 'alice';
    if (alice && method === 'PUT' && route.endsWith('/contents/{path}'))
      throw new HttpError(500, 'Server Error');
    if (method !== 'POST' || route !== '/repos/{owner}/{repo}/issues') return;
    // The schedule's creation waits until alice's run creates too (or has finished).
    if (alice) release();
    else await alicePosted;
  });
  const [schedule, person] = await Promise.all([
    w.sync(),
    w.syncAsAlice().finally(() => release()),
  ]);
  w.s.beforeRequest(null);
  expect(person.lines.some((l) => l.includes('Could not claim'))).toBe(true);
  expect(schedule.lines.filter((l) => /^(warning|error)/.test(l))).toEqual([]);
  expect(issueCounts(w.repo)).toEqual({ ...ALL, [`${D}#A1`]: 1 });
  await w.sync();
  expect(issueCounts(w.repo)).toEqual({ ...ALL, [`${D}#A1`]: 1 });
  expect(await fullReadWritesNothing(w, '2026-11-26T07:00:00Z')).toEqual([]);
});
