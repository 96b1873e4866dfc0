import { INDEX_END, INDEX_START } from '../markers.js';

export { INDEX_END, INDEX_START };

export class IndexRegionError extends Error {}

/**
 * The file's new text with the index placed in it.
 * - No file, or only whitespace: the index, between its markers, is the whole file.
 * - A start marker line and, after it, an end marker line: only what lies between them changes;
 *   every byte before and after stays as it was.
 * - Other text and no markers: the index is appended after it, so none of it changes.
 * A start marker without an end marker is an error: guessing where the index ends could delete
 * someone's text.
 */
export function placeIndex(input: {
  existing: string | null;
  index: string;
  file: string;
}): string {
  const block = `${INDEX_START}\n${input.index.replace(/\n*$/, '\n')}${INDEX_END}`;
  const existing = input.existing ?? '';
  if (existing.trim() === '') return `${block}\n`;
  const start = markerLine(existing, INDEX_START, 0);
  if (start) {
    const end = markerLine(existing, INDEX_END, start.end);
    if (!end)
      throw new IndexRegionError(
        `${input.file}:${lineOf(existing, start.start)}: "${INDEX_START}" has no "${INDEX_END}" line after it; add one where the index should end.`,
      );
    return `${existing.slice(0, start.start)}${block}${existing.slice(end.end)}`;
  }
  const newline = existing.includes('\r\n') ? '\r\n' : '\n';
  const separator = existing.endsWith('\n') ? newline : `${newline}${newline}`;
  return `${existing}${existing.endsWith(`${newline}${newline}`) ? '' : separator}${block}${newline}`;
}

/** A line that holds nothing but the marker (spaces around it allowed), from `from` on. */
function markerLine(
  text: string,
  marker: string,
  from: number,
): { start: number; end: number } | null {
  let at = text.indexOf(marker, from);
  while (at !== -1) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const newline = text.indexOf('\n', at);
    const lineEnd = newline === -1 ? text.length : newline;
    const before = text.slice(lineStart, at);
    const after = text.slice(at + marker.length, lineEnd).replace(/\r$/, '');
    if (before.trim() === '' && after.trim() === '') return { start: at, end: at + marker.length };
    at = text.indexOf(marker, at + marker.length);
  }
  return null;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
