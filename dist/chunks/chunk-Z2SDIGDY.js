import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  createGateway,
  remindReviews,
  syncActionItems
} from "./chunk-BZVU3RO4.js";
import {
  CONFIG_PATH,
  formatConfigError,
  loadConfig,
  planSync,
  postmortemFolder,
  writeBack,
  writtenBy
} from "./chunk-MYW7CJGH.js";

// src/flows/sync-repository.ts
async function syncRepository(input) {
  const { gateway, log } = input;
  const { defaultBranch, htmlUrl: repoUrl } = await gateway.repository();
  const loaded = loadConfig(
    await gateway.readFile(CONFIG_PATH, defaultBranch),
    CONFIG_PATH,
    input.knownTemplates
  );
  if (loaded.errors.length > 0)
    throw new Error(
      `.github/postmortem.yml is not valid:
${loaded.errors.map(formatConfigError).join("\n")}`
    );
  const paths = (await gateway.listMarkdown(postmortemFolder(loaded.config), defaultBranch)).map((file) => file.path).sort();
  const target = loaded.config.actionItems.repository;
  const elsewhere = target !== null && target.toLowerCase() !== input.repo.toLowerCase();
  const issueGateway = elsewhere ? input.gatewayFor(target) : gateway;
  const home = elsewhere ? { source: input.repo, target } : null;
  const writeBackTo = loaded.config.actionItems.writeBack === "pull-request" ? "the sync pull request (branch hindsight/action-item-sync)" : `a commit to ${defaultBranch}`;
  const reviews = () => remindReviews({
    gateway,
    config: loaded.config,
    defaultBranch,
    today: input.today,
    log,
    scope: { pulls: "open", issues: true, defaultBranch: paths },
    dryRun: input.dryRun
  });
  if (!input.dryRun) {
    const synced = await syncActionItems({
      gateway,
      issueGateway,
      home,
      config: loaded.config,
      paths,
      defaultBranch,
      repoUrl,
      today: input.today,
      log
    });
    const reminded = await reviews();
    return { ...synced, reviewsReminded: reminded.reminded, plan: [], writeBackTo };
  }
  const self = await issueGateway.whoAmI();
  const issues = (await issueGateway.listTrackedIssues(loaded.config.labels.actionItem)).filter(
    (issue) => writtenBy(issue.author, self)
  );
  const plan = [];
  const result = {
    created: 0,
    updated: 0,
    reminded: 0,
    written: [],
    skipped: [],
    failed: []
  };
  for (const path of paths) {
    const file = await gateway.getFile(path, defaultBranch);
    if (!file) continue;
    const steps = planSync({
      path,
      text: file.text,
      config: loaded.config,
      issues,
      today: input.today,
      blobUrl: `${repoUrl}/blob/${defaultBranch}/${path}`,
      home
    });
    result.created += steps.create.length;
    result.updated += steps.update.length;
    result.reminded += steps.reminders.length;
    for (const draft of steps.create)
      plan.push(
        `${path}: create issue "${draft.title}"${draft.assignee ? ` for @${draft.assignee}` : ""}`
      );
    for (const change of steps.update)
      plan.push(
        `${path}: update #${change.number} (${Object.keys(change).filter((k) => k !== "number" && k !== "itemId").join(", ")})`
      );
    for (const reminder of steps.reminders)
      plan.push(
        `${path}: remind #${reminder.number} (due ${reminder.due}) unless already reminded`
      );
    const back = writeBack({ path, text: file.text, issues, today: input.today, home });
    for (const change of back.changed) plan.push(`${path}: write ${change}`);
    if (steps.create.length > 0)
      plan.push(
        `${path}: write the new issues' numbers into the Issue column of ${steps.create.length} item(s)`
      );
    if (back.changed.length > 0 || steps.create.length > 0) result.written.push(path);
    for (const skip of steps.skipped) result.skipped.push(`${path}:${skip.line}: ${skip.reason}`);
  }
  const reviewsPlanned = (await reviews()).planned;
  plan.push(...reviewsPlanned);
  return { ...result, reviewsReminded: reviewsPlanned.length, plan, writeBackTo };
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
