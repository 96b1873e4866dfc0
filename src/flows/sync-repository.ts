import { CONFIG_PATH, postmortemFolder } from '../core/postmortem-paths.js';
import { formatConfigError, loadConfig, planSync, writeBack, writtenBy } from '../core/index.js';
import type { Gateway } from '../github/gateway.js';
import type { Logger } from './logger.js';
import { remindReviews } from './remind-reviews.js';
import { syncActionItems, type SyncResult } from './sync-action-items.js';

/**
 * Syncs every postmortem of a repository: the scheduled run (Action `command: sync`, `hindsight
 * sync`) for teams that do not run the app. The config is read from the default branch. With
 * `dryRun`, it reports what it would do and writes nothing.
 */
export async function syncRepository(input: {
  gateway: Gateway;
  /** A gateway for another repository, for `actionItems.repository`. */
  gatewayFor: (fullName: string) => Gateway;
  repo: string;
  knownTemplates: readonly string[];
  today: string;
  log: Logger;
  dryRun: boolean;
}): Promise<SyncResult & { plan: string[]; reviewsReminded: number; writeBackTo: string }> {
  const { gateway, log } = input;
  // Links use the repository's own web address (GitHub Enterprise Server and ghe.com have theirs).
  const { defaultBranch, htmlUrl: repoUrl } = await gateway.repository();
  const loaded = loadConfig(
    await gateway.readFile(CONFIG_PATH, defaultBranch),
    CONFIG_PATH,
    input.knownTemplates,
  );
  if (loaded.errors.length > 0)
    throw new Error(
      `.github/postmortem.yml is not valid:\n${loaded.errors.map(formatConfigError).join('\n')}`,
    );
  const paths = (await gateway.listMarkdown(postmortemFolder(loaded.config), defaultBranch))
    .map((file) => file.path)
    .sort();
  const target = loaded.config.actionItems.repository;
  const elsewhere = target !== null && target.toLowerCase() !== input.repo.toLowerCase();
  const issueGateway = elsewhere ? input.gatewayFor(target) : gateway;
  const home = elsewhere ? { source: input.repo, target } : null;
  const writeBackTo =
    loaded.config.actionItems.writeBack === 'pull-request'
      ? 'the sync pull request (branch hindsight/action-item-sync)'
      : `a commit to ${defaultBranch}`;
  // Drafts past their review due date: one reminder each per due date (the app does the same on
  // the events it gets; this run catches what no event touched).
  const reviews = () =>
    remindReviews({
      gateway,
      config: loaded.config,
      defaultBranch,
      today: input.today,
      log,
      scope: { pulls: 'open', issues: true, defaultBranch: paths },
      dryRun: input.dryRun,
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
      log,
    });
    const reminded = await reviews();
    return { ...synced, reviewsReminded: reminded.reminded, plan: [], writeBackTo };
  }

  const self = await issueGateway.whoAmI();
  const issues = (await issueGateway.listTrackedIssues(loaded.config.labels.actionItem)).filter(
    (issue) => writtenBy(issue.author, self),
  );
  const plan: string[] = [];
  const result: SyncResult = {
    created: 0,
    updated: 0,
    reminded: 0,
    written: [],
    skipped: [],
    failed: [],
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
      home,
    });
    result.created += steps.create.length;
    result.updated += steps.update.length;
    result.reminded += steps.reminders.length;
    for (const draft of steps.create)
      plan.push(
        `${path}: create issue "${draft.title}"${draft.assignee ? ` for @${draft.assignee}` : ''}`,
      );
    for (const change of steps.update)
      plan.push(
        `${path}: update #${change.number} (${Object.keys(change)
          .filter((k) => k !== 'number' && k !== 'itemId')
          .join(', ')})`,
      );
    for (const reminder of steps.reminders)
      plan.push(
        `${path}: remind #${reminder.number} (due ${reminder.due}) unless already reminded`,
      );
    // What the write-back would commit now; the Issue cells of new items follow their creation.
    const back = writeBack({ path, text: file.text, issues, today: input.today, home });
    for (const change of back.changed) plan.push(`${path}: write ${change}`);
    if (steps.create.length > 0)
      plan.push(
        `${path}: write the new issues' numbers into the Issue column of ${steps.create.length} item(s)`,
      );
    if (back.changed.length > 0 || steps.create.length > 0) result.written.push(path);
    for (const skip of steps.skipped) result.skipped.push(`${path}:${skip.line}: ${skip.reason}`);
  }
  const reviewsPlanned = (await reviews()).planned;
  plan.push(...reviewsPlanned);
  return { ...result, reviewsReminded: reviewsPlanned.length, plan, writeBackTo };
}
