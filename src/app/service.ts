import { createProbot, type Probot, type ProbotOctokit } from 'probot';
import { loadTemplates } from '../files/templates.js';
import { createSharedState, type QueuedEvent, type SharedState } from '../state/index.js';
import { hindsightApp } from './app.js';
import { withSharedThrottle } from './shared-throttle.js';
import { HindsightOctokit } from './unthrottled-octokit.js';
import { requireWebhookSecret } from './webhook-secret.js';

/** How many times a queued event is tried before it is given up (logged). */
const MAX_TRIES = 3;

/** GitHub caps webhook payloads at 25 MB. */
const MAX_PAYLOAD = 25 * 1024 * 1024;

export interface Service {
  probot: Probot;
  state: SharedState;
  log: { info(m: string): void; error(m: string): void };
  /**
   * A webhook as received (headers lower-cased, raw body): verified, then queued (with Redis:
   * answered 202 at once) or handled before answering (without).
   */
  accept(headers: Record<string, string | undefined>, body: string): Promise<Answer>;
  /** Handles queued events until `stop()` says so (one loop; run several for parallel work). */
  work(stop: () => boolean, waitMs?: number): Promise<number>;
  close(): Promise<void>;
}

export interface Answer {
  status: number;
  message: string;
}

/**
 * The app and what it shares, built from Probot's variables (APP_ID, PRIVATE_KEY or
 * PRIVATE_KEY_PATH, WEBHOOK_SECRET, GHE_HOST, GHE_PROTOCOL, LOG_LEVEL) and REDIS_URL: the one
 * setup the long-running server and the serverless handler share.
 */
export async function createService(
  input: { env?: NodeJS.ProcessEnv; Octokit?: typeof ProbotOctokit } = {},
): Promise<Service> {
  const env = input.env ?? process.env;
  requireWebhookSecret(env);
  const redisUrl = env.REDIS_URL || undefined;
  const Base = input.Octokit ?? HindsightOctokit;
  // With Redis, the throttle is shared through it here, not by Probot (which would fetch ioredis).
  const shared = redisUrl ? withSharedThrottle(Base, redisUrl) : null;
  const probot = createProbot({
    env,
    overrides: { Octokit: shared?.Octokit ?? Base, redisConfig: undefined },
  });
  const state = createSharedState(redisUrl);
  await probot.load(hindsightApp({ templates: () => loadTemplates(), state }));
  // Probot sets its logger up while loading.
  const log = probot.log.child({ name: 'hindsight' });

  return {
    probot,
    state,
    log: { info: (m) => log.info(m), error: (m) => log.error(m) },
    async accept(headers, body) {
      const id = headers['x-github-delivery'];
      const name = headers['x-github-event'];
      const signature = headers['x-hub-signature-256'];
      if (!id || !name || !signature)
        return {
          status: 400,
          message: 'missing X-GitHub-Delivery, X-GitHub-Event or X-Hub-Signature-256',
        };
      if (body.length > MAX_PAYLOAD) return { status: 413, message: 'payload too large' };
      if (!(await probot.webhooks.verify(body, signature)))
        return { status: 401, message: 'signature does not match' };
      let payload: Record<string, unknown>;
      try {
        payload = JSON.parse(body) as Record<string, unknown>;
      } catch {
        return { status: 400, message: 'the payload is not JSON' };
      }
      if (state.queue) {
        await state.queue.push({ id, name, payload });
        return { status: 202, message: 'queued' };
      }
      await probot.receive(asEvent({ id, name, payload }));
      return { status: 200, message: 'handled' };
    },
    async work(stop, waitMs = 500) {
      let handled = 0;
      while (state.queue && !stop()) {
        const taken = await state.queue.take(waitMs).catch(() => null);
        if (!taken) continue;
        const { tries = 0, ...event } = taken.event;
        try {
          await probot.receive(asEvent(event));
        } catch (error) {
          // Every step is idempotent: trying again completes what the failed try left half done.
          const again = tries + 1 < MAX_TRIES;
          log.error(
            `${event.name} ${event.id} failed (try ${tries + 1} of ${MAX_TRIES}${again ? ', queued again' : ', given up: redeliver it from the app settings once the cause is fixed'}): ${String(error)}`,
          );
          if (again) await state.queue.push({ ...event, tries: tries + 1 }).catch(() => undefined);
        }
        await taken.done().catch(() => undefined);
        handled++;
      }
      return handled;
    },
    async close() {
      await state.close();
      await shared?.close();
    },
  };
}

/** A queued event as Probot receives it: the name is one GitHub sent, checked by Probot's router. */
function asEvent(event: QueuedEvent): Parameters<Probot['receive']>[0] {
  return event as Parameters<Probot['receive']>[0];
}
