import { postmortemFolder } from '../core/postmortem-paths.js';
import type { Gateway } from '../github/gateway.js';
import { readRepoConfigAt } from './load-repo-config.js';
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
}): Promise<SyncResult & { reviewsReminded: number; writeBackTo: string }> {
  const { gateway, log } = input;
  // Links use the repository's own web address (GitHub Enterprise Server and ghe.com have theirs).
  const { defaultBranch, htmlUrl: repoUrl } = await gateway.repository();
  const config = await readRepoConfigAt({
    gateway,
    ref: defaultBranch,
    knownTemplates: input.knownTemplates,
  });
  const paths = (await gateway.listMarkdown(postmortemFolder(config), defaultBranch))
    .map((file) => file.path)
    .sort();
  const target = config.actionItems.repository;
  const elsewhere = target !== null && target.toLowerCase() !== input.repo.toLowerCase();
  const issueGateway = elsewhere ? input.gatewayFor(target) : gateway;
  const home = elsewhere ? { source: input.repo, target } : null;
  const writeBackTo =
    config.actionItems.writeBack === 'pull-request'
      ? 'the sync pull request (branch hindsight/action-item-sync)'
      : `a commit to ${defaultBranch}`;
  // A dry run takes the same path: the same reads and plan, each write a line of the plan.
  const synced = await syncActionItems({
    gateway,
    issueGateway,
    home,
    config: config,
    paths,
    defaultBranch,
    repoUrl,
    today: input.today,
    log,
    dryRun: input.dryRun,
  });
  // Drafts past their review due date: one reminder each per due date (the app does the same on
  // the events it gets; this run catches what no event touched).
  const reminded = await remindReviews({
    gateway,
    config: config,
    defaultBranch,
    today: input.today,
    log,
    scope: { pulls: 'open', issues: true, defaultBranch: paths },
    dryRun: input.dryRun,
  });
  if (!input.dryRun) return { ...synced, reviewsReminded: reminded.reminded, writeBackTo };
  const plan = [...synced.plan, ...reminded.planned];
  return { ...synced, reviewsReminded: reminded.planned.length, plan, writeBackTo };
}
