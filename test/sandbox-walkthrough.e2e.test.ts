import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ROOT } from './helpers/run-action.js';
import { freePort } from './helpers/free-port.js';

// The README's three-terminal walkthrough (sandbox, `npm run app`, label), typed as written: the
// commands are read from the README block, only Probot's port 3000 is swapped for a free one so
// parallel runs do not collide. The built CLI and app, Probot's write throttle on.
const children: ChildProcess[] = [];
let work: string | undefined;
afterEach(async () => {
  for (const child of children.splice(0)) {
    // Each terminal is its own process group: end the shell and what it started.
    if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
  }
  if (work) await rm(work, { recursive: true, force: true });
  work = undefined;
});

async function walkthrough(): Promise<string[]> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const block = /<!-- sandbox-walkthrough[^>]*-->\n```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README.md has no sandbox-walkthrough block');
  return block.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
}

/** A terminal: `sh -c line` in the "clone", collecting what it prints. */
function terminal(line: string, cwd: string) {
  const child = spawn('sh', ['-c', line], { cwd, detached: true, env: { ...process.env } });
  children.push(child);
  const output = { text: '' };
  child.stdout.on('data', (chunk) => (output.text += chunk));
  child.stderr.on('data', (chunk) => (output.text += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, output, exited };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the README sandbox walkthrough', () => {
  test('sandbox, app, label: the app opens a draft postmortem PR whose links point at the sandbox', async () => {
    const lines = await walkthrough();
    expect(lines).toHaveLength(3);
    const port = String(await freePort());
    const [sandboxLine, appLine, labelLine] = lines.map((line) =>
      line.replaceAll('127.0.0.1:3000', `127.0.0.1:${port}`),
    ) as [string, string, string];

    // A clone as the README assumes one: the built dist/, the dependencies, package.json's scripts.
    work = await mkdtemp(join(tmpdir(), 'hindsight-walkthrough-'));
    for (const name of ['package.json', 'dist', 'node_modules'])
      await symlink(join(ROOT, name), join(work, name));

    // 1. The sandbox prints the app's environment; the key file it names is private.
    const sandbox = terminal(sandboxLine, work);
    const env = await until('the sandbox environment', async () => {
      const text = await readFile(join(work!, '.sandbox.env'), 'utf8').catch(() => '');
      return text.includes('Press Ctrl-C') ? text : undefined;
    });
    const exported = Object.fromEntries(
      [...env.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1], m[2]] as [string, string]),
    );
    expect(Object.keys(exported)).toEqual(
      expect.arrayContaining([
        'APP_ID',
        'PRIVATE_KEY_PATH',
        'WEBHOOK_SECRET',
        'GHE_HOST',
        'GHE_PROTOCOL',
      ]),
    );
    expect(exported.WEBHOOK_SECRET).toMatch(/^[0-9a-f]{40}$/);
    expect((await stat(exported.PRIVATE_KEY_PATH!)).mode & 0o777).toBe(0o600);
    expect(exported.PORT).toBe(port);

    // 2. The app, from that environment.
    const app = terminal(appLine, work);
    await until('the app to listen', async () =>
      /Listening on/.test(app.output.text) ? true : undefined,
    );

    // 3. The label; it waits for the pull request and prints its link.
    const label = terminal(labelLine, work);
    expect(await label.exited, label.output.text).toBe(0);
    const url = exported.HINDSIGHT_SANDBOX_URL!;
    expect(label.output.text).toContain(
      `The app opened pull request #2 "Postmortem: Payments API: checkout failing with 503s": ${url}/acme/payments/pull/2`,
    );

    // The pull request is in the sandbox, draft, from the incident's branch; its link opens there.
    const pulls = (await fetch(`${url}/repos/acme/payments/pulls`, {
      headers: { authorization: `token ${exported.HINDSIGHT_SANDBOX_TOKEN}` },
    }).then((r) => r.json())) as { number: number; draft: boolean; head: { ref: string } }[];
    expect(pulls.map((p) => [p.number, p.draft, p.head.ref])).toEqual([
      [2, true, 'hindsight/incident-1'],
    ]);
    const page = await fetch(`${url}/acme/payments/pull/2`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/postmortems\/2026-11-20-payments-api-checkout-failing/);

    // The sandbox's terminal said what it delivered.
    await until('the delivery log', async () =>
      /# webhook issues\.labeled → \S+: 20\d/.test(sandbox.output.text) ? true : undefined,
    );
  }, 90_000);
});
