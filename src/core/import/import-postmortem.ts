import { dump } from 'js-yaml';
import { slugify } from '../new-postmortem.js';
import { findSection, parsePostmortem } from '../parse-postmortem.js';
import { blockTokens } from '../markdown.js';
import type { Postmortem } from '../types.js';
import { yamlScalar } from '../yaml-scalar.js';
import { renameHeadings } from './headings.js';
import { inferFrontMatter } from './infer-front-matter.js';
import { sectionsFromLabelledList } from './labelled-list.js';
import { actionItemsToTable, timelineToTable } from './list-tables.js';

export interface ImportInput {
  /** The source file's path, for its name and the `imported_from` field. */
  path: string;
  text: string;
  severities: string[];
  /** The day used when the document names none (the caller's clock: the core reads none). */
  today: string;
  /** When the imported draft is due for review (`due`), or none. */
  due?: string | null;
}

export interface ImportResult {
  /** `YYYY-MM-DD-slug.md`: the file name the `filename` rule expects. */
  fileName: string;
  text: string;
  /** What could not be determined ("no zone for the timeline", "no owner for A3"). */
  notes: string[];
}

/** Front-matter keys Hindsight gives a meaning to; another tool's values for them are kept aside. */
const KNOWN = new Set([
  'title',
  'incident',
  'status',
  'severity',
  'date',
  'owner',
  'reviewers',
  'tags',
  'services',
  'started_at',
  'detected_at',
  'mitigated_at',
  'resolved_at',
  'impact',
  'due',
  'template',
]);

/**
 * Converts a postmortem of another shape into format v1, dropping nothing: front matter from what
 * the document says, a list of bold labels made into sections, headings that mean a standard
 * section renamed to it (their words kept under it), timeline and action-item bullets made into
 * the standard tables. Every other line stays as written, where it was.
 */
export function importPostmortem(input: ImportInput): ImportResult {
  // 1. Split off the front matter: its fields are read, and the ones Hindsight does not use kept.
  const original = parsePostmortem(input.path, input.text.replace(/\r\n?/g, '\n'));
  const start = original.frontMatter.present ? original.frontMatter.endLine : 0;
  let lines = original.lines.slice(start);
  while (lines.length > 0 && (lines[0] as string).trim() === '') lines.shift();

  // 2. Structure: a document written as one list of bold labels gets sections.
  lines = sectionsFromLabelledList(lines) ?? lines;

  // 3. Headings that mean a standard section take its name.
  lines = renameHeadings(lines, headingsOf(lines));

  // 4. Timeline and action-item bullets become the standard tables.
  const notes: string[] = [];
  const timeline = findSection(parsePostmortem(input.path, lines.join('\n')), 'timeline');
  if (timeline) lines = timelineToTable(lines, timeline);
  const actions = findSection(parsePostmortem(input.path, lines.join('\n')), 'action-items');
  if (actions) {
    const converted = actionItemsToTable(lines, actions);
    lines = converted.lines;
    if (converted.ownerless.length > 0)
      notes.push(`no owner for ${converted.ownerless.join(', ')}`);
  }

  // 5. Front matter from what the document says, read from the converted body: the day first,
  // then the key times from a timeline read on that day.
  const body = parsePostmortem(input.path, lines.join('\n'));
  const withOriginal = (postmortem: Postmortem, data: Record<string, unknown>) => ({
    ...postmortem,
    frontMatter: { ...postmortem.frontMatter, data },
  });
  const day = inferFrontMatter({
    path: input.path,
    postmortem: withOriginal(body, original.frontMatter.data),
    severities: input.severities,
  });
  const date = day.date ?? input.today;
  const dated = parsePostmortem(input.path, `---\ndate: ${date}\n---\n${lines.join('\n')}`);
  const inferred = inferFrontMatter({
    path: input.path,
    postmortem: withOriginal(dated, { ...original.frontMatter.data, date }),
    severities: input.severities,
  });
  if (!day.date) inferred.notes.unshift('no date: the file is named with the day it was imported');
  if (!timeline) notes.push('no timeline section');
  if (!actions) notes.push('no action items section');
  const fields: string[] = [
    `title: ${yamlScalar(inferred.title)}`,
    // A historical report cannot pass as published without an owner and reviewers it never named.
    'status: draft',
    `date: ${date}`,
  ];
  if (inferred.severity) fields.push(`severity: ${yamlScalar(inferred.severity)}`);
  for (const [key, value] of Object.entries(inferred.times)) fields.push(`${key}: ${value}`);
  // The review due is the review of the import, not of the incident long past.
  if (input.due) fields.push(`due: ${input.due}`);
  fields.push(`imported_from: ${yamlScalar(input.path)}`);
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(original.frontMatter.data)) {
    if (key === 'title' && value === inferred.title) continue;
    kept[KNOWN.has(key) ? `original_${key}` : key] = value;
  }
  const extra = Object.keys(kept).length > 0 ? dump(kept, { lineWidth: -1 }).trimEnd() : '';
  const title = body.title ? [] : [`# ${inferred.title}`, ''];

  const missing = ['started_at', 'detected_at', 'mitigated_at', 'resolved_at'].filter(
    (key) => !(key in inferred.times),
  );
  notes.push(...inferred.notes);
  if (missing.length > 0 && inferred.notes.every((note) => !note.startsWith('no zone')))
    notes.push(`no ${missing.join(', ')} from the timeline`);
  notes.push('status: draft (published needs an owner and reviewers, which are not written)');

  const text = `${['---', ...fields, ...(extra ? [extra] : []), '---', ...title, ...lines]
    .join('\n')
    .trimEnd()}\n`;
  return { fileName: `${date}-${slugify(titleForSlug(inferred.title))}.md`, text, notes };
}

const NAMED_DAY =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,7}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}\b/g;

/** A title without the dates and "Incident on" that the file name already carries. */
function titleForSlug(title: string): string {
  return (
    title
      .replace(/\b\d{4}-\d{2}-\d{2}\b/g, ' ')
      .replace(NAMED_DAY, ' ')
      .replace(/^\s*(?:incident report|incident|post-?mortem)(?: on| for| of)? /i, '')
      .replace(/^[\s,:–—-]+/, '') || title
  );
}

/** ATX headings of a Markdown body, 1-based lines. */
function headingsOf(lines: string[]): { line: number; level: number; text: string }[] {
  const tokens = blockTokens(lines.join('\n'));
  const out: { line: number; level: number; text: string }[] = [];
  tokens.forEach((token, i) => {
    if (token.type === 'heading_open' && token.map)
      out.push({
        line: token.map[0] + 1,
        level: Number(token.tag.slice(1)),
        text: (tokens[i + 1]?.content ?? '').trim(),
      });
  });
  return out;
}
