import { itemText, plain } from '../document.js';
import { blockTokens } from '../markdown.js';
import { parseTimeAt } from '../time.js';
import type { Section } from '../types.js';

/** A run of one-line list items in a section: 0-based first and last line, and each item's text. */
interface Run {
  from: number;
  to: number;
  items: { text: string; checked: boolean | null }[];
}

/**
 * Runs of adjacent one-line items at the top list level of a section. Items that span more than
 * one line (wrapped text, sub-items) end a run and stay as written, so nothing is lost.
 */
function runsIn(lines: string[], section: Section, accept: (text: string) => boolean): Run[] {
  const tokens = blockTokens(lines.join('\n'));
  const inside = tokens.filter(
    (token) =>
      token.type === 'list_item_open' &&
      token.map &&
      token.map[0] + 1 >= section.bodyStartLine &&
      token.map[0] + 1 <= section.bodyEndLine,
  );
  const top = Math.min(...inside.map((token) => token.level));
  const runs: Run[] = [];
  let run: Run | null = null;
  for (const token of inside) {
    const [from, to] = token.map as [number, number];
    const { text, checked } = itemText(lines[from] ?? '');
    const oneLine = to - from === 1 || (to - from === 2 && (lines[from + 1] ?? '').trim() === '');
    if (token.level !== top || !oneLine || !accept(text)) {
      run = null;
      continue;
    }
    if (run && from === run.to + 1) {
      run.to = from;
      run.items.push({ text, checked });
    } else {
      run = { from, to: from, items: [{ text, checked }] };
      runs.push(run);
    }
  }
  return runs;
}

/** `|` would end a cell; an escaped one stays text. */
function cell(text: string): string {
  return text.replace(/(?<!\\)\|/g, '\\|').trim();
}

/** Replaces each run, bottom up, with the lines `make` returns, set apart by blank lines. */
function replaceRuns(lines: string[], runs: Run[], make: (run: Run) => string[]): string[] {
  const out = [...lines];
  for (const run of [...runs].reverse()) {
    const before = run.from > 0 && (out[run.from - 1] ?? '').trim() !== '' ? [''] : [];
    const after = (out[run.to + 1] ?? '').trim() !== '' ? [''] : [];
    out.splice(run.from, run.to - run.from + 1, ...before, ...make(run), ...after);
  }
  return out;
}

/** Where a timeline bullet's time starts: after bold, code or a bracket around it. */
function timeText(text: string): string {
  return text.replace(/^(?:\*\*|__|`|\[)/, '');
}

/**
 * Timeline bullets that start with a time (`- **10:45** - Deploy`, `- 2023-09-18 13:42 Alert`)
 * become rows of a `| Time | Event |` table: the time as written, the rest as the event. The
 * zone is not guessed: a declaration the document makes ("All times in UTC") stays where it is.
 */
export function timelineToTable(lines: string[], section: Section): string[] {
  const runs = runsIn(lines, section, (text) => parseTimeAt(timeText(text)) !== null);
  return replaceRuns(lines, runs, (run) => [
    '| Time | Event |',
    '| --- | --- |',
    ...run.items.map(({ text }) => {
      const stripped = timeText(text);
      const time = parseTimeAt(stripped) as NonNullable<ReturnType<typeof parseTimeAt>>;
      const event = stripped
        .slice(time.length)
        .replace(/^(?:\*\*|__|`|\])/, '')
        .replace(/^[\s\-–—:|]+/, '');
      return `| ${cell(time.raw)} | ${cell(event)} |`;
    }),
  ]);
}

const MENTION = /(?<![\w`])@[A-Za-z0-9][A-Za-z0-9-]{0,38}(?:\/[A-Za-z0-9][\w.-]*)?/;
const PRIORITY = /\b(P[0-4])\b/;
const DUE = /\b(\d{4}-\d{2}-\d{2})\b/;
const ISSUE =
  /(?:^|[\s(])((?:[\w.-]+\/[\w.-]+)?#\d+)\b|https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/issues\/\d+/;

/**
 * Action-item bullets become rows of the standard table, numbered A1, A2…; owner, priority,
 * due date and issue are read from the text where it names them, the text itself kept whole.
 * Returns the new lines and the ids of items with no owner.
 */
export function actionItemsToTable(
  lines: string[],
  section: Section,
): { lines: string[]; ownerless: string[]; count: number } {
  const runs = runsIn(lines, section, (text) => plain(text) !== '');
  const ownerless: string[] = [];
  let id = 0;
  const ids = new Map<Run, number>();
  for (const run of runs) {
    ids.set(run, id);
    id += run.items.length;
  }
  const out = replaceRuns(lines, runs, (run) => [
    '| ID | Action | Owner | Priority | Due | Status | Issue |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...run.items.map(({ text, checked }, n) => {
      const name = `A${(ids.get(run) ?? 0) + n + 1}`;
      const owner = MENTION.exec(text)?.[0] ?? '';
      if (!owner) ownerless.push(name);
      const issue = ISSUE.exec(text);
      const done = checked === true || /\((?:done|completed)\)\s*$/i.test(text);
      const status = done ? 'Done' : checked === false ? 'Open' : '';
      return `| ${name} | ${cell(text)} | ${owner} | ${PRIORITY.exec(text)?.[1] ?? ''} | ${DUE.exec(text)?.[1] ?? ''} | ${status} | ${issue ? cell(issue[1] ?? issue[0]) : ''} |`;
    }),
  ]);
  return { lines: out, ownerless, count: id };
}
