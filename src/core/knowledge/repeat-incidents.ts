import type { IndexEntry } from './index-entry.js';

/** A later incident that looks like an earlier one. */
export interface RepeatIncident {
  file: string;
  title: string;
  date: string;
  /** The earlier incident it repeats. */
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
 * Repeat incidents: a pair on the same service (case-insensitive), within 90 days of each
 * other, that share a tag or a root-cause keyword. Each later incident is listed once per earlier
 * one it repeats, newest first. Pairs are found per service in date order, so the work grows with
 * the incidents inside each window, not with the square of all incidents.
 */
export function repeatIncidents(entries: readonly IndexEntry[]): RepeatIncident[] {
  const byService = new Map<string, { entry: IndexEntry; day: number }[]>();
  for (const entry of entries) {
    if (!entry.date) continue;
    const day = Date.parse(`${entry.date}T00:00:00Z`) / DAY;
    for (const service of new Set(entry.services.map((s) => s.toLowerCase()))) {
      if (!byService.has(service)) byService.set(service, []);
      byService.get(service)!.push({ entry, day });
    }
  }
  const pairs = new Map<string, RepeatIncident>();
  for (const list of byService.values()) {
    list.sort((a, b) => a.day - b.day || a.entry.file.localeCompare(b.entry.file));
    for (let later = 1; later < list.length; later++) {
      const b = list[later]!;
      for (let earlier = later - 1; earlier >= 0; earlier--) {
        const a = list[earlier]!;
        if (b.day - a.day > REPEAT_WINDOW_DAYS) break;
        const key = `${a.entry.file}\u0000${b.entry.file}`;
        if (pairs.has(key)) continue;
        const tags = shared(a.entry.tags, b.entry.tags);
        const words = shared(a.entry.rootCauseKeywords, b.entry.rootCauseKeywords);
        if (tags.length === 0 && words.length === 0) continue;
        pairs.set(key, {
          file: b.entry.file,
          title: b.entry.title,
          date: b.entry.date!,
          earlier: { file: a.entry.file, title: a.entry.title, date: a.entry.date! },
          days: b.day - a.day,
          services: shared(a.entry.services, b.entry.services),
          sharedTags: tags,
          sharedKeywords: words,
        });
      }
    }
  }
  return [...pairs.values()].sort(
    (x, y) =>
      y.date.localeCompare(x.date) ||
      x.file.localeCompare(y.file) ||
      y.earlier.date.localeCompare(x.earlier.date) ||
      x.earlier.file.localeCompare(y.earlier.file),
  );
}

/** Values of `a` that `b` also has, compared case-insensitively, in `a`'s order and spelling. */
function shared(a: readonly string[], b: readonly string[]): string[] {
  const other = new Set(b.map((value) => value.toLowerCase()));
  return a.filter((value) => other.has(value.toLowerCase()));
}
