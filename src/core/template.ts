import { parse as parseYaml } from 'yaml';
import { escapeMarkdown, oneLine } from './inert.js';
import { LineIndex } from './line-index.js';
import { yamlScalar } from './yaml-scalar.js';
import { normaliseHeading, sectionKey } from './sections.js';
import type { SectionKey } from './types.js';

/** Placeholders a template may use. Anything else is a template error, found when it loads. */
export const PLACEHOLDERS = [
  'title',
  'incident',
  'incident_url',
  'date',
  'severity',
  'owner',
  'reviewers',
  'status',
  'started_at',
  'detected_at',
  'mitigated_at',
  'resolved_at',
  'due',
  'services',
  'tags',
  'timeline',
] as const;
export type PlaceholderName = (typeof PLACEHOLDERS)[number];

/** One timeline row: a UTC time, what happened, and where to read more. */
export interface TimelineRow {
  time: string;
  event: string;
  link?: string;
}

export type TemplateValues = Partial<
  Record<Exclude<PlaceholderName, 'timeline'>, string | number | string[] | null>
> & {
  /** Rows for a line that is just `{{ timeline }}` under a table header; default: one "Incident started" row. */
  timeline?: TimelineRow[];
};

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const HAS_PLACEHOLDER = /\{\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\}/;
const HEADER = /^<!--\s*hindsight-template\b([\s\S]*?)-->\r?\n/;

export interface TemplateSection {
  key: SectionKey | null;
  /** The heading as the template writes it. */
  name: string;
  level: number;
}

export interface Template {
  name: string;
  description: string;
  /** The template body (header comment removed), placeholders in place. */
  body: string;
  /** Sections a postmortem from this template must have, not empty. */
  required: TemplateSection[];
  /** Guidance lines that must not survive into a finished postmortem. */
  guidance: Set<string>;
}

export class TemplateError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * Reads a template: an optional `<!-- hindsight-template … -->` header (YAML: description,
 * optional: [section names]) and a postmortem body with `{{ placeholder }}`s. Throws a
 * TemplateError naming the line for an unknown placeholder or one the escaper cannot make safe.
 */
export function parseTemplate(name: string, text: string): Template {
  const header = HEADER.exec(text);
  let meta: { description?: string; optional?: string[] } = {};
  try {
    meta = header ? ((parseYaml(header[1] ?? '') ?? {}) as typeof meta) : {};
  } catch (error) {
    throw new TemplateError(
      `Template "${name}": its hindsight-template header is not valid YAML (${(error as Error).message.split('\n')[0]}).`,
      1,
    );
  }
  const body = header ? text.slice(header[0].length) : text;
  const headerLines = header ? header[0].split('\n').length - 1 : 0;
  const index = new LineIndex(body);
  const optional = new Set((meta.optional ?? []).map(normaliseHeading));

  const required: TemplateSection[] = [];
  const guidance = new Set<string>();
  let inFrontMatter = index.line(1) === '---';
  let inFence = false;
  for (let line = 1; line <= index.lineCount; line++) {
    const text = index.line(line);
    if (line > 1 && inFrontMatter && text === '---') {
      inFrontMatter = false;
      continue;
    }
    for (const match of text.matchAll(PLACEHOLDER)) {
      const placeholder = match[1] as string;
      if (!(PLACEHOLDERS as readonly string[]).includes(placeholder)) {
        throw new TemplateError(
          `Template "${name}" line ${line + headerLines}: unknown placeholder {{ ${placeholder} }}; known: ${PLACEHOLDERS.join(', ')}.`,
          line + headerLines,
        );
      }
      if (
        placeholder === 'timeline' &&
        (inFrontMatter || !/^\s*\{\{\s*timeline\s*\}\}\s*$/.test(text))
      ) {
        throw new TemplateError(
          `Template "${name}" line ${line + headerLines}: {{ timeline }} must stand alone on a line under a | Time (UTC) | Event | header.`,
          line + headerLines,
        );
      }
      if (
        inFrontMatter &&
        !new RegExp(`^[\\w-]+:\\s*\\{\\{\\s*${placeholder}\\s*\\}\\}\\s*$`).test(text)
      ) {
        throw new TemplateError(
          `Template "${name}" line ${line + headerLines}: in front matter a placeholder must be a field's whole value (\`key: {{ ${placeholder} }}\`), so it can be quoted safely.`,
          line + headerLines,
        );
      }
    }
    if (inFrontMatter) continue;
    if (/^\s*(```|~~~)/.test(text)) inFence = !inFence;
    const heading = /^(#{1,6})\s+/.exec(text);
    if (heading && !inFence) {
      const level = (heading[1] as string).length;
      const title = headingTitle(text.slice(heading[0].length));
      if (level === 2 && !optional.has(normaliseHeading(title)) && !HAS_PLACEHOLDER.test(title)) {
        required.push({ key: sectionKey(title), name: title, level });
      }
      continue;
    }
    const trimmed = text.trim();
    if (
      trimmed.length >= 12 &&
      !/^\|?[\s:|-]+\|?$/.test(trimmed) &&
      !HAS_PLACEHOLDER.test(trimmed) &&
      !/^\|/.test(trimmed)
    ) {
      guidance.add(trimmed);
    }
  }
  return { name, description: meta.description ?? '', body, required, guidance };
}

/**
 * An ATX heading's text without its closing `#`s and the spaces around them. A loop from the end:
 * the single expression it replaces (`(.*?)\s*#*\s*$`) was quartic on a heading of tabs.
 */
function headingTitle(rest: string): string {
  let end = rest.trimEnd().length;
  while (end > 0 && rest[end - 1] === '#') end--;
  return rest.slice(0, end).trimEnd();
}

/**
 * Renders a template. Each value is escaped for where it lands: a YAML double-quoted scalar in
 * front matter, a table cell (`|` escaped) on a table row, inline Markdown elsewhere. Newlines
 * are never carried into the output, so no value can end the front matter, start a heading or
 * add a table row.
 */
export function renderTemplate(template: Template, values: TemplateValues): string {
  const lines = template.body.split('\n');
  let inFrontMatter = lines[0] === '---';
  return lines
    .map((line, n) => {
      if (n > 0 && inFrontMatter && line === '---') {
        inFrontMatter = false;
        return line;
      }
      if (!inFrontMatter && /^\s*\{\{\s*timeline\s*\}\}\s*$/.test(line))
        return timelineRows(values).join('\n');
      const context = inFrontMatter ? 'yaml' : /^\s*\|/.test(line) ? 'cell' : 'inline';
      const rendered = line.replace(PLACEHOLDER, (_match, name: PlaceholderName) =>
        escapeValue(values[name] as never, context),
      );
      return context === 'yaml' ? rendered.trimEnd() : rendered;
    })
    .join('\n');
}

function timelineRows(values: TemplateValues): string[] {
  const rows =
    values.timeline && values.timeline.length > 0
      ? values.timeline
      : [{ time: String(values.started_at ?? ''), event: 'Incident started' }];
  return rows.map((row) => {
    const event = escapeInline(oneLine(row.event));
    const link =
      row.link && /^https?:\/\/[^\s()<>]+$/.test(row.link) ? ` ([link](${row.link}))` : '';
    return `| ${escapeInline(oneLine(row.time))} | ${event}${link} |`;
  });
}

function escapeValue(
  value: TemplateValues[Exclude<PlaceholderName, 'timeline'>],
  context: 'yaml' | 'cell' | 'inline',
): string {
  if (value === undefined || value === null || value === '') return '';
  if (context === 'yaml') {
    // JSON is a subset of YAML 1.2: a JSON array of strings is a safe, exact YAML value. A `<`
    // before `!--` can only be inside a quoted string there, where `\u003c` is the same value
    // without the bytes of a marker.
    return (
      Array.isArray(value)
        ? JSON.stringify(value.map(oneLine))
        : yamlScalar(typeof value === 'number' ? value : oneLine(value))
    ).replace(/<!--/g, '\\u003c!--');
  }
  const text = Array.isArray(value) ? value.map(oneLine).join(', ') : oneLine(String(value));
  // escapeInline escapes `|` too, so the same text is safe in a table cell.
  return escapeInline(text);
}

/** Escapes user text for inline Markdown and table cells (see inert.ts). */
export const escapeInline = escapeMarkdown;
