import type { Sandbox } from '../../src/sandbox/index.js';
import { signature } from '../../src/sandbox/index.js';
import type { Repository } from '../../src/sandbox/state.js';
import { example } from './app-harness.js';

// What the deployment tests share: an incident and its real issues.labeled payload, the app's
// environment for a sandbox, and an API Gateway event as AWS builds it.

/** A repository with an incident issue, and the real issues.labeled payload for it. */
export async function incident(
  s: Sandbox,
): Promise<{ repo: Repository; payload: Record<string, any> }> {
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

export const envFor = (s: Sandbox, extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  APP_ID: String(s.app.id),
  PRIVATE_KEY: s.app.privateKey,
  WEBHOOK_SECRET: s.app.webhookSecret,
  GHE_HOST: new URL(s.url).host,
  GHE_PROTOCOL: 'http',
  LOG_LEVEL: 'fatal' as const,
  ...extra,
});

/** An API Gateway (HTTP API) event as AWS builds it: mixed-case headers, a base64 body. */
export function gatewayEvent(s: Sandbox, payload: unknown, secret = s.app.webhookSecret) {
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
