import { zoneOffset } from './time.js';
import { trimEndWhere } from './trim-end.js';

/**
 * Zones as people declare them for a whole timeline: "All times listed in PST.", "Timeline (in
 * UTC)", "all times are in [Pacific Time](…)", "All times US/Pacific", "7:09 AM Eastern".
 * A fixed offset in minutes, or a region whose offset follows its daylight-saving rules, read on
 * the day of each entry. Plain word scanning: no regular expression runs over the whole line.
 */
export type Zone = number | Region;
export type Region = 'us-pacific' | 'us-mountain' | 'us-central' | 'us-eastern' | 'uk' | 'europe';

/** Region names and their spellings, lower case, as single words or `area/city` names. */
const REGIONS: Record<string, Region> = {
  pacific: 'us-pacific',
  pt: 'us-pacific',
  'us/pacific': 'us-pacific',
  'america/los_angeles': 'us-pacific',
  mountain: 'us-mountain',
  mt: 'us-mountain',
  'us/mountain': 'us-mountain',
  'america/denver': 'us-mountain',
  central: 'us-central',
  ct: 'us-central',
  'us/central': 'us-central',
  'america/chicago': 'us-central',
  eastern: 'us-eastern',
  et: 'us-eastern',
  'us/eastern': 'us-eastern',
  'america/new_york': 'us-eastern',
  'europe/london': 'uk',
  uk: 'uk',
  'europe/berlin': 'europe',
  'europe/paris': 'europe',
  'europe/amsterdam': 'europe',
  'europe/copenhagen': 'europe',
};

/** Words that may stand between "times" and the zone: "All times listed are in the …". */
const FILLER = new Set([
  'all',
  'are',
  'is',
  'in',
  'listed',
  'shown',
  'given',
  'written',
  'the',
  'our',
  'local',
  'approximately',
  'approximate',
  'approx',
  'and',
  'below',
  'here',
  'above',
  'reported',
  'time',
  'times',
  'zone',
  'timezone',
  'standard',
  'daylight',
]);
const LEAD = new Set(['time', 'times', 'timezone', 'tz']);

/** One word as a zone, or null: `UTC`, `PST`, `UTC+2`, `+02:00`, `Pacific`, `US/Pacific`. */
export function zoneWord(word: string): Zone | null {
  const lower = word.toLowerCase();
  if (lower in REGIONS) return REGIONS[lower] ?? null;
  if (!/^[a-z]{1,5}$|^(?:utc|gmt)?[+-]\d{1,2}(?::?\d{2})?$/i.test(word)) return null;
  return zoneOffset(word.toUpperCase().replace(/^GMT/, 'UTC'));
}

/** Words of a line: letters, digits and `/ _ + - :`, so `US/Pacific` and `UTC+2` stay whole. */
function words(text: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const char of text) {
    if (/[\w/+:-]/.test(char)) word += char;
    else {
      if (word) out.push(trimEndWhere(word, (c) => c === ':'));
      word = '';
    }
  }
  if (word) out.push(trimEndWhere(word, (c) => c === ':'));
  return out;
}

/**
 * The zone a line declares for the times around it, or null: "times" (or "time zone") followed,
 * after filler words only, by a zone; or a parenthesis that holds only a zone, with an optional
 * "in" ("Timeline (in UTC)", "Time (PT)").
 */
export function declaredZone(text: string): Zone | null {
  if (text.length > 400) text = text.slice(0, 400);
  const lower = text.toLowerCase();
  if (!lower.includes('(') && !lower.includes('time') && !lower.includes('tz')) return null;
  for (const inner of parentheses(text)) {
    const parts = words(inner).filter((word) => !FILLER.has(word.toLowerCase()));
    if (parts.length === 1) {
      const zone = zoneWord(parts[0] as string);
      if (zone !== null) return zone;
    }
  }
  const list = words(text);
  for (let i = 0; i < list.length; i++) {
    if (!LEAD.has((list[i] as string).toLowerCase())) continue;
    for (let j = i + 1; j < list.length && j <= i + 7; j++) {
      const word = list[j] as string;
      const zone = zoneWord(word);
      if (zone !== null) return zone;
      if (!FILLER.has(word.toLowerCase())) break;
    }
  }
  return null;
}

/**
 * A zone written anywhere in a short text such as a heading ("14:00-15:00 UTC: Deploy window"):
 * an upper-case abbreviation or offset (`UTC`, `PST`, `UTC+2`) or an `area/city` name.
 */
export function zoneIn(text: string): Zone | null {
  for (const word of words(text.slice(0, 200))) {
    if (word.length < 2 || (word !== word.toUpperCase() && !word.includes('/'))) continue;
    const zone = zoneWord(word);
    if (zone !== null) return zone;
  }
  return null;
}

function parentheses(text: string): string[] {
  const out: string[] = [];
  let from = text.indexOf('(');
  while (from >= 0) {
    const to = text.indexOf(')', from + 1);
    if (to < 0) break;
    out.push(text.slice(from + 1, to));
    from = text.indexOf('(', to + 1);
  }
  return out;
}

/** The offset in minutes of a zone on a day (`YYYY-MM-DD`), with daylight saving for regions. */
export function offsetOn(zone: Zone, date: string): number {
  if (typeof zone === 'number') return zone;
  const year = Number(date.slice(0, 4));
  const day = date.slice(5);
  if (zone === 'uk' || zone === 'europe') {
    const summer = day >= lastSunday(year, 3) && day < lastSunday(year, 10);
    return (zone === 'uk' ? 0 : 60) + (summer ? 60 : 0);
  }
  const base = { 'us-pacific': -480, 'us-mountain': -420, 'us-central': -360, 'us-eastern': -300 }[
    zone
  ];
  const summer = day >= nthSunday(year, 3, 2) && day < nthSunday(year, 11, 1);
  return base + (summer ? 60 : 0);
}

/** `MM-DD` of the n-th Sunday of a month. */
function nthSunday(year: number, month: number, n: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const day = 1 + ((7 - first) % 7) + (n - 1) * 7;
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `MM-DD` of the last Sunday of a month. */
function lastSunday(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0));
  const day = last.getUTCDate() - last.getUTCDay();
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
