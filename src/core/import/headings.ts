import { escapeInline } from '../template.js';
import { normaliseHeading, SECTION_NAMES, sectionMatch } from '../sections.js';

/** The line that keeps a renamed heading's own words, first under the new heading. */
export function originalWords(heading: string): string {
  return `(Originally: ${escapeInline(heading)})`;
}

/**
 * Renames headings that stand for a standard section under another name ("Issue Summary",
 * "What we're doing about it") to the standard name, at the same level, and keeps the original
 * words as the first line under it. The document's title (a lone `#`) is left alone.
 */
export function renameHeadings(
  lines: string[],
  headings: { line: number; level: number; text: string }[],
): string[] {
  const out = [...lines];
  const titleOnly = headings.filter((heading) => heading.level === 1).length === 1;
  // One heading per section is renamed: the first that means it, unless one already names it.
  const chosen = new Map<string, number>();
  for (const heading of headings) {
    if (heading.level === 1 && titleOnly) continue;
    const match = sectionMatch(heading.text);
    if (!match) continue;
    const taken = chosen.get(match.key);
    if (!match.byKeyword) chosen.set(match.key, -1);
    else if (taken === undefined) chosen.set(match.key, heading.line);
  }
  const renamed = new Set(chosen.values());
  // From the bottom up, so inserting a line never moves a heading not yet handled.
  for (const heading of [...headings].sort((a, b) => b.line - a.line)) {
    if (!renamed.has(heading.line) || !/^\s{0,3}#/.test(out[heading.line - 1] ?? '')) continue;
    const match = sectionMatch(heading.text);
    if (!match) continue;
    const name = SECTION_NAMES[match.key];
    if (normaliseHeading(heading.text) === name.toLowerCase()) continue;
    out.splice(
      heading.line - 1,
      1,
      `${'#'.repeat(heading.level)} ${name}`,
      '',
      originalWords(heading.text),
    );
  }
  return out;
}
