import { tokenLine, tokensIn, itemText, plain, type ParsedBody } from './document.js';
import { splitRow } from './table.js';
import { parseDateAt, parseTimeAt, toInstant, withYear, zoneOffset } from './time.js';
import type { Section, TimelineEntry } from './types.js';
import { declaredZone, offsetOn, type Zone, zoneWord } from './zone-names.js';

interface Context {
  date: string | null;
  dated: boolean;
  /** The zone declared for the whole timeline. */
  zone: Zone | null;
  /** The zone a `###` heading wrote for the entries under it ("### 22:04-23:00 UTC: …"). */
  headingZone: Zone | null;
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
    const time = parseTimeAt(raw);
    if (!time) return false;
    if (time.date) setDate(time.date);
    // "7:09 AM Eastern": a region named right after the time.
    const after = /^\s*([A-Z][\w/]{1,19})/.exec(raw.slice(time.length))?.[1];
    const named = time.offset === null && after && after.length > 3 ? zoneWord(after) : null;
    const zone = time.offset ?? named ?? context.headingZone ?? context.zone;
    const offset = zone === null ? null : offsetOn(zone, context.date ?? '1970-01-01');
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
      event: event || plain(raw.slice(time.length)),
      position: { line, column, endLine: line, endColumn: column + time.raw.length },
    });
    return true;
  };

  const items = tokensIn(body, section);
  for (let k = 0; k < items.length; k++) {
    const { token, i } = items[k] as (typeof items)[number];
    const line = tokenLine(body, token);
    if (token.type === 'table_open') {
      k = readTable(body, items, k, (cells, rowLine, header) => {
        if (header) {
          const zone = declaredZone(cells[0]?.text ?? '');
          if (zone !== null) context.zone = zone;
          return;
        }
        const time = cells[0];
        if (!time) return;
        const lineStart = body.index.lineStart(rowLine);
        const column = time.span.start - lineStart + 1;
        const event = cells
          .slice(1)
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
        push(stripped, at, column + (text.length - stripped.length), '');
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
      const before = entries.length;
      if (!push(text, line, Math.max(column, 1), event) && date) setDate(date);
      // A zone on a heading holds for the entries under it, until the next heading.
      const pushed = entries.length > before ? parseTimeAt(text) : null;
      context.headingZone = pushed?.offset ?? declaredZone(text);
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

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let line = from; line <= to; line++) out.push(line);
  return out;
}
