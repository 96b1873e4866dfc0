import { afterEach, describe, expect, test } from 'vitest';
import { createLambdaHandlers } from '../src/app/lambda.js';
import { UnthrottledOctokit } from '../src/app/unthrottled-octokit.js';
import { signature, startSandbox, type Sandbox } from '../src/sandbox/index.js';
import type { Repository } from '../src/sandbox/state.js';
import { example } from './helpers/app-harness.js';
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
