// The app's cost, in API requests per opened postmortem and webhook-to-PR latency, at 1, 10 and
// 50 incidents labelled at once. Run by `npm run bench` (bundled on the fly by esbuild).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createNodeMiddleware, Probot, ProbotOctokit } from 'probot';
import { hindsightApp } from '../src/app/app.js';
import { UnthrottledOctokit } from '../src/app/unthrottled-octokit.js';
import { loadTemplates } from '../src/files/templates.js';
import { deliver, startSandbox } from '../src/sandbox/index.js';
import { seedDemo } from '../src/sandbox/seed.js';

const root = process.argv[2] as string;

async function run(concurrency: number, throttled: boolean) {
  const sandbox = await startSandbox();
  const repo = seedDemo(sandbox, join(root, 'examples/postmortems'));
  const probot = new Probot({
    appId: sandbox.app.id,
    privateKey: sandbox.app.privateKey,
    secret: sandbox.app.webhookSecret,
    baseUrl: sandbox.url,
    logLevel: 'fatal',
    Octokit: throttled ? ProbotOctokit : UnthrottledOctokit,
  });
  const middleware = await createNodeMiddleware(
    hindsightApp({ templates: () => loadTemplates() }),
    { probot },
  );
  const server = createServer(
    (request, response) => void middleware(request, response, () => response.writeHead(404).end()),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;

  const token = sandbox.userToken('alice');
  const call = (path: string, body?: unknown) =>
    fetch(`${sandbox.url}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    }).then((r) => r.json() as Promise<any>);
  const repository = await call('/repos/acme/payments');
  const payloads = [];
  for (let n = 0; n < concurrency; n++) {
    const issue = await call('/repos/acme/payments/issues', {
      title: `Incident ${n}: checkout errors`,
      body: '',
    });
    await call(`/repos/acme/payments/issues/${issue.number}/labels`, { labels: ['incident'] });
    payloads.push({
      action: 'labeled',
      issue: await call(`/repos/acme/payments/issues/${issue.number}`),
      label: { name: 'incident' },
      repository,
      sender: { login: 'alice', id: 1, type: 'User' },
      installation: { id: repo.installationId },
    });
  }
  const before = sandbox.log.length;

  const started = performance.now();
  const latencies = await Promise.all(
    payloads.map(async (payload) => {
      const t0 = performance.now();
      await deliver({ url, secret: sandbox.app.webhookSecret, name: 'issues', payload });
      // Past ~9 s the webhook answers 202 and the app keeps going: wait for the PR itself.
      const head = `hindsight/incident-${payload.issue.number}`;
      while (
        ![...repo.issues.values()].some(
          (issue) => issue.pull?.head === head && issue.comments.length === 0,
        )
      )
        await new Promise((r) => setTimeout(r, 20));
      while (
        !repo.issues
          .get(payload.issue.number)!
          .comments.some((c) => c.user.login === 'hindsight[bot]')
      )
        await new Promise((r) => setTimeout(r, 20));
      return performance.now() - t0;
    }),
  );
  const wall = performance.now() - started;
  const requests = sandbox.log.slice(before).filter((entry) => entry.caller !== 'user');
  const pulls = [...repo.issues.values()].filter((issue) => issue.pull).length;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await sandbox.close();
  latencies.sort((a, b) => a - b);
  return {
    concurrency,
    throttled,
    pulls,
    perPostmortem: requests.length / concurrency,
    writesPerPostmortem: requests.filter((e) => e.method !== 'GET').length / concurrency,
    median: latencies[Math.floor(latencies.length / 2)]! / 1000,
    max: latencies[latencies.length - 1]! / 1000,
    wall: wall / 1000,
  };
}

console.log(
  '\n| incidents at once | Probot write throttle | PRs opened | API requests per postmortem (writes) | webhook→PR median (s) | slowest (s) |',
);
console.log('| ---: | --- | ---: | ---: | ---: | ---: |');
for (const [concurrency, throttled] of [
  [1, false],
  [10, false],
  [50, false],
  [1, true],
  [10, true],
] as const) {
  const r = await run(concurrency, throttled);
  console.log(
    `| ${r.concurrency} | ${r.throttled ? 'on (default)' : 'off'} | ${r.pulls} | ${r.perPostmortem.toFixed(1)} (${r.writesPerPostmortem.toFixed(1)}) | ${r.median.toFixed(2)} | ${r.max.toFixed(2)} |`,
  );
}
