import type { IndexEntry, ItemCounts } from './index-entry.js';
import { repeatIncidents, type RepeatIncident } from './repeat-incidents.js';
import { spread, type Spread } from './statistics.js';

/** One row of the index, as `--format json` prints it. */
export interface IndexRow {
  file: string;
  title: string;
  date: string | null;
  severity: string | null;
  status: string | null;
  services: string[];
  tags: string[];
  /** Minutes, or null when a timestamp is missing. */
  timeToDetect: number | null;
  timeToMitigate: number | null;
  timeToResolve: number | null;
  actionItems: ItemCounts;
  /** A draft past its review due date. */
  reviewOverdue: boolean;
}

export interface Durations {
  count: number;
  timeToDetect: Spread;
  timeToMitigate: Spread;
  timeToResolve: Spread;
}

export interface Count {
  name: string;
  count: number;
}

/** The aggregates dashboards read; the names of `timeToDetect`, `timeToResolve` and `bySeverity` are a promise. */
export interface IndexStats extends Durations {
  bySeverity: Record<string, Durations>;
  /** Every month from the first incident to the last, oldest first. */
  byMonth: { month: string; count: number; bySeverity: Record<string, number> }[];
  byQuarter: ({ quarter: string } & Durations)[];
  actionItems: ItemCounts & {
    /** Items by the month of their incident: how many were opened, and how many of those are done. */
    byMonth: { month: string; opened: number; done: number }[];
    /** Days each open item has been open (since its incident's date). */
    openAge: Spread & { buckets: Count[] };
  };
  services: Count[];
  tags: Count[];
  contributingFactors: Count[];
  repeats: RepeatIncident[];
  reviewOverdue: { file: string; title: string; due: string; owner: string | null }[];
}

export interface KnowledgeIndex {
  postmortems: IndexRow[];
  stats: IndexStats;
}

/** Severity key for a postmortem that names none. */
export const NO_SEVERITY = 'none';
const TOP = 10;
const DAY = 86_400_000;
const AGE_BUCKETS: [string, number][] = [
  ['under 30 days', 30],
  ['30 to 89 days', 90],
  ['90 to 179 days', 180],
  ['180 days or more', Infinity],
];

/**
 * The index of a repository's postmortems: rows newest first (by date, then path; undated last)
 * and the insights across them.
 */
export function buildIndex(input: {
  entries: readonly IndexEntry[];
  /** The configured severity scale, which orders the severity columns. */
  severities: readonly string[];
  today: string;
}): KnowledgeIndex {
  // Code-point order, the same on every machine and locale.
  const entries = [...input.entries].sort((a, b) =>
    a.date !== b.date ? ((a.date ?? '') < (b.date ?? '') ? 1 : -1) : a.file < b.file ? -1 : 1,
  );
  return { postmortems: entries.map(rowOf), stats: statsOf(entries, input) };
}

/** The severities in scale order, then any others the files use, then `none`. */
export function severityOrder(
  entries: readonly { severity: string | null }[],
  scale: readonly string[],
): string[] {
  const used = new Set(entries.map((entry) => entry.severity ?? NO_SEVERITY));
  const extra = [...used].filter((s) => !scale.includes(s) && s !== NO_SEVERITY).sort();
  return [...scale, ...extra, ...(used.has(NO_SEVERITY) ? [NO_SEVERITY] : [])];
}

function rowOf(entry: IndexEntry): IndexRow {
  return {
    file: entry.file,
    title: entry.title,
    date: entry.date,
    severity: entry.severity,
    status: entry.status,
    services: entry.services,
    tags: entry.tags,
    timeToDetect: entry.timeToDetect,
    timeToMitigate: entry.timeToMitigate,
    timeToResolve: entry.timeToResolve,
    actionItems: entry.actionItems,
    reviewOverdue: entry.reviewOverdue,
  };
}

function durations(entries: readonly IndexEntry[]): Durations {
  return {
    count: entries.length,
    timeToDetect: spread(entries.map((e) => e.timeToDetect)),
    timeToMitigate: spread(entries.map((e) => e.timeToMitigate)),
    timeToResolve: spread(entries.map((e) => e.timeToResolve)),
  };
}

function statsOf(
  entries: readonly IndexEntry[],
  input: { severities: readonly string[]; today: string },
): IndexStats {
  const severities = severityOrder(entries, input.severities);
  const severityOf = (entry: IndexEntry) => entry.severity ?? NO_SEVERITY;
  // Keys are user text (a severity of `__proto__` is one): objects without a prototype keep them all.
  const bySeverity: Record<string, Durations> = Object.create(null);
  for (const severity of severities)
    bySeverity[severity] = durations(entries.filter((e) => severityOf(e) === severity));

  const dated = entries.filter((entry) => entry.date !== null);
  const months = monthRange(dated.map((entry) => entry.date!.slice(0, 7)));
  const byMonth = months.map((month) => {
    const counts: Record<string, number> = Object.create(null);
    for (const severity of severities) counts[severity] = 0;
    return { month, count: 0, bySeverity: counts };
  });
  const itemsByMonth = months.map((month) => ({ month, opened: 0, done: 0 }));
  const monthIndex = new Map(months.map((month, n) => [month, n]));
  const quarters = new Map<string, IndexEntry[]>();
  const ages: number[] = [];
  const today = Date.parse(`${input.today}T00:00:00Z`);
  for (const entry of dated) {
    const n = monthIndex.get(entry.date!.slice(0, 7))!;
    byMonth[n]!.count++;
    byMonth[n]!.bySeverity[severityOf(entry)]!++;
    itemsByMonth[n]!.opened += entry.actionItems.open + entry.actionItems.done;
    itemsByMonth[n]!.done += entry.actionItems.done;
    const quarter = quarterOf(entry.date!);
    if (!quarters.has(quarter)) quarters.set(quarter, []);
    quarters.get(quarter)!.push(entry);
    const age = Math.max(0, Math.round((today - Date.parse(`${entry.date}T00:00:00Z`)) / DAY));
    for (let k = 0; k < entry.actionItems.open; k++) ages.push(age);
  }
  const byQuarter = [...quarters.keys()]
    .sort()
    .map((quarter) => ({ quarter, ...durations(quarters.get(quarter)!) }));

  let lower = 0;
  const buckets = AGE_BUCKETS.map(([name, upper]) => {
    const count = ages.filter((age) => age >= lower && age < upper).length;
    lower = upper;
    return { name, count };
  });

  return {
    ...durations(entries),
    bySeverity,
    byMonth,
    byQuarter,
    actionItems: {
      open: sum(entries, (e) => e.actionItems.open),
      done: sum(entries, (e) => e.actionItems.done),
      overdue: sum(entries, (e) => e.actionItems.overdue),
      byMonth: itemsByMonth,
      openAge: { ...spread(ages), buckets },
    },
    services: top(entries.flatMap((e) => e.services)),
    tags: top(entries.flatMap((e) => e.tags)),
    contributingFactors: top(entries.flatMap((e) => e.factors)),
    repeats: repeatIncidents(entries),
    reviewOverdue: entries
      .filter((e) => e.reviewOverdue)
      .map((e) => ({ file: e.file, title: e.title, due: e.due!, owner: e.owner })),
  };
}

function sum(entries: readonly IndexEntry[], of: (entry: IndexEntry) => number): number {
  let total = 0;
  for (const entry of entries) total += of(entry);
  return total;
}

/** The ten most frequent values (case-insensitive, first spelling kept), most frequent first, ties by name. */
function top(values: readonly string[]): Count[] {
  const counts = new Map<string, Count>();
  for (const value of values) {
    const key = value.toLowerCase();
    const count = counts.get(key);
    if (count) count.count++;
    else counts.set(key, { name: value, count: 1 });
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en'))
    .slice(0, TOP);
}

/** `2026-Q4` for a `YYYY-MM-DD` date. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Every `YYYY-MM` from the earliest to the latest given, so quiet months show as zero. */
function monthRange(months: readonly string[]): string[] {
  if (months.length === 0) return [];
  let first = months[0]!;
  let last = first;
  for (const month of months) {
    if (month < first) first = month;
    if (month > last) last = month;
  }
  const out: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  for (let guard = 0; guard < 12 * 200; guard++) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) break;
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
  return out;
}
