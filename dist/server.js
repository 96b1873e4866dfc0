import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  HindsightOctokit,
  createProbot
} from "./chunks/chunk-I5YZBJQX.js";
import {
  require_lib
} from "./chunks/chunk-HIBOO6RK.js";
import {
  LEASE_MS,
  createSharedState,
  hindsightApp,
  require_built
} from "./chunks/chunk-CJ6MHO7U.js";
import "./chunks/chunk-V2IIR6YJ.js";
import "./chunks/chunk-UZSLUWVL.js";
import {
  __toESM,
  loadTemplates
} from "./chunks/chunk-JUURBIXP.js";

// src/app/server.ts
import { createServer } from "node:http";

// src/app/shared-throttle.ts
var import_bottleneck = __toESM(require_lib(), 1);
var import_ioredis = __toESM(require_built(), 1);
function withSharedThrottle(Base, redisUrl) {
  const client = new import_ioredis.Redis(redisUrl, { maxRetriesPerRequest: 3 });
  const connection = new import_bottleneck.default.IORedisConnection({ client });
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

// src/app/server.ts
var WEBHOOK_PATH = "/api/github/webhooks";
async function startServer(input = {}) {
  const env = input.env ?? process.env;
  const redisUrl = env.REDIS_URL || void 0;
  const Base = input.Octokit ?? HindsightOctokit;
  const shared = redisUrl ? withSharedThrottle(Base, redisUrl) : null;
  const probot = createProbot({
    env,
    overrides: { Octokit: shared?.Octokit ?? Base, redisConfig: void 0 }
  });
  const state = createSharedState(redisUrl);
  const app = hindsightApp({ templates: () => loadTemplates(), state });
  await probot.load(app);
  const log = probot.log.child({ name: "hindsight" });
  const workers = [];
  let stopping = false;
  let stopRecovering = () => {
  };
  let handle;
  if (state.queue) {
    const queue = state.queue;
    handle = (request, response) => {
      accept(probot, request, queue.push).then(({ status, message }) => {
        response.writeHead(status, { "content-type": "text/plain" });
        response.end(`${message}
`);
      }).catch((error) => {
        log.error(`Could not queue a webhook (is Redis reachable?): ${String(error)}`);
        response.writeHead(503, { "content-type": "text/plain" });
        response.end("queue unavailable\n");
      });
    };
    const recover = async () => {
      const back = await queue.recover().catch(() => 0);
      if (back > 0) log.info(`${back} event(s) left by a stopped process are queued again.`);
    };
    await recover();
    const recovering = setInterval(recover, LEASE_MS / 2);
    recovering.unref();
    const count = Math.max(1, Number(env.HINDSIGHT_WORKERS ?? 4) || 4);
    for (let n = 0; n < count; n++)
      workers.push(
        (async () => {
          while (!stopping) {
            const taken = await queue.take(500).catch(() => null);
            if (!taken) continue;
            const { event, done } = taken;
            try {
              await probot.receive(event);
            } catch (error) {
              log.error(`${event.name} ${event.id} failed: ${String(error)}`);
            }
            await done().catch(() => void 0);
          }
        })()
      );
    stopRecovering = () => clearInterval(recovering);
  } else {
    const middleware = await probot.getNodeMiddleware({ path: WEBHOOK_PATH });
    handle = (request, response) => {
      void middleware(request, response, () => notFound(response));
    };
  }
  const server2 = createServer((request, response) => {
    if (request.method === "GET" && request.url === "/healthz") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ ok: true, state: state.kind }));
      return;
    }
    if (request.url?.split("?")[0] !== WEBHOOK_PATH) return notFound(response);
    handle(request, response);
  });
  const port = Number(env.PORT ?? 3e3);
  await new Promise((resolve) => server2.listen(port, env.HOST ?? "127.0.0.1", resolve));
  const address = server2.address();
  const url = `http://${address.address}:${address.port}${WEBHOOK_PATH}`;
  log.info(`Hindsight listening on ${url} (state: ${state.kind})`);
  return {
    url,
    state,
    probot,
    async close() {
      stopping = true;
      stopRecovering();
      await new Promise((resolve) => server2.close(() => resolve()));
      await Promise.all(workers);
      await state.close();
      await shared?.close();
    }
  };
}
async function accept(probot, request, push) {
  if (request.method !== "POST") return { status: 405, message: "POST webhooks here" };
  const id = request.headers["x-github-delivery"];
  const name = request.headers["x-github-event"];
  const signature = request.headers["x-hub-signature-256"];
  if (typeof id !== "string" || typeof name !== "string" || typeof signature !== "string")
    return { status: 400, message: "missing X-GitHub-Delivery, X-GitHub-Event or signature" };
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > 25 * 1024 * 1024) return { status: 413, message: "payload too large" };
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks).toString("utf8");
  if (!await probot.webhooks.verify(body, signature))
    return { status: 401, message: "signature does not match" };
  let payload;
  try {
    payload = JSON.parse(body);
  } catch {
    return { status: 400, message: "the payload is not JSON" };
  }
  await push({ id, name, payload });
  return { status: 202, message: "queued" };
}
function notFound(response) {
  response.writeHead(404, { "content-type": "text/plain" });
  response.end("not found\n");
}

// src/app/server-entry.ts
var server = await startServer();
for (const signal of ["SIGTERM", "SIGINT"])
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
