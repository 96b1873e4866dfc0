// Requests a sync costs: no-change syncs of 10, 100 and 1,000 action items, and a sync after k
// issues changed. Cold = a scheduled Action run (nothing remembered); warm = the app, which keeps
// the listing (asking only for issues updated since the newest it saw) and an ETag cache.
import { Octokit } from '@octokit/rest';
import { syncActionItems, type IssueMemory } from '../src/flows/sync-action-items.js';
import { DEFAULT_CONFIG } from '../src/core/index.js';
import { createGateway, type EtagCache, type OctokitLike } from '../src/github/gateway.js';
import { startSandbox } from '../src/sandbox/index.js';

const PATH = 'postmortems/2026-11-20-big.md';
const log = { info() {}, warn() {}, error() {} };

function report(items: number): string {
  const rows = Array.from(
    { length: items },
    (_, n) =>
      `| A${n + 1} | Fix thing ${n + 1} in the payments path | @alice | P2 | 2099-01-01 | Open | |`,
  );
  return `---\ntitle: Big\nstatus: published\ndate: 2026-11-20\n---\n## Action items\n\n| ID | Action | Owner | Priority | Due | Status | Issue |\n| --- | --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`;
}

/** A sandbox with one report of `items` action items, synced once so every item has its issue. */
async function setUp(items: number) {
  const sandbox = await startSandbox();
  sandbox.state.createRepo({
    owner: 'acme',
    name: 'payments',
    collaborators: ['alice'],
    files: { [PATH]: report(items) },
  });
  const octokit = new Octokit({
    auth: sandbox.userToken('alice'),
    baseUrl: sandbox.url,
    log: { debug() {}, info() {}, warn() {}, error() {} },
  });
  const etags: EtagCache = new Map();
  const memory: IssueMemory = { issues: new Map(), since: null };
  const sync = (warm: boolean) =>
    syncActionItems({
      gateway: createGateway(
        octokit as unknown as OctokitLike,
        { owner: 'acme', repo: 'payments' },
        warm ? { etags } : {},
      ),
      config: DEFAULT_CONFIG,
      paths: [PATH],
      defaultBranch: 'main',
      repoUrl: 'https://github.com/acme/payments',
      today: '2026-11-24',
      log,
      ...(warm ? { memory } : {}),
    });
  const count = async (work: () => Promise<unknown>) => {
    const before = sandbox.log.length;
    await work();
    const made = sandbox.log.slice(before);
    return {
      all: made.length,
      notModified: made.filter((e) => e.status === 304).length,
      writes: made.filter((e) => e.method !== 'GET').length,
    };
  };
  const initial = await count(() => sync(true));
  await sync(true); // the app's cache now holds the listing and report as they stand
  /** People close k issues not closed yet. */
  const close = async (k: number) => {
    const open = [...sandbox.state.repo('acme/payments')!.issues.values()]
      .filter((issue) => issue.state === 'open')
      .slice(0, k);
    for (const issue of open)
      await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
        owner: 'acme',
        repo: 'payments',
        issue_number: issue.number,
        state: 'closed',
      });
  };
  return { sandbox, sync, count, close, initial };
}

console.log(
  '\n| action items | first sync (creates) | no-change sync, cold | no-change sync, warm |',
);
console.log('| ---: | ---: | ---: | ---: |');
for (const items of [10, 100, 1000]) {
  const { sandbox, sync, count, initial } = await setUp(items);
  const cold = await count(() => sync(false));
  const warm = await count(() => sync(true));
  console.log(
    `| ${items} | ${initial.all} (${initial.writes} writes) | ${cold.all} | ${warm.all} (${warm.notModified} are 304) |`,
  );
  await sandbox.close();
}

// k issues closed by people, then one sync, on 1,000 items: cold (a scheduled run) and warm (the app).
console.log(
  '\n| 1,000 items, k issues closed | sync, cold: requests (writes) | sync, warm: requests (writes) |',
);
console.log('| ---: | ---: | ---: |');
for (const k of [1, 10, 100]) {
  const cold = await setUp(1000);
  await cold.close(k);
  const c = await cold.count(() => cold.sync(false));
  await cold.sandbox.close();
  const warm = await setUp(1000);
  await warm.close(k);
  const w = await warm.count(() => warm.sync(true));
  await warm.sandbox.close();
  console.log(`| ${k} | ${c.all} (${c.writes}) | ${w.all} (${w.writes}) |`);
}
