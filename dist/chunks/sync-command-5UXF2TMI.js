import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  syncRepository
} from "./chunk-6H2UMJBX.js";
import {
  UsageError
} from "./chunk-6HZON45K.js";
import {
  Octokit,
  legacyRestEndpointMethods,
  paginateRest
} from "./chunk-MG25FAHH.js";
import {
  createGateway
} from "./chunk-7SQQWQYT.js";
import "./chunk-QCO3RIMU.js";
import {
  loadTemplates
} from "./chunk-F42AUMMB.js";

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
  const octokit = new Octokit2({
    auth: token,
    baseUrl,
    log: { debug() {
    }, info() {
    }, warn() {
    }, error: (m) => context.stderr(`${m}
`) }
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
      `${result.created} issues created, ${result.updated} updated, ${result.reminded} reminders, ${result.written.length} reports written back
`
    );
  return 0;
}
export {
  syncCommand
};
