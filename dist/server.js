import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  createService
} from "./chunks/chunk-PYFCYTKP.js";
import "./chunks/chunk-26HLYVI2.js";
import {
  LEASE_MS
} from "./chunks/chunk-QXVN6WS6.js";
import "./chunks/chunk-OH4BD3DP.js";
import "./chunks/chunk-VWCHJEQG.js";
import "./chunks/chunk-K5AHS4EK.js";
import "./chunks/chunk-HSOKINQF.js";
import "./chunks/chunk-7Q7FJNKE.js";
import "./chunks/chunk-SHPUXNVC.js";
import "./chunks/chunk-366W3JI3.js";
import "./chunks/chunk-MIFVRYTF.js";
import "./chunks/chunk-I3IYH5EX.js";
import "./chunks/chunk-HANBNIMK.js";

// src/app/server.ts
import { createServer } from "node:http";
var WEBHOOK_PATH = "/api/github/webhooks";
async function startServer(input = {}) {
  const env = input.env ?? process.env;
  const service = await createService(input);
  const { probot, state, log } = service;
  const workers = [];
  let stopping = false;
  let stopRecovering = () => {
  };
  let handle;
  if (state.queue) {
    const queue = state.queue;
    handle = (request, response) => {
      readBody(request).then(
        (body) => request.method === "POST" ? service.accept(lowerCased(request.headers), body) : { status: 405, message: "POST webhooks here" }
      ).then(({ status, message }) => answer(response, status, message)).catch((error) => {
        log.error(`Could not queue a webhook (is Redis reachable?): ${String(error)}`);
        answer(response, 503, "queue unavailable");
      });
    };
    const recover = async () => {
      const back = await queue.recover().catch(() => 0);
      if (back > 0) log.info(`${back} event(s) left by a stopped process are queued again.`);
    };
    await recover();
    const recovering = setInterval(recover, LEASE_MS / 2);
    recovering.unref();
    stopRecovering = () => clearInterval(recovering);
    const count = Math.max(1, Number(env.HINDSIGHT_WORKERS ?? 4) || 4);
    for (let n = 0; n < count; n++) workers.push(service.work(() => stopping));
  } else {
    const middleware = await probot.getNodeMiddleware({ path: WEBHOOK_PATH });
    handle = (request, response) => {
      void middleware(request, response, () => answer(response, 404, "not found"));
    };
  }
  const server2 = createServer((request, response) => {
    if (request.method === "GET" && request.url === "/healthz")
      return answer(response, 200, JSON.stringify({ ok: true, state: state.kind }));
    if (request.url?.split("?")[0] !== WEBHOOK_PATH) return answer(response, 404, "not found");
    handle(request, response);
  });
  const port = Number(env.PORT ?? 3e3);
  await new Promise((resolve) => server2.listen(port, env.HOST ?? "127.0.0.1", resolve));
  const address = server2.address();
  const url = `http://${address.address}:${address.port}${WEBHOOK_PATH}`;
  log.info(`Hindsight listening on ${url} (state: ${state.kind})`);
  return {
    url,
    service,
    async close() {
      stopping = true;
      stopRecovering();
      await new Promise((resolve) => server2.close(() => resolve()));
      await Promise.all(workers);
      await service.close();
    }
  };
}
function lowerCased(headers) {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name.toLowerCase(),
      Array.isArray(value) ? value[0] : value
    ])
  );
}
async function readBody(request) {
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > 26 * 1024 * 1024) break;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
function answer(response, status, message) {
  response.writeHead(status, {
    "content-type": message.startsWith("{") ? "application/json" : "text/plain"
  });
  response.end(`${message}
`);
}

// src/app/server-entry.ts
var server = await startServer();
for (const signal of ["SIGTERM", "SIGINT"])
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
