import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  parseFaults,
  seedDemo,
  startSandbox
} from "./chunk-B6UCINYN.js";
import {
  UsageError
} from "./chunk-6HZON45K.js";
import {
  examplesDir
} from "./chunk-HSOKINQF.js";
import "./chunk-366W3JI3.js";
import "./chunk-HANBNIMK.js";

// src/cli/sandbox-command.ts
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
var DEFAULT_WEBHOOK_URL = "http://127.0.0.1:3000/api/github/webhooks";
async function sandboxCommand(options, context) {
  const port = options.port === void 0 ? 0 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port takes a port number, not "${options.port}".`);
  let faults;
  try {
    faults = options.faults === void 0 ? void 0 : parseFaults(options.faults);
  } catch (error) {
    throw new UsageError(error.message);
  }
  const webhookUrl = parseWebhookUrl(options.webhookUrl ?? DEFAULT_WEBHOOK_URL);
  const say = (line) => context.stdout(`${line}
`);
  const sandbox = await startSandbox({
    port,
    webPages: true,
    webhookSecret: randomBytes(20).toString("hex"),
    ...faults ? { faults } : {}
  });
  seedDemo(sandbox, examplesDir());
  const token = sandbox.userToken("alice");
  const incident = await seedIncident(sandbox, token);
  const keyDir = await mkdtemp(join(tmpdir(), "hindsight-sandbox-"));
  const keyPath = join(keyDir, "app.private-key.pem");
  await writeFile(keyPath, sandbox.app.privateKey, { mode: 384 });
  sandbox.setWebhook(webhookUrl.href);
  sandbox.onDelivery((delivery) => say(describeDelivery(delivery, webhookUrl.href)));
  const host = new URL(sandbox.url).host;
  const local = ["127.0.0.1", "localhost"].includes(webhookUrl.hostname);
  say(
    [
      `# Hindsight sandbox: a local GitHub API and its web pages at ${sandbox.url}`,
      `# Repository acme/payments (collaborators alice, bob, carol; team acme/sre), incident issue #${incident}: ${sandbox.url}/acme/payments/issues/${incident}`,
      `# The app's environment (npm run app reads it). Webhooks go to ${webhookUrl.href}`,
      `export APP_ID=${sandbox.app.id}`,
      `export PRIVATE_KEY_PATH=${keyPath}`,
      `export WEBHOOK_SECRET=${sandbox.app.webhookSecret}`,
      `export GHE_HOST=${host}`,
      "export GHE_PROTOCOL=http",
      ...local ? [
        `export HOST=${webhookUrl.hostname}`,
        `export PORT=${webhookUrl.port || (webhookUrl.protocol === "https:" ? 443 : 80)}`
      ] : [],
      "# For `hindsight sandbox label` and curl: the sandbox and a token for @alice",
      `export HINDSIGHT_SANDBOX_URL=${sandbox.url}`,
      `export HINDSIGHT_SANDBOX_TOKEN=${token}`,
      `# Label the incident: hindsight sandbox label acme/payments ${incident} incident`,
      `#   or: curl -H "authorization: token ${token}" -d '{"labels":["incident"]}' ${sandbox.url}/repos/acme/payments/issues/${incident}/labels`,
      ...faults ? [
        `# Faults: ${Math.round(faults.rate * 1e3) / 10}% of ${faults.routes.length ? faults.routes.join(", ") : "all requests"} fail (${faults.kinds.join(", ")}; seed ${faults.seed})`
      ] : [],
      "# Press Ctrl-C to stop."
    ].join("\n")
  );
  await new Promise((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await sandbox.close();
  await rm(keyDir, { recursive: true, force: true });
  return 0;
}
async function sandboxLabelCommand(args, context, env, waitMs = 6e4) {
  const [repo, number, label] = args;
  if (!repo?.includes("/") || !/^\d+$/.test(number ?? "") || !label || args.length > 3)
    throw new UsageError("Usage: hindsight sandbox label <owner/repo> <issue number> <label>");
  const url = env.HINDSIGHT_SANDBOX_URL;
  const token = env.HINDSIGHT_SANDBOX_TOKEN;
  if (!url || !token)
    throw new UsageError(
      "HINDSIGHT_SANDBOX_URL and HINDSIGHT_SANDBOX_TOKEN are not set: source what `hindsight sandbox` printed (`. ./.sandbox.env`)."
    );
  const call = async (method, path, body) => {
    const endpoint = `${method} ${url}${path}`;
    let response;
    try {
      response = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `token ${token}`, "content-type": "application/json" },
        body: body === void 0 ? void 0 : JSON.stringify(body)
      });
    } catch (error) {
      throw new UsageError(
        `${endpoint}: no sandbox answered (${error.cause?.message ?? error.message}); is \`hindsight sandbox\` still running?`
      );
    }
    const json = await response.json();
    if (!response.ok)
      throw new UsageError(`${endpoint}: ${response.status} ${json?.message ?? ""}`.trim());
    return json;
  };
  await call("POST", `/repos/${repo}/issues/${number}/labels`, { labels: [label] });
  context.stdout(`Labelled ${repo}#${number} "${label}" as @alice.
`);
  if (label !== "incident") return 0;
  context.stdout(
    `Waiting for the app to open the postmortem pull request (hindsight/incident-${number})\u2026
`
  );
  const owner = repo.split("/")[0];
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    const pulls = await call(
      "GET",
      `/repos/${repo}/pulls?state=all&head=${encodeURIComponent(`${owner}:hindsight/incident-${number}`)}`
    );
    if (pulls.length > 0) {
      context.stdout(
        `The app opened pull request #${pulls[0].number} "${pulls[0].title}": ${pulls[0].html_url}
`
      );
      return 0;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  context.stderr(
    `No pull request from hindsight/incident-${number} after ${waitMs / 1e3} s: is the app running (\`npm run app\` with the sandbox's environment)? The sandbox's terminal shows each webhook it delivered.
`
  );
  return 1;
}
function parseWebhookUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--webhook-url takes a URL (e.g. ${DEFAULT_WEBHOOK_URL}), not "${text}".`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new UsageError(`--webhook-url must be http or https, not "${url.protocol}".`);
  return url;
}
async function seedIncident(sandbox, token) {
  const body = JSON.stringify({
    title: "Payments API: checkout failing with 503s",
    body: "Error rate above 5% since 14:28 UTC."
  });
  const text = await new Promise((resolve, reject) => {
    const request = httpRequest(
      `${sandbox.url}/repos/acme/payments/issues`,
      {
        method: "POST",
        agent: false,
        headers: { authorization: `token ${token}`, "content-type": "application/json" }
      },
      (response) => {
        let data = "";
        response.on("data", (chunk) => data += chunk);
        response.on("end", () => resolve(data));
      }
    );
    request.on("error", reject);
    request.end(body);
  });
  return JSON.parse(text).number;
}
function describeDelivery(delivery, url) {
  const event = `${delivery.name}${delivery.action ? `.${delivery.action}` : ""}`;
  if (delivery.status === 0)
    return `# webhook ${event} \u2192 ${url}: not delivered (${delivery.response}); is the app running?`;
  return `# webhook ${event} \u2192 ${url}: ${delivery.status}`;
}
export {
  DEFAULT_WEBHOOK_URL,
  sandboxCommand,
  sandboxLabelCommand
};
