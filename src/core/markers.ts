import { defuseMarkers } from './inert.js';

/**
 * Hindsight's hidden markers (`<!-- hindsight:kind value -->`): how it finds again what it wrote
 * (the incident's link comment, the postmortem issue, the sticky check comment, action-item
 * issues and reminders). Every marker is built and read here, and a marker counts only when
 * 1. Hindsight's own account wrote the comment or issue (`writtenBy`), and
 * 2. it stands where Hindsight puts it: alone on the first line of a comment, or alone on a line
 *    of an issue body Hindsight wrote (the last such line counts).
 * User text never carries one: everything user-written passes through `defuseMarkers` (inert.ts).
 */

export type MarkerKind =
  | 'incident'
  | 'postmortem-link'
  | 'validation'
  | 'config-error'
  | 'action-item'
  | 'overdue'
  | 'review-reminder'
  | 'empty-repository';

const OPEN = '<!-- hindsight:';
const CLOSE = ' -->';

/** `<!-- hindsight:kind value -->`; the value is defused, so it cannot end the comment early. */
export function marker(kind: MarkerKind, value?: string): string {
  const safe = value === undefined ? '' : ` ${defuseMarkers(value).replace(/-->/g, '--\u2060>')}`;
  return `${OPEN}${kind}${safe}${CLOSE}`;
}

/** A line that is exactly one marker, read without a regular expression (linear in any input). */
export function parseMarkerLine(line: string): { kind: string; value: string } | null {
  const text = line.trim();
  if (!text.startsWith(OPEN) || !text.endsWith(CLOSE)) return null;
  const inner = text.slice(OPEN.length, text.length - CLOSE.length);
  if (inner.includes('-->')) return null;
  const space = inner.indexOf(' ');
  const kind = space === -1 ? inner : inner.slice(0, space);
  if (kind === '' || ![...kind].every((c) => (c >= 'a' && c <= 'z') || c === '-')) return null;
  return { kind, value: space === -1 ? '' : inner.slice(space + 1) };
}

/** The marker alone on the first line of a comment Hindsight wrote, or null. */
export function leadingMarker(body: string): { kind: string; value: string } | null {
  const end = body.indexOf('\n');
  return parseMarkerLine(end === -1 ? body : body.slice(0, end));
}

/** Whether a comment body's first line is exactly this marker. */
export function startsWithMarker(body: string, expected: string): boolean {
  const end = body.indexOf('\n');
  return (end === -1 ? body : body.slice(0, end)).trim() === expected;
}

/** The markers standing alone on lines of an issue body, of one kind, last one last. */
export function bodyMarkers(body: string, kind: MarkerKind): string[] {
  const values: string[] = [];
  for (const line of body.split('\n')) {
    const found = parseMarkerLine(line);
    if (found?.kind === kind) values.push(found.value);
  }
  return values;
}

/** The last marker of a kind on its own line of an issue body: the one Hindsight wrote last. */
export function lastBodyMarker(body: string, kind: MarkerKind): string | null {
  return bodyMarkers(body, kind).at(-1) ?? null;
}

/**
 * Where the generated index sits in a Markdown file. Spelled as they always were (existing index
 * files carry them); files are not comments, so no author applies: the index escapes every `<`
 * of user text (knowledge/markdown-text.ts), so only Hindsight writes these lines.
 */
export const INDEX_START = `${OPEN}index:start${CLOSE}`;
export const INDEX_END = `${OPEN}index:end${CLOSE}`;

export const incidentMarker = (number: number) => marker('incident', String(number));
export const linkMarker = (number: number) => marker('postmortem-link', String(number));
export const VALIDATION_MARKER = marker('validation');
export const CONFIG_ERROR_MARKER = marker('config-error');
export const EMPTY_REPOSITORY_MARKER = marker('empty-repository');

/**
 * The marker that ties an issue to its item. When the issues live in another repository
 * (`actionItems.repository`), it names the postmortem's repository too: `owner/repo:path#A1`.
 */
export const itemMarker = (path: string, id: string, source: string | null = null) =>
  marker('action-item', `${source ? `${source}:` : ''}${path}#${id}`);
export const reminderMarker = (path: string, id: string, due: string) =>
  marker('overdue', `${path}#${id} ${due}`);

/**
 * Which postmortem (and, across repositories, which repository) and item an action-item issue
 * belongs to, from the last action-item marker on a line of its own. Only call it for issues
 * Hindsight's account wrote (`writtenBy`).
 */
export function markerOf(body: string): { repo: string | null; path: string; id: string } | null {
  const value = lastBodyMarker(body, 'action-item');
  if (value === null || value.includes(' ')) return null;
  const hash = value.lastIndexOf('#');
  if (hash <= 0 || hash === value.length - 1) return null;
  const target = value.slice(0, hash);
  const id = value.slice(hash + 1);
  const colon = target.indexOf(':');
  const prefix = colon === -1 ? '' : target.slice(0, colon);
  const repo = /^[\w.-]+\/[\w.-]+$/.test(prefix) ? prefix : null;
  return { repo, path: repo === null ? target : target.slice(colon + 1), id };
}

/**
 * Who Hindsight is on GitHub: its app's bot (`hindsight[bot]`), or the account of the token it
 * runs with. `login: null` when the token cannot say (a workflow's `GITHUB_TOKEN` or another
 * app's installation token): then any bot account's markers count, never a person's.
 */
export interface Identity {
  login: string | null;
}

/** Whether an issue or comment was written by Hindsight's own account, so its markers count. */
export function writtenBy(author: string | null | undefined, self: Identity): boolean {
  if (!author) return false;
  if (self.login === null) return author.endsWith('[bot]');
  return author.toLowerCase() === self.login.toLowerCase();
}
