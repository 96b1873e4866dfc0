import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProbotOctokit } from 'probot';
import { LEASE_MS } from '../state/index.js';
import { createService, type Service } from './service.js';

const WEBHOOK_PATH = '/api/github/webhooks';

export interface RunningServer {
  url: string;
  service: Service;
  /** Stops taking work, lets the work in hand finish, then closes. */
  close(): Promise<void>;
}

/**
 * The app as a service (`node dist/server.js`, the Dockerfile's command), on PORT and HOST, with
 * HINDSIGHT_WORKERS queue workers.
 *
 * With REDIS_URL, a webhook is verified, put on a queue in Redis and answered 202 at once; workers
 * in every process take events from the queue, so work accepted by a process that dies is done by
 * another (or by it, restarted) once its lease lapses. Without it, the webhook is handled while
 * its request is open: Probot answers 202 after 9 s and carries on, and what is in hand when the
 * process stops is lost (GitHub does not redeliver a delivery that was answered).
 */
export async function startServer(
  input: { env?: NodeJS.ProcessEnv; Octokit?: typeof ProbotOctokit } = {},
): Promise<RunningServer> {
  const env = input.env ?? process.env;
  const service = await createService(input);
  const { probot, state, log } = service;
  const workers: Promise<unknown>[] = [];
  let stopping = false;
  let stopRecovering = () => {};
  let handle: (request: IncomingMessage, response: ServerResponse) => void;

  if (state.queue) {
    const queue = state.queue;
    handle = (request, response) => {
      readBody(request)
        .then((body) =>
          request.method === 'POST'
            ? service.accept(lowerCased(request.headers), body)
            : { status: 405, message: 'POST webhooks here' },
        )
        .then(({ status, message }) => answer(response, status, message))
        .catch((error: unknown) => {
          log.error(`Could not queue a webhook (is Redis reachable?): ${String(error)}`);
          answer(response, 503, 'queue unavailable');
        });
    };
    // 1. Events whose process died mid-work go back to the queue, now and every half lease.
    const recover = async () => {
      const back = await queue.recover().catch(() => 0);
      if (back > 0) log.info(`${back} event(s) left by a stopped process are queued again.`);
    };
    await recover();
    const recovering = setInterval(recover, LEASE_MS / 2);
    recovering.unref();
    stopRecovering = () => clearInterval(recovering);
    // 2. Workers take one event at a time each; locks keep two workers off one incident.
    const count = Math.max(1, Number(env.HINDSIGHT_WORKERS ?? 4) || 4);
    for (let n = 0; n < count; n++) workers.push(service.work(() => stopping));
  } else {
    // Probot's own middleware: it answers 202 after 9 s and lets the work go on.
    const middleware = await probot.getNodeMiddleware({ path: WEBHOOK_PATH });
    handle = (request, response) => {
      void middleware(request, response, () => answer(response, 404, 'not found'));
    };
  }

  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/healthz')
      return answer(response, 200, JSON.stringify({ ok: true, state: state.kind }));
    if (request.url?.split('?')[0] !== WEBHOOK_PATH) return answer(response, 404, 'not found');
    handle(request, response);
  });
  const port = Number(env.PORT ?? 3000);
  await new Promise<void>((resolve) => server.listen(port, env.HOST ?? '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  const url = `http://${address.address}:${address.port}${WEBHOOK_PATH}`;
  log.info(`Hindsight listening on ${url} (state: ${state.kind})`);

  return {
    url,
    service,
    async close() {
      stopping = true;
      stopRecovering();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(workers);
      await service.close();
    },
  };
}

function lowerCased(headers: IncomingMessage['headers']): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name.toLowerCase(),
      Array.isArray(value) ? value[0] : value,
    ]),
  );
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    // Past GitHub's 25 MB cap: stop reading; accept() refuses it as too large.
    if (size > 26 * 1024 * 1024) break;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function answer(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, {
    'content-type': message.startsWith('{') ? 'application/json' : 'text/plain',
  });
  response.end(`${message}\n`);
}
