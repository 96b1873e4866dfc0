import {
  planSync,
  startsWithMarker,
  writeBack,
  writtenBy,
  type Config,
  type IssueHome,
  type TrackedIssue,
} from '../core/index.js';
import { httpStatus, type Gateway } from '../github/gateway.js';
import type { IssueMemory } from '../state/index.js';
import type { Logger } from './logger.js';

export const SYNC_BRANCH = 'hindsight/action-item-sync';

export interface SyncResult {
  created: number;
  updated: number;
  reminded: number;
  /** Postmortems whose report was written back (one commit each). */
  written: string[];
  skipped: string[];
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
 *    overwritten.
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
}): Promise<SyncResult> {
  const { gateway, config, log } = input;
  const issuesAt = input.issueGateway ?? gateway;
  const home = input.home ?? null;
  const result: SyncResult = { created: 0, updated: 0, reminded: 0, written: [], skipped: [] };
  const directory = `${config.directory.replace(/\/+$/, '')}/`;
  // Paths come from pushes and from markers in issue bodies, which anyone can write: only
  // postmortems in the configured folder are ever read or written.
  const paths = input.paths.filter(
    (path) => path.startsWith(directory) && path.endsWith('.md') && !path.split('/').includes('..'),
  );
  if (!config.actionItems.createIssues || paths.length === 0) return result;
  // 1.
  const issues = await listIssues(issuesAt, config.labels.actionItem, input.memory);
  const assignable = new Map<string, boolean>();
  const canAssign = async (login: string | null) => {
    if (!login) return false;
    if (!assignable.has(login)) assignable.set(login, await issuesAt.isAssignable(login));
    return assignable.get(login)!;
  };

  for (const path of paths) {
    // 2.
    const file = await gateway.getFile(path, input.defaultBranch);
    if (!file) continue;
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
    if (plan.create.length > 0) {
      // A lock can be lost (a process paused past its lease, a second process without Redis):
      // look the markers up again just before creating, so an issue another writer made since
      // the listing is found and linked, never made twice.
      await refresh(issuesAt, config.labels.actionItem, issues, input.memory);
      plan = planFor(issues);
    }
    for (const skip of plan.skipped) result.skipped.push(`${path}:${skip.line}: ${skip.reason}`);

    // 3.
    for (const draft of plan.create) {
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
        config,
        path,
        issues,
        home,
        defaultBranch: input.defaultBranch,
        today: input.today,
        log,
        first: file,
      })
    )
      result.written.push(path);
  }
  return result;
}

/** The full listing, or with memory, only what changed since the newest issue it has seen. */
async function listIssues(
  gateway: Gateway,
  label: string,
  memory: IssueMemory | undefined,
): Promise<TrackedIssue[]> {
  // Only issues Hindsight's account opened carry markers that count.
  const self = await gateway.whoAmI();
  const fresh = (await gateway.listTrackedIssues(label, memory?.since ?? undefined)).filter(
    (issue) => writtenBy(issue.author, self),
  );
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
  // As in the first listing, only issues Hindsight's account opened carry markers that count.
  const self = await gateway.whoAmI();
  for (const issue of await gateway.listTrackedIssues(label, since)) {
    if (!writtenBy(issue.author, self)) continue;
    const at = issues.findIndex((known) => known.number === issue.number);
    if (at === -1) issues.push(issue);
    else issues[at] = issue;
    memory?.issues.set(issue.number, issue);
    if (memory && issue.updatedAt && (!memory.since || issue.updatedAt > memory.since))
      memory.since = issue.updatedAt;
  }
}

async function writeReport(input: {
  gateway: Gateway;
  config: Config;
  path: string;
  issues: TrackedIssue[];
  home: IssueHome | null;
  defaultBranch: string;
  today: string;
  log: Logger;
  first: { text: string; sha: string };
}): Promise<boolean> {
  const { gateway, path } = input;
  const pr = input.config.actionItems.writeBack === 'pull-request';
  const branch = pr ? SYNC_BRANCH : input.defaultBranch;
  let open: { number: number } | null = pr ? await gateway.findOpenPull(SYNC_BRANCH) : null;
  if (pr && !open) {
    // No sync PR open: nothing to do if the default branch's report is in step; otherwise the
    // branch (if any) is a merged or closed PR's history, so start again from the default branch.
    if (
      writeBack({
        path,
        text: input.first.text,
        issues: input.issues,
        today: input.today,
        home: input.home,
      }).text === input.first.text
    )
      return false;
    const base = (await gateway.branchSha(input.defaultBranch))!;
    if ((await gateway.createBranch(SYNC_BRANCH, base)) === 'exists')
      await gateway.moveBranch(SYNC_BRANCH, base);
  }
  // A branch just started from the default branch holds the report already read (a 409 catches a move since).
  let file: { text: string; sha: string } | null =
    pr && open ? await gateway.getFile(path, branch) : input.first;
  if (pr && !file)
    input.log.info(
      `${path} is not on ${SYNC_BRANCH} yet; its write-back follows once sync PR #${open?.number} merges.`,
    );
  for (let attempt = 1; file; attempt++) {
    const next = writeBack({
      path,
      text: file.text,
      issues: input.issues,
      today: input.today,
      home: input.home,
    });
    if (next.text === file.text) return false;
    try {
      await gateway.putFile({
        path,
        branch,
        text: next.text,
        sha: file.sha,
        message: `Sync action items of ${path}\n\n${next.changed.map((c) => `- ${c}`).join('\n')}`,
      });
      if (pr && !open) {
        open = await gateway.openPullRequest({
          title: 'Sync postmortem action items',
          head: SYNC_BRANCH,
          base: input.defaultBranch,
          body: 'Issue links and statuses of postmortem action items, kept in step with their issues by Hindsight. This PR is updated in place.',
          draft: false,
        });
      }
      return true;
    } catch (error) {
      const status = httpStatus(error);
      if ((status !== 409 && status !== 422) || attempt >= 5) throw error;
      input.log.info(
        `${path} changed while syncing (HTTP ${status}); re-reading it and writing only the sync's cells again.`,
      );
      file = await gateway.getFile(path, branch);
    }
  }
  return false;
}
