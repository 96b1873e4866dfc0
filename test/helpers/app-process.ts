import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Sandbox } from '../../src/sandbox/index.js';
import { freePort } from './redis.js';
import { NODE, ROOT } from './run-action.js';

export interface AppProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process printed (Probot's log lines). */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * The built service (`node dist/server.js`, the Dockerfile's command) as its own process, pointed
 * at the sandbox with Probot's variables; Probot's write throttle stays as in production.
 */
export async function startAppProcess(input: {
  sandbox: Sandbox;
  redisUrl?: string;
  env?: Record<string, string>;
}): Promise<AppProcess> {
  const port = await freePort();
  let output = '';
  const child = spawn(NODE, [join(ROOT, 'dist/server.js')], {
    env: {
      PATH: process.env.PATH,
      APP_ID: String(input.sandbox.app.id),
      PRIVATE_KEY: input.sandbox.app.privateKey,
      WEBHOOK_SECRET: input.sandbox.app.webhookSecret,
      GHE_HOST: new URL(input.sandbox.url).host,
      GHE_PROTOCOL: 'http',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ...(input.redisUrl ? { REDIS_URL: input.redisUrl } : {}),
      ...input.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let n = 0; ; n++) {
    const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (n > 200 || child.exitCode !== null)
      throw new Error(`the app process did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `http://127.0.0.1:${port}/api/github/webhooks`,
    child,
    output: () => output,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      await exited;
    },
  };
}

/**
 * A load balancer that misbehaves: every webhook the sandbox sends goes to all the app URLs at
 * once, byte for byte (the same `X-GitHub-Delivery`), as when a delivery is retried on another
 * node. Answers with the first app's status.
 */
export async function startFanOut(
  urls: () => string[],
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers))
      if ((typeof value === 'string' && name.startsWith('x-')) || name === 'content-type')
        headers[name] = value as string;
    const answers = await Promise.all(
      urls().map((url) =>
        fetch(url, { method: 'POST', headers, body }).then(
          (r) => r.status,
          () => 0,
        ),
      ),
    );
    response.writeHead(answers[0] ?? 502);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
