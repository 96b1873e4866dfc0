import { tokenLine, tokensIn, itemText, plain, type ParsedBody } from './document.js';
import { splitRow } from './table.js';
import { parseDateAt, parseTimeAt, toInstant, withYear } from './time.js';
import type { Section, TimelineEntry } from './types.js';
import { declaredZone, offsetOn, type Zone, zoneIn, zoneWord } from './zone-names.js';
import { trimEndWhere } from './trim-end.js';

interface Context {
  date: string | null;
  dated: boolean;
  /** The zone declared for the whole timeline. */
  zone: Zone | null;
  /** The zone a `###` heading wrote for the entries under it ("### 22:04-23:00 UTC: …"). */
  headingZone: Zone | null;
  /** "### 1:42-1:59 PM": the half of the day for 12-hour times under it written without one. */
  headingPm: boolean | null;
  written: number | null;
}

/**
 * Timeline entries from a Timeline section: table rows, bullets or paragraph lines that start
 * with a time, and `###` headings that are times (with the text below them as the event).
 * A time without a date takes the last date seen, or the front matter's `date`.
 */
export function extractTimeline(
  body: ParsedBody,
  section: Section,
  fallbackDate: string | null,
  documentZone: Zone | null = null,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const context: Context = {
    date: fallbackDate,
    dated: fallbackDate !== null,
    zone: declaredZone(section.heading) ?? documentZone,
    headingZone: null,
    headingPm: null,
    written: null,
  };
  for (let line = section.bodyStartLine; line <= section.bodyEndLine; line++) {
    const zone = declaredZone(body.index.line(line));
    if (
      zone !== null &&
      !/^\s*[|#]/.test(body.index.line(line)) &&
      !parseTimeAt(plain(body.index.line(line)))
    ) {
      context.zone = zone;
      break;
    }
  }

  const setDate = (date: string) => {
    context.date = withYear(date, context.date);
    context.dated = !context.date.startsWith('1970');
  };
  const push = (raw: string, line: number, column: number, event: string): boolean => {
    const lead = normaliseLead(raw, context.date);
    const parsed = parseTimeAt(lead.text);
    if (!parsed) return false;
    // Back to the text as written: the event starts where the time did in the original.
    const length = Math.max(parsed.length - lead.to + lead.from, 0);
    const time = { ...parsed, length, raw: raw.slice(0, length).trimEnd() };
    if (
      context.headingPm &&
      !/[ap]\.?m\b/i.test(time.raw) &&
      time.minutes >= 60 &&
      time.minutes < 12 * 60
    )
      time.minutes += 12 * 60;
    if (time.date) setDate(time.date);
    // "7:09 AM Eastern": a region named right after the time.
    const after = /^\s*([A-Z][\w/]{1,19})/.exec(raw.slice(time.length))?.[1];
    const named = time.offset === null && after && after.length > 3 ? zoneWord(after) : null;
    const zone = time.offset ?? named ?? context.headingZone ?? context.zone;
    const offset = zone === null ? null : offsetOn(zone, context.date ?? '1970-01-01');
    const around = context.headingZone ?? context.zone;
    const declared = around === null ? null : offsetOn(around, context.date ?? '1970-01-01');
    // A zone written on one entry is how the author reads the next ones too, for ordering;
    // the unzoned ones are still reported by timeline-timezone.
    if (time.offset !== null) context.written = time.offset;
    entries.push({
      raw: time.raw,
      instant: toInstant(
        context.date ?? '1970-01-01',
        time.minutes,
        offset ?? context.written ?? 0,
      ),
      dated: context.dated,
      zoned: offset !== null,
      ...(time.offset !== null && declared !== null && declared !== time.offset
        ? { declared: { offset: declared, ownOffset: time.offset } }
        : {}),
      event: event || plain(raw.slice(time.length).replace(/^\]/, '')),
      position: { line, column, endLine: line, endColumn: column + time.raw.length },
    });
    return true;
  };

  const items = tokensIn(body, section);
  for (let k = 0; k < items.length; k++) {
    const { token, i } = items[k] as (typeof items)[number];
    const line = tokenLine(body, token);
    if (token.type === 'table_open') {
      let columns: TableColumns = { time: 0, date: -1, year: null };
      k = readTable(body, items, k, (cells, rowLine, header) => {
        if (header) {
          columns = tableColumns(cells.map((cell) => cell.text));
          const zone =
            declaredZone(cells[columns.time]?.text ?? '') ??
            cells.map((cell) => declaredZone(cell.text)).find((found) => found !== null) ??
            null;
          if (zone !== null) context.zone = zone;
          return;
        }
        const time = cells[columns.time];
        if (!time) return;
        // "| Sun | Jan 16 | 14:30 | … |" under "| Day | Date (2021) | Time (PT) | Event |".
        const dateCell = columns.date >= 0 ? plain(cells[columns.date]?.text ?? '') : '';
        if (dateCell) {
          const day = parseDateAt(withYearText(dateCell, columns.year)) ?? parseDateAt(dateCell);
          if (day) setDate(day);
        }
        const lineStart = body.index.lineStart(rowLine);
        const column = time.span.start - lineStart + 1;
        const event = cells
          .filter((_cell, n) => n !== columns.time && n !== columns.date && n !== columns.day)
          .map((cell) => cell.text)
          .join(' — ');
        const text = plain(time.text).replace(/^~\s*/, '');
        const day = /^[\w ,.-]+$/.test(text) && !/\d[:.]\d/.test(text) ? parseDateAt(text) : null;
        // A row dated with a day only sets the day for the rows after it; it has no time to order.
        if (day) setDate(day);
        else if (!push(text, rowLine, column, plain(event))) {
          entries.push({
            raw: time.text,
            instant: null,
            dated: false,
            zoned: false,
            event,
            position: { line: rowLine, column },
          });
        }
      });
    } else if (token.type === 'list_item_open' || token.type === 'paragraph_open') {
      if (token.type === 'paragraph_open' && body.tokens[i - 1]?.type === 'list_item_open')
        continue;
      const last = token.map ? token.map[1] + body.lineBase - 1 : line;
      const lines = token.type === 'paragraph_open' ? range(line, last) : [line];
      for (const at of lines) {
        const { text, column } = itemText(body.index.line(at));
        const stripped = text.replace(/^(\*\*|__|`|\[)/, '');
        if (push(stripped, at, column + (text.length - stripped.length), '')) continue;
        // A bare date line ("2019-01-23", "July 22, 2021") sets the day for the entries after it.
        const bare = trimEndWhere(plain(stripped), (c) => c === '*' || c === '_' || c === ':');
        const day =
          /^[\w ,.-]{6,40}$/.test(bare) && !/\d[:.]\d/.test(bare) ? parseDateAt(bare) : null;
        if (day) setDate(day);
      }
    } else if (token.type === 'heading_open' && token.map) {
      const text = plain(body.tokens[i + 1]?.content ?? '');
      const date = parseDateAt(text);
      const column = body.index.line(line).indexOf(text.slice(0, 4)) + 1;
      const next = body.tokens[i + 3];
      const event =
        next?.type === 'paragraph_open'
          ? plain(body.tokens[i + 4]?.content.split('\n')[0] ?? '')
          : '';
      // A zone or a half of the day on a heading holds for it and the entries under it.
      context.headingZone = declaredZone(text) ?? zoneIn(text);
      context.headingPm = /\d ?pm\b/i.test(text) ? true : /\d ?am\b/i.test(text) ? false : null;
      if (!push(text, line, Math.max(column, 1), event) && date) setDate(date);
    }
  }
  return entries;
}

/** Reads a table starting at items[k]; calls back per row with its cells. Returns the index of its last token. */
export function readTable(
  body: ParsedBody,
  items: { token: { type: string; map: [number, number] | null } }[],
  k: number,
  row: (cells: ReturnType<typeof splitRow>, line: number, header: boolean) => void,
): number {
  let header = true;
  // Closing tokens carry no line map, so the table ends where its opening token's map says.
  const table = items[k]?.token.map;
  const end = table ? table[1] + body.lineBase : Infinity;
  for (k = k + 1; k < items.length; k++) {
    const { token } = items[k] as (typeof items)[number];
    if (!token.map || token.map[0] + body.lineBase >= end) {
      k--;
      break;
    }
    if (token.type === 'tbody_open') header = false;
    if (token.type === 'tr_open' && token.map) {
      const line = token.map[0] + body.lineBase;
      row(splitRow(body.index.line(line), body.index.lineStart(line)), line, header);
    }
  }
  return k;
}

interface TableColumns {
  time: number;
  date: number;
  day?: number;
  /** A year the date column's header gives ("Date (2021)"). */
  year: string | null;
}

/** Which columns of a timeline table hold the time, the date and the weekday, by their headers. */
function tableColumns(headers: string[]): TableColumns {
  const words = headers.map((header) => ` ${header.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `);
  const time = words.findIndex((word) => word.includes(' time ') || word.includes(' when '));
  const date = words.findIndex((word, n) => n !== time && word.includes(' date '));
  const day = words.findIndex((word) => word.trim() === 'day' || word.trim() === 'weekday');
  const year = date >= 0 ? (/\b((?:19|20)\d\d)\b/.exec(headers[date] ?? '')?.[1] ?? null) : null;
  return { time: Math.max(time, 0), date, ...(day >= 0 ? { day } : {}), year };
}

/** "Jan 16" with the header's year: "Jan 16, 2021"; a date that has a year keeps it. */
function withYearText(date: string, year: string | null): string {
  return year && !/\d{4}/.test(date) ? `${date}, ${year}` : date;
}

/**
 * Dates written before a time in shapes the time reader does not know, rewritten to ISO:
 * `10/20/2022 - 15:38`, `07-27-2023 2:14 pm`, `2022-02-02 1625`, `03-26 23:04`. Returns the text
 * to read and how long the rewritten lead was before (`from`) and after (`to`).
 */
export function normaliseLead(
  text: string,
  knownDate: string | null,
): { text: string; from: number; to: number } {
  const us = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?: ?[-–—,] ?| )/.exec(text);
  if (us) {
    const iso = `${us[3]}-${(us[1] as string).padStart(2, '0')}-${(us[2] as string).padStart(2, '0')} `;
    return { text: iso + text.slice(us[0].length), from: us[0].length, to: iso.length };
  }
  const compact = /^(\d{4}-\d{2}-\d{2}) (\d{2})(\d{2})(?!\d|:\d)/.exec(text);
  if (compact) {
    const iso = `${compact[1]} ${compact[2]}:${compact[3]}`;
    return { text: iso + text.slice(compact[0].length), from: compact[0].length, to: iso.length };
  }
  const monthDay = /^(\d{2})-(\d{2}) (?=\d{1,2}:\d{2})/.exec(text);
  if (monthDay && knownDate && !knownDate.startsWith('????')) {
    const iso = `${knownDate.slice(0, 4)}-${monthDay[1]}-${monthDay[2]} `;
    return { text: iso + text.slice(monthDay[0].length), from: monthDay[0].length, to: iso.length };
  }
  return { text, from: 0, to: 0 };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let line = from; line <= to; line++) out.push(line);
  return out;
}
