/**
 * User text made inert before Hindsight writes it anywhere (PR and issue titles and bodies,
 * comments, the job summary, postmortem files): it reads as the person typed it, but cannot
 * render as a link, image or HTML, notify a person or team, reorder the text around it (bidi
 * controls), hide bytes (control characters), or produce a Hindsight marker.
 */

/** Bidi embeddings, overrides and isolates, and the marks that steer them (U+202E among them). */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** C0 and C1 control characters and DEL; tab and line breaks are handled by `oneLine`. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LINE_BREAKS = /[\t\r\n\u2028\u2029]+/g;

/** Removes bidi controls and control characters; keeps line breaks. */
export function stripInvisible(text: string): string {
  return text.replace(BIDI, '').replace(CONTROL, '');
}

/** One line of plain text: line breaks become spaces, bidi and control characters go, trimmed. */
export function oneLine(text: string): string {
  return stripInvisible(text).replace(LINE_BREAKS, ' ').trim();
}

/**
 * No user text may carry a `<!-- hindsight:… -->` marker into what Hindsight writes, so every
 * `<!--` is broken: in Markdown it becomes `&lt;!--` (shown as typed); in plain text (titles,
 * code spans) a word joiner follows the `<`, invisible but no HTML comment.
 */
export function defuseMarkers(text: string, form: 'markdown' | 'text' = 'text'): string {
  return text.replace(/<!--/g, form === 'markdown' ? '&lt;!--' : '<\u2060!--');
}

/** `@org/team` → `@⁠org/team` (a word joiner after @): reads the same, notifies nobody. */
export function defuseMentions(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9])/g, '@\u2060');
}

/**
 * A title for a PR or issue (GitHub shows titles as text, but links and notifies mentions in
 * them): one line, no bidi or control characters, no mention, no marker.
 */
export function inertTitle(text: string): string {
  return defuseMarkers(defuseMentions(oneLine(text)));
}

/**
 * Backslash-escapes what Markdown reads as syntax (emphasis, code, links and images, tables,
 * a leading `#`, `-`, `+`, `=` or `1.`) and `<` (HTML, autolinks); `<!--` becomes `&lt;!--`, so
 * even the bytes hold no marker. Safe inside a table cell. Line breaks are kept as they are.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/\\<!--/g, '&lt;!--')
    .replace(/^(\s*)([-+=#])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/**
 * User text for one line of a Markdown body (a PR or issue body, a comment, the job summary):
 * one line, escaped, with mentions and markers defused.
 */
export function inertMarkdown(text: string): string {
  return defuseMentions(escapeMarkdown(oneLine(text)));
}

/**
 * A YAML front matter's `title:` line made inert where the front matter is not read as YAML (an
 * issue body, where GitHub renders it as Markdown): the value is written again as a JSON string
 * (JSON is YAML 1.2) whose Markdown and HTML characters and `@` are `\uXXXX` escapes, so it reads
 * back as the same value. `parse` reads one YAML line (`title: …`), or throws.
 */
export function inertTitleLine(line: string, parse: (line: string) => unknown): string {
  if (!line.startsWith('title:')) return line;
  let value: unknown;
  try {
    value = (parse(line) as { title?: unknown } | null)?.title;
  } catch {
    return line;
  }
  if (typeof value !== 'string') return line;
  const quoted = JSON.stringify(value).replace(
    /[<>[\]!@&`*_|~()#]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `title: ${quoted}`;
}
