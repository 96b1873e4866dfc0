import { parseMarkerLine } from './markers.js';

/**
 * GitHub's limits on an issue: a title of at most 256 characters and a body of at most 65,536.
 * A longer one is refused (422) and would stop the run; Hindsight fits both, and says so.
 */
export const ISSUE_TITLE_LIMIT = 256;
export const ISSUE_BODY_LIMIT = 65_536;

/** Characters as GitHub counts them (code points, so an emoji is one). */
const length = (text: string) => [...text].length;

/**
 * A title within the limit: `text` is cut with an ellipsis so that `text + suffix` fits; the
 * suffix (what identifies the issue, such as "(file A1)") is kept whole while it fits alone.
 */
export function fitTitle(text: string, suffix = ''): string {
  if (length(text) + length(suffix) <= ISSUE_TITLE_LIMIT) return text + suffix;
  const room = ISSUE_TITLE_LIMIT - length(suffix) - 1;
  if (room < 1) return `${[...(text + suffix)].slice(0, ISSUE_TITLE_LIMIT - 1).join('')}…`;
  return `${[...text].slice(0, room).join('').trimEnd()}…${suffix}`;
}

/**
 * A body within the limit. What is cut is the end of the text, before the trailing Hindsight
 * markers (they find the issue again, so they stay), and a note says how much was cut and where
 * the whole text is (`whole`, when there is such a place).
 */
export function fitBody(body: string, whole?: string): string {
  if (length(body) <= ISSUE_BODY_LIMIT) return body;
  const lines = body.split('\n');
  let keep = lines.length;
  while (keep > 0 && (lines[keep - 1] === '' || parseMarkerLine(lines[keep - 1]!) !== null)) keep--;
  const tail = lines.slice(keep).join('\n');
  const note = (cut: number) =>
    `\n\n…\n\n> [!NOTE]\n> ${cut.toLocaleString('en-US')} characters were cut here to fit GitHub's limit of 65,536 characters for an issue body.${whole ? ` The whole text: ${whole}` : ''}\n`;
  const text = [...lines.slice(0, keep).join('\n')];
  // The note's own length depends on the number it states: measure it at the largest possible.
  const room = ISSUE_BODY_LIMIT - length(tail) - length(note(text.length)) - 1;
  const cut = text.length - room;
  return `${text.slice(0, room).join('')}${note(cut)}${tail}`;
}
