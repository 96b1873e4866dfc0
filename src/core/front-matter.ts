import matter from 'gray-matter';
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { frontMatterTooLarge, LIMITS } from './limits.js';
import { normaliseLineBreaks, type LineIndex } from './line-index.js';
import type { Field, FrontMatter } from './types.js';

const OPEN = /^---[ \t]*\r?$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*\r?$/;
/**
 * A top-level key at column 1: plain, or quoted. A plain key runs to the first `:` and is trimmed
 * after the match: letting the pattern exclude its trailing spaces made a key followed by a long
 * run of spaces and no colon quadratic.
 */
const TOP_KEY =
  /^(?:"((?:[^"\\]|\\.)*)"[ \t]*|'((?:[^']|'')*)'[ \t]*|([^\s#'"\-?:,[\]{}&*!|>%@`][^:#]*|-[^\s:][^:#]*)):(?:[ \t]|$)/;

/**
 * gray-matter, with js-yaml's YAML 1.2 core schema as its YAML engine: it keeps `2026-11-20` and
 * `14:30:00+02:00` as the strings the author wrote, where gray-matter's default (YAML 1.1) turns
 * them into Dates and drops the zone. Passing options also keeps gray-matter from caching every
 * document it reads by its text (it caches only calls without options), so 10,000 files cost no
 * memory after they are read.
 */
const MATTER_OPTIONS = {
  // Typed as an object by gray-matter; a scalar or null is reported below.
  engines: { yaml: (text: string) => load(text, { schema: CORE_SCHEMA }) as object },
};

/**
 * Finds and parses the `---` front matter block. The delimiter lines are found here (findings
 * and edits need the line of the closing `---` and of each key, which gray-matter does not
 * expose, and the size cap applies before any YAML is read); gray-matter reads the block. Top-level
 * keys are located by their line; exact value spans for edits come from `yaml`'s CST in edit.ts,
 * only when something is edited.
 */
export function parseFrontMatter(index: LineIndex): FrontMatter {
  const empty: FrontMatter = {
    present: false,
    data: {},
    fields: new Map(),
    startLine: 0,
    endLine: 0,
    bodySpan: { start: 0, end: 0 },
    errors: [],
  };
  const first = index.line(1).replace(/^\uFEFF/, '');
  if (!OPEN.test(first)) return empty;

  let closeLine = 0;
  for (let line = 2; line <= index.lineCount; line++) {
    if (CLOSE.test(index.line(line))) {
      closeLine = line;
      break;
    }
  }
  if (closeLine === 0) {
    return {
      ...empty,
      errors: [
        {
          message:
            'The front matter opened on line 1 is never closed: add a line `---` after its last field.',
          position: { line: 1, column: 1 },
        },
      ],
    };
  }

  const bodyStart = index.lineStart(2);
  const bodyEnd = index.lineStart(closeLine);
  const result: FrontMatter = {
    present: true,
    data: {},
    fields: new Map(),
    startLine: 1,
    endLine: closeLine,
    bodySpan: { start: bodyStart, end: bodyEnd },
    errors: [],
  };
  if (bodyEnd - bodyStart > LIMITS.frontMatterChars) {
    result.errors.push({
      message: `Front matter is ${(bodyEnd - bodyStart).toLocaleString('en-US')} characters long; front matter over ${LIMITS.frontMatterChars.toLocaleString('en-US')} characters is not read. Keep it to the fields, and move long text to the body.`,
      position: { line: 1, column: 1 },
    });
    return result;
  }
  // A line inside that starts with `---` (e.g. `----`) would end the block early for gray-matter
  // and for most front matter readers; it is not valid YAML at column 1 in a mapping either.
  for (let line = 2; line < closeLine; line++) {
    if (!index.line(line).startsWith('---')) continue;
    result.errors.push({
      message: `Front matter line ${line} starts with \`---\`, which front matter readers take as the end of the block: indent or quote it.`,
      position: { line, column: 1 },
    });
    return result;
  }
  let data: unknown;
  try {
    // From the opening `---` to the end of the block, closed with `---` whatever closed it (`...`).
    // Lone `\r` line breaks (old Mac) read as `\n`, as js-yaml reads them: same length, same lines.
    const block = `${normaliseLineBreaks(index.text.slice(0, bodyEnd))}---`;
    data = matter(block, MATTER_OPTIONS).data;
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    // gray-matter hands the engine the text right after the opening `---`, on line 1.
    result.errors.push({
      message: `Front matter is not valid YAML: ${error.reason}.`,
      position: { line: Math.min(1 + error.mark.line, closeLine), column: error.mark.column + 1 },
    });
    return result;
  }
  if (data === null || data === undefined) return result;
  if (typeof data !== 'object' || Array.isArray(data)) {
    result.errors.push({
      message: 'Front matter must be a set of `key: value` fields.',
      position: { line: 2, column: 1 },
    });
    return result;
  }

  const tooLarge = frontMatterTooLarge(data);
  if (tooLarge) {
    result.errors.push({ message: tooLarge, position: { line: 2, column: 1 } });
    return result;
  }
  result.data = data as Record<string, unknown>;
  for (let line = 2; line < closeLine; line++) {
    const match = TOP_KEY.exec(index.line(line));
    if (!match) continue;
    const key = match[1] ?? match[2]?.replace(/''/g, "'") ?? trimTabsAndSpaces(match[3] as string);
    if (!(key in result.data) || result.fields.has(key)) continue;
    const field: Field = { key, value: result.data[key], position: { line, column: 1 } };
    result.fields.set(key, field);
  }
  return result;
}

/** Text without trailing spaces and tabs (YAML's white space), as a loop: no regex to retry. */
function trimTabsAndSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(0, end);
}
