import type { IndexEntry } from './index-entry.js';

/** A later incident that looks like an earlier one. */
export interface RepeatIncident {
  file: string;
  title: string;
  date: string;
  /** The most recent earlier incident it repeats. */
  earlier: { file: string; title: string; date: string };
  /** Days between the two incidents' dates. */
  days: number;
  services: string[];
  /** Tags and root-cause keywords both incidents have. */
  sharedTags: string[];
  sharedKeywords: string[];
}

/** How close two incidents must be to count as a repeat. */
export const REPEAT_WINDOW_DAYS = 90;

const DAY = 86_400_000;

/**
 * Repeat incidents: an incident on the same service (case-insensitive) as an earlier one within
 * 90 days, sharing a tag or a root-cause keyword with it. Each repeat is listed once, linked to
 * the most recent earlier incident it repeats; newest first.
 *
 * Linear in the incidents and their tags: walking in date order, it keeps the latest incident
 * per (service, tag) and (service, keyword), so a repeat is found by lookups, never by comparing
 * pairs (on 10,000 incidents of one service, pairs would be tens of millions).
 */
export function repeatIncidents(entries: readonly IndexEntry[]): RepeatIncident[] {
  const dated = entries
    .filter((entry) => entry.date !== null)
    .map((entry) => ({ entry, day: Date.parse(`${entry.date}T00:00:00Z`) / DAY }))
    .sort((a, b) => a.day - b.day || compare(a.entry.file, b.entry.file));
  const latest = new Map<string, { entry: IndexEntry; day: number; order: number }>();
  const repeats: RepeatIncident[] = [];
  for (const [order, { entry, day }] of dated.entries()) {
    const keys = keysOf(entry);
    let match: { entry: IndexEntry; day: number; order: number } | undefined;
    for (const key of keys) {
      const seen = latest.get(key);
      if (seen && day - seen.day <= REPEAT_WINDOW_DAYS && (!match || seen.order > match.order))
        match = seen;
    }
    if (match) {
      const earlier = match.entry;
      repeats.push({
        file: entry.file,
        title: entry.title,
        date: entry.date!,
        earlier: { file: earlier.file, title: earlier.title, date: earlier.date! },
        days: day - match.day,
        services: shared(entry.services, earlier.services),
        sharedTags: shared(entry.tags, earlier.tags),
        sharedKeywords: shared(entry.rootCauseKeywords, earlier.rootCauseKeywords),
      });
    }
    for (const key of keys) latest.set(key, { entry, day, order });
  }
  return repeats.reverse();
}

/** One key per service and tag, and per service and root-cause keyword, lower-cased. */
function keysOf(entry: IndexEntry): string[] {
  const keys: string[] = [];
  for (const service of entry.services) {
    const s = service.toLowerCase();
    for (const tag of entry.tags) keys.push(`${s}\u0000t\u0000${tag.toLowerCase()}`);
    for (const word of entry.rootCauseKeywords) keys.push(`${s}\u0000k\u0000${word}`);
  }
  return keys;
}

/** Code-point order, the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Values of `a` that `b` also has, compared case-insensitively, in `a`'s order and spelling. */
function shared(a: readonly string[], b: readonly string[]): string[] {
  const other = new Set(b.map((value) => value.toLowerCase()));
  return a.filter((value) => other.has(value.toLowerCase()));
}
