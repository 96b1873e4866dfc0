import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runSync
} from "./chunk-Y2KDUXHG.js";
import {
  UsageError
} from "./chunk-6HZON45K.js";
import {
  createOctokit
} from "./chunk-IMT4GWGS.js";
import {
  describeGitHubError
} from "./chunk-T6FHGAW3.js";
import "./chunk-SKIUU6EG.js";
import {
  loadTemplates
} from "./chunk-DGLEHWAS.js";
import "./chunk-DIOHLPZA.js";
import "./chunk-HANBNIMK.js";

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
      // Octokit logs each failed request; the failure is told once, described, below.
      error: () => {
      }
    }
  });
  const templates = await loadTemplates(context.cwd);
  let report;
  try {
    report = await runSync({
      octokit,
      repo: options.repo,
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
  } catch (error) {
    const described = describeGitHubError(error);
    if (!described) throw error;
    context.stderr(`hindsight sync: ${described}
`);
    return 1;
  }
  for (const line of [...report.plan, ...report.skipped, report.summary])
    context.stdout(`${line}
`);
  if (report.failed.length === 0) return 0;
  context.stderr(`hindsight: ${report.failed.join("\n")}
`);
  return 1;
}
export {
  syncCommand
};
