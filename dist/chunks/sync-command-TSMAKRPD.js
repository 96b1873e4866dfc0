import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  syncRepository
} from "./chunk-URAPKBRF.js";
import {
  createOctokit
} from "./chunk-HIBOO6RK.js";
import {
  createGateway
} from "./chunk-V2IIR6YJ.js";
import {
  UsageError
} from "./chunk-6HZON45K.js";
import "./chunk-UZSLUWVL.js";
import {
  loadTemplates
} from "./chunk-JUURBIXP.js";

// src/cli/sync-command.ts
async function syncCommand(options, context, env) {
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(options.repo ?? "");
  if (!match) throw new UsageError("hindsight sync needs --repo owner/name.");
  const token = env.GITHUB_TOKEN;
  if (!token)
    throw new UsageError(
      "hindsight sync needs a token in GITHUB_TOKEN (contents, issues and pull requests: write)."
    );
  const baseUrl = env.GITHUB_API_URL ?? "https://api.github.com";
  const octokit = createOctokit({
    token,
    baseUrl,
    log: {
      warn: (m) => context.stderr(`warning: ${m}
`),
      error: (m) => context.stderr(`${m}
`)
    }
  });
  const gateway = createGateway(octokit, {
    owner: match[1],
    repo: match[2]
  });
  const templates = await loadTemplates(context.cwd);
  const result = await syncRepository({
    gateway,
    gatewayFor: (fullName) => createGateway(octokit, {
      owner: fullName.split("/")[0],
      repo: fullName.split("/")[1]
    }),
    repo: options.repo,
    repoUrl: `${baseUrl.includes("api.github.com") ? "https://github.com" : baseUrl.replace(/\/api\/v3$/, "")}/${options.repo}`,
    knownTemplates: [...templates.keys()],
    today: context.now.toISOString().slice(0, 10),
    log: {
      info: (m) => context.stderr(`${m}
`),
      warn: (m) => context.stderr(`warning: ${m}
`),
      error: (m) => context.stderr(`error: ${m}
`)
    },
    dryRun: options.dryRun
  });
  for (const line of result.plan) context.stdout(`would ${line}
`);
  for (const line of result.skipped) context.stdout(`skipped ${line}
`);
  if (!options.dryRun)
    context.stdout(
      `${result.created} issues created, ${result.updated} updated, ${result.reminded} reminders, ${result.written.length} reports written back, ${result.reviewsReminded} review reminders
`
    );
  return 0;
}
export {
  syncCommand
};
