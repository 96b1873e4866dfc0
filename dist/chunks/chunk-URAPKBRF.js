import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  remindReviews,
  syncActionItems
} from "./chunk-V2IIR6YJ.js";
import {
  formatConfigError,
  loadConfig,
  planSync,
  writeBack,
  writtenBy
} from "./chunk-UZSLUWVL.js";

// src/flows/sync-repository.ts
async function syncRepository(input) {
  const { gateway, log } = input;
  const defaultBranch = await gateway.getDefaultBranch();
  const loaded = loadConfig(
    await gateway.readFile(".github/postmortem.yml", defaultBranch),
    ".github/postmortem.yml",
    input.knownTemplates
  );
  if (loaded.errors.length > 0)
    throw new Error(
      `.github/postmortem.yml is not valid:
${loaded.errors.map(formatConfigError).join("\n")}`
    );
  const paths = (await gateway.listMarkdown(loaded.config.directory.replace(/\/+$/, ""), defaultBranch)).map((file) => file.path).sort();
  const target = loaded.config.actionItems.repository;
  const elsewhere = target !== null && target.toLowerCase() !== input.repo.toLowerCase();
  const issueGateway = elsewhere ? input.gatewayFor(target) : gateway;
  const home = elsewhere ? { source: input.repo, target } : null;
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
      repoUrl: input.repoUrl,
      today: input.today,
      log
    });
    const reminded = await reviews();
    return { ...synced, reviewsReminded: reminded.reminded, plan: [] };
  }
  const self = await issueGateway.whoAmI();
  const issues = (await issueGateway.listTrackedIssues(loaded.config.labels.actionItem)).filter(
    (issue) => writtenBy(issue.author, self)
  );
  const plan = [];
  const result = { created: 0, updated: 0, reminded: 0, written: [], skipped: [] };
  for (const path of paths) {
    const file = await gateway.getFile(path, defaultBranch);
    if (!file) continue;
    const steps = planSync({
      path,
      text: file.text,
      config: loaded.config,
      issues,
      today: input.today,
      blobUrl: `${input.repoUrl}/blob/${defaultBranch}/${path}`,
      home
    });
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
    for (const change of writeBack({ path, text: file.text, issues, today: input.today, home }).changed)
      plan.push(`${path}: write ${change}`);
    for (const skip of steps.skipped) result.skipped.push(`${path}:${skip.line}: ${skip.reason}`);
  }
  plan.push(...(await reviews()).planned);
  return { ...result, reviewsReminded: 0, plan };
}

export {
  syncRepository
};
