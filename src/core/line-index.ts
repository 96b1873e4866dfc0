import type { Position } from './types.js';

/**
 * The text with each lone `\r` (old Mac line endings, or a mix) read as `\n`. One character for
 * one, so every offset into it is an offset into the original: parsing reads this, edits apply to
 * the original bytes. `\r\n` stays as it is (LineIndex and markdown-it both read it as one break).
 */
export function normaliseLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/**
 * Maps byte offsets to 1-based line/column and back. Built once per document so that every
 * finding and every edit agrees on where a line starts, whatever its line endings.
 */
export class LineIndex {
  readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    let i = text.indexOf('\n');
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of a 1-based line (clamped to the document). */
  lineStart(line: number): number {
    const index = Math.min(Math.max(line, 1), this.starts.length) - 1;
    return this.starts[index] ?? 0;
  }

  /** Offset just past a line's content, before its `\r\n` or `\n`. */
  lineEnd(line: number): number {
    const next =
      line < this.starts.length ? (this.starts[line] ?? this.text.length) - 1 : this.text.length;
    return next > 0 &&
      this.text[next - 1] === '\r' &&
      next <= this.text.length &&
      this.text[next] === '\n'
      ? next - 1
      : next;
  }

  /** The text of a 1-based line, without its line ending. */
  line(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** 1-based position of an offset. */
  position(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] ?? 0) + 1 };
  }
}
