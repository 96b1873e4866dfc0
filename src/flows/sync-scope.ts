import {
  issuePostmortem,
  nextWake,
  planIncrementalSync,
  type SyncState,
} from '../core/sync-state.js';
import { writtenBy, type IssueHome, type TrackedIssue } from '../core/index.js';
import type { Gateway } from '../github/gateway.js';
import type { Logger } from './logger.js';
import { listActionItemIssues } from './sync-action-items.js';
import { STATE_BRANCH } from './sync-state-store.js';

/**
 * What a scheduled run reads (sync-repository.ts): every postmortem, or, from a state it can
 * trust, only what changed since the run that left it (core/sync-state.ts).
 */
export interface SyncScope {
  /** The postmortems to read and sync, sorted. */
  paths: string[];
  /** The issues the plan needs (every issue of `paths`); undefined when not tracking. */
  issues: TrackedIssue[] | undefined;
  /** The listing that moves `since` on. */
  listed: TrackedIssue[];
  /** The state the run started from (its removed postmortems forgotten); null: a full read. */
  previous: SyncState | null;
}

interface ScopeInput {
  gateway: Gateway;
  /** Where the issues live: the same gateway, or one for `actionItems.repository`. */
  issueGateway: Gateway;
  label: string;
  home: IssueHome | null;
  /** `actionItems.createIssues`: without it there are no issues to list. */
  tracking: boolean;
  defaultBranch: string;
}

/** Every postmortem of the folder, and every action-item issue: the first run, or a distrusted state. */
export async function fullScope(
  input: ScopeInput & { head: string | null; folder: string },
): Promise<SyncScope> {
  const paths = input.head
    ? (await input.gateway.listMarkdown(input.folder, input.defaultBranch))
        .map((file) => file.path)
        .sort()
    : [];
  const listed =
    input.tracking && paths.length > 0
      ? await listActionItemIssues(input.issueGateway, input.label, input.home)
      : [];
  return { paths, issues: input.tracking ? listed : undefined, listed, previous: null };
}

/**
 * What changed since the state's run: the postmortems changed on the default branch (one
 * compare), those whose issues were updated (one listing with `since`), those with something
 * fallen due, those that failed; each with all its issues. Null when the default branch no
 * longer holds the state's head (its history was rewritten): then everything is read.
 */
export async function incrementalScope(
  input: ScopeInput & {
    previous: SyncState;
    head: string;
    today: string;
    isPostmortem: (path: string) => boolean;
    log: Logger;
  },
): Promise<SyncScope | null> {
  const { gateway, previous, defaultBranch } = input;
  const changed =
    previous.head === input.head ? [] : await gateway.changesSince(previous.head, input.head);
  if (changed === null) {
    input.log.info(
      `${defaultBranch} no longer holds ${previous.head.slice(0, 7)}, the commit the last sync read (its history was rewritten): reading every postmortem.`,
    );
    return null;
  }
  const updated = input.tracking
    ? await listActionItemIssues(
        input.issueGateway,
        input.label,
        input.home,
        previous.since ?? undefined,
      )
    : [];
  const plan = planIncrementalSync({
    state: previous,
    today: input.today,
    changed,
    updated,
    home: input.home,
    isPostmortem: input.isPostmortem,
  });
  const known = input.tracking
    ? await issuesOf(input.issueGateway, input.label, input.home, previous, plan.paths, updated)
    : null;
  input.log.info(
    `Reading ${plural(plan.paths.length, 'postmortem')} changed since the last sync (${changed.length} file(s) changed on ${defaultBranch}, ${plural(plan.fresh.length, 'issue')} updated; the rest as it was, kept on ${STATE_BRANCH}).`,
  );
  return {
    paths: plan.paths,
    issues: known?.issues,
    listed: known?.listed ?? updated,
    previous: { ...previous, postmortems: forget(previous.postmortems, plan.removed) },
  };
}

/**
 * Every issue of the postmortems to sync: those the listing of updates returned, and the others
 * the state names, read one by one; when that would cost more than listing the label, the label
 * is listed instead.
 */
async function issuesOf(
  gateway: Gateway,
  label: string,
  home: IssueHome | null,
  previous: SyncState,
  paths: string[],
  updated: TrackedIssue[],
): Promise<{ issues: TrackedIssue[]; listed: TrackedIssue[] }> {
  const have = new Set(updated.map((issue) => issue.number));
  const wanted = [
    ...new Set(paths.flatMap((path) => previous.postmortems[path]?.issues ?? [])),
  ].filter((number) => !have.has(number));
  const all = Object.values(previous.postmortems).reduce((n, p) => n + p.issues.length, 0);
  if (wanted.length > Math.ceil(all / 100) + 1) {
    const listed = await listActionItemIssues(gateway, label, home);
    return { issues: listed, listed };
  }
  const issues = [...updated];
  if (wanted.length === 0) return { issues, listed: updated };
  const self = await gateway.whoAmI();
  // Only what the label's listing would return: an issue whose label a person removed is no
  // longer tracked (a full read does not see it), so it is neither relabelled nor written back.
  const labelled = (issue: TrackedIssue) =>
    issue.labels.some((name) => name.toLowerCase() === label.toLowerCase());
  for (const number of wanted) {
    const issue = await gateway.getIssue(number);
    if (issue && writtenBy(issue.author, self) && labelled(issue)) issues.push(issue);
  }
  return { issues, listed: updated };
}

/** What the state keeps of each postmortem after the run: its issues and its next due day. */
export async function postmortemFacts(input: {
  paths: string[];
  previous: SyncState['postmortems'];
  failed: Set<string>;
  issues: TrackedIssue[];
  home: IssueHome | null;
  read: (path: string) => Promise<{ text: string } | null>;
  today: string;
  reviewDueBusinessDays: number;
}): Promise<SyncState['postmortems']> {
  const out = { ...input.previous };
  const byPath = new Map<string, TrackedIssue[]>();
  for (const issue of input.issues) {
    const path = issuePostmortem(issue, input.home);
    if (path !== null) byPath.set(path, [...(byPath.get(path) ?? []), issue]);
  }
  for (const path of input.paths) {
    // A postmortem that failed keeps what the state knew, and is read again next time.
    if (input.failed.has(path)) continue;
    const file = await input.read(path);
    const known = byPath.get(path) ?? [];
    const issues = [...new Set(known.map((issue) => issue.number))].sort((a, b) => a - b);
    const wake = file
      ? nextWake({
          path,
          text: file.text,
          today: input.today,
          reviewDueBusinessDays: input.reviewDueBusinessDays,
          issues: known,
          home: input.home,
        })
      : null;
    if (!file || (issues.length === 0 && wake === null)) delete out[path];
    else out[path] = { issues, wake };
  }
  return out;
}

function forget(
  postmortems: SyncState['postmortems'],
  removed: string[],
): SyncState['postmortems'] {
  const out = { ...postmortems };
  for (const path of removed) delete out[path];
  return out;
}

const plural = (n: number, word: string) =>
  `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
