import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  createGateway,
  readRepoConfigAt,
  remindReviews,
  syncActionItems
} from "./chunk-YRTV2NTZ.js";
import {
  postmortemFolder
} from "./chunk-BXKDLYZA.js";

// src/flows/sync-repository.ts
async function syncRepository(input) {
  const { gateway, log } = input;
  const { defaultBranch, htmlUrl: repoUrl } = await gateway.repository();
  const config = await readRepoConfigAt({
    gateway,
    ref: defaultBranch,
    knownTemplates: input.knownTemplates
  });
  const paths = (await gateway.listMarkdown(postmortemFolder(config), defaultBranch)).map((file) => file.path).sort();
  const target = config.actionItems.repository;
  const elsewhere = target !== null && target.toLowerCase() !== input.repo.toLowerCase();
  const issueGateway = elsewhere ? input.gatewayFor(target) : gateway;
  const home = elsewhere ? { source: input.repo, target } : null;
  const writeBackTo = config.actionItems.writeBack === "pull-request" ? "the sync pull request (branch hindsight/action-item-sync)" : `a commit to ${defaultBranch}`;
  const synced = await syncActionItems({
    gateway,
    issueGateway,
    home,
    config,
    paths,
    defaultBranch,
    repoUrl,
    today: input.today,
    log,
    dryRun: input.dryRun
  });
  const reminded = await remindReviews({
    gateway,
    config,
    defaultBranch,
    today: input.today,
    log,
    scope: { pulls: "open", issues: true, defaultBranch: paths },
    dryRun: input.dryRun
  });
  if (!input.dryRun) return { ...synced, reviewsReminded: reminded.reminded, writeBackTo };
  const plan = [...synced.plan, ...reminded.planned];
  return { ...synced, reviewsReminded: reminded.planned.length, plan, writeBackTo };
}

// src/flows/run-sync.ts
async function runSync(input) {
  const gatewayFor = (fullName) => {
    const [owner = "", repo = ""] = fullName.split("/");
    return createGateway(input.octokit, { owner, repo });
  };
  const result = await syncRepository({
    gateway: gatewayFor(input.repo),
    gatewayFor,
    repo: input.repo,
    knownTemplates: input.knownTemplates,
    today: input.today,
    log: input.log,
    dryRun: input.dryRun
  });
  const counts = `${plural(result.created, "issue")} ${input.dryRun ? "to create" : "created"}, ${result.updated} ${input.dryRun ? "to update" : "updated"}, ${plural(result.reminded, "reminder")}, ${plural(result.written.length, "report")} ${input.dryRun ? "to write back" : "written back"} (${result.writeBackTo}); ${plural(result.reviewsReminded, "review reminder")}`;
  const summary = input.dryRun ? `Dry run: ${counts}; nothing was written.` : `Action items: ${counts}.`;
  return {
    result,
    plan: result.plan.map((line) => `would ${line}`),
    skipped: result.skipped.map((line) => `skipped ${line}`),
    summary,
    /** Postmortems that could not be synced (each on its own: the others were). */
    failed: result.failed.length === 0 ? [] : [
      `${plural(result.failed.length, "postmortem")} could not be synced (the others were):`,
      ...result.failed.map((line) => `  ${line}`)
    ]
  };
}
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

export {
  runSync
};
