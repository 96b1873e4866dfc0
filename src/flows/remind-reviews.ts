import { isPostmortemPath, postmortemFolder } from '../core/postmortem-paths.js';
import {
  type Config,
  planReviewReminder,
  type ReviewReminder,
  startsWithMarker,
  writtenBy,
} from '../core/index.js';
import type { Gateway } from '../github/gateway.js';
import type { Logger } from './logger.js';

/** Which postmortems to look at; the app passes what an event touched, the scheduled run everything. */
export interface ReminderScope {
  /** Open postmortem pull requests: all of them, or the ones an event names. */
  pulls: 'open' | { number: number; headSha: string }[];
  /** Postmortem issues (`open.as: issue`): only the scheduled run lists them. */
  issues: boolean;
  /** Drafts on the default branch (reminded on their incident issue): all, or some paths. */
  defaultBranch: 'all' | string[];
}

/**
 * Reminds owners of drafts past their review due date: one comment per postmortem and due date,
 * on its pull request, its postmortem issue, or (for a draft already on the default branch) its
 * incident issue, mentioning the owner.
 * 1. Find the drafts in scope: files a postmortem PR changes (read at its head), postmortem
 *    issues' bodies, and files on the default branch.
 * 2. Plan each in core (due date, owner, marker).
 * 3. Comment unless a comment with the marker is already there.
 */
export async function remindReviews(input: {
  gateway: Gateway;
  config: Config;
  defaultBranch: string;
  today: string;
  log: Logger;
  scope: ReminderScope;
  /** How a default-branch postmortem is read (the scheduled run shares one read with its sync). */
  read?: (path: string) => Promise<string | null>;
  dryRun?: boolean;
}): Promise<{ reminded: number; planned: string[] }> {
  const { gateway, config, log } = input;
  const isPostmortem = (path: string) => isPostmortemPath(config, path);
  const plan = (path: string, text: string) =>
    planReviewReminder({
      path,
      text,
      today: input.today,
      reviewDueBusinessDays: config.reviewDueBusinessDays,
    });
  const result = { reminded: 0, planned: [] as string[] };
  const remind = async (target: number, reminder: ReviewReminder) => {
    const self = await gateway.whoAmI();
    const reminded = await gateway.findComment(
      target,
      (comment) =>
        writtenBy(comment.author, self) && startsWithMarker(comment.body, reminder.marker),
    );
    if (reminded) return;
    result.planned.push(`remind on #${target}: ${reminder.path} was due ${reminder.due}`);
    if (input.dryRun) return;
    await gateway.createComment(target, reminder.body);
    result.reminded++;
    log.info(
      `Reminded ${reminder.owner ? `@${reminder.owner}` : 'the owner'} on #${target}: ${reminder.path} was due ${reminder.due}.`,
    );
  };

  // 1. Pull requests.
  const pullNumbers = new Set<number>();
  const pulls =
    input.scope.pulls === 'open'
      ? (await gateway.listOpenPulls()).filter((pull) => {
          pullNumbers.add(pull.number);
          return pull.labels.some(
            (l) => l.toLowerCase() === config.labels.postmortem.toLowerCase(),
          );
        })
      : input.scope.pulls;
  for (const pull of pulls) {
    const files = await gateway.listPullFiles(pull.number);
    for (const file of files) {
      if (file.status === 'removed' || !isPostmortem(file.path)) continue;
      const text = await gateway.readFile(file.path, pull.headSha);
      // 2. and 3.
      const reminder = text === null ? null : plan(file.path, text);
      if (reminder) await remind(pull.number, reminder);
    }
  }

  // Postmortem issues: the report is the issue body, after the `Refs #n` line.
  if (input.scope.issues) {
    for (const issue of await gateway.listIssuesByLabel(config.labels.postmortem, 'open')) {
      if (pullNumbers.has(issue.number)) continue;
      const start = issue.body.search(/^---\s*$/m);
      if (start === -1) continue;
      const reminder = plan(`#${issue.number}`, issue.body.slice(start));
      if (reminder) await remind(issue.number, reminder);
    }
  }

  // Drafts on the default branch: their PR is merged, so the incident issue gets the reminder.
  const paths =
    input.scope.defaultBranch === 'all'
      ? (await gateway.listMarkdown(postmortemFolder(config), input.defaultBranch)).map(
          (f) => f.path,
        )
      : input.scope.defaultBranch;
  for (const path of paths.filter(isPostmortem)) {
    const text = await (input.read ?? ((p) => gateway.readFile(p, input.defaultBranch)))(path);
    const reminder = text === null ? null : plan(path, text);
    if (!reminder) continue;
    if (reminder.incident === null) {
      log.info(
        `${path} is a draft past its review due date, but names no incident issue to remind on.`,
      );
      continue;
    }
    await remind(reminder.incident, reminder);
  }
  return result;
}
