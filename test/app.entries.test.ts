import { execFile, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, type TestContext, test } from 'vitest';
import { HttpError } from '../src/sandbox/http.js';
import { deliver, startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { seedDemo } from '../src/sandbox/seed.js';
import { example } from './helpers/app-harness.js';
import { NODE, ROOT } from './helpers/run-action.js';
import { freePort } from './helpers/free-port.js';

// The built app as it runs for real: under `probot run` with Probot's environment conventions,
// and inside a workflow through our adapter. Probot's write throttle stays on here (as in
// production), so each of these takes a few seconds, mostly waiting: the tests run at once, each
// with its own sandbox and processes.

/** A sandbox for one test, closed when it finishes. */
async function sandboxFor(onTestFinished: TestContext['onTestFinished']): Promise<Sandbox> {
  const sandbox = await startSandbox();
  onTestFinished(() => sandbox.close());
  return sandbox;
}

async function incident(s: Sandbox) {
  const call = (login: string, path: string, body: unknown) =>
    fetch(`${s.url}${path}`, {
      method: 'POST',
      headers: { authorization: `token ${s.userToken(login)}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then((r) => r.json() as Promise<any>);
  const issue = await call('alice', '/repos/acme/payments/issues', {
    title: 'Checkout down',
    body: '',
  });
  await call('carol', `/repos/acme/payments/issues/${issue.number}/labels`, {
    labels: ['incident'],
  });
  const payload = example('issues', 'labeled');
  Object.assign(payload, {
    issue: await fetch(`${s.url}/repos/acme/payments/issues/${issue.number}`, {
      headers: { authorization: `token ${s.userToken('alice')}` },
    }).then((r) => r.json()),
    repository: await fetch(`${s.url}/repos/acme/payments`, {
      headers: { authorization: `token ${s.userToken('alice')}` },
    }).then((r) => r.json()),
    label: { name: 'incident', color: 'ededed' },
    sender: { ...payload.sender, login: 'carol' },
  });
  return { number: issue.number as number, payload };
}

describe.concurrent('the built app', () => {
  test('runs under `probot run ./dist/app.js` with APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, GHE_HOST, GHE_PROTOCOL and PORT', async ({
    onTestFinished,
  }) => {
    const sandbox = await sandboxFor(onTestFinished);
    const repo = seedDemo(sandbox, join(ROOT, 'examples/postmortems'));
    const port = await freePort();
    const child = spawn(
      NODE,
      [join(ROOT, 'node_modules/probot/bin/probot.js'), 'run', join(ROOT, 'dist/app.js')],
      {
        env: {
          PATH: process.env.PATH,
          APP_ID: String(sandbox.app.id),
          PRIVATE_KEY: sandbox.app.privateKey,
          WEBHOOK_SECRET: sandbox.app.webhookSecret,
          GHE_HOST: new URL(sandbox.url).host,
          GHE_PROTOCOL: 'http',
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
        },
        stdio: 'ignore',
      },
    );
    onTestFinished(() => {
      child.kill();
    });
    const url = `http://127.0.0.1:${port}/api/github/webhooks`;
    // Up to 30 s: the tests run at once, and `probot run` starts slowly on a loaded machine.
    for (
      let n = 0;
      n < 300 &&
      !(await fetch(`http://127.0.0.1:${port}/`).then(
        () => true,
        () => false,
      ));
      n++
    )
      await new Promise((r) => setTimeout(r, 100));

    const { number, payload } = await incident(sandbox);
    payload.installation = { id: repo.installationId, node_id: 'x' };
    const delivery = await deliver({
      url,
      secret: sandbox.app.webhookSecret,
      name: 'issues',
      payload,
    });
    // 200 once the handlers finish; Probot answers 202 "still processing" after 9 s (a loaded
    // machine) and the work goes on, so wait for the PR either way.
    expect([200, 202]).toContain(delivery.status);
    const done = () =>
      [...repo.issues.values()].some((i) => i.pull) && repo.issues.get(number)!.comments.length > 0;
    for (let n = 0; n < 300 && !done(); n++) await new Promise((r) => setTimeout(r, 100));
    expect([...repo.issues.values()].find((i) => i.pull)?.title).toBe('Postmortem: Checkout down');
    // Every request went through the GHE-style /api/v3 prefix, authenticated as the installation.
    const appRequests = sandbox.log.filter(
      (e) => e.caller === 'installation' || e.caller === 'app',
    );
    expect(appRequests.length).toBeGreaterThan(5);
    expect(appRequests.every((e) => e.enterprisePrefix)).toBe(true);
    expect(repo.issues.get(number)!.comments.map((c) => c.user.login)).toEqual(['hindsight[bot]']);

    const bad = await deliver({ url, secret: 'wrong', name: 'issues', payload });
    expect(bad.status).toBe(400);
  }, 60_000);

  test('`probot run` refuses to start without WEBHOOK_SECRET (or with "development"), unless HINDSIGHT_DEV=1', async ({
    onTestFinished,
  }) => {
    const sandbox = await sandboxFor(onTestFinished);
    const repo = seedDemo(sandbox, join(ROOT, 'examples/postmortems'));
    // An empty directory as cwd: Probot reads .env from there.
    const cwd = await mkdtemp(join(tmpdir(), 'hindsight-app-secret-'));
    const start = (extra: Record<string, string>) =>
      new Promise<{ code: number | null; stderr: string; port: number }>((resolve) => {
        void freePort().then((port) => {
          const child = spawn(
            NODE,
            [join(ROOT, 'node_modules/probot/bin/probot.js'), 'run', join(ROOT, 'dist/app.js')],
            {
              cwd,
              env: {
                PATH: process.env.PATH,
                APP_ID: String(sandbox.app.id),
                PRIVATE_KEY: sandbox.app.privateKey,
                GHE_HOST: new URL(sandbox.url).host,
                GHE_PROTOCOL: 'http',
                PORT: String(port),
                HOST: '127.0.0.1',
                LOG_LEVEL: 'warn',
                ...extra,
              },
              stdio: ['ignore', 'ignore', 'pipe'],
            },
          );
          onTestFinished(() => {
            child.kill();
          });
          let stderr = '';
          child.stderr.on('data', (chunk) => {
            stderr += String(chunk);
          });
          child.on('exit', (code) => resolve({ code, stderr, port }));
          // A server that started is polled until it answers, then stopped.
          void (async () => {
            for (let n = 0; n < 300 && child.exitCode === null; n++) {
              const up = await fetch(`http://127.0.0.1:${port}/`).then(
                () => true,
                () => false,
              );
              if (up) {
                const { payload } = await incident(sandbox);
                payload.installation = { id: repo.installationId, node_id: 'x' };
                // A label the app does not act on: the answer says whether the signature was
                // taken, without waiting for the throttled writes an incident starts (Probot
                // would answer 202 after 9 s).
                payload.label = { name: 'documentation', color: 'ededed' };
                const forged = await deliver({
                  url: `http://127.0.0.1:${port}/api/github/webhooks`,
                  secret: 'development',
                  name: 'issues',
                  payload,
                });
                stderr += `\nforged delivery: ${forged.status}`;
                child.kill();
                return;
              }
              await new Promise((r) => setTimeout(r, 100));
            }
          })();
        });
      });

    // The three at once: two stop before listening, the third is stopped once it has answered.
    const [missing, weak, dev] = await Promise.all([
      start({}),
      start({ WEBHOOK_SECRET: 'development' }),
      start({ HINDSIGHT_DEV: '1' }),
    ]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('Hindsight will not start: WEBHOOK_SECRET is not set');
    expect(missing.stderr).not.toContain('forged delivery');

    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toContain('Hindsight will not start: WEBHOOK_SECRET is "development"');

    // Development mode, said out loud: it starts, and (as Probot does) takes "development".
    // Accepted (2xx), not refused as a bad signature (400).
    expect(dev.stderr).toMatch(/forged delivery: 20\d/);
  }, 60_000);

  test('runs inside a workflow through the adapter (the Action with command: app), with the workflow token', async ({
    onTestFinished,
  }) => {
    const sandbox = await sandboxFor(onTestFinished);
    const repo = seedDemo(sandbox, join(ROOT, 'examples/postmortems'));
    const { payload } = await incident(sandbox);
    const dir = await mkdtemp(join(tmpdir(), 'hindsight-app-action-'));
    await writeFile(join(dir, 'event.json'), JSON.stringify(payload));
    const result = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(
        NODE,
        [join(ROOT, 'dist/index.js')],
        {
          env: {
            PATH: process.env.PATH,
            GITHUB_API_URL: sandbox.url,
            GITHUB_EVENT_PATH: join(dir, 'event.json'),
            GITHUB_EVENT_NAME: 'issues',
            GITHUB_RUN_ID: '42',
            INPUT_COMMAND: 'app',
            INPUT_TOKEN: sandbox.workflowToken(),
          },
          timeout: 50_000,
        },
        (error, stdout) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
      ),
    );
    expect(result.code).toBe(0);
    const pull = [...repo.issues.values()].find((i) => i.pull);
    expect(pull?.title).toBe('Postmortem: Checkout down');
    expect(pull?.user.login).toBe('github-actions[bot]');
  }, 60_000);

  test('in a workflow, a refused write fails the step with one line naming the endpoint and the permission, not a JSON log dump', async ({
    onTestFinished,
  }) => {
    const sandbox = await sandboxFor(onTestFinished);
    seedDemo(sandbox, join(ROOT, 'examples/postmortems'));
    const { payload } = await incident(sandbox);
    // A workflow without `contents: write`: creating the postmortem's branch is refused.
    sandbox.beforeRequest(({ method, route }) => {
      if (method === 'POST' && route === '/repos/{owner}/{repo}/git/refs')
        throw new HttpError(403, 'Resource not accessible by integration');
    });
    const dir = await mkdtemp(join(tmpdir(), 'hindsight-app-action-'));
    await writeFile(join(dir, 'event.json'), JSON.stringify(payload));
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(
        NODE,
        [join(ROOT, 'dist/index.js')],
        {
          env: {
            PATH: process.env.PATH,
            GITHUB_API_URL: sandbox.url,
            GITHUB_EVENT_PATH: join(dir, 'event.json'),
            GITHUB_EVENT_NAME: 'issues',
            GITHUB_RUN_ID: '42',
            INPUT_COMMAND: 'app',
            INPUT_TOKEN: sandbox.workflowToken(),
          },
          timeout: 50_000,
        },
        (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      ),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `::error::GitHub API POST ${sandbox.url}/repos/acme/payments/git/refs answered 403 "Resource not accessible by integration": the token probably lacks "contents: write".`,
    );
    const log = `${result.stdout}${result.stderr}`.split('\n').filter((line) => line.trim());
    expect(log.length, log.join('\n')).toBeLessThan(10);
    expect(log.filter((line) => line.trimStart().startsWith('{'))).toEqual([]);
  }, 60_000);

  test('`hindsight demo` (npm start) opens and checks a postmortem end to end', async () => {
    const result = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(NODE, [join(ROOT, 'dist/cli.js'), 'demo'], { timeout: 50_000 }, (error, stdout) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
      ),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'The app opened draft PR #2 "Postmortem: Payments API: checkout failing with 503s"',
    );
    expect(result.stdout).toContain(
      'branch hindsight/incident-1, file postmortems/2026-11-20-payments-api-checkout-failing-with-503s.md, label postmortem, review requested from @bob',
    );
    expect(result.stdout).toMatch(/✖ \d+ problems \(0 errors, \d+ warnings\) in 1 postmortem/);
  }, 60_000);
});
