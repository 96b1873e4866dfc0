import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { deliver, startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { seedDemo } from '../src/sandbox/seed.js';
import { example } from './helpers/app-harness.js';
import { NODE, ROOT } from './helpers/run-action.js';
import { freePort } from './helpers/free-port.js';

// `npm run app` (`node dist/run.js`): Probot's own runner with Hindsight's Octokit, which waits
// out a secondary rate limit where plain `probot run` only logs it and lets the write fail.
let sandbox: Sandbox | undefined;
const children: { kill(): void }[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill();
  await sandbox?.close();
  sandbox = undefined;
});

test('npm run app opens the postmortem through a secondary rate limit, waiting as retry-after says', async () => {
  sandbox = await startSandbox();
  const s = sandbox;
  const repo = seedDemo(s, join(ROOT, 'examples/postmortems'));
  // Two content-creating requests, then 2 s of 403s: opening a postmortem takes six or so.
  s.setContentLimits({ windows: [{ max: 2, seconds: 60 }], retryAfter: 2 });
  const port = await freePort();
  let output = '';
  const child = spawn(NODE, [join(ROOT, 'dist/run.js')], {
    env: {
      PATH: process.env.PATH,
      APP_ID: String(s.app.id),
      PRIVATE_KEY: s.app.privateKey,
      WEBHOOK_SECRET: s.app.webhookSecret,
      GHE_HOST: new URL(s.url).host,
      GHE_PROTOCOL: 'http',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  for (
    let n = 0;
    n < 100 &&
    !(await fetch(`http://127.0.0.1:${port}/`).then(
      () => true,
      () => false,
    ));
    n++
  )
    await new Promise((r) => setTimeout(r, 100));

  const token = s.userToken('alice');
  const call = (path: string, body: unknown) =>
    fetch(`${s.url}${path}`, {
      method: 'POST',
      headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then((r) => r.json() as Promise<any>);
  const issue = await call('/repos/acme/payments/issues', { title: 'Checkout down', body: '' });
  const payload = example('issues', 'labeled');
  Object.assign(payload, {
    issue: { ...issue, labels: [{ name: 'incident' }] },
    repository: await fetch(`${s.url}/repos/acme/payments`, {
      headers: { authorization: `token ${token}` },
    }).then((r) => r.json()),
    label: { name: 'incident', color: 'ededed' },
    sender: { ...payload.sender, login: 'alice' },
    installation: { id: repo.installationId, node_id: 'x' },
  });
  const delivery = await deliver({
    url: `http://127.0.0.1:${port}/api/github/webhooks`,
    secret: s.app.webhookSecret,
    name: 'issues',
    payload,
  });
  expect([200, 202]).toContain(delivery.status);
  const done = () =>
    [...repo.issues.values()].some((i) => i.pull) &&
    repo.issues.get(issue.number)!.comments.length > 0;
  for (let n = 0; n < 400 && !done(); n++) await new Promise((r) => setTimeout(r, 100));

  // Refused, waited out, sent again: the PR and the link comment are there, once each.
  const refused = s.log.filter((e) => e.caller === 'installation' && e.status === 403);
  expect(refused.length).toBeGreaterThan(0);
  expect([...repo.issues.values()].filter((i) => i.pull).map((i) => i.title)).toEqual([
    'Postmortem: Checkout down',
  ]);
  expect(repo.issues.get(issue.number)!.comments.map((c) => c.user.login)).toEqual([
    'hindsight[bot]',
  ]);
  expect(output).toContain("GitHub's secondary rate limit on");
  expect(output).toContain('waiting 2 s (retry-after), then retrying');
}, 60_000);
