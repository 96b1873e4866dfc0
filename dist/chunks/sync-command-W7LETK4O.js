import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runSync
} from "./chunk-WDWFNZ5Z.js";
import {
  UsageError
} from "./chunk-6HZON45K.js";
import {
  describeGitHubError
} from "./chunk-VWCHJEQG.js";
import "./chunk-K5AHS4EK.js";
import {
  loadTemplates
} from "./chunk-HSOKINQF.js";
import {
  rateLimitOptions,
  rateLimitPlugins
} from "./chunk-SHPUXNVC.js";
import "./chunk-366W3JI3.js";
import {
  legacyRestEndpointMethods
} from "./chunk-MIFVRYTF.js";
import {
  Octokit,
  paginateRest
} from "./chunk-I3IYH5EX.js";
import "./chunk-HANBNIMK.js";

// node_modules/@octokit/plugin-request-log/dist-src/version.js
var VERSION = "6.0.0";

// node_modules/@octokit/plugin-request-log/dist-src/index.js
function requestLog(octokit) {
  octokit.hook.wrap("request", (request, options) => {
    octokit.log.debug("request", options);
    const start = Date.now();
    const requestOptions = octokit.request.endpoint.parse(options);
    const path = requestOptions.url.replace(options.baseUrl, "");
    return request(options).then((response) => {
      const requestId = response.headers["x-github-request-id"];
      octokit.log.info(
        `${requestOptions.method} ${path} - ${response.status} with id ${requestId} in ${Date.now() - start}ms`
      );
      return response;
    }).catch((error) => {
      const requestId = error.response?.headers["x-github-request-id"] || "UNKNOWN";
      octokit.log.error(
        `${requestOptions.method} ${path} - ${error.status} with id ${requestId} in ${Date.now() - start}ms`
      );
      throw error;
    });
  });
}
requestLog.VERSION = VERSION;

// node_modules/@octokit/rest/dist-src/version.js
var VERSION2 = "22.0.1";

// node_modules/@octokit/rest/dist-src/index.js
var Octokit2 = Octokit.plugin(requestLog, legacyRestEndpointMethods, paginateRest).defaults(
  {
    userAgent: `octokit-rest.js/${VERSION2}`
  }
);

// src/github/rest-octokit.ts
var RateLimitedOctokit = Octokit2.plugin(...rateLimitPlugins);
function createOctokit(input) {
  const options = rateLimitOptions({ baseUrl: input.baseUrl, log: input.log });
  return new RateLimitedOctokit({
    ...options,
    auth: input.token,
    baseUrl: input.baseUrl,
    log: { ...options.log, error: (m) => input.log.error(m) }
  });
}

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
      now: context.now,
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
