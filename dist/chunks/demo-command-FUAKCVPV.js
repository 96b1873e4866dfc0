import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  seedDemo,
  startSandbox
} from "./chunk-B6UCINYN.js";
import {
  VERSION,
  formatResults
} from "./chunk-4YBUNLR6.js";
import {
  hindsightApp
} from "./chunk-QXVN6WS6.js";
import "./chunk-OH4BD3DP.js";
import "./chunk-VWCHJEQG.js";
import {
  lintPostmortem,
  loadConfig
} from "./chunk-K5AHS4EK.js";
import {
  examplesDir,
  loadTemplates
} from "./chunk-HSOKINQF.js";
import {
  Probot,
  UnthrottledOctokit,
  createNodeMiddleware
} from "./chunk-7Q7FJNKE.js";
import "./chunk-SHPUXNVC.js";
import "./chunk-366W3JI3.js";
import "./chunk-MIFVRYTF.js";
import "./chunk-I3IYH5EX.js";
import "./chunk-HANBNIMK.js";

// src/cli/demo-command.ts
import { createServer } from "node:http";
async function demoCommand(context) {
  const say = (line = "") => context.stdout(`${line}
`);
  const sandbox = await startSandbox({ webPages: true });
  const repo = seedDemo(sandbox, examplesDir());
  const probot = new Probot({
    appId: sandbox.app.id,
    privateKey: sandbox.app.privateKey,
    secret: sandbox.app.webhookSecret,
    baseUrl: sandbox.url,
    logLevel: "warn",
    Octokit: UnthrottledOctokit
  });
  const middleware = await createNodeMiddleware(
    hindsightApp({ templates: () => loadTemplates() }),
    { probot }
  );
  const server = createServer(
    (request, response) => void middleware(request, response, () => response.writeHead(404).end())
  );
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  sandbox.setWebhook(
    `http://127.0.0.1:${server.address().port}/api/github/webhooks`
  );
  say(`Sandbox GitHub at ${sandbox.url}, app listening for its webhooks.`);
  try {
    const call = async (login, method, path2, body) => {
      const response = await fetch(`${sandbox.url}${path2}`, {
        method,
        headers: {
          authorization: `token ${sandbox.userToken(login)}`,
          "content-type": "application/json"
        },
        body: JSON.stringify(body)
      });
      return await response.json();
    };
    const issue = await call("alice", "POST", "/repos/acme/payments/issues", {
      title: "Payments API: checkout failing with 503s",
      body: "Error rate above 5% since 14:28 UTC."
    });
    await call("alice", "POST", `/repos/acme/payments/issues/${issue.number}/assignees`, {
      assignees: ["bob"]
    });
    await call("bob", "POST", `/repos/acme/payments/issues/${issue.number}/comments`, {
      body: "Rolled back deploy 4121; errors falling."
    });
    await call("carol", "POST", `/repos/acme/payments/issues/${issue.number}/labels`, {
      labels: ["sev1", "incident"]
    });
    say(
      `@alice opened incident #${issue.number} "${issue.title}"; @carol labelled it sev1 and incident.`
    );
    await sandbox.settled();
    const pull = [...repo.issues.values()].find(
      (candidate) => candidate.pull?.head === `hindsight/incident-${issue.number}`
    );
    if (!pull) {
      say("The app did not open a pull request; see the log above.");
      return 1;
    }
    const head = repo.commits.get(repo.refs.get(`refs/heads/${pull.pull.head}`));
    const path = [...head.tree.keys()].find(
      (file) => file.startsWith("postmortems/") && !repo.commits.get(repo.refs.get("refs/heads/main")).tree.has(file)
    );
    const text = repo.blobs.get(head.tree.get(path)).toString("utf8");
    const comment = repo.issues.get(issue.number).comments.find((c) => c.user.login === "hindsight[bot]");
    say(
      `The app opened draft PR #${pull.number} "${pull.title}" (${sandbox.url}/acme/payments/pull/${pull.number} while the demo runs; \`hindsight sandbox\` keeps one running)`
    );
    say(
      `  branch ${pull.pull.head}, file ${path}, label ${pull.labels.join(", ")}, review requested from ${pull.pull.requestedReviewers.map((l) => `@${l}`).join(", ")}`
    );
    say(`  and commented on #${issue.number}: ${comment?.body.split("\n")[1] ?? "(no comment)"}`);
    say(
      `  ${sandbox.log.filter((entry) => entry.caller === "installation" || entry.caller === "app").length} API requests, ${sandbox.deliveries.length} webhooks delivered.`
    );
    say();
    say(`The draft's front matter:
${text.split("---")[1]?.trim()}`);
    say();
    const loaded = loadConfig(
      repo.blobs.get(head.tree.get(".github/postmortem.yml")).toString("utf8")
    );
    const result = lintPostmortem({
      path,
      text,
      config: loaded.config,
      ruleOptions: loaded.ruleOptions,
      templates: await loadTemplates(),
      now: context.now
    });
    say("The postmortem check on the new draft (a draft: warnings until it is in review):");
    context.stdout(formatResults("stylish", [result], VERSION));
    return 0;
  } finally {
    await new Promise((resolve) => server.close(() => resolve()));
    await sandbox.close();
  }
}
export {
  demoCommand
};
