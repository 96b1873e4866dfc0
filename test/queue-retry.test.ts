import { afterEach, describe, expect, test } from 'vitest';
import { createLambdaHandlers } from '../src/app/lambda.js';
import { UnthrottledOctokit } from '../src/app/unthrottled-octokit.js';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { envFor, gatewayEvent, incident } from './helpers/deployment.js';
import { startRedis, type RedisServer } from './helpers/redis.js';

// The Redis work queue under a failing GitHub: a failed event is queued again until it is done.
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

/** Writes not spaced, retries 100 times faster: the same tries as in production, quickly. */
class FastRetry extends UnthrottledOctokit {
  constructor(options: ConstructorParameters<typeof UnthrottledOctokit>[0] = {}) {
    super({ ...options, retry: { retryAfterBaseValue: 10 } } as never);
  }
}

describe('the work queue', () => {
  test('a queued event whose work fails is queued again and completed by the next try', async () => {
    redis = await startRedis();
    sandbox = await startSandbox();
    const { repo, payload } = await incident(sandbox);
    // Opening the PR fails on every try of the first attempt (the first and its 3 retries).
    sandbox.setFaults({
      rate: 1,
      kinds: ['502'],
      routes: ['POST /repos/{owner}/{repo}/pulls'],
      callers: ['installation'],
      first: 4,
    });
    const { handler, worker, close } = createLambdaHandlers({
      env: envFor(sandbox, { REDIS_URL: redis.url }),
      Octokit: FastRetry,
    });
    cleanups.push(close);
    expect((await handler(gatewayEvent(sandbox, payload))).statusCode).toBe(202);
    // The first try fails; a later one (of at most 3) completes it. The worker runs in slices, as
    // a scheduled function does, until the PR is there (a loaded machine may need several).
    let handled = 0;
    for (let n = 0; n < 20 && ![...repo.issues.values()].some((i) => i.pull); n++)
      handled += (await worker({ budgetMs: 2_000 })).handled;
    expect(handled).toBeGreaterThanOrEqual(2);
    expect(handled).toBeLessThanOrEqual(3);
    expect(sandbox.log.filter((e) => e.fault === '502')).toHaveLength(4);
    expect([...repo.issues.values()].filter((i) => i.pull)).toHaveLength(1);
    const branchWrites = sandbox.log.filter(
      (e) => e.method === 'PUT' && e.route.includes('/contents/') && e.status < 300,
    );
    expect(branchWrites).toHaveLength(1);
  }, 60_000);
});
