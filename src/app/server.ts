import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProbot, type Probot, type ProbotOctokit } from 'probot';
import { loadTemplates } from '../files/templates.js';
import { createSharedState, LEASE_MS, type SharedState } from '../state/index.js';
import { hindsightApp } from './app.js';
import { withSharedThrottle } from './shared-throttle.js';
import { HindsightOctokit } from './unthrottled-octokit.js';

const WEBHOOK_PATH = '/api/github/webhooks';

export interface RunningServer {
  url: string;
  state: SharedState;
  probot: Probot;
  /** Stops taking work, lets the work in hand finish, then closes. */
  close(): Promise<void>;
}

/**
 * The app as a service (`node dist/server.js`, the Dockerfile's command). Reads Probot's variables
 * (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, GHE_HOST, GHE_PROTOCOL, LOG_LEVEL,
 * REDIS_URL) and PORT, HOST, HINDSIGHT_WORKERS.
 *
 * With REDIS_URL, a webhook is verified, put on a queue in Redis and answered 202 at once; workers
 * in every process take events from the queue, so work accepted by a process that dies is done by
 * another (or by it, restarted) once its lease lapses. Without it, the webhook is handled while
 * its request is open: Probot answers 202 after 9 s and carries on, and what is in hand when the
 * process stops is lost (GitHub does not redeliver a delivery that was answered).
 */
export async function startServer(
  input: {
    env?: NodeJS.ProcessEnv;
    /** Probot's Octokit class; the default waits out rate limits as GitHub asks. */
    Octokit?: typeof ProbotOctokit;
  } = {},
): Promise<RunningServer> {
  const env = input.env ?? process.env;
  const redisUrl = env.REDIS_URL || undefined;
  const Base = input.Octokit ?? HindsightOctokit;
  // With Redis, the throttle is shared through it here, not by Probot (which would fetch ioredis).
  const shared = redisUrl ? withSharedThrottle(Base, redisUrl) : null;
  const probot = createProbot({
    env,
    overrides: { Octokit: shared?.Octokit ?? Base, redisConfig: undefined },
  });
  const state = createSharedState(redisUrl);
  const app = hindsightApp({ templates: () => loadTemplates(), state });
  await probot.load(app);
  // Probot sets its logger up while loading.
  const log = probot.log.child({ name: 'hindsight' });
  const workers: Promise<void>[] = [];
  let stopping = false;
  let stopRecovering = () => {};
  let handle: (request: IncomingMessage, response: import('node:http').ServerResponse) => void;

  if (state.queue) {
    const queue = state.queue;
    handle = (request, response) => {
      accept(probot, request, queue.push)
        .then(({ status, message }) => {
          response.writeHead(status, { 'content-type': 'text/plain' });
          response.end(`${message}\n`);
        })
        .catch((error: unknown) => {
          log.error(`Could not queue a webhook (is Redis reachable?): ${String(error)}`);
          response.writeHead(503, { 'content-type': 'text/plain' });
          response.end('queue unavailable\n');
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
    // 2. Workers take one event at a time each; locks keep two workers off one incident.
    const count = Math.max(1, Number(env.HINDSIGHT_WORKERS ?? 4) || 4);
    for (let n = 0; n < count; n++)
      workers.push(
        (async () => {
          while (!stopping) {
            const taken = await queue.take(500).catch(() => null);
            if (!taken) continue;
            const { event, done } = taken;
            try {
              await probot.receive(event as Parameters<Probot['receive']>[0]);
            } catch (error) {
              log.error(`${event.name} ${event.id} failed: ${String(error)}`);
            }
            await done().catch(() => undefined);
          }
        })(),
      );
    stopRecovering = () => clearInterval(recovering);
  } else {
    const middleware = await probot.getNodeMiddleware({ path: WEBHOOK_PATH });
    handle = (request, response) => {
      void middleware(request, response, () => notFound(response));
    };
  }

  const server: Server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: true, state: state.kind }));
      return;
    }
    if (request.url?.split('?')[0] !== WEBHOOK_PATH) return notFound(response);
    handle(request, response);
  });
  const port = Number(env.PORT ?? 3000);
  await new Promise<void>((resolve) => server.listen(port, env.HOST ?? '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  const url = `http://${address.address}:${address.port}${WEBHOOK_PATH}`;
  log.info(`Hindsight listening on ${url} (state: ${state.kind})`);

  return {
    url,
    state,
    probot,
    async close() {
      stopping = true;
      stopRecovering();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(workers);
      await state.close();
      await shared?.close();
    },
  };
}

/** Verifies a webhook's signature and queues it: 202 when queued, 400/401 when refused. */
async function accept(
  probot: Probot,
  request: IncomingMessage,
  push: (event: { id: string; name: string; payload: Record<string, unknown> }) => Promise<void>,
): Promise<{ status: number; message: string }> {
  if (request.method !== 'POST') return { status: 405, message: 'POST webhooks here' };
  const id = request.headers['x-github-delivery'];
  const name = request.headers['x-github-event'];
  const signature = request.headers['x-hub-signature-256'];
  if (typeof id !== 'string' || typeof name !== 'string' || typeof signature !== 'string')
    return { status: 400, message: 'missing X-GitHub-Delivery, X-GitHub-Event or signature' };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    // GitHub caps payloads at 25 MB.
    if (size > 25 * 1024 * 1024) return { status: 413, message: 'payload too large' };
    chunks.push(chunk as Buffer);
  }
  const body = Buffer.concat(chunks).toString('utf8');
  if (!(await probot.webhooks.verify(body, signature)))
    return { status: 401, message: 'signature does not match' };
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return { status: 400, message: 'the payload is not JSON' };
  }
  await push({ id, name, payload });
  return { status: 202, message: 'queued' };
}

function notFound(response: import('node:http').ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain' });
  response.end('not found\n');
}
