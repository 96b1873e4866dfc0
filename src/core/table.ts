import type { Cell } from './types.js';

/**
 * Splits a GFM table row into cells with their byte spans. GFM splits on every unescaped `|`,
 * even inside code spans, so this is exactly how GitHub reads the row.
 * `lineStart` is the offset of the line in the document.
 */
export function splitRow(line: string, lineStart: number): Cell[] {
  const pipes: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') pipes.push(i);
  }
  const first = line.search(/\S/);
  const last = line.trimEnd().length - 1;
  const leading = pipes[0] === first ? pipes.shift() : undefined;
  const trailing = pipes.length > 0 && pipes[pipes.length - 1] === last ? pipes.pop() : undefined;
  const edges = [leading ?? -1, ...pipes, trailing ?? line.length];

  const cells: Cell[] = [];
  for (let k = 0; k + 1 < edges.length; k++) {
    const from = (edges[k] as number) + 1;
    const raw = line.slice(from, edges[k + 1]);
    const text = raw.trim();
    const offset = text ? raw.length - raw.trimStart().length : Math.min(1, raw.length);
    const start = lineStart + from + offset;
    const cell: Cell = {
      text: text.replace(/\\\|/g, '|'),
      span: { start, end: start + text.length },
    };
    if (!text) cell.pad = [offset === 0 ? ' ' : '', raw.length - offset === 0 ? ' ' : ''];
    cells.push(cell);
  }
  return cells;
}
