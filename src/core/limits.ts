import type { LineIndex } from './line-index.js';
import type { Position } from './types.js';

/**
 * Honest size caps. Every one is reported where it applies (a `size-limit` finding, or a
 * `frontmatter` one for the front matter), so what was not read never passes as checked. Real
 * postmortems are far below them: the corpus' largest file is under 200 KB, its longest line under
 * 5,000 characters, its largest front matter under 2 KB.
 */
export const LIMITS = {
  /** A document longer than this (in characters) is not parsed at all. */
  documentChars: 2_000_000,
  /** A Markdown line longer than this is not read: table rows, prose rules and extractors skip it. */
  lineChars: 20_000,
  /** More `|` than this in the Markdown body (each a table cell) and the document is not parsed. */
  tableCells: 20_000,
  /** Front matter longer than this (in characters) is not read as YAML. */
  frontMatterChars: 65_536,
  /** Front matter whose values, aliases expanded, number more than this is refused. */
  frontMatterValues: 10_000,
  /** … or whose strings, aliases expanded, add up to more characters than this. */
  frontMatterValueChars: 262_144,
} as const;

/** What a cap left unread: where, and what to do about it. */
export interface Unread {
  position: Position;
  message: string;
  /** True when the whole document was left unread (no rule ran on it). */
  whole: boolean;
}

const n = (value: number) => value.toLocaleString('en-US');

/** Why a whole document is not read, or null when it is within the caps. */
export function wholeDocumentLimit(text: string): Unread | null {
  if (text.length > LIMITS.documentChars) {
    return {
      position: { line: 1, column: 1 },
      message: `This file is ${n(text.length)} characters long; files over ${n(LIMITS.documentChars)} characters are not checked. Split it, or move data (logs, dumps) to linked files.`,
      whole: true,
    };
  }
  return null;
}

/**
 * The body with each over-long line replaced by as many `x` characters, so it is read as a plain
 * paragraph line and every offset still points at the original bytes, plus a note per line. Then
 * the table-cell count, which bounds markdown-it's work (tokens per cell).
 */
export function capBody(
  index: LineIndex,
  firstBodyLine: number,
): { text: string; unread: Unread[] } {
  const unread: Unread[] = [];
  const { text } = index;
  let out = '';
  let copied = 0;
  for (let line = firstBodyLine; line <= index.lineCount; line++) {
    const start = index.lineStart(line);
    const end = index.lineEnd(line);
    if (end - start <= LIMITS.lineChars) continue;
    out += text.slice(copied, start) + 'x'.repeat(end - start);
    copied = end;
    unread.push({
      position: { line, column: 1 },
      message: `Line ${line} is ${n(end - start)} characters long; lines over ${n(LIMITS.lineChars)} characters are not checked.`,
      whole: false,
    });
  }
  const capped = copied === 0 ? text : out + text.slice(copied);
  let cells = 0;
  for (let at = capped.indexOf('|', index.lineStart(firstBodyLine)); at !== -1; ) {
    if (++cells > LIMITS.tableCells) {
      const { line } = index.position(at);
      return {
        text: capped,
        unread: [
          {
            position: { line, column: 1 },
            message: `This file has more than ${n(LIMITS.tableCells)} table cells (\`|\`) by line ${line}; files with more are not checked. Split its tables, or link the data.`,
            whole: true,
          },
        ],
      };
    }
    at = capped.indexOf('|', at + 1);
  }
  return { text: capped, unread };
}

/**
 * Whether parsed front matter stays within the caps once YAML aliases are expanded (js-yaml shares
 * an aliased node, but whatever reads the value, a message quoting it included, walks every copy).
 * Counts with a budget, so a "billion laughs" stops after the first few thousand values.
 */
export function frontMatterTooLarge(data: unknown): string | null {
  let values = 0;
  let chars = 0;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    values++;
    if (typeof value === 'string') chars += value.length;
    else if (Array.isArray(value)) for (const item of value) stack.push(item);
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        chars += key.length;
        stack.push(item);
      }
    }
    if (values > LIMITS.frontMatterValues)
      return `Front matter holds more than ${n(LIMITS.frontMatterValues)} values once its YAML aliases are expanded; write the values out instead of repeating aliases.`;
    if (chars > LIMITS.frontMatterValueChars)
      return `Front matter values add up to more than ${n(LIMITS.frontMatterValueChars)} characters once its YAML aliases are expanded; write them out, shorter.`;
  }
  return null;
}
