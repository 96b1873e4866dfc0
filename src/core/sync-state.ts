import { z } from 'zod';
import { parsePostmortem } from './parse-postmortem.js';
import { isFinished } from './rules/action-item-status.js';
import { reviewDueDate } from './rules/review-due.js';
import { issueItem, type IssueHome, type TrackedIssue } from './sync-plan.js';
import { validDate } from './time.js';

/**
 * What the scheduled sync remembers between runs (kept in the repository, see
 * flows/sync-state-store.ts), so that a run reads only what changed since the last one:
 * - `head`: the default branch's commit the last run read; the postmortems changed since are the
 *   ones to read again.
 * - `since` and `seen`: the newest action-item issue update the last run saw (GitHub's clock), and
 *   the issues already handled at that instant; issues updated since are the ones to read again,
 *   and their markers name the postmortems to sync.
 * - `postmortems`: per postmortem, its issues (so a changed one is planned against all of them)
 *   and the next day something falls due in it (an action item's due date, a draft's review), when
 *   it must be read again though nothing changed.
 * - `retry`: postmortems the last run could not sync, read again until one does.
 * Anything it cannot vouch for (another format, another config) means reading everything once.
 */
export const SYNC_STATE_VERSION = 1;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** GitHub's `updated_at` (what `since` is sent as: anything else could make the listing fail). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const instant = z.string().regex(TIMESTAMP);
const syncStateSchema = z.object({
  version: z.literal(SYNC_STATE_VERSION),
  fingerprint: z.string(),
  head: z.string().regex(/^[0-9a-f]{40}$/),
  since: instant.nullable(),
  seen: z.record(z.string().regex(/^\d+$/), instant),
  postmortems: z.record(
    z.string(),
    z.object({ issues: z.array(z.number().int().positive()), wake: day.nullable() }),
  ),
  retry: z.array(z.string()),
});

export type SyncState = z.infer<typeof syncStateSchema>;
export type PostmortemFacts = SyncState['postmortems'][string];

/** The stored state, or why it cannot be used (then the run reads everything). */
export function parseSyncState(
  text: string,
  fingerprint: string,
  /** GitHub's clock can be no later than this (the run's clock, plus the skew allowed). */
  latest: string,
): { state: SyncState } | { problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { problem: 'it is not JSON' };
  }
  const parsed = syncStateSchema.safeParse(data);
  if (!parsed.success) return { problem: `it is not sync state version ${SYNC_STATE_VERSION}` };
  if (parsed.data.fingerprint !== fingerprint)
    return {
      problem:
        'the config (or where action items live) changed since it was written, or the default branch or repository was renamed',
    };
  // The listing asks for updates at or after `since`: one later than now would hide every issue
  // update until then (a clock gone wrong, or a doctored file).
  if (parsed.data.since !== null && !(parsed.data.since <= latest))
    return { problem: `its since, ${JSON.stringify(parsed.data.since)}, is in the future` };
  return { state: parsed.data };
}

/** The state as stored: one postmortem a line, so its history reads as a diff. */
export function serializeSyncState(state: SyncState): string {
  const { postmortems, ...rest } = state;
  const head = JSON.stringify(
    {
      about: 'Hindsight scheduled sync: what the last run saw. Delete to read everything.',
      ...rest,
    },
    null,
    1,
  ).slice(0, -2);
  const entries = Object.keys(postmortems)
    .sort()
    .map((path) => `  ${JSON.stringify(path)}: ${JSON.stringify(postmortems[path])}`);
  return `${head},\n "postmortems": {${entries.length > 0 ? `\n${entries.join(',\n')}\n ` : ''}}\n}\n`;
}

/**
 * The first day on or after `today` when something in the postmortem falls due: an unfinished
 * action item's due date, or a draft's review date. The run on the day after it reads the
 * postmortem again (the reminders start the day after the date). Null when nothing is pending.
 * An item whose issue is open counts though the report says it is finished: its reminder follows
 * the issue (a report marked Done by hand, a write-back still waiting on the sync PR).
 */
export function nextWake(input: {
  path: string;
  text: string;
  today: string;
  reviewDueBusinessDays: number;
  /** The postmortem's action-item issues, when known. */
  issues?: TrackedIssue[];
  home?: IssueHome | null;
}): string | null {
  const postmortem = parsePostmortem(input.path, input.text);
  const open = new Set<string>();
  for (const issue of input.issues ?? []) {
    const item = issueItem(issue, input.home ?? null);
    if (item?.path === input.path && issue.state === 'open') open.add(item.id);
  }
  const dates: string[] = [];
  for (const item of postmortem.actionItems)
    if (
      item.due &&
      validDate(item.due) &&
      (!isFinished(item.status) || (item.id !== null && open.has(item.id)))
    )
      dates.push(item.due);
  const { data } = postmortem.frontMatter;
  if (data.status === 'draft') {
    const written = typeof data.due === 'string' && validDate(data.due) ? data.due : null;
    const date = typeof data.date === 'string' && validDate(data.date) ? data.date : null;
    const due = written ?? (date ? reviewDueDate(date, input.reviewDueBusinessDays) : null);
    if (due) dates.push(due);
  }
  const pending = dates.filter((d) => d >= input.today).sort();
  return pending[0] ?? null;
}

/** The postmortem an action-item issue belongs to, by its marker (issues Hindsight wrote only). */
export function issuePostmortem(issue: TrackedIssue, home: IssueHome | null): string | null {
  return issueItem(issue, home)?.path ?? null;
}

/**
 * What a run must read, given the stored state: the postmortems changed on the default branch
 * since `head`, those whose issues were updated since `since` (but for updates already `seen`),
 * those with something fallen due before today, and those the last run could not sync.
 */
export function planIncrementalSync(input: {
  state: SyncState;
  today: string;
  /** Files changed on the default branch since `state.head`. */
  changed: { path: string; status: string }[];
  /** Action-item issues updated at or after `state.since`. */
  updated: TrackedIssue[];
  home: IssueHome | null;
  isPostmortem: (path: string) => boolean;
}): {
  /** Postmortems to read and sync, sorted. */
  paths: string[];
  /** Postmortems gone from the default branch: forgotten. */
  removed: string[];
  /** The updated issues not already seen. */
  fresh: TrackedIssue[];
} {
  const { state } = input;
  const paths = new Set<string>(input.state.retry.filter(input.isPostmortem));
  const removed: string[] = [];
  for (const file of input.changed) {
    if (!input.isPostmortem(file.path)) continue;
    if (file.status === 'removed') removed.push(file.path);
    else paths.add(file.path);
  }
  const fresh = input.updated.filter((issue) => state.seen[issue.number] !== issue.updatedAt);
  for (const issue of fresh) {
    const path = issuePostmortem(issue, input.home);
    if (path && input.isPostmortem(path)) paths.add(path);
  }
  // The state is a file anyone who can push may edit: only paths in the folder are ever read.
  for (const [path, facts] of Object.entries(state.postmortems))
    if (facts.wake !== null && facts.wake < input.today && input.isPostmortem(path))
      paths.add(path);
  for (const path of removed) paths.delete(path);
  return { paths: [...paths].sort(), removed, fresh };
}

/**
 * The newest update seen (GitHub's clock) and the issues updated at that very instant, which
 * the next listing (`since` is inclusive) returns again and need not count as news. An issue is
 * taken as seen only when its second is over (`settled`: a few minutes before the listing, for
 * clock skew): GitHub's timestamps have whole seconds, and a second update in the same second
 * would otherwise look like the first.
 */
export function advanceSince(
  previous: { since: string | null; seen: Record<string, string> },
  issues: TrackedIssue[],
  settled: string,
): { since: string | null; seen: Record<string, string> } {
  let since = previous.since;
  for (const issue of issues)
    if (issue.updatedAt && (since === null || issue.updatedAt > since)) since = issue.updatedAt;
  const seen: Record<string, string> = {};
  for (const [number, at] of Object.entries(previous.seen)) if (at === since) seen[number] = at;
  for (const issue of issues)
    if (issue.updatedAt && issue.updatedAt === since && issue.updatedAt < settled)
      seen[issue.number] = issue.updatedAt;
  return { since, seen };
}

/**
 * When another run claimed the state file to create issues (`claimed.at`, its clock), or null.
 * Read from any JSON object, a usable state or not: a claim is written over whatever was there.
 */
export function claimOf(text: string | null | undefined): string | null {
  if (!text) return null;
  try {
    const at = (JSON.parse(text) as { claimed?: { at?: unknown } } | null)?.claimed?.at;
    return typeof at === 'string' && TIMESTAMP.test(at) ? at : null;
  } catch {
    return null;
  }
}
