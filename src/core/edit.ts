import { isMap, isScalar, parseDocument } from 'yaml';
import { normaliseLineBreaks } from './line-index.js';
import { escapeInline } from './template.js';
import { yamlScalar } from './yaml-scalar.js';

export { yamlScalar };
import type { ActionItem, ActionItemColumn, Postmortem, Span } from './types.js';

/** One replacement of a byte span. Edits never overlap and never touch bytes outside their span. */
export interface Edit {
  span: Span;
  text: string;
}

export class EditError extends Error {}

/** Applies non-overlapping edits; everything outside their spans is kept byte for byte. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (
      edit.span.start < cursor ||
      edit.span.end < edit.span.start ||
      edit.span.end > text.length
    ) {
      throw new EditError(
        `Overlapping or out-of-range edit at ${edit.span.start}–${edit.span.end}.`,
      );
    }
    out += text.slice(cursor, edit.span.start) + edit.text;
    cursor = edit.span.end;
  }
  return out + text.slice(cursor);
}

/** A value made safe for one table cell: no newline, no unescaped `|`, no Markdown syntax. */
export function cellText(value: string): string {
  return escapeInline(value.replace(/[\r\n\u2028\u2029]+/g, ' ').trim());
}

/**
 * The edit that sets one cell of an action item's table row. Only that cell's content changes;
 * padding, the pipes and every other cell stay as written. Throws when the table has no such column.
 */
export function setCellEdit(
  item: ActionItem,
  column: ActionItemColumn,
  value: string,
  options: { raw?: boolean } = {},
): Edit {
  const cell = item.cells?.[column];
  if (!cell) {
    throw new EditError(
      `Action item ${item.id ?? item.action.slice(0, 40)} (line ${item.position.line}) has no ${column} column to write to; add the column to the table.`,
    );
  }
  const written = options.raw ? value : cellText(value);
  // An empty cell written for the first time reads `| value |`, whatever its padding was.
  const [before, after] = cell.text === '' && written !== '' ? (cell.pad ?? ['', '']) : ['', ''];
  return { span: cell.span, text: `${before}${written}${after}` };
}

/**
 * The edit that sets a front-matter field. An existing field has just its value replaced
 * (its comment, quoting of others and line endings untouched); a missing one is added as a new
 * line before the closing `---`. With `onlyIfEmpty`, a field that has a value is left alone
 * (returns null), so a person's entry is never overwritten.
 */
export function setFieldEdit(
  postmortem: Postmortem,
  key: string,
  value: string | number | boolean | null,
  options: { onlyIfEmpty?: boolean } = {},
): Edit | null {
  const fm = postmortem.frontMatter;
  if (!fm.present || fm.errors.length > 0) {
    throw new EditError(
      `${postmortem.path}: cannot set ${key}: the front matter is missing or not valid YAML.`,
    );
  }
  if (!/^[A-Za-z_][\w-]*$/.test(key))
    throw new EditError(`Not a field name: ${JSON.stringify(key)}.`);
  const scalar = yamlScalar(value);
  const field = fm.fields.get(key);
  if (field) {
    const current = field.value;
    if (options.onlyIfEmpty && current !== null && current !== undefined && current !== '')
      return null;
    const span = valueSpan(postmortem, key);
    if (!span)
      throw new EditError(
        `${postmortem.path}:${field.position.line}: ${key} holds a list or mapping; it is left as written.`,
      );
    const before = postmortem.text[span.start - 1];
    const pad = span.start === span.end && before === ':' ? ' ' : '';
    return { span, text: pad + scalar };
  }
  // The new line ends the way the front matter's opening `---` line does (LF, CRLF or CR).
  const eol = /\r\n|\r|\n/.exec(postmortem.text)?.[0] ?? '\n';
  const at = fm.bodySpan.end;
  return { span: { start: at, end: at }, text: `${key}: ${scalar}${eol}` };
}

/**
 * Where a top-level scalar value sits, byte for byte, from `yaml`'s concrete syntax tree
 * (comments and quoting excluded). Null for a list or mapping, which are never rewritten.
 */
function valueSpan(postmortem: Postmortem, key: string): Span | null {
  const { start, end } = postmortem.frontMatter.bodySpan;
  const doc = parseDocument(normaliseLineBreaks(postmortem.text.slice(start, end)));
  if (!isMap(doc.contents)) return null;
  const pair = doc.contents.items.find(
    (item) => isScalar(item.key) && String(item.key.value) === key,
  );
  if (!pair || !isScalar(pair.value) || !pair.value.range) return null;
  return { start: start + pair.value.range[0], end: start + pair.value.range[1] };
}
