import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  createService
} from "./chunks/chunk-PYFCYTKP.js";
import "./chunks/chunk-26HLYVI2.js";
import "./chunks/chunk-QXVN6WS6.js";
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

// src/app/lambda.ts
function createLambdaHandlers(input = {}) {
  let service = null;
  const ready = () => {
    service ??= createService(input);
    return service;
  };
  return {
    async handler(event) {
      const headers = Object.fromEntries(
        Object.entries(event.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value])
      );
      const body = Buffer.from(event.body ?? "", event.isBase64Encoded ? "base64" : "utf8");
      try {
        const { status, message } = await (await ready()).accept(headers, body.toString("utf8"));
        return { statusCode: status, headers: { "content-type": "text/plain" }, body: message };
      } catch (error) {
        (await ready()).log.error(`Webhook failed: ${String(error?.message ?? error)}`);
        return { statusCode: 500, headers: { "content-type": "text/plain" }, body: "failed" };
      }
    },
    /** Closes the Redis connections (tests; a function's container just stops). */
    async close() {
      if (service) await (await service).close();
    },
    /** Drains the queue for up to `budgetMs` (keep it under the function's timeout). */
    async worker(event = {}) {
      const until = Date.now() + (event.budgetMs ?? 6e4);
      const running = await ready();
      await running.state.queue?.recover();
      return { handled: await running.work(() => Date.now() >= until, 200) };
    }
  };
}

// src/app/lambda-entry.ts
var { handler, worker } = createLambdaHandlers();
export {
  handler,
  worker
};
