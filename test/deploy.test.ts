import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { createLambdaHandlers } from '../src/app/lambda.js';
import { deliver, startSandbox } from '../src/sandbox/index.js';
import { envFor, gatewayEvent, incident } from './helpers/deployment.js';
import { startAppProcess } from './helpers/app-process.js';
import { queueDrained, startRedis } from './helpers/redis.js';
import { ROOT } from './helpers/run-action.js';

// The deployments in docs/deploy.md, started for real (Docker itself cannot run here: the
// Dockerfile's and compose file's command is what runs, and they are checked to say so).
// Each test has its own sandbox (and redis-server) and runs at once with the others: most of their
// time is Probot's production write throttle, waited out.
describe.concurrent('deployments', () => {
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

  test('node dist/server.js without Redis (one container) opens the postmortem for a delivery', async ({
    onTestFinished,
  }) => {
    const sandbox = await startSandbox();
    onTestFinished(() => sandbox.close());
    const { repo, payload } = await incident(sandbox);
    const app = await startAppProcess({ sandbox });
    onTestFinished(() => app.kill());
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

  test('the Lambda handler (dist/lambda.js) handles a real signed API Gateway event', async ({
    onTestFinished,
  }) => {
    const sandbox = await startSandbox();
    onTestFinished(() => sandbox.close());
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

  test('the Lambda handler with REDIS_URL queues (202) and the worker does the work', async ({
    onTestFinished,
  }) => {
    const redis = await startRedis();
    onTestFinished(() => redis.stop());
    const sandbox = await startSandbox();
    onTestFinished(() => sandbox.close());
    const { repo, payload } = await incident(sandbox);
    const { handler, worker, close } = createLambdaHandlers({
      env: envFor(sandbox, { REDIS_URL: redis.url }),
    });
    onTestFinished(close);
    const answered = await handler(gatewayEvent(sandbox, payload));
    expect(answered.statusCode).toBe(202);
    expect([...repo.issues.values()].filter((i) => i.pull)).toHaveLength(0);
    const { handled } = await worker({ budgetMs: 3_000 });
    expect(handled).toBe(1);
    await queueDrained(redis.client);
    expect([...repo.issues.values()].filter((i) => i.pull)).toHaveLength(1);
  }, 60_000);
});
