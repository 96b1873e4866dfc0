import { plain } from '../document.js';
import { parseDateAt, validDate } from '../time.js';
import type { Postmortem, TimelineEntry } from '../types.js';

/** What an imported document says about itself, for its format v1 front matter. */
export interface Inferred {
  title: string;
  date: string | null;
  severity: string | null;
  times: Partial<Record<(typeof STAGES)[number]['key'], string>>;
  /** What could not be determined, said per file. */
  notes: string[];
}

const STAGES = [
  { key: 'started_at', words: null, pick: 'first' },
  {
    key: 'detected_at',
    words: /\b(?:detect(?:ed|s)?|alert(?:ed|s)?|paged|notice[ds]?|reported|declared)\b/i,
    pick: 'first',
  },
  {
    key: 'mitigated_at',
    words: /\b(?:mitigat(?:ed|ion)|rolled back|revert(?:ed)?|restored|recovered|repaired)\b/i,
    pick: 'first',
  },
  { key: 'resolved_at', words: /\b(?:resolved|incident (?:closed|ended|over))\b/i, pick: 'last' },
] as const;

const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const NAMED_DATE =
  /\b(?:(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,7}\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})|(\d{1,2})(?:st|nd|rd|th)? (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,7},? (\d{4}))\b/;

/** The first real day a text names, `2019-01-23` or `July 22, 2021` or `22nd June 2021`. */
export function firstDate(text: string): string | null {
  const iso = ISO_DATE.exec(text);
  const named = NAMED_DATE.exec(text);
  const candidates: { at: number; date: string | null }[] = [];
  if (iso) candidates.push({ at: iso.index, date: `${iso[1]}-${iso[2]}-${iso[3]}` });
  if (named) {
    const [month, day, year] = named[1]
      ? [named[1], named[2], named[3]]
      : [named[5], named[4], named[6]];
    candidates.push({ at: named.index, date: parseDateAt(`${month} ${day}, ${year}`) });
  }
  candidates.sort((a, b) => a.at - b.at);
  return candidates.find((c) => c.date !== null && validDate(c.date))?.date ?? null;
}

/**
 * Title, date, severity and key times from what the document says: its own front matter, its
 * `#` title, its file name, its timeline (only times whose day and zone are known become
 * timestamps; the others are named in the notes).
 */
export function inferFrontMatter(input: {
  path: string;
  postmortem: Postmortem;
  severities: string[];
}): Inferred {
  const { postmortem } = input;
  const data = postmortem.frontMatter.data;
  const notes: string[] = [];
  const base = input.path.slice(input.path.lastIndexOf('/') + 1).replace(/(?:\.[\w]+)+$/, '');
  const title =
    (typeof data.title === 'string' && data.title.trim()) ||
    (postmortem.title ? plain(postmortem.title.text) : '') ||
    base;

  // 1. The day: written in front matter, the file name, the title, the timeline, then the text.
  const written = typeof data.date === 'string' ? firstDate(data.date) : null;
  const dated = postmortem.timeline.find((entry) => entry.dated && entry.instant !== null);
  const date =
    written ??
    firstDate(base) ??
    firstDate(title) ??
    (dated ? new Date(dated.instant as number).toISOString().slice(0, 10) : null) ??
    firstDate(postmortem.lines.slice(postmortem.frontMatter.endLine).join('\n'));
  if (!date) notes.push('no date: the file is named with the day it was imported');

  // 2. Severity, where the document names one of the configured levels.
  const severity =
    input.severities.find((level) =>
      new RegExp(`\\b${level.replace(/[^\w-]/g, '')}\\b`, 'i').test(postmortem.text),
    ) ?? null;
  if (!severity) notes.push('no severity');

  // 3. Key times, from timeline entries whose day and zone are known.
  const times: Inferred['times'] = {};
  const known = postmortem.timeline.filter(
    (entry): entry is TimelineEntry & { instant: number } =>
      entry.instant !== null && entry.dated && entry.zoned,
  );
  if (postmortem.timeline.length > 0 && known.length === 0) {
    const zoned = postmortem.timeline.some((entry) => entry.zoned);
    notes.push(
      zoned
        ? 'no day for the timeline: started_at and the other key times are not written'
        : 'no zone for the timeline: started_at and the other key times are not written',
    );
  }
  let previous = -Infinity;
  for (const stage of STAGES) {
    const named = stage.words ? known.filter((entry) => stage.words.test(entry.event)) : known;
    const entry = stage.pick === 'first' ? named[0] : named[named.length - 1];
    if (!entry || entry.instant < previous) continue;
    previous = entry.instant;
    times[stage.key] = new Date(entry.instant).toISOString().replace(/:\d{2}\.\d{3}Z$/, ':00Z');
  }
  return { title, date, severity, times, notes };
}
