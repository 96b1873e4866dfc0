import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { createLambdaHandlers } from '../src/app/lambda.js';
import { deliver, signature, startSandbox, type Sandbox } from '../src/sandbox/index.js';
import type { Repository } from '../src/sandbox/state.js';
import { example } from './helpers/app-harness.js';
import { startAppProcess } from './helpers/app-process.js';
import { queueDrained, startRedis, type RedisServer } from './helpers/redis.js';
import { ROOT } from './helpers/run-action.js';

// The deployments in docs/deploy.md, started for real (Docker itself cannot run here: the
// Dockerfile's and compose file's command is what runs, and they are checked to say so).
let sandbox: Sandbox | undefined;
let redis: RedisServer | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await sandbox?.close();
  await redis?.stop();
  sandbox = undefined;
  redis = undefined;
});

/** A repository with an incident issue, and the real issues.labeled payload for it. */
async function incident(s: Sandbox): Promise<{ repo: Repository; payload: Record<string, any> }> {
  const repo = s.state.createRepo({
    owner: 'acme',
    name: 'payments',
    files: { 'README.md': '# payments\n' },
    collaborators: ['alice', 'carol'],
  });
  const get = (path: string) =>
    fetch(`${s.url}${path}`, { headers: { authorization: `token ${s.userToken('alice')}` } }).then(
      (r) => r.json(),
    );
  const created = await fetch(`${s.url}/repos/acme/payments/issues`, {
    method: 'POST',
    headers: { authorization: `token ${s.userToken('alice')}` },
    body: JSON.stringify({ title: 'Checkout down', body: '' }),
  }).then((r) => r.json() as Promise<{ number: number }>);
  const payload = example('issues', 'labeled');
  Object.assign(payload, {
    issue: await get(`/repos/acme/payments/issues/${created.number}`),
    repository: await get('/repos/acme/payments'),
    label: { name: 'incident', color: 'ededed' },
    sender: { ...payload.sender, login: 'carol' },
    installation: { id: repo.installationId },
  });
  delete payload.organization;
  return { repo, payload };
}

const envFor = (s: Sandbox, extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  APP_ID: String(s.app.id),
  PRIVATE_KEY: s.app.privateKey,
  WEBHOOK_SECRET: s.app.webhookSecret,
  GHE_HOST: new URL(s.url).host,
  GHE_PROTOCOL: 'http',
  LOG_LEVEL: 'fatal' as const,
  ...extra,
});

/** An API Gateway (HTTP API) event as AWS builds it: mixed-case headers, a base64 body. */
function gatewayEvent(s: Sandbox, payload: unknown, secret = s.app.webhookSecret) {
  const body = JSON.stringify(payload);
  return {
    version: '2.0',
    headers: {
      'Content-Type': 'application/json',
      'X-GitHub-Event': 'issues',
      'X-GitHub-Delivery': crypto.randomUUID(),
      'X-Hub-Signature-256': signature(secret, body),
    },
    body: Buffer.from(body).toString('base64'),
    isBase64Encoded: true,
  };
}

describe('deployments', () => {
  test('the Dockerfile and compose.yaml run the command these tests start, twice with Redis', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/server\.js"\]$/m);
    const compose = parse(readFileSync(join(ROOT, 'compose.yaml'), 'utf8'), { merge: true });
    const apps = Object.entries(compose.services).filter(([name]) => name.startsWith('app'));
    expect(apps).toHaveLength(2);
    for (const [, app] of apps as [string, any][]) {
      expect(app.command).toEqual(['node', 'dist/server.js']);
      expect(app.environment.REDIS_URL).toBe('redis://redis:6379');
    }
    expect(compose.services.redis.image).toMatch(/^redis:/);
  });

  test('node dist/server.js without Redis (one container) opens the postmortem for a delivery', async () => {
    sandbox = await startSandbox();
    const { repo, payload } = await incident(sandbox);
    const app = await startAppProcess({ sandbox });
    cleanups.push(() => app.kill());
    const delivery = await deliver({
      url: app.url,
      secret: sandbox.app.webhookSecret,
      name: 'issues',
      payload,
    });
    // With writes spaced a second apart (as against GitHub), Probot answers 202 after 9 s and
    // carries on: the answer never waits for the work.
    expect([200, 202]).toContain(delivery.status);
    const commented = () =>
      repo.issues
        .get(payload.issue.number)!
        .comments.some((c) => c.user.login === 'hindsight[bot]');
    for (let n = 0; n < 300 && !commented(); n++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect([...repo.issues.values()].filter((i) => i.pull).map((i) => i.title)).toEqual([
      'Postmortem: Checkout down',
    ]);
    const refused = await deliver({ url: app.url, secret: 'wrong', name: 'issues', payload });
    expect(refused.status).toBe(400);
  }, 60_000);

  test('the Lambda handler (dist/lambda.js) handles a real signed API Gateway event', async () => {
    sandbox = await startSandbox();
    const { repo, payload } = await incident(sandbox);
    const saved = { ...process.env };
    Object.assign(process.env, envFor(sandbox));
    try {
      const { handler } = (await import(join(ROOT, 'dist/lambda.js'))) as {
        handler: ReturnType<typeof createLambdaHandlers>['handler'];
      };
      const bad = await handler(gatewayEvent(sandbox, payload, 'wrong'));
      expect(bad.statusCode).toBe(401);
      const result = await handler(gatewayEvent(sandbox, payload));
      expect(result.statusCode).toBe(200);
    } finally {
      process.env = saved;
    }
    expect([...repo.issues.values()].filter((i) => i.pull)).toHaveLength(1);
  }, 60_000);

  test('the Lambda handler with REDIS_URL queues (202) and the worker does the work', async () => {
    redis = await startRedis();
    sandbox = await startSandbox();
    const { repo, payload } = await incident(sandbox);
    const { handler, worker, close } = createLambdaHandlers({
      env: envFor(sandbox, { REDIS_URL: redis.url }),
    });
    cleanups.push(close);
    const answered = await handler(gatewayEvent(sandbox, payload));
    expect(answered.statusCode).toBe(202);
    expect([...repo.issues.values()].filter((i) => i.pull)).toHaveLength(0);
    const { handled } = await worker({ budgetMs: 3_000 });
    expect(handled).toBe(1);
    await queueDrained(redis.client);
    expect([...repo.issues.values()].filter((i) => i.pull)).toHaveLength(1);
  }, 60_000);
});
