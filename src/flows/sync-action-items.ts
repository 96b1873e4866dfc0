import { describeFailure } from '../github/describe-error.js';
import { isPostmortemPath } from '../core/postmortem-paths.js';
import {
  planSync,
  startsWithMarker,
  writeBack,
  writtenBy,
  type Config,
  type IssueHome,
  type TrackedIssue,
} from '../core/index.js';
import { errorMessage, httpStatus, isBranchProtected, type Gateway } from '../github/gateway.js';
import type { IssueMemory } from '../state/index.js';
import type { Logger } from './logger.js';
import { BranchProtectedError, updateFile } from './update-file.js';

export const SYNC_BRANCH = 'hindsight/action-item-sync';

export interface SyncResult {
  created: number;
  updated: number;
  reminded: number;
  /** Postmortems whose report was written back (one commit each). */
  written: string[];
  skipped: string[];
  /** Postmortems that could not be synced, with why (the others were). */
  failed: string[];
  /** Their paths. */
  failedPaths: string[];
  /** Postmortems whose new issues wait for the next run (another run was creating issues). */
  deferredPaths: string[];
  /** The action-item issues as the run left them (those it knew of: listed, given or made). */
  issues: TrackedIssue[];
  /** With `dryRun`: each step the run would take, one line each. Empty when it ran. */
  plan: string[];
}

export type { IssueMemory } from '../state/index.js';

/**
 * Syncs the action items of some postmortems with their issues.
 * 1. List the action-item label's issues once (paginated at 100): the only per-repository read.
 * 2. Per postmortem: read it from the default branch and plan (core).
 * 3. Create missing issues one at a time (GitHub's secondary limits), update drifted ones, and
 *    leave one reminder per overdue item and due date.
 * 4. Write the report back (issue links, statuses, closing) as one commit, or on one sync PR.
 *    A concurrent edit (409/422 on a stale sha) is merged by re-reading and re-planning, never
 *    overwritten; a default branch that takes only pull requests moves the run to the sync PR.
 * Each postmortem is synced on its own: one that fails is in `failed`, the others go on.
 * With `dryRun`, steps 3 and 4 are planned, not taken: each is a line in `plan`, counted as it
 * would be, and nothing is written (the same reads, the same plan).
 */
export async function syncActionItems(input: {
  gateway: Gateway;
  /** Where the issues live: the same gateway, or one for `actionItems.repository`. */
  issueGateway?: Gateway;
  home?: IssueHome | null;
  config: Config;
  paths: string[];
  defaultBranch: string;
  repoUrl: string;
  today: string;
  log: Logger;
  memory?: IssueMemory;
  /**
   * The action-item issues already known to be all that matter for `paths` (the scheduled run's
   * incremental read): no listing. Without it, the label is listed.
   */
  issues?: TrackedIssue[];
  /**
   * Asked before a postmortem's first issue is created: false means another run is creating
   * issues, and this postmortem waits for the next run (the scheduled run's fence).
   */
  mayCreate?: () => Promise<boolean>;
  /** How a postmortem is read (default: from the default branch); the scheduled run shares one. */
  read?: (path: string) => Promise<{ text: string; sha: string } | null>;
  dryRun?: boolean;
}): Promise<SyncResult> {
  const { gateway, config, log } = input;
  const issuesAt = input.issueGateway ?? gateway;
  const home = input.home ?? null;
  const result: SyncResult = {
    created: 0,
    updated: 0,
    reminded: 0,
    written: [],
    skipped: [],
    failed: [],
    failedPaths: [],
    deferredPaths: [],
    issues: [],
    plan: [],
  };
  // Paths come from pushes and from markers in issue bodies, which anyone can write: only
  // postmortems in the configured folder are ever read or written.
  const paths = input.paths.filter((path) => isPostmortemPath(config, path));
  if (!config.actionItems.createIssues || paths.length === 0) return result;
  // 1.
  const issues =
    input.issues ??
    (await listIssues(issuesAt, config.labels.actionItem, input.memory).catch((error: unknown) => {
      throw home ? unreachable(home.target, error) : error;
    }));
  result.issues = issues;
  const read = input.read ?? ((path: string) => gateway.getFile(path, input.defaultBranch));
  const assignable = new Map<string, boolean>();
  const canAssign = async (login: string | null) => {
    if (!login) return false;
    if (!assignable.has(login)) assignable.set(login, await issuesAt.isAssignable(login));
    return assignable.get(login)!;
  };

  const mode = { writeBack: config.actionItems.writeBack };
  const syncOne = async (path: string) => {
    // 2.
    const file = await read(path);
    if (!file) return;
    const planFor = (known: TrackedIssue[]) =>
      planSync({
        path,
        text: file.text,
        config,
        issues: known,
        today: input.today,
        blobUrl: `${input.repoUrl}/blob/${input.defaultBranch}/${path}`,
        home,
      });
    let plan = planFor(issues);
    if (input.dryRun) {
      dryRun(path, plan, file.text);
      return;
    }
    if (plan.create.length > 0 && input.mayCreate && !(await input.mayCreate())) {
      result.skipped.push(
        `${path}: its ${plan.create.length} new issue(s) wait for the next run (another sync run is creating issues)`,
      );
      result.deferredPaths.push(path);
      return;
    }
    if (plan.create.length > 0) {
      // A lock can be lost (a process paused past its lease, a second process without Redis):
      // look the markers up again just before creating, so an issue another writer made since
      // the listing is found and linked, never made twice.
      await refresh(issuesAt, config.labels.actionItem, issues, input.memory);
      plan = planFor(issues);
    }
    for (const skip of plan.skipped) result.skipped.push(`${path}:${skip.line}: ${skip.reason}`);

    // 3.
    for (const [n, draft] of plan.create.entries()) {
      // The fence is asked again before each creation: a claim is renewed while its run creates,
      // however long one postmortem's creations take (rate-limit waits).
      if (n > 0 && input.mayCreate && !(await input.mayCreate())) {
        result.skipped.push(
          `${path}: ${plan.create.length - n} of its new issues wait for the next run (another sync run is creating issues)`,
        );
        result.deferredPaths.push(path);
        return;
      }
      const assignees = (await canAssign(draft.assignee)) ? [draft.assignee as string] : [];
      const number = await issuesAt.createTrackedIssue({
        title: draft.title,
        body: draft.body,
        labels: draft.labels,
        assignees,
      });
      const created: TrackedIssue = {
        number,
        title: draft.title,
        body: draft.body,
        state: 'open',
        stateReason: null,
        assignees,
        labels: draft.labels,
      };
      issues.push(created);
      input.memory?.issues.set(number, created);
      result.created++;
    }
    for (const change of plan.update) {
      const { number, itemId: _id, assignee, ...fields } = change;
      await issuesAt.updateIssue(number, {
        ...fields,
        ...(assignee && (await canAssign(assignee)) ? { assignees: [assignee] } : {}),
      });
      result.updated++;
    }
    for (const reminder of plan.reminders) {
      const self = await issuesAt.whoAmI();
      const reminded = await issuesAt.findComment(
        reminder.number,
        (comment) =>
          writtenBy(comment.author, self) && startsWithMarker(comment.body, reminder.marker),
      );
      if (reminded) continue;
      const who = reminder.owner ? `@${reminder.owner}` : 'The owner';
      await issuesAt.createComment(
        reminder.number,
        `${reminder.marker}\n⏰ ${who}, this action item was due on ${reminder.due} and is still open. Finish it, or agree a new due date in the postmortem.`,
      );
      result.reminded++;
    }

    // 4.
    if (
      await writeReport({
        gateway,
        path,
        issues,
        home,
        defaultBranch: input.defaultBranch,
        today: input.today,
        log,
        first: file,
        mode,
      })
    )
      result.written.push(path);
  };
  /** What steps 3 and 4 would do for one postmortem, as lines of the plan. */
  const dryRun = (path: string, plan: ReturnType<typeof planSync>, text: string) => {
    for (const skip of plan.skipped) result.skipped.push(`${path}:${skip.line}: ${skip.reason}`);
    result.created += plan.create.length;
    result.updated += plan.update.length;
    result.reminded += plan.reminders.length;
    for (const draft of plan.create)
      result.plan.push(
        `${path}: create issue "${draft.title}"${draft.assignee ? ` for @${draft.assignee}` : ''}`,
      );
    for (const change of plan.update)
      result.plan.push(
        `${path}: update #${change.number} (${Object.keys(change)
          .filter((k) => k !== 'number' && k !== 'itemId')
          .join(', ')})`,
      );
    for (const reminder of plan.reminders)
      result.plan.push(
        `${path}: remind #${reminder.number} (due ${reminder.due}) unless already reminded`,
      );
    // What the write-back would commit now; the Issue cells of new items follow their creation.
    const back = writeBack({ path, text, issues, today: input.today, home });
    for (const change of back.changed) result.plan.push(`${path}: write ${change}`);
    if (plan.create.length > 0)
      result.plan.push(
        `${path}: write the new issues' numbers into the Issue column of ${plan.create.length} item(s)`,
      );
    if (back.changed.length > 0 || plan.create.length > 0) result.written.push(path);
  };
  // Each postmortem on its own: one that fails is reported, and the others still sync.
  for (const path of paths) {
    try {
      await syncOne(path);
    } catch (error) {
      // A refused API call names its endpoint and the permission it probably lacks.
      const message = `${path}: ${describeFailure(error)}`;
      log.error(`Could not sync ${message}`);
      result.failed.push(message);
      result.failedPaths.push(path);
    }
  }
  return result;
}

/**
 * The issues' repository (`actionItems.repository`) is out of the token's reach: said before
 * anything is written, with the token that is needed.
 */
function unreachable(target: string, error: unknown): unknown {
  const status = httpStatus(error);
  if (status !== 404 && status !== 403) return error;
  return new Error(
    `The token cannot reach ${target}, where actionItems.repository in .github/postmortem.yml puts the action-item issues (HTTP ${status}). A workflow's GITHUB_TOKEN reaches only the repository the workflow runs in, and an app installation only the repositories it is installed on. Use a token that can: a fine-grained personal access token or a GitHub App installation token with issues: write on ${target} (the Action's \`token\` input; GITHUB_TOKEN for \`hindsight sync\`), or install the app on ${target}.`,
    { cause: error },
  );
}

/**
 * The action-item issues updated at or after `since` (all without it) that Hindsight's account
 * opened: only those carry markers that count. `home` names the issues' repository when it is
 * another one, so that a token that cannot reach it is told what it needs.
 */
export async function listActionItemIssues(
  gateway: Gateway,
  label: string,
  home: IssueHome | null,
  since?: string,
): Promise<TrackedIssue[]> {
  return listOurIssues(gateway, label, since).catch((error: unknown) => {
    throw home ? unreachable(home.target, error) : error;
  });
}

async function listOurIssues(
  gateway: Gateway,
  label: string,
  since?: string,
): Promise<TrackedIssue[]> {
  const listed = await gateway.listTrackedIssues(label, since);
  if (listed.length === 0) return listed;
  const self = await gateway.whoAmI();
  return listed.filter((issue) => writtenBy(issue.author, self));
}

/** The full listing, or with memory, only what changed since the newest issue it has seen. */
async function listIssues(
  gateway: Gateway,
  label: string,
  memory: IssueMemory | undefined,
): Promise<TrackedIssue[]> {
  const fresh = await listOurIssues(gateway, label, memory?.since ?? undefined);
  if (!memory) return fresh;
  for (const issue of fresh) {
    memory.issues.set(issue.number, issue);
    if (issue.updatedAt && (!memory.since || issue.updatedAt > memory.since))
      memory.since = issue.updatedAt;
  }
  return [...memory.issues.values()];
}

/** Adds or replaces the issues updated since the newest one known (one request, usually). */
async function refresh(
  gateway: Gateway,
  label: string,
  issues: TrackedIssue[],
  memory: IssueMemory | undefined,
): Promise<void> {
  const since = issues.reduce<string | undefined>(
    (newest, issue) =>
      issue.updatedAt && (!newest || issue.updatedAt > newest) ? issue.updatedAt : newest,
    undefined,
  );
  for (const issue of await listOurIssues(gateway, label, since)) {
    const at = issues.findIndex((known) => known.number === issue.number);
    if (at === -1) issues.push(issue);
    else issues[at] = issue;
    memory?.issues.set(issue.number, issue);
    if (memory && issue.updatedAt && (!memory.since || issue.updatedAt > memory.since))
      memory.since = issue.updatedAt;
  }
}

/** The sync PR's branch, started from the default branch (again, when it holds a closed PR's history). */
async function startSyncBranch(
  gateway: Gateway,
  defaultBranch: string,
  log: Logger,
): Promise<void> {
  const base = await gateway.branchSha(defaultBranch);
  if (!base) throw new Error(`The default branch ${defaultBranch} has no commits to branch from.`);
  if ((await gateway.createBranch(SYNC_BRANCH, base)) === 'created') return;
  try {
    await gateway.moveBranch(SYNC_BRANCH, base);
  } catch (error) {
    // A ruleset refuses forced updates: start the branch afresh instead of moving it.
    if (!isBranchProtected(error)) throw error;
    log.info(
      `${SYNC_BRANCH} cannot be moved by a forced update here (${errorMessage(error).split('\n')[0]}); deleting it and starting it again from ${defaultBranch}.`,
    );
    await gateway.deleteBranch(SYNC_BRANCH);
    await gateway.createBranch(SYNC_BRANCH, base);
  }
}

/**
 * Writes one report back: as a commit on the default branch, or on the sync PR. A default
 * branch that takes changes only through pull requests switches the rest of the run to the
 * sync PR (`mode` is shared by the run), with a log line saying so.
 */
async function writeReport(input: {
  gateway: Gateway;
  path: string;
  issues: TrackedIssue[];
  home: IssueHome | null;
  defaultBranch: string;
  today: string;
  log: Logger;
  first: { text: string; sha: string };
  mode: { writeBack: 'commit' | 'pull-request' };
}): Promise<boolean> {
  const { gateway, path, log } = input;
  const change = (text: string) => {
    const next = writeBack({
      path,
      text,
      issues: input.issues,
      today: input.today,
      home: input.home,
    });
    return {
      text: next.text,
      message: `Sync action items of ${path}\n\n${next.changed.map((c) => `- ${c}`).join('\n')}`,
    };
  };
  const doing = 'syncing its action items';
  if (input.mode.writeBack === 'commit') {
    try {
      const outcome = await updateFile({
        gateway,
        path,
        branch: input.defaultBranch,
        current: input.first,
        change,
        log,
        doing,
      });
      return outcome === 'written';
    } catch (error) {
      if (!(error instanceof BranchProtectedError)) throw error;
      input.mode.writeBack = 'pull-request';
      log.warn(
        `${input.defaultBranch} takes changes only through pull requests (${errorMessage(error.cause).split('\n')[0]}): reports are written back on the sync pull request (${SYNC_BRANCH}) instead. Set actionItems.writeBack: pull-request in .github/postmortem.yml to make that the plan.`,
      );
    }
  }

  let open: { number: number } | null = await gateway.findOpenPull(SYNC_BRANCH);
  if (!open) {
    // No sync PR open: nothing to do if the default branch's report is in step; otherwise the
    // branch (if any) is a merged or closed PR's history, so start again from the default branch.
    if (change(input.first.text).text === input.first.text) return false;
    await startSyncBranch(gateway, input.defaultBranch, log);
  }
  // A branch just started from the default branch holds the report already read (a 409 catches a move since).
  const outcome = await updateFile({
    gateway,
    path,
    branch: SYNC_BRANCH,
    ...(open ? {} : { current: input.first }),
    change,
    log,
    doing,
  });
  if (outcome === 'missing')
    log.info(
      `${path} is not on ${SYNC_BRANCH} yet; its write-back follows once sync PR #${open?.number} merges.`,
    );
  if (outcome !== 'written') return false;
  if (!open)
    open = await gateway.openPullRequest({
      title: 'Sync postmortem action items',
      head: SYNC_BRANCH,
      base: input.defaultBranch,
      body: 'Issue links and statuses of postmortem action items, kept in step with their issues by Hindsight. This PR is updated in place.',
      draft: false,
    });
  return true;
}
