import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  requireWebhookSecret
} from "./chunk-26HLYVI2.js";
import {
  createSharedState,
  hindsightApp,
  require_built
} from "./chunk-QXVN6WS6.js";
import {
  loadTemplates
} from "./chunk-HSOKINQF.js";
import {
  HindsightOctokit,
  createProbot
} from "./chunk-7Q7FJNKE.js";
import {
  require_lib
} from "./chunk-SHPUXNVC.js";
import {
  __toESM
} from "./chunk-HANBNIMK.js";

// src/app/shared-throttle.ts
var import_bottleneck = __toESM(require_lib(), 1);
var import_ioredis = __toESM(require_built(), 1);
function withSharedThrottle(Base, redisUrl) {
  const client = new import_ioredis.Redis(redisUrl, { maxRetriesPerRequest: 3 });
  client.on("error", () => {
  });
  const connection = new import_bottleneck.default.IORedisConnection({ client, Redis: import_ioredis.Redis });
  connection.on("error", () => {
  });
  class Shared extends Base {
    constructor(options = {}) {
      super({
        ...options,
        throttle: { ...options.throttle, Bottleneck: import_bottleneck.default, connection }
      });
    }
  }
  return {
    // The subclass only adds throttle options; its constructor and statics are Base's.
    Octokit: Shared,
    async close() {
      await connection.disconnect(false).catch(() => void 0);
      client.disconnect();
    }
  };
}

// src/app/service.ts
var MAX_TRIES = 3;
var MAX_PAYLOAD = 25 * 1024 * 1024;
async function createService(input = {}) {
  const env = input.env ?? process.env;
  requireWebhookSecret(env);
  const redisUrl = env.REDIS_URL || void 0;
  const Base = input.Octokit ?? HindsightOctokit;
  const shared = redisUrl ? withSharedThrottle(Base, redisUrl) : null;
  const probot = createProbot({
    env,
    overrides: { Octokit: shared?.Octokit ?? Base, redisConfig: void 0 }
  });
  const state = createSharedState(redisUrl);
  await probot.load(hindsightApp({ templates: () => loadTemplates(), state }));
  const log = probot.log.child({ name: "hindsight" });
  return {
    probot,
    state,
    log: { info: (m) => log.info(m), error: (m) => log.error(m) },
    async accept(headers, body) {
      const id = headers["x-github-delivery"];
      const name = headers["x-github-event"];
      const signature = headers["x-hub-signature-256"];
      if (!id || !name || !signature)
        return {
          status: 400,
          message: "missing X-GitHub-Delivery, X-GitHub-Event or X-Hub-Signature-256"
        };
      if (body.length > MAX_PAYLOAD) return { status: 413, message: "payload too large" };
      if (!await probot.webhooks.verify(body, signature))
        return { status: 401, message: "signature does not match" };
      let payload;
      try {
        payload = JSON.parse(body);
      } catch {
        return { status: 400, message: "the payload is not JSON" };
      }
      if (state.queue) {
        await state.queue.push({ id, name, payload });
        return { status: 202, message: "queued" };
      }
      await probot.receive(asEvent({ id, name, payload }));
      return { status: 200, message: "handled" };
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
          const again = tries + 1 < MAX_TRIES;
          log.error(
            `${event.name} ${event.id} failed (try ${tries + 1} of ${MAX_TRIES}${again ? ", queued again" : ", given up: redeliver it from the app settings once the cause is fixed"}): ${String(error)}`
          );
          if (again) await state.queue.push({ ...event, tries: tries + 1 }).catch(() => void 0);
        }
        await taken.done().catch(() => void 0);
        handled++;
      }
      return handled;
    },
    async close() {
      await state.close();
      await shared?.close();
    }
  };
}
function asEvent(event) {
  return event;
}

export {
  createService
};
