import { metricsOf } from '../metrics.js';
import { isFinished } from '../rules/action-item-status.js';
import { reviewDueDate } from '../rules/review-due.js';
import { validDate } from '../time.js';
import { trimEndWhere } from '../trim-end.js';
import { readForIndex } from './read-for-index.js';

/** Action items of one postmortem: `open` includes the overdue ones; `done` are the finished ones. */
export interface ItemCounts {
  open: number;
  done: number;
  overdue: number;
}

/** What the index knows of one postmortem: its row, and what the insights aggregate. */
export interface IndexEntry {
  /** Path in the repository, forward slashes. */
  file: string;
  title: string;
  /** `YYYY-MM-DD`, or null when the front matter has no valid date. */
  date: string | null;
  severity: string | null;
  status: string | null;
  services: string[];
  tags: string[];
  owner: string | null;
  /** The day the review is due (`due`, or `date` plus the configured business days). */
  due: string | null;
  /** A draft whose review due date has passed. */
  reviewOverdue: boolean;
  timeToDetect: number | null;
  timeToMitigate: number | null;
  timeToResolve: number | null;
  actionItems: ItemCounts;
  /** Contributing factors as listed (one per top-level bullet), normalised for counting. */
  factors: string[];
  /** Distinctive words of the root cause, for finding repeat incidents. */
  rootCauseKeywords: string[];
}

/**
 * Words too common in root causes to tie two incidents together. The list is deliberately
 * short: anything of five letters or more that is not here counts as a keyword.
 */
const STOPWORDS = new Set(
  (
    'about above after again against because before being below between cause caused causes ' +
    'could didn does doing during every first having incident issue itself might never other ' +
    'their there these thing those through under until users using which while would should ' +
    'where whose within without system systems still since already always another change ' +
    'changed problem reason result started there\u2019s wasn\u2019t weren\u2019t'
  ).split(' '),
);

const KEYWORD = /[a-z][a-z0-9-]{4,}/g;
// `[\s\S]*` always reaches the end, so a line with a U+2028 in it is never retried per space.
const BULLET = /^(?:[-*+]|\d{1,3}[.)])\s+([\s\S]*)$/;

/** Reads one postmortem into an index entry. Never throws: a broken file still gets a row. */
export function indexEntry(input: {
  path: string;
  text: string;
  /** `YYYY-MM-DD`, for overdue items and reviews. */
  today: string;
  reviewDueBusinessDays: number;
}): IndexEntry {
  const postmortem = readForIndex(input.text);
  const data = postmortem.frontMatter.data;
  const date = typeof data.date === 'string' && validDate(data.date) ? data.date : null;
  const written = typeof data.due === 'string' && validDate(data.due) ? data.due : null;
  const due = written ?? (date ? reviewDueDate(date, input.reviewDueBusinessDays) : null);
  const status = scalar(data.status);
  const counts: ItemCounts = { open: 0, done: 0, overdue: 0 };
  for (const item of postmortem.actionItems) {
    if (isFinished(item.status)) counts.done++;
    else {
      counts.open++;
      const itemDue = item.due && /^\d{4}-\d{2}-\d{2}$/.test(item.due) ? item.due : null;
      if (itemDue && validDate(itemDue) && itemDue < input.today) counts.overdue++;
    }
  }
  const metrics = metricsOf(data);
  return {
    file: input.path,
    title: scalar(data.title) ?? postmortem.title ?? fileName(input.path),
    date,
    severity: scalar(data.severity),
    status,
    services: list(data.services),
    tags: list(data.tags),
    owner: scalar(data.owner),
    due,
    reviewOverdue: status === 'draft' && due !== null && due < input.today,
    ...metrics,
    actionItems: counts,
    factors: bullets(postmortem.sectionText('contributing-factors')),
    rootCauseKeywords: keywords(postmortem.sectionText('root-cause')),
  };
}

function scalar(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

/** A YAML list, or one string, as trimmed non-empty strings (`[db, db]` counts once). */
function list(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const out: string[] = [];
  for (const entry of values) {
    const text = scalar(entry);
    if (text && !out.includes(text)) out.push(text);
  }
  return out;
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
}

/** Top-level bullets of a section, lower-cased, without trailing punctuation or emphasis. */
function bullets(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const match = BULLET.exec(line);
    if (!match) continue;
    const factor = trimEndWhere(match[1]!.replace(/[*_`]/g, ''), (c) => /[.;:,\s]/.test(c))
      .trim()
      .toLowerCase()
      .slice(0, 120);
    if (factor && !out.includes(factor)) out.push(factor);
  }
  return out;
}

/** Distinct words of five letters or more, lower-cased, not in the stopword list. */
export function keywords(text: string): string[] {
  const found = new Set<string>();
  for (const word of text.toLowerCase().match(KEYWORD) ?? [])
    if (!STOPWORDS.has(word)) found.add(word);
  return [...found];
}
