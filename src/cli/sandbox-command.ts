import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFaults, startSandbox, type Sandbox } from '../sandbox/index.js';
import { seedDemo } from '../sandbox/seed.js';
import type { Delivery } from '../sandbox/webhooks.js';
import { examplesDir } from '../files/templates.js';
import type { CliContext } from './context.js';
import { UsageError } from './usage-error.js';

/** Where `probot run` (`npm run app`) listens by default: PORT 3000, Probot's webhook path. */
export const DEFAULT_WEBHOOK_URL = 'http://127.0.0.1:3000/api/github/webhooks';

/**
 * `hindsight sandbox [--port N] [--webhook-url URL]`: a local GitHub API with a seeded demo
 * repository and an incident issue, until interrupted. Everything it prints is a shell script:
 * `export` lines with the environment the app needs (`npm run app` reads them) and `#` comments,
 * so `hindsight sandbox | tee .sandbox.env` gives a file the other terminals source.
 */
export async function sandboxCommand(
  options: { port?: string; webhookUrl?: string; faults?: string },
  context: CliContext,
): Promise<number> {
  const port = options.port === undefined ? 0 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port takes a port number, not "${options.port}".`);
  let faults: ReturnType<typeof parseFaults> | undefined;
  try {
    faults = options.faults === undefined ? undefined : parseFaults(options.faults);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const webhookUrl = parseWebhookUrl(options.webhookUrl ?? DEFAULT_WEBHOOK_URL);
  const say = (line: string) => context.stdout(`${line}\n`);

  // 1. The sandbox, its demo repository and an incident to label; webhooks start after seeding.
  const sandbox = await startSandbox({
    port,
    webPages: true,
    webhookSecret: randomBytes(20).toString('hex'),
    ...(faults ? { faults } : {}),
  });
  seedDemo(sandbox, examplesDir());
  const token = sandbox.userToken('alice');
  const incident = await seedIncident(sandbox, token);

  // 2. The app's key, readable by this user only, gone when the sandbox stops.
  const keyDir = await mkdtemp(join(tmpdir(), 'hindsight-sandbox-'));
  const keyPath = join(keyDir, 'app.private-key.pem');
  await writeFile(keyPath, sandbox.app.privateKey, { mode: 0o600 });

  // 3. Webhooks go to the app; each delivery is reported, so a missing app is plain to see.
  sandbox.setWebhook(webhookUrl.href);
  sandbox.onDelivery((delivery) => say(describeDelivery(delivery, webhookUrl.href)));

  const host = new URL(sandbox.url).host;
  const local = ['127.0.0.1', 'localhost'].includes(webhookUrl.hostname);
  say(
    [
      `# Hindsight sandbox: a local GitHub API and its web pages at ${sandbox.url}`,
      `# Repository acme/payments (collaborators alice, bob, carol; team acme/sre), incident issue #${incident}: ${sandbox.url}/acme/payments/issues/${incident}`,
      `# The app's environment (npm run app reads it). Webhooks go to ${webhookUrl.href}`,
      `export APP_ID=${sandbox.app.id}`,
      `export PRIVATE_KEY_PATH=${keyPath}`,
      `export WEBHOOK_SECRET=${sandbox.app.webhookSecret}`,
      `export GHE_HOST=${host}`,
      'export GHE_PROTOCOL=http',
      ...(local
        ? [
            `export HOST=${webhookUrl.hostname}`,
            `export PORT=${webhookUrl.port || (webhookUrl.protocol === 'https:' ? 443 : 80)}`,
          ]
        : []),
      '# For `hindsight sandbox label` and curl: the sandbox and a token for @alice',
      `export HINDSIGHT_SANDBOX_URL=${sandbox.url}`,
      `export HINDSIGHT_SANDBOX_TOKEN=${token}`,
      `# Label the incident: hindsight sandbox label acme/payments ${incident} incident`,
      `#   or: curl -H "authorization: token ${token}" -d '{"labels":["incident"]}' ${sandbox.url}/repos/acme/payments/issues/${incident}/labels`,
      ...(faults
        ? [
            `# Faults: ${Math.round(faults.rate * 1000) / 10}% of ${faults.routes.length ? faults.routes.join(', ') : 'all requests'} fail (${faults.kinds.join(', ')}; seed ${faults.seed})`,
          ]
        : []),
      '# Press Ctrl-C to stop.',
    ].join('\n'),
  );

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await sandbox.close();
  await rm(keyDir, { recursive: true, force: true });
  return 0;
}

/**
 * `hindsight sandbox label <owner/repo> <issue> <label>`: labels an issue in a running sandbox as
 * @alice (HINDSIGHT_SANDBOX_URL and HINDSIGHT_SANDBOX_TOKEN, printed by `hindsight sandbox`). For
 * the incident label it then waits for the app's pull request and prints its link.
 */
export async function sandboxLabelCommand(
  args: string[],
  context: CliContext,
  env: NodeJS.ProcessEnv,
  waitMs = 60_000,
): Promise<number> {
  const [repo, number, label] = args;
  if (!repo?.includes('/') || !/^\d+$/.test(number ?? '') || !label || args.length > 3)
    throw new UsageError('Usage: hindsight sandbox label <owner/repo> <issue number> <label>');
  const url = env.HINDSIGHT_SANDBOX_URL;
  const token = env.HINDSIGHT_SANDBOX_TOKEN;
  if (!url || !token)
    throw new UsageError(
      'HINDSIGHT_SANDBOX_URL and HINDSIGHT_SANDBOX_TOKEN are not set: source what `hindsight sandbox` printed (`. ./.sandbox.env`).',
    );
  const call = async (method: string, path: string, body?: unknown) => {
    const endpoint = `${method} ${url}${path}`;
    let response: Response;
    try {
      response = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new UsageError(
        `${endpoint}: no sandbox answered (${(error as { cause?: Error }).cause?.message ?? (error as Error).message}); is \`hindsight sandbox\` still running?`,
      );
    }
    const json = (await response.json()) as any;
    if (!response.ok)
      throw new UsageError(`${endpoint}: ${response.status} ${json?.message ?? ''}`.trim());
    return json;
  };
  await call('POST', `/repos/${repo}/issues/${number}/labels`, { labels: [label] });
  context.stdout(`Labelled ${repo}#${number} "${label}" as @alice.\n`);
  if (label !== 'incident') return 0;

  context.stdout(
    `Waiting for the app to open the postmortem pull request (hindsight/incident-${number})…\n`,
  );
  const owner = repo.split('/')[0];
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    const pulls = await call(
      'GET',
      `/repos/${repo}/pulls?state=all&head=${encodeURIComponent(`${owner}:hindsight/incident-${number}`)}`,
    );
    if (pulls.length > 0) {
      context.stdout(
        `The app opened pull request #${pulls[0].number} "${pulls[0].title}": ${pulls[0].html_url}\n`,
      );
      return 0;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  context.stderr(
    `No pull request from hindsight/incident-${number} after ${waitMs / 1000} s: is the app running (\`npm run app\` with the sandbox's environment)? The sandbox's terminal shows each webhook it delivered.\n`,
  );
  return 1;
}

function parseWebhookUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--webhook-url takes a URL (e.g. ${DEFAULT_WEBHOOK_URL}), not "${text}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--webhook-url must be http or https, not "${url.protocol}".`);
  return url;
}

async function seedIncident(sandbox: Sandbox, token: string): Promise<number> {
  // node:http without keep-alive: a pooled fetch socket to ourselves would outlive close().
  const body = JSON.stringify({
    title: 'Payments API: checkout failing with 503s',
    body: 'Error rate above 5% since 14:28 UTC.',
  });
  const text = await new Promise<string>((resolve, reject) => {
    const request = httpRequest(
      `${sandbox.url}/repos/acme/payments/issues`,
      {
        method: 'POST',
        agent: false,
        headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
      },
      (response) => {
        let data = '';
        response.on('data', (chunk) => (data += chunk));
        response.on('end', () => resolve(data));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
  return (JSON.parse(text) as { number: number }).number;
}

function describeDelivery(delivery: Delivery, url: string): string {
  const event = `${delivery.name}${delivery.action ? `.${delivery.action}` : ''}`;
  if (delivery.status === 0)
    return `# webhook ${event} → ${url}: not delivered (${delivery.response}); is the app running?`;
  return `# webhook ${event} → ${url}: ${delivery.status}`;
}
