import { tokenLine, tokensIn, itemText, plain, type ParsedBody } from './document.js';
import type { Section, Why } from './types.js';

// Every whitespace run sits between two written characters, never next to another optional run,
// so a failing line costs one pass: `why` and 10,000 spaces is as cheap as a short line.
const WHY_LINE =
  /^\s*(?:(?:[-*+]|\d+[.)])\s+)?(?:(?:\*\*|__)\s*)?why\s*(?:#\s*)?(?:\d+\s*)?(?:\?\s*)?(?:(?:\*\*|__)\s*)?[:.)?-]\s*(?:\*\*|__)?/i;

/**
 * The root-cause chain: `Why #n:` lines, or the items of the first ordered list in the
 * section, whichever reads as the longer chain.
 */
export function extractWhys(
  body: ParsedBody,
  section: Section,
  isCode: (line: number) => boolean,
): Why[] {
  const whys: Why[] = [];
  for (let line = section.bodyStartLine; line <= section.bodyEndLine; line++) {
    if (isCode(line)) continue;
    const text = body.index.line(line);
    const match = WHY_LINE.exec(text);
    if (match)
      whys.push({
        text: plain(text.slice(match[0].length)),
        position: { line, column: match[0].length + 1 },
      });
  }
  const listed: Why[] = [];
  let depth = -1;
  for (const { token } of tokensIn(body, section)) {
    if (token.type === 'ordered_list_open' && depth === -1) depth = token.level + 1;
    else if (token.type === 'ordered_list_close' && token.level + 1 === depth) break;
    else if (token.type === 'list_item_open' && token.level === depth) {
      const line = tokenLine(body, token);
      const { text, column } = itemText(body.index.line(line));
      listed.push({ text: plain(text), position: { line, column } });
    }
  }
  // Authors mix the forms ("1. Why did it fail?" then "2. Why? …"): the longer reading wins.
  return listed.length > whys.length ? listed : whys;
}
