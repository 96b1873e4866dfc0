/**
 * Reading the times people write in timelines: `2026-11-20T14:30:00Z`, `2026-11-20 14:30 UTC`,
 * `14:30`, `4:19 pm PST`, `15.26`, `**16:58 UTC**`. Pure; no clock.
 */

/** Fixed offsets, in minutes, for the zone names postmortems use. */
const ZONES: Record<string, number> = {
  Z: 0,
  UTC: 0,
  GMT: 0,
  UT: 0,
  PST: -480,
  PDT: -420,
  MST: -420,
  MDT: -360,
  CST: -360,
  CDT: -300,
  EST: -300,
  EDT: -240,
  WET: 0,
  BST: 60,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  IST: 330,
  JST: 540,
  AEST: 600,
  AEDT: 660,
};

const ZONE = String.raw`(Z|UTC|GMT|UT|[A-Z]{2,4}T|[+-]\d{2}:?\d{2}|UTC[+-]\d{1,2}(?::?\d{2})?)`;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?';
// "October 21, 2025", "Jan 16", "Tuesday, Oct 29-30, 2025", and the European "19. April".
const MONTH_DATE = String.raw`(?:[A-Z][a-z]+day,?\s+)?(?:${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?(?:-\d{1,2})?|(\d{1,2})(?:\.|st|nd|rd|th)?\s+${MONTH})(?:,?\s+(\d{4}))?`;
const TIME_RE = new RegExp(
  String.raw`^(?:(?:(\d{4})-(\d{2})-(\d{2})|${MONTH_DATE})(?:[T\s,]+|\s+at\s+))?(\d{1,2})[:.](\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(am|pm|AM|PM)?\s*` +
    String.raw`(?:${ZONE}(?![A-Za-z]))?`,
);
const DATE_ONLY_RE = new RegExp(String.raw`^(?:(\d{4})-(\d{2})-(\d{2})|${MONTH_DATE})(?![\d:])`);

export interface ParsedTime {
  /** The matched text, as written. */
  raw: string;
  /** Length of the match in the input, so callers can take the rest as the event. */
  length: number;
  /** `YYYY-MM-DD`; a date written without a year (`Oct 30`) comes as `????-10-30`. */
  date: string | null;
  /** Minutes since midnight. */
  minutes: number;
  /** Offset from UTC in minutes, or null when no zone is written. */
  offset: number | null;
}

/** Offset in minutes for a zone as written, or null when unknown. */
export function zoneOffset(zone: string): number | null {
  const upper = zone.toUpperCase();
  if (upper in ZONES) return ZONES[upper] ?? null;
  const numeric = /^(?:UTC)?([+-])(\d{1,2}):?(\d{2})?$/.exec(upper);
  if (numeric) {
    const sign = numeric[1] === '-' ? -1 : 1;
    return sign * (Number(numeric[2]) * 60 + Number(numeric[3] ?? 0));
  }
  return null;
}

/** Reads a time at the start of `text`, or returns null when it does not start with one. */
export function parseTimeAt(text: string): ParsedTime | null {
  const match = TIME_RE.exec(text);
  if (!match) return null;
  const [
    raw,
    y,
    mo,
    d,
    monthName,
    monthDay,
    dayFirst,
    dayMonth,
    monthYear,
    h,
    mi,
    ,
    meridiem,
    zone,
  ] = match;
  let hours = Number(h);
  const minutes = Number(mi);
  if (meridiem) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  }
  if (hours > 24 || minutes > 59) return null;
  const named = monthName
    ? namedDate(monthName, monthDay as string, monthYear)
    : dayMonth
      ? namedDate(dayMonth, dayFirst as string, monthYear)
      : null;
  const date = y ? `${y}-${mo}-${d}` : named;
  // "17:00-18:00" is a range, not a -18:00 offset: a bare negative offset needs a date before it.
  if (zone?.startsWith('-') && !y)
    return parseTimeAt(text.slice(0, raw.length - zone.length).trimEnd());
  if (date && !validDate(date.replace('????', '2000'))) return null;
  const offset = zone ? zoneOffset(zone) : null;
  // An unknown word after the time ("14:30 DNS failed") is the event, not a zone.
  const length = zone && offset === null ? raw.length - zone.length : raw.length;
  return {
    raw: raw.slice(0, length).trimEnd(),
    length,
    date,
    minutes: hours * 60 + minutes,
    offset,
  };
}

/** A `YYYY-MM-DD` at the start of text with no time after it (a heading such as `### 2018-01-18`). */
export function parseDateAt(text: string): string | null {
  const match = DATE_ONLY_RE.exec(text);
  if (!match) return null;
  const date = match[1]
    ? `${match[1]}-${match[2]}-${match[3]}`
    : match[4]
      ? namedDate(match[4], match[5] as string, match[8])
      : namedDate(match[7] as string, match[6] as string, match[8]);
  return validDate(date.replace('????', '2000')) ? date : null;
}

function namedDate(month: string, day: string, year: string | undefined): string {
  const number = MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1;
  return `${year ?? '????'}-${String(number).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** Completes a `????-MM-DD` date with the year of a known date (or 1970 when none is known). */
export function withYear(date: string, known: string | null): string {
  return date.startsWith('????') ? `${known?.slice(0, 4) ?? '1970'}${date.slice(4)}` : date;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether `YYYY-MM-DD` names a real calendar day (arithmetic only: this runs per timeline row). */
export function validDate(date: string): boolean {
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-') return false;
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (
    !Number.isInteger(year) ||
    !Number.isInteger(month) ||
    !Number.isInteger(day) ||
    month < 1 ||
    month > 12 ||
    day < 1
  )
    return false;
  const leap = month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0);
  return day <= (DAYS_IN_MONTH[month - 1] as number) + (leap ? 1 : 0);
}

/** Milliseconds since epoch for a date, minutes past midnight and a zone offset. */
export function toInstant(date: string, minutes: number, offset: number): number {
  return (
    Date.UTC(
      Number(date.slice(0, 4)),
      Number(date.slice(5, 7)) - 1,
      Number(date.slice(8, 10)),
      0,
      minutes,
    ) -
    offset * 60_000
  );
}

const TIMESTAMP_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Parses a front-matter timestamp. Returns the instant, or a reason it cannot be read:
 * `zone` when it has no zone (which would make metrics depend on the reader's clock).
 */
export function parseTimestamp(value: unknown): { instant: number } | { error: 'format' | 'zone' } {
  if (typeof value !== 'string') return { error: 'format' };
  // Rules and metrics ask for the same few timestamps many times per document.
  let parsed = TIMESTAMPS.get(value);
  if (!parsed) {
    if (TIMESTAMPS.size > 4096) TIMESTAMPS.clear();
    parsed = readTimestamp(value);
    TIMESTAMPS.set(value, parsed);
  }
  return parsed;
}

const TIMESTAMPS = new Map<string, { instant: number } | { error: 'format' | 'zone' }>();

function readTimestamp(value: string): { instant: number } | { error: 'format' | 'zone' } {
  const match = TIMESTAMP_RE.exec(value.trim());
  if (!match) return { error: 'format' };
  const [, y, mo, d, h, mi, s, , zone] = match;
  const date = `${y}-${mo}-${d}`;
  if (!validDate(date) || Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 60)
    return { error: 'format' };
  if (!zone) return { error: 'zone' };
  const offset = zoneOffset(zone) ?? 0;
  return { instant: toInstant(date, Number(h) * 60 + Number(mi), offset) + Number(s ?? 0) * 1000 };
}
