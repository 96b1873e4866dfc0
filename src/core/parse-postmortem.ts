import type { ParsedBody } from './document.js';
import { plain } from './document.js';
import { extractActionItems } from './extract-action-items.js';
import { extractTimeline } from './extract-timeline.js';
import { extractWhys } from './extract-whys.js';
import { parseFrontMatter } from './front-matter.js';
import { capBody, type Unread, wholeDocumentLimit } from './limits.js';
import { LineIndex, normaliseLineBreaks } from './line-index.js';
import { blockTokens } from './markdown.js';
import { sectionMatch } from './sections.js';
import { validDate } from './time.js';
import type { Postmortem, Section, SectionKey } from './types.js';
import { declaredZone, type Zone } from './zone-names.js';

/**
 * Parses a postmortem into the model every rule reads. Never throws on content: whatever the
 * bytes, the result is a model (possibly empty) plus front-matter errors that rules report.
 */
export function parsePostmortem(path: string, original: string): Postmortem {
  const tooLong = wholeDocumentLimit(original);
  if (tooLong) return unreadModel(path, original, tooLong);
  // Lone CRs become LFs, offset for offset: a CR-only or mixed file parses like any other, and
  // every span found in `text` is a span of the original bytes that edits change.
  const normal = normaliseLineBreaks(original);
  const lineIndex = new LineIndex(normal);
  const frontMatter = parseFrontMatter(lineIndex);
  const firstBodyLine = frontMatter.present ? frontMatter.endLine + 1 : 1;
  // Over-long lines are read as `xxx…` (same length, so offsets hold) and reported.
  const { text, unread } = capBody(lineIndex, firstBodyLine);
  const whole = unread.find((note) => note.whole);
  if (whole) return unreadModel(path, original, whole);
  const index = text === normal ? lineIndex : new LineIndex(text);
  const bodyText =
    firstBodyLine > index.lineCount ? '' : text.slice(index.lineStart(firstBodyLine));
  const body: ParsedBody = { index, tokens: blockTokens(bodyText), lineBase: firstBodyLine };

  // 1. Headings, and which lines are not prose (code and front matter).
  const headings: { text: string; level: number; line: number; column: number }[] = [];
  const lineCount = index.lineCount;
  const notProse = new Uint8Array(lineCount + 2);
  for (let line = 1; line < firstBodyLine; line++) notProse[line] = 1;
  for (let i = 0; i < body.tokens.length; i++) {
    const token = body.tokens[i]!;
    if (!token.map) continue;
    const from = token.map[0] + firstBodyLine;
    if (token.type === 'heading_open') {
      const content = body.tokens[i + 1]?.content ?? '';
      const raw = index.line(from);
      const column = Math.max(raw.indexOf(content.slice(0, 1)) + 1, 1);
      headings.push({
        text: content.trim(),
        level: Number(token.tag.slice(1)),
        line: from,
        column,
      });
    } else if (token.type === 'fence' || token.type === 'code_block') {
      for (let line = from; line < token.map[1] + firstBodyLine; line++) notProse[line] = 1;
    }
  }

  // 2. Sections: each heading owns the lines up to the next heading of its level or higher.
  // A lone `#` heading is the title: its words ("Impact of the DNS outage") name no section.
  const titleOnly = headings.filter((heading) => heading.level === 1).length === 1;
  const sections: Section[] = headings.map((heading, n) => {
    let end = lineCount;
    for (let m = n + 1; m < headings.length; m++) {
      if (headings[m]!.level <= heading.level) {
        end = headings[m]!.line - 1;
        break;
      }
    }
    const bodyLines: string[] = [];
    for (let line = heading.line + 1; line <= end; line++) bodyLines.push(index.line(line));
    const sectionText = bodyLines.join('\n').trim();
    const match = sectionMatch(heading.text);
    const key = match && !(match.byKeyword && titleOnly && heading.level === 1) ? match : null;
    return {
      heading: heading.text,
      key: key?.key ?? null,
      ...(key?.byKeyword ? { byKeyword: true } : {}),
      level: heading.level,
      position: { line: heading.line, column: heading.column },
      bodyStartLine: heading.line + 1,
      bodyEndLine: end,
      text: sectionText,
      empty: sectionText.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim() === '',
      children: [],
    };
  });
  const open: Section[] = [];
  for (const section of sections) {
    while (open.length > 0 && open[open.length - 1]!.level >= section.level) open.pop();
    open[open.length - 1]?.children.push(section);
    open.push(section);
  }

  const find = (key: SectionKey) => pickSection(sections, key);
  const date =
    typeof frontMatter.data.date === 'string' && validDate(frontMatter.data.date)
      ? frontMatter.data.date
      : null;
  const timelineSection = find('timeline');
  const rootCause = find('root-cause');
  const actions = find('action-items');
  const h1 = headings.find((heading) => heading.level === 1);

  const proseLines: number[] = [];
  for (let line = firstBodyLine; line <= lineCount; line++)
    if (!notProse[line]) proseLines.push(line);

  return {
    path,
    text: original,
    frontMatter,
    title: h1 ? { text: plain(h1.text), position: { line: h1.line, column: h1.column } } : null,
    sections,
    timeline: timelineSection
      ? extractTimeline(body, timelineSection, date, zoneBefore(index, proseLines, timelineSection))
      : [],
    whys: rootCause ? extractWhys(body, rootCause, (line) => notProse[line] === 1) : [],
    actionItems: actions ? extractActionItems(body, actions) : [],
    lines: text.split(/\r?\n/),
    proseLines,
    unread,
  };
}

/** The model of a document a cap left unread: nothing in it, and the note saying why. */
function unreadModel(path: string, text: string, note: Unread): Postmortem {
  return {
    path,
    text,
    frontMatter: {
      present: false,
      data: {},
      fields: new Map(),
      startLine: 0,
      endLine: 0,
      bodySpan: { start: 0, end: 0 },
      errors: [],
    },
    title: null,
    sections: [],
    timeline: [],
    whys: [],
    actionItems: [],
    lines: [],
    proseLines: [],
    unread: [note],
  };
}

/**
 * The section for a key: the first heading that is one of its names, else the first whose words
 * mean it ("Impact Analysis"), if the document has one.
 */
export function findSection(postmortem: Postmortem, key: SectionKey): Section | undefined {
  return pickSection(postmortem.sections, key);
}

function pickSection(sections: Section[], key: SectionKey): Section | undefined {
  return (
    sections.find((section) => section.key === key && !section.byKeyword) ??
    sections.find((section) => section.key === key)
  );
}

/**
 * The zone declared in the prose before a timeline ("All times listed in PST." under the title,
 * or in the summary): the nearest such line above the timeline's heading.
 */
function zoneBefore(index: LineIndex, proseLines: number[], timeline: Section): Zone | null {
  let zone: Zone | null = null;
  for (const line of proseLines) {
    if (line >= timeline.position.line) break;
    zone = declaredZone(index.line(line)) ?? zone;
  }
  return zone;
}
