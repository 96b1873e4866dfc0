// Load: the app as deployed (two `node` processes sharing a real redis-server, its queue and its
// locks) under mixed webhooks, against the sandbox failing 1% of the app's requests. Run by
// `npm run bench` (bundled on the fly by esbuild): argv = root, server script, label, sizes.
//
// Deliveries: an incident label on each incident, a push landing each postmortem (4 action
// items each), unrelated labels (`triage`) on incidents, then the closing of half the action
// items; 5% of them redelivered (same X-GitHub-Delivery), one in ten sent to both processes at
// once. Reports throughput, p50/p99 webhook answer time and time to the finished PR, the app
// processes' peak memory, and checks the sandbox ends with exactly the expected PRs, comments,
// issues and commits.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { deliver, startSandbox, type Sandbox } from '../src/sandbox/index.js';
import type { Repository } from '../src/sandbox/state.js';

const [root, script, label, sizes] = process.argv.slice(2) as [string, string, string, string];
const [INCIDENTS, POSTMORTEMS, TRIAGE] = sizes.split(',').map(Number) as [number, number, number];
const ITEMS = 4;
const require = createRequire(import.meta.url);
const examples: { name: string; examples: Record<string, any>[] }[] = require(
  `${root}/node_modules/@octokit/webhooks-examples/api.github.com/index.json`,
);
const example = (name: string, action?: string) =>
  structuredClone(
    examples.find((e) => e.name === name)!.examples.find((e) => !action || e.action === action)!,
  );

let seed = 1337;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function report(n: number): string {
  const rows = Array.from(
    { length: ITEMS },
    (_, k) =>
      `| A${k + 1} | Fix cause ${k + 1} of outage ${n} in the payments path | @alice | P2 | 2099-01-0${k + 1} | Open | |`,
  );
  return `---\ntitle: "Outage ${n}"\nincident: ${100000 + n}\nstatus: published\nseverity: SEV2\ndate: 2026-11-20\nowner: "@alice"\n---\n# Retro ${n}\n\n## Summary\n\nCheckout failed.\n\n## Action items\n\n| ID | Action | Owner | Priority | Due | Status | Issue |\n| --- | --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`;
}

async function startApp(sandbox: Sandbox, redisUrl: string) {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [script], {
    env: {
      PATH: process.env.PATH,
      APP_ID: String(sandbox.app.id),
      PRIVATE_KEY: sandbox.app.privateKey,
      WEBHOOK_SECRET: sandbox.app.webhookSecret,
      GHE_HOST: new URL(sandbox.url).host,
      GHE_PROTOCOL: 'http',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: (process.env.BENCH_LOG_LEVEL ?? 'fatal') as 'fatal',
      REDIS_URL: redisUrl,
    },
    stdio: ['ignore', process.env.BENCH_LOG_LEVEL ? 'inherit' : 'ignore', 'inherit'],
  });
  for (let n = 0; n < 400; n++) {
    if (
      await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await sleep(50);
  }
  return { url: `http://127.0.0.1:${port}/api/github/webhooks`, child };
}

/** Peak resident memory of a process so far (Linux: VmHWM), in MB. */
const peakMb = (pid: number) =>
  Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

const redisPort = await freePort();
const redisServer = spawn(
  'redis-server',
  ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
  { stdio: 'ignore' },
);
const redisUrl = `redis://127.0.0.1:${redisPort}`;
const redis = new Redis(redisUrl, { lazyConnect: true });
redis.on('error', () => {});
for (let n = 0; n < 100; n++) {
  if (
    await redis.connect().then(
      () => true,
      () => false,
    )
  )
    break;
  redis.disconnect();
  await sleep(50);
}

const sandbox = await startSandbox();
const repo: Repository = sandbox.state.createRepo({
  owner: 'acme',
  name: 'payments',
  files: {
    'README.md': '# payments\n',
    '.github/postmortem.yml': 'severityLabels: { sev1: SEV1 }\n',
  },
  collaborators: ['alice', 'bob', 'carol'],
});
const token = sandbox.userToken('alice');
const api = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return response.json() as Promise<any>;
};
const repository = await api('GET', '/repos/acme/payments');
const installation = { id: repo.installationId };
const sender = { ...example('issues', 'labeled').sender, login: 'alice' };

// 1. The incidents and the postmortems, made through the API with webhooks off.
const incidents: { number: number; title: string }[] = [];
for (let n = 1; n <= INCIDENTS; n++) {
  const issue = await api('POST', '/repos/acme/payments/issues', {
    title: `Outage ${n}`,
    body: '',
  });
  await api('POST', `/repos/acme/payments/issues/${issue.number}/labels`, { labels: ['incident'] });
  incidents.push({ number: issue.number, title: issue.title });
}
const pushes: Record<string, unknown>[] = [];
for (let n = 1; n <= POSTMORTEMS; n++) {
  const path = `postmortems/2026-11-20-retro-${n}.md`;
  const before = repo.refs.get('refs/heads/main');
  const put = await api('PUT', `/repos/acme/payments/contents/${path}`, {
    message: `Postmortem ${n}`,
    content: Buffer.from(report(n)).toString('base64'),
  });
  pushes.push({
    ref: 'refs/heads/main',
    before,
    after: put.commit.sha,
    deleted: false,
    commits: [{ id: put.commit.sha, added: [path], modified: [], removed: [] }],
    head_commit: { id: put.commit.sha },
    repository,
    sender,
    installation,
  });
}

interface Planned {
  name: string;
  payload: Record<string, unknown>;
  id: string;
  incident?: number;
}
const labeled = async (number: number, name: string): Promise<Planned> => {
  const payload = example('issues', 'labeled');
  Object.assign(payload, {
    issue: await api('GET', `/repos/acme/payments/issues/${number}`),
    label: { name, color: 'ededed' },
    repository,
    sender,
    installation,
  });
  delete payload.organization;
  return {
    name: 'issues',
    payload,
    id: crypto.randomUUID(),
    ...(name === 'incident' ? { incident: number } : {}),
  };
};
const wave1: Planned[] = [];
for (const incident of incidents) wave1.push(await labeled(incident.number, 'incident'));
for (const push of pushes) wave1.push({ name: 'push', payload: push, id: crypto.randomUUID() });
for (let n = 0; n < TRIAGE; n++)
  wave1.push(await labeled(incidents[n % incidents.length]!.number, 'triage'));
wave1.sort(() => random() - 0.5);

// 2. Two app processes on the Redis; the sandbox fails 1% of their requests from now on.
const apps = [await startApp(sandbox, redisUrl), await startApp(sandbox, redisUrl)];
sandbox.setFaults({
  rate: Number(process.env.BENCH_FAULT_RATE ?? 0.01),
  kinds: ['500', '502', 'drop', 'timeout', 'secondary'],
  timeoutMs: 2000,
  callers: ['installation', 'app'],
  seed: 42,
});

const answers: number[] = [];
const statuses = new Map<number, number>();
const sentAt = new Map<number, number>();
let sent = 0;
const send = async (planned: Planned) => {
  const targets = random() < 0.1 ? apps : [apps[sent % 2]!];
  sent++;
  if (planned.incident) sentAt.set(planned.incident, performance.now());
  await Promise.all(
    targets.map(async (app) => {
      const start = performance.now();
      const result = await deliver({
        url: app.url,
        secret: sandbox.app.webhookSecret,
        name: planned.name,
        payload: planned.payload,
        id: planned.id,
      }).catch(() => ({ status: 0 }));
      answers.push(performance.now() - start);
      statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
    }),
  );
};
// The PR of each incident, seen as soon as it exists (polled every 25 ms).
const prAt = new Map<number, number>();
const watcher = setInterval(() => {
  for (const issue of repo.issues.values()) {
    const match = issue.pull && /^hindsight\/incident-(\d+)$/.exec(issue.pull.head);
    if (match && !prAt.has(Number(match[1]))) prAt.set(Number(match[1]), performance.now());
  }
}, 25);

async function drained(timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  let quiet = 0;
  while (Date.now() < until) {
    const busy =
      (await redis.llen('hindsight:queue')) + (await redis.llen('hindsight:queue:working'));
    quiet = busy === 0 ? quiet + 1 : 0;
    if (quiet >= 3) return true;
    await sleep(200);
  }
  return false;
}

// 3. Wave 1, 8 deliveries in flight at a time; 5% redelivered along the way.
const started = performance.now();
const redeliveries: Planned[] = [];
const total = Math.round((wave1.length + POSTMORTEMS * ITEMS * 0.5) / 0.95);
const inFlight = new Set<Promise<void>>();
const pace = async (planned: Planned) => {
  const p = send(planned).finally(() => inFlight.delete(p));
  inFlight.add(p);
  if (inFlight.size >= 8) await Promise.race(inFlight);
};
for (const planned of wave1) {
  await pace(planned);
  if (random() < 0.05) redeliveries.push(planned);
}
await Promise.all(inFlight);
const wave1Done = await drained(600_000);

// 4. Wave 2: half the action items closed (webhooks off), their issues.closed delivered.
const items = [...repo.issues.values()].filter((i) => i.labels.includes('postmortem-action'));
const toClose = items.filter((_, n) => n % 2 === 0);
const wave2: Planned[] = [];
for (const item of toClose) {
  const issue = await api('PATCH', `/repos/acme/payments/issues/${item.number}`, {
    state: 'closed',
  });
  const payload = example('issues', 'reopened');
  Object.assign(payload, { action: 'closed', issue, repository, sender, installation });
  delete payload.organization;
  wave2.push({ name: 'issues', payload, id: crypto.randomUUID() });
}
for (const planned of wave2) {
  await pace(planned);
  if (random() < 0.05) redeliveries.push(planned);
}
for (const planned of redeliveries) await pace(planned);
await Promise.all(inFlight);
const wave2Done = await drained(600_000);
const elapsed = (performance.now() - started) / 1000;
clearInterval(watcher);
const memory = apps.map((app) => peakMb(app.child.pid!));

// 5. The sandbox's end state against what these deliveries must leave.
const pulls = [...repo.issues.values()].filter((i) => i.pull);
const heads = new Set(pulls.map((p) => p.pull!.head));
const comments = incidents.map(
  (i) =>
    repo.issues.get(i.number)!.comments.filter((c) => c.user.login === 'hindsight[bot]').length,
);
const markers = new Map<string, number>();
for (const item of [...repo.issues.values()].filter((i) =>
  i.labels.includes('postmortem-action'),
)) {
  const marker = /<!-- hindsight:action-item ([^ ]+) -->/.exec(item.body ?? '')?.[1] ?? '?';
  markers.set(marker, (markers.get(marker) ?? 0) + 1);
}
const botCommitsOnMain: string[] = [];
for (let sha = repo.refs.get('refs/heads/main'); sha; sha = repo.commits.get(sha)!.parents[0])
  if (repo.commits.get(sha)!.author.login === 'hindsight[bot]') botCommitsOnMain.push(sha);
const onMain = new Set<string>();
for (let sha = repo.refs.get('refs/heads/main'); sha; sha = repo.commits.get(sha)!.parents[0])
  onMain.add(sha);
const branchCommits = [...repo.refs.entries()]
  .filter(([ref]) => ref.startsWith('refs/heads/hindsight/incident-'))
  .map(([, head]) => {
    let count = 0;
    for (
      let sha: string | undefined = head;
      sha && !onMain.has(sha);
      sha = repo.commits.get(sha)!.parents[0]
    )
      count++;
    return count;
  });
const mainTree = sandbox.state.repoCommitTree(repo, 'main')!;
const closedNumbers = new Set(toClose.map((i) => i.number));
let linked = 0;
let statusesRight = 0;
for (let n = 1; n <= POSTMORTEMS; n++) {
  const text = repo.blobs
    .get(mainTree.get(`postmortems/2026-11-20-retro-${n}.md`)!)!
    .toString('utf8');
  for (const row of text.split('\n').filter((line) => /^\| A\d/.test(line))) {
    const number = Number(/#(\d+)/.exec(row)?.[1]);
    if (number) linked++;
    if (/\| (Done|Closed) \|/i.test(row) === closedNumbers.has(number)) statusesRight++;
  }
}
const faults = sandbox.log.filter((e) => e.fault).length;
const checks: [string, boolean][] = [
  [
    `${pulls.length} PRs for ${INCIDENTS} incidents, one per incident`,
    pulls.length === INCIDENTS && heads.size === INCIDENTS,
  ],
  [`one link comment on each incident`, comments.every((c) => c === 1)],
  [
    `${markers.size} action-item issues for ${POSTMORTEMS * ITEMS} items, none twice`,
    markers.size === POSTMORTEMS * ITEMS && [...markers.values()].every((c) => c === 1),
  ],
  [
    `${branchCommits.length} postmortem branches, one commit each`,
    branchCommits.length === INCIDENTS && branchCommits.every((c) => c === 1),
  ],
  [
    `${linked} of ${POSTMORTEMS * ITEMS} report rows link their issue`,
    linked === POSTMORTEMS * ITEMS,
  ],
  [
    `${statusesRight} of ${POSTMORTEMS * ITEMS} report rows show their issue's state`,
    statusesRight === POSTMORTEMS * ITEMS,
  ],
  [`queue drained after each wave`, wave1Done && wave2Done],
];
const toPr = incidents
  .map((i) => (prAt.get(i.number) ?? NaN) - (sentAt.get(i.number) ?? NaN))
  .filter(Number.isFinite);
console.log(`\n### Load: ${label}`);
console.log(
  `${sent} deliveries (${wave1.length + wave2.length} events + ${redeliveries.length} redelivered; ${INCIDENTS} incidents, ${POSTMORTEMS} postmortems with ${ITEMS} items, ${toClose.length} closes; ~10% sent to both processes), ${faults} requests failed by the sandbox (1%)`,
);
console.log(
  `- ${elapsed.toFixed(1)} s until both waves were done: ${(sent / elapsed).toFixed(1)} deliveries/s; ${botCommitsOnMain.length} write-back commits on main; ${sandbox.log.length} API requests`,
);
console.log(
  `- webhook answer: p50 ${percentile(answers, 50).toFixed(1)} ms, p99 ${percentile(answers, 99).toFixed(1)} ms, max ${Math.max(...answers).toFixed(1)} ms (statuses ${[...statuses].map(([s, c]) => `${s}×${c}`).join(', ')})`,
);
console.log(
  `- delivery to finished PR: p50 ${(percentile(toPr, 50) / 1000).toFixed(2)} s, p99 ${(percentile(toPr, 99) / 1000).toFixed(2)} s`,
);
console.log(
  `- peak memory of the app processes: ${memory.map((m) => `${m.toFixed(0)} MB`).join(', ')}`,
);
if (process.env.BENCH_ROUTES) {
  const routes = new Map<string, number>();
  for (const e of sandbox.log)
    routes.set(`${e.method} ${e.route}`, (routes.get(`${e.method} ${e.route}`) ?? 0) + 1);
  console.log([...routes].sort((a, b) => b[1] - a[1]).slice(0, 12));
  // Which files the app reads most (the contents API is most of its requests).
  const files = new Map<string, number>();
  for (const e of sandbox.log)
    if (e.method === 'GET' && e.route.endsWith('/contents/{path}')) {
      const [path = '', query = ''] = e.path.split('?');
      const key = `${decodeURIComponent(path.replace(/^.*\/contents\//, ''))} ${query.includes('ref=') ? 'at a ref' : 'default branch'}`;
      files.set(key, (files.get(key) ?? 0) + 1);
    }
  console.log([...files].sort((a, b) => b[1] - a[1]).slice(0, 8));
}
for (const [what, ok] of checks) console.log(`- ${ok ? 'ok' : 'WRONG'}: ${what}`);
void total;

for (const app of apps) app.child.kill('SIGKILL');
redis.disconnect();
redisServer.kill('SIGKILL');
await sandbox.close();
process.exit(checks.every(([, ok]) => ok) ? 0 : 1);
