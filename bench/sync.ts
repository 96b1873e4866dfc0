// Requests a sync costs: no-change syncs of 10, 100 and 1,000 action items, and a sync after k
// issues changed. Cold = a scheduled Action run (nothing remembered); warm = the app, which keeps
// the listing (asking only for issues updated since the newest it saw) and an ETag cache.
import { Octokit } from '@octokit/rest';
import { syncActionItems, type IssueMemory } from '../src/app/sync-action-items.js';
import { DEFAULT_CONFIG } from '../src/core/index.js';
import { createGateway, type EtagCache, type OctokitLike } from '../src/github/gateway.js';
import { startSandbox } from '../src/sandbox/index.js';

const PATH = 'postmortems/2026-11-20-big.md';
const log = { info() {}, warn() {}, error() {} };

function report(items: number): string {
  const rows = Array.from({ length: items }, (_, n) => `| A${n + 1} | Fix thing ${n + 1} in the payments path | @alice | P2 | 2099-01-01 | Open | |`);
  return `---\ntitle: Big\nstatus: published\ndate: 2026-11-20\n---\n## Action items\n\n| ID | Action | Owner | Priority | Due | Status | Issue |\n| --- | --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`;
}

async function measure(items: number, k: number) {
  const sandbox = await startSandbox();
  sandbox.state.createRepo({ owner: 'acme', name: 'payments', collaborators: ['alice'], files: { [PATH]: report(items) } });
  const octokit = new Octokit({ auth: sandbox.userToken('alice'), baseUrl: sandbox.url, log: { debug() {}, info() {}, warn() {}, error() {} } });
  const etags: EtagCache = new Map();
  const memory: IssueMemory = { issues: new Map(), since: null };
  const sync = (cache?: EtagCache) =>
    syncActionItems({ gateway: createGateway(octokit as unknown as OctokitLike, { owner: 'acme', repo: 'payments' }, cache ? { etags: cache } : {}), config: DEFAULT_CONFIG, paths: [PATH], defaultBranch: 'main', repoUrl: 'https://github.com/acme/payments', today: '2026-11-24', log, ...(cache ? { memory } : {}) });
  const count = async (work: () => Promise<unknown>) => {
    const before = sandbox.log.length;
    await work();
    const made = sandbox.log.slice(before);
    return { all: made.length, notModified: made.filter((e) => e.status === 304).length, writes: made.filter((e) => e.method !== 'GET').length };
  };
  const initial = await count(() => sync(etags));
  await sync(etags); // the app's cache now holds the listing and report as they stand
  const cold = await count(() => sync());
  const warm = await count(() => sync(etags));
  // k issues closed by people, then one sync.
  const issues = [...sandbox.state.repo('acme/payments')!.issues.values()].slice(0, k);
  for (const issue of issues) await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', { owner: 'acme', repo: 'payments', issue_number: issue.number, state: 'closed' });
  const changed = await count(() => sync(etags));
  await sandbox.close();
  return { items, k, initial, cold, warm, changed };
}

console.log('\n| action items | first sync (creates) | no-change sync, cold | no-change sync, warm (304s) | after 5 issues closed, warm (writes) |');
console.log('| ---: | ---: | ---: | ---: | ---: |');
for (const items of [10, 100, 1000]) {
  const r = await measure(items, 5);
  console.log(`| ${items} | ${r.initial.all} (${r.initial.writes} writes) | ${r.cold.all} | ${r.warm.all} (${r.warm.notModified} are 304) | ${r.changed.all} (${r.changed.writes}) |`);
}
