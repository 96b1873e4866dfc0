import { spawn } from 'node:child_process';
import { createSign } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signature, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { NODE, ROOT } from '../helpers/run-action.js';

// The GitHub behaviours clients depend on, shown on the wire.
let sandbox: Sandbox;
let token: string;
const api = (path: string, init: RequestInit = {}) =>
  fetch(`${sandbox.url}${path}`, {
    ...init,
    headers: {
      authorization: `token ${token}`,
      'content-type': 'application/json',
      ...(init.headers as Record<string, string>),
    },
  });
const post = (path: string, body: unknown, method = 'POST') =>
  api(path, { method, body: JSON.stringify(body) });

beforeAll(async () => {
  sandbox = await startSandbox();
  sandbox.state.createRepo({
    owner: 'acme',
    name: 'payments',
    files: { 'a.md': 'a\n' },
    collaborators: ['alice'],
  });
  token = sandbox.userToken('alice');
});
afterAll(() => sandbox.close());

describe('the sandbox behaves like GitHub where clients depend on it', () => {
  test('ETag and 304, which does not count against the rate limit; rate-limit headers on every response', async () => {
    const first = await api('/repos/acme/payments');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[0-9a-f]{40}"$/);
    expect(first.headers.get('x-ratelimit-limit')).toBe('5000');
    const remaining = Number(first.headers.get('x-ratelimit-remaining'));
    const second = await api('/repos/acme/payments', { headers: { 'if-none-match': etag } });
    expect(second.status).toBe(304);
    expect(await second.text()).toBe('');
    expect(Number(second.headers.get('x-ratelimit-remaining'))).toBe(remaining);
    expect(Number((await api('/repos/acme/payments')).headers.get('x-ratelimit-remaining'))).toBe(
      remaining - 1,
    );
  });

  test('pagination with Link headers', async () => {
    for (let n = 0; n < 5; n++) await post('/repos/acme/payments/issues', { title: `i${n}` });
    const page1 = await api('/repos/acme/payments/issues?per_page=2&state=all');
    expect((await page1.json()).length).toBe(2);
    expect(page1.headers.get('link')).toBe(
      `<${sandbox.url}/repos/acme/payments/issues?per_page=2&state=all&page=2>; rel="next", <${sandbox.url}/repos/acme/payments/issues?per_page=2&state=all&page=3>; rel="last"`,
    );
    const page3 = await api('/repos/acme/payments/issues?per_page=2&state=all&page=3');
    expect((await page3.json()).length).toBe(1);
    expect(page3.headers.get('link')).toContain('rel="prev"');
  });

  test('refs, contents and pulls refuse what GitHub refuses', async () => {
    const main = (await (await api('/repos/acme/payments/git/ref/heads/main')).json()).object.sha;
    expect(
      (await post('/repos/acme/payments/git/refs', { ref: 'refs/heads/x', sha: main })).status,
    ).toBe(201);
    const again = await post('/repos/acme/payments/git/refs', { ref: 'refs/heads/x', sha: main });
    expect(again.status).toBe(422);
    expect((await again.json()).message).toBe('Reference already exists');

    const file = await (await api('/repos/acme/payments/contents/a.md?ref=x')).json();
    expect(Buffer.from(file.content, 'base64').toString()).toBe('a\n');
    const raw = await api('/repos/acme/payments/contents/a.md?ref=x', {
      headers: { accept: 'application/vnd.github.raw+json' },
    });
    expect(await raw.text()).toBe('a\n');
    const noSha = await post(
      '/repos/acme/payments/contents/a.md',
      { message: 'm', content: Buffer.from('b').toString('base64'), branch: 'x' },
      'PUT',
    );
    expect(noSha.status).toBe(422);
    expect(
      (
        await post(
          '/repos/acme/payments/contents/a.md',
          {
            message: 'm',
            content: Buffer.from('b').toString('base64'),
            branch: 'x',
            sha: file.sha,
          },
          'PUT',
        )
      ).status,
    ).toBe(200);
    const stale = await post(
      '/repos/acme/payments/contents/a.md',
      { message: 'm', content: Buffer.from('c').toString('base64'), branch: 'x', sha: file.sha },
      'PUT',
    );
    expect(stale.status).toBe(409);

    expect(
      (await post('/repos/acme/payments/pulls', { title: 't', head: 'x', base: 'main' })).status,
    ).toBe(201);
    const duplicate = await post('/repos/acme/payments/pulls', {
      title: 't',
      head: 'x',
      base: 'main',
    });
    expect(duplicate.status).toBe(422);
    expect((await duplicate.json()).errors[0].message).toBe(
      'A pull request already exists for acme:x.',
    );
    // A branch with nothing beyond its base cannot be proposed.
    expect(
      (await post('/repos/acme/payments/git/refs', { ref: 'refs/heads/empty', sha: main })).status,
    ).toBe(201);
    const empty = await post('/repos/acme/payments/pulls', {
      title: 't',
      head: 'empty',
      base: 'main',
    });
    expect(empty.status).toBe(422);
    expect((await empty.json()).errors[0].message).toBe('No commits between main and empty');
  });

  test('app routes need a JWT signed by the app key; tokens need to be real', async () => {
    const now = Math.floor(Date.now() / 1000);
    const jwt = (iss: number) => {
      const unsigned = `${Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iat: now, exp: now + 60, iss })).toString('base64url')}`;
      return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(sandbox.app.privateKey, 'base64url')}`;
    };
    expect(
      (
        await fetch(`${sandbox.url}/app`, {
          headers: { authorization: `bearer ${jwt(sandbox.app.id)}` },
        })
      ).status,
    ).toBe(200);
    expect(
      (await fetch(`${sandbox.url}/app`, { headers: { authorization: `bearer ${jwt(1)}` } }))
        .status,
    ).toBe(401);
    expect(
      (await fetch(`${sandbox.url}/app`, { headers: { authorization: `token ${token}` } })).status,
    ).toBe(401);
    expect(
      (
        await fetch(`${sandbox.url}/repos/acme/payments`, {
          headers: { authorization: 'token ghs_made_up' },
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await fetch(`${sandbox.url}/api/v3/repos/acme/payments`, {
          headers: { authorization: `token ${token}` },
        })
      ).status,
    ).toBe(200);
  });

  test('webhooks are signed over the exact body, with a delivery id', async () => {
    const received: { headers: Record<string, string>; body: string }[] = [];
    const { createServer } = await import('node:http');
    const server = createServer((request, response) => {
      let body = '';
      request
        .on('data', (chunk) => (body += chunk))
        .on('end', () => {
          received.push({ headers: request.headers as Record<string, string>, body });
          response.end('ok');
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    sandbox.setWebhook(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
    await post('/repos/acme/payments/issues/1/labels', { labels: ['incident'] });
    await sandbox.settled();
    sandbox.setWebhook(null);
    server.close();
    expect(received).toHaveLength(1);
    const [hook] = received;
    expect(hook!.headers['x-github-event']).toBe('issues');
    expect(hook!.headers['x-github-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    expect(hook!.headers['x-hub-signature-256']).toBe(
      signature(sandbox.app.webhookSecret, hook!.body),
    );
    expect(JSON.parse(hook!.body)).toMatchObject({
      action: 'labeled',
      label: { name: 'incident' },
      issue: { number: 1 },
      repository: { full_name: 'acme/payments' },
    });
  });
});

test('`hindsight sandbox` starts a seeded sandbox, prints its URL and a working token, and stops on SIGINT', async () => {
  const child = spawn(NODE, [join(ROOT, 'dist/cli.js'), 'sandbox'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  await new Promise<void>((resolve) =>
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('Ctrl-C')) resolve();
    }),
  );
  const url = /^export HINDSIGHT_SANDBOX_URL=(\S+)$/m.exec(out)![1]!;
  const demoToken = /^export HINDSIGHT_SANDBOX_TOKEN=(\S+)$/m.exec(out)![1]!;
  // Everything printed is a shell script: export lines and comments.
  expect(
    out
      .trim()
      .split('\n')
      .filter((line) => !/^(export \w+=\S*|#.*)$/.test(line)),
  ).toEqual([]);
  const repo = await (
    await fetch(`${url}/repos/acme/payments`, { headers: { authorization: `token ${demoToken}` } })
  ).json();
  expect(repo.default_branch).toBe('main');
  const files = await (
    await fetch(`${url}/repos/acme/payments/contents/postmortems`, {
      headers: { authorization: `token ${demoToken}` },
    })
  ).json();
  expect(files.map((f: { name: string }) => f.name)).toEqual([
    '2026-11-20-payments-api-pool-exhausted.md',
    '2026-11-21-search-latency.md',
  ]);
  child.kill('SIGINT');
  expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
});
