import type { Config } from './config-schema.js';
import { applyEdits, setCellEdit, setFieldEdit, type Edit } from './edit.js';
import { parsePostmortem } from './parse-postmortem.js';
import { fitBody, fitTitle } from './issue-limits.js';
import { isFinished } from './rules/action-item-status.js';
import { defuseMarkers, defuseMentions, inertTitle } from './inert.js';
import { itemMarker, markerOf, reminderMarker } from './markers.js';
import { validDate } from './time.js';
import type { ActionItem, Postmortem } from './types.js';

/** An action-item issue as sync sees it (from one listing of the action-item label). */
export interface TrackedIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason: string | null;
  assignees: string[];
  labels: string[];
  /** GitHub's updated_at, for incremental listings. */
  updatedAt?: string;
  /** Who opened it: its markers count only when that is Hindsight's own account. */
  author?: string | null;
}

export interface IssueDraft {
  itemId: string;
  title: string;
  body: string;
  labels: string[];
  /** The owner's login, to assign if the repository allows it (the gateway checks). */
  assignee: string | null;
}

export interface SyncPlan {
  path: string;
  create: IssueDraft[];
  update: ({ number: number } & Partial<Omit<IssueDraft, 'itemId'>> & { itemId: string })[];
  /** Overdue open items that get one reminder on their issue, once per due date. */
  reminders: {
    number: number;
    itemId: string;
    owner: string | null;
    due: string;
    marker: string;
  }[];
  /** Items sync leaves alone, and why (no ID column, an issue linked by hand, …). */
  skipped: { itemId: string | null; line: number; reason: string }[];
}

/** Where the issues live relative to the postmortem: null for the same repository. */
export interface IssueHome {
  /** The postmortem's repository, named in markers when the issues live elsewhere. */
  source: string;
  /** The issues' repository, written in links (`owner/repo#12`). */
  target: string;
}

/**
 * The postmortem and item an action-item issue belongs to, by its marker, when the marker names
 * this repository's postmortems (only call it for issues Hindsight's account wrote).
 */
export function issueItem(
  issue: TrackedIssue,
  home: IssueHome | null,
): { path: string; id: string } | null {
  const marker = markerOf(issue.body);
  if (!marker) return null;
  if (home ? marker.repo?.toLowerCase() !== home.source.toLowerCase() : marker.repo !== null)
    return null;
  return { path: marker.path, id: marker.id };
}

function ours(issue: TrackedIssue, path: string, home: IssueHome | null): string | null {
  const item = issueItem(issue, home);
  return item?.path === path ? item.id : null;
}

/**
 * What sync must do for one postmortem: which items need an issue, which issues need their
 * title, body, labels or assignee brought in line with the report. Pure: the listing of the
 * action-item label is the only input from GitHub, so idempotency lives here (an item whose
 * marker is on an issue never gets a second one).
 */
export function planSync(input: {
  path: string;
  text: string;
  config: Config;
  issues: TrackedIssue[];
  today: string;
  blobUrl: string;
  home?: IssueHome | null;
}): SyncPlan {
  const postmortem = parsePostmortem(input.path, input.text);
  const plan: SyncPlan = { path: input.path, create: [], update: [], reminders: [], skipped: [] };
  const home = input.home ?? null;
  const byMarker = new Map<string, TrackedIssue>();
  for (const issue of input.issues) {
    const id = ours(issue, input.path, home);
    if (id) byMarker.set(id, issue);
  }
  const seen = new Set<string>();
  for (const item of postmortem.actionItems) {
    if (item.form !== 'table' || !item.id || !item.cells?.issue || !item.cells.status) {
      plan.skipped.push({
        itemId: item.id,
        line: item.position.line,
        reason: 'sync tracks table rows with ID, Status and Issue columns',
      });
      continue;
    }
    if (seen.has(item.id)) {
      plan.skipped.push({
        itemId: item.id,
        line: item.position.line,
        reason: `ID ${item.id} is used twice`,
      });
      continue;
    }
    seen.add(item.id);
    const draft = issueDraft(postmortem, item, { ...input, home });
    const issue = byMarker.get(item.id);
    if (!issue) {
      if (item.issue) {
        plan.skipped.push({
          itemId: item.id,
          line: item.position.line,
          reason: `links ${item.issue}, an issue sync did not open`,
        });
      } else if (!isFinished(item.status)) {
        plan.create.push(draft);
      }
      continue;
    }
    const changes: Partial<Omit<IssueDraft, 'itemId'>> = {};
    if (issue.title !== draft.title) changes.title = draft.title;
    const withoutOwner = (body: string) => body.trim().replace(/^- Owner: .*$/m, '');
    if (withoutOwner(issue.body) !== withoutOwner(draft.body)) changes.body = draft.body;
    if (draft.labels.some((label) => !issue.labels.includes(label)))
      changes.labels = [...new Set([...issue.labels, ...draft.labels])];
    if (Object.keys(changes).length > 0)
      plan.update.push({ number: issue.number, itemId: item.id, ...changes });
    if (issue.state === 'open' && item.due && validDate(item.due) && item.due < input.today) {
      plan.reminders.push({
        number: issue.number,
        itemId: item.id,
        owner: draft.assignee,
        due: item.due,
        marker: reminderMarker(input.path, item.id, item.due),
      });
    }
  }
  return plan;
}

/**
 * The report as it should read after sync: Issue cells linking each item's issue, Status cells
 * following each issue's state (closed as completed: Done; as not planned: Won't do; open: Open),
 * Owner cells following each issue's assignee,
 * and, when every item is finished and the postmortem is published, `status: closed` with the day.
 * Only those cells and fields change; every other byte stays as written.
 */
export function writeBack(input: {
  path: string;
  text: string;
  issues: TrackedIssue[];
  today: string;
  home?: IssueHome | null;
}): { text: string; changed: string[] } {
  const postmortem = parsePostmortem(input.path, input.text);
  const home = input.home ?? null;
  const byMarker = new Map<string, TrackedIssue>();
  for (const issue of input.issues) {
    const id = ours(issue, input.path, home);
    if (id) byMarker.set(id, issue);
  }
  const edits: Edit[] = [];
  const changed: string[] = [];
  const statuses: (string | null)[] = [];
  for (const item of postmortem.actionItems) {
    const issue = item.id ? byMarker.get(item.id) : undefined;
    if (!issue || item.form !== 'table') {
      statuses.push(item.status);
      continue;
    }
    const link = `${home ? home.target : ''}#${issue.number}`;
    if (item.cells?.issue && (item.issue ?? '').trim() !== link) {
      edits.push(setCellEdit(item, 'issue', link, { raw: true }));
      changed.push(`${item.id} issue ${link}`);
    }
    // Once an issue exists, who it is assigned to is who owns the item.
    const assignee = issue.assignees[0];
    if (
      assignee &&
      item.cells?.owner &&
      (item.owner ?? '').replace(/^@/, '').toLowerCase() !== assignee.toLowerCase()
    ) {
      edits.push(setCellEdit(item, 'owner', `@${assignee}`, { raw: true }));
      changed.push(`${item.id} owner @${assignee}`);
    }
    const status = statusOf(issue);
    statuses.push(status);
    if (item.cells?.status && !sameStatus(item.status, status)) {
      edits.push(setCellEdit(item, 'status', status));
      changed.push(`${item.id} status ${status}`);
    }
  }
  if (
    postmortem.frontMatter.data.status === 'published' &&
    statuses.length > 0 &&
    statuses.every((status) => isFinished(status))
  ) {
    const status = setFieldEdit(postmortem, 'status', 'closed');
    const closedAt = setFieldEdit(postmortem, 'closed_at', input.today, { onlyIfEmpty: true });
    if (status) edits.push(status);
    if (closedAt) edits.push(closedAt);
    changed.push(`status closed on ${input.today}`);
  }
  return { text: edits.length > 0 ? applyEdits(input.text, edits) : input.text, changed };
}

/**
 * The report's status for an issue. Only a close as completed (or with no reason, as issues
 * closed before GitHub had reasons) is Done, and not planned is Won't do. A duplicate, or a
 * reason GitHub adds later, leaves the item unfinished (a Duplicate status, not Done), so it can
 * never close the postmortem: the work it names is still to be done somewhere.
 */
export function statusOf(issue: TrackedIssue): string {
  if (issue.state === 'open') return 'Open';
  const reason = issue.stateReason;
  if (reason === null || reason === 'completed') return 'Done';
  if (reason === 'not_planned') return "Won't do";
  if (reason === 'duplicate') return 'Duplicate';
  return `Closed (${reason.replace(/[^\w -]/g, '')})`;
}

function sameStatus(written: string | null, wanted: string): boolean {
  const normal = (text: string | null) => (text ?? '').trim().toLowerCase().replace(/[’']/g, "'");
  return normal(written) === normal(wanted);
}

function issueDraft(
  postmortem: Postmortem,
  item: ActionItem,
  input: { path: string; config: Config; blobUrl: string; home: IssueHome | null },
): IssueDraft {
  const id = input.path.slice(input.path.lastIndexOf('/') + 1).replace(/\.md$/, '');
  const owner = item.owner && /^@[\w-]+$/.test(item.owner) ? item.owner.slice(1) : null;
  const incident = postmortem.frontMatter.data.incident;
  const action = item.action.replace(/\s+/g, ' ').trim();
  // The report's text, made inert in the issue: no HTML comment (a marker) and no mention that
  // would notify a team once per created issue (the owner is assigned, and named below).
  const lines = [
    defuseMentions(defuseMarkers(action, 'markdown')),
    '',
    defuseMarkers(`- Owner: ${item.owner ?? '—'}`, 'markdown'),
    defuseMarkers(`- Priority: ${item.priority ?? '—'}`, 'markdown'),
    defuseMarkers(`- Due: ${item.due ?? '—'}`, 'markdown'),
    `- Postmortem: [${input.path}](${input.blobUrl})`,
    ...(incident !== undefined && incident !== null && incident !== ''
      ? [
          defuseMarkers(
            `- Incident: ${/^\d+$/.test(String(incident)) ? `${input.home ? input.home.source : ''}#${incident}` : String(incident)}`,
            'markdown',
          ),
        ]
      : []),
    '',
    itemMarker(input.path, item.id as string, input.home?.source ?? null),
  ];
  return {
    itemId: item.id as string,
    title: fitTitle(
      inertTitle(action.length > 180 ? `${action.slice(0, 179)}…` : action),
      ` ${inertTitle(`(${id} ${item.id})`)}`,
    ),
    body: fitBody(lines.join('\n'), `${input.path} (${input.blobUrl})`),
    labels: [
      input.config.labels.actionItem,
      ...(item.priority && /^[\w -]{1,30}$/.test(item.priority) ? [item.priority] : []),
    ],
    assignee: owner,
  };
}
