import { plain, type ParsedBody } from '../document.js';
import { extractActionItems } from '../extract-action-items.js';
import { parseFrontMatter } from '../front-matter.js';
import { LineIndex } from '../line-index.js';
import { blockTokens } from '../markdown.js';
import { sectionKey } from '../sections.js';
import type { ActionItem, FrontMatter, Section, SectionKey } from '../types.js';

/** What the index reads of a postmortem: far less than the linter's model. */
export interface IndexSource {
  frontMatter: FrontMatter;
  /** The first `#` heading, as plain text. */
  title: string | null;
  actionItems: ActionItem[];
  /** Body text of a section (its sub-sections included), or '' when it is absent. */
  sectionText: (key: SectionKey) => string;
}

/** An ATX heading's opening `#`s; its text is cut from the rest by atxText (no backtracking). */
const HEADING = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Reads a postmortem for the index. The linter parses the whole body with markdown-it; the index
 * needs the front matter, the headings and one section's table, so it finds ATX headings line by
 * line (outside fenced code) and parses only the Action items section: about four times less work
 * per file, which is what lets 10,000 postmortems index in a few seconds. Setext (underlined)
 * headings are not seen here; Hindsight's templates and the linter's `required-sections` use `#`.
 */
export function readForIndex(text: string): IndexSource {
  const index = new LineIndex(text);
  const frontMatter = parseFrontMatter(index);
  const first = frontMatter.present ? frontMatter.endLine + 1 : 1;
  const headings: { level: number; text: string; line: number }[] = [];
  let fence: string | null = null;
  const { text: source } = index;
  for (let line = first; line <= index.lineCount; line++) {
    // Look at the first non-space character before making a string of the line: most lines
    // are neither headings nor fences, and skipping them without allocating halves the time.
    let at = index.lineStart(line);
    const limit = at + 3;
    while (at < limit && source.charCodeAt(at) === 32) at++;
    const c = source.charCodeAt(at);
    if (c !== 35 && c !== 96 && c !== 126) continue;
    const raw = index.line(line);
    const marker = FENCE.exec(raw)?.[1];
    if (marker) {
      if (fence === null) fence = marker[0]!.repeat(marker.length);
      else if (marker.startsWith(fence)) fence = null;
      continue;
    }
    if (fence !== null || c !== 35) continue;
    const match = HEADING.exec(raw);
    if (match)
      headings.push({ level: match[1]!.length, text: atxText(raw.slice(match[0].length)), line });
  }
  const sections = headings.map((heading, n) => {
    let end = index.lineCount;
    for (let m = n + 1; m < headings.length; m++)
      if (headings[m]!.level <= heading.level) {
        end = headings[m]!.line - 1;
        break;
      }
    return { ...heading, key: sectionKey(heading.text), end };
  });
  const lines = (from: number, to: number) =>
    from > to ? '' : source.slice(index.lineStart(from), index.lineEnd(to));
  const find = (key: SectionKey) => sections.find((section) => section.key === key);

  const actions = find('action-items');
  let actionItems: ActionItem[] = [];
  if (actions) {
    const body: ParsedBody = {
      index,
      tokens: blockTokens(lines(actions.line + 1, actions.end)),
      lineBase: actions.line + 1,
    };
    const section: Section = {
      heading: actions.text,
      key: 'action-items',
      level: actions.level,
      position: { line: actions.line, column: 1 },
      bodyStartLine: actions.line + 1,
      bodyEndLine: actions.end,
      text: '',
      empty: false,
      children: [],
    };
    actionItems = extractActionItems(body, section);
  }
  const h1 = headings.find((heading) => heading.level === 1);
  return {
    frontMatter,
    title: h1 ? plain(h1.text) : null,
    actionItems,
    sectionText: (key) => {
      const section = find(key);
      return section ? lines(section.line + 1, section.end).trim() : '';
    },
  };
}

/**
 * The text of an ATX heading after its opening `#`s: trimmed, without a closing run of `#`s (one
 * that follows a space or tab). A loop from the end: the single expression it replaces
 * (`(.*?)(?:[ \t]+#+)?[ \t]*$`) was cubic on a heading of spaces.
 */
function atxText(rest: string): string {
  let end = rest.length;
  while (end > 0 && (rest[end - 1] === ' ' || rest[end - 1] === '\t')) end--;
  let hashes = end;
  while (hashes > 0 && rest[hashes - 1] === '#') hashes--;
  if (hashes < end && (hashes === 0 || rest[hashes - 1] === ' ' || rest[hashes - 1] === '\t'))
    end = hashes;
  return rest.slice(0, end).trim();
}
