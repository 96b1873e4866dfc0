import type { SectionKey } from './types.js';

/**
 * Heading aliases, normalised (lower case, no punctuation). A heading matches a section when its
 * normalised text equals one of these; "Root Cause Analysis" and "root causes" are both `root-cause`.
 */
const ALIASES: Record<SectionKey, string[]> = {
  summary: ['summary', 'overview', 'executive summary', 'incident summary', 'tldr', 'abstract'],
  impact: ['impact', 'customer impact', 'user impact', 'business impact', 'impact assessment'],
  timeline: [
    'timeline',
    'incident timeline',
    'timeline of events',
    'chronology',
    'sequence of events',
  ],
  'root-cause': [
    'root cause',
    'root causes',
    'root cause analysis',
    'rca',
    'five whys',
    '5 whys',
    'causes',
    'cause',
  ],
  'contributing-factors': [
    'contributing factors',
    'contributing factor',
    'contributing causes',
    'trigger',
    'triggers',
  ],
  'detection-response': [
    'detection and response',
    'detection response',
    'detection',
    'response',
    'incident response',
    'incident response analysis',
    'resolution',
    'resolution and recovery',
    'recovery',
    'mitigation',
  ],
  'action-items': [
    'action items',
    'action item',
    'actions',
    'follow ups',
    'followups',
    'follow up',
    'follow up actions',
    'remediation',
    'remediations',
    'next steps',
    'review actions',
    'corrective actions',
    'corrections',
    'action items and follow ups',
  ],
  'lessons-learned': [
    'lessons learned',
    'lessons learnt',
    'learnings',
    'lessons',
    'what we learned',
    'post incident analysis',
  ],
  'went-well': ['what went well', 'things that went well', 'went well', 'what worked'],
  'went-wrong': [
    'what went wrong',
    'things that went wrong',
    'went wrong',
    'what didnt go well',
    'what could have gone better',
    'what could have gone better or differently',
    'what did not go well',
  ],
  'got-lucky': [
    'where we got lucky',
    'where did we get lucky',
    'got lucky',
    'lucky',
    'what was lucky',
  ],
  'supporting-data': [
    'supporting data',
    'supporting information',
    'appendix',
    'supporting material',
    'data',
  ],
};

const LOOKUP = new Map<string, SectionKey>();
for (const [key, names] of Object.entries(ALIASES) as [SectionKey, string[]][]) {
  for (const name of names) LOOKUP.set(name, key);
}

/** Human names of the sections, as findings say them. */
export const SECTION_NAMES: Record<SectionKey, string> = {
  summary: 'Summary',
  impact: 'Impact',
  timeline: 'Timeline',
  'root-cause': 'Root cause',
  'contributing-factors': 'Contributing factors',
  'detection-response': 'Detection and response',
  'action-items': 'Action items',
  'lessons-learned': 'Lessons learned',
  'went-well': 'What went well',
  'went-wrong': 'What went wrong',
  'got-lucky': 'Where we got lucky',
  'supporting-data': 'Supporting data',
};

/** Heading text without Markdown emphasis, numbering, trailing colons or question marks, lower case. */
export function normaliseHeading(text: string): string {
  let normal = NORMALISED.get(text);
  if (normal === undefined) {
    if (NORMALISED.size > 4096) NORMALISED.clear();
    normal = normalise(text);
    NORMALISED.set(text, normal);
  }
  return normal;
}

/** Headings repeat across a repository's postmortems; each is normalised once. */
const NORMALISED = new Map<string, string>();

function normalise(text: string): string {
  return withoutParentheses(withoutComments(text))
    .replace(/[*_`~]/g, '')
    .replace(/^\s*(?:\d+[.)]|[ivx]+\.)\s+/i, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Text without `<!-- … -->` comments, each closed on its own line. Written as a scan per line: the
 * regular expression (`/<!--.*?-->/g`) retried from every unclosed `<!--`, quadratic in a heading
 * made of them.
 */
function withoutComments(text: string): string {
  if (!text.includes('<!--')) return text;
  // The capturing group keeps the line breaks as their own items: they hold no comment.
  return text
    .split(/(\r\n|[\n\r\u2028\u2029])/)
    .map(lineWithoutComments)
    .join('');
}

function lineWithoutComments(line: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = line.indexOf('<!--', from);
    if (open === -1) break;
    const close = line.indexOf('-->', open + 4);
    if (close === -1) break;
    out += line.slice(from, open);
    from = close + 3;
  }
  return out + line.slice(from);
}

/** Text without `(…)` asides: each `(` up to the first `)` after it, as a scan (no retries). */
function withoutParentheses(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('(', from);
    if (open === -1) break;
    const close = text.indexOf(')', open + 1);
    if (close === -1) break;
    out += text.slice(from, open);
    from = close + 1;
  }
  return out + text.slice(from);
}

/** The canonical key a heading stands for, or null. */
export function sectionKey(heading: string): SectionKey | null {
  return sectionMatch(heading)?.key ?? null;
}

/**
 * Keywords that give a heading its meaning when it is not an alias ("Issue Summary", "What we're
 * doing about it", "Lessons Learned and Future Improvements"). Checked in this order, first hit
 * wins: a "Root Cause Remediations" heading is about actions, "Timeline and Response" a timeline.
 * Each entry is a run of whole words in the normalised heading.
 */
const KEYWORDS: [SectionKey, string[]][] = [
  ['went-well', ['went well', 'went right', 'worked well', 'what worked', 'went smoothly']],
  [
    'went-wrong',
    [
      'went wrong',
      'went poorly',
      'went badly',
      'didnt go well',
      'did not go well',
      'could have gone better',
      'could have been better',
      'didnt work',
    ],
  ],
  ['got-lucky', ['lucky', 'luck']],
  [
    'action-items',
    [
      'action items',
      'action item',
      'remediation',
      'remediations',
      'corrective',
      'preventative',
      'preventive',
      'follow up',
      'follow ups',
      'followups',
      'next steps',
      'doing about it',
      'to do',
      'todo',
      'todos',
      'future work',
    ],
  ],
  [
    'lessons-learned',
    ['lessons', 'lesson', 'learned', 'learnt', 'learnings', 'takeaways', 'takeaway', 'learn'],
  ],
  ['timeline', ['timeline', 'chronology', 'sequence of events', 'timeline of events']],
  ['impact', ['impact', 'impacted', 'affected', 'customer facing effects', 'user facing effects']],
  [
    'root-cause',
    ['root cause', 'root causes', 'cause', 'causes', 'how did this happen', 'why did this happen'],
  ],
  ['contributing-factors', ['contributing', 'lead up', 'leadup', 'trigger', 'triggers']],
  ['detection-response', ['detection', 'response', 'resolution', 'recovery', 'mitigation']],
  ['summary', ['summary', 'overview', 'what happened', 'tldr', 'description', 'background']],
  ['supporting-data', ['supporting', 'appendix', 'references']],
];

/** How a heading was read: the key, and whether it took keywords rather than an exact alias. */
export interface SectionMatch {
  key: SectionKey;
  byKeyword: boolean;
}

/** The section a heading stands for: an exact alias first, else the first keyword it contains. */
export function sectionMatch(heading: string): SectionMatch | null {
  const normal = normaliseHeading(heading);
  const exact = LOOKUP.get(normal) ?? LOOKUP.get(normal.replace(/ s$/, ''));
  if (exact) return { key: exact, byKeyword: false };
  // A time or date heading ("### 10:55 Recovery") is a timeline entry, not a section.
  if (/^\d/.test(normal)) return null;
  // Whole words only: pad with spaces so " cause " never matches inside "because".
  const padded = ` ${normal} `;
  for (const [key, words] of KEYWORDS) {
    if (words.some((word) => padded.includes(` ${word} `))) return { key, byKeyword: true };
  }
  return null;
}

/**
 * What a finding adds when it judges a section found by its words, not its name, so the reader
 * sees which heading was taken for which section: ` (the heading "Impact Analysis" read as Impact)`.
 */
export function readFrom(section: {
  heading: string;
  key: SectionKey | null;
  byKeyword?: boolean;
}): string {
  return section.byKeyword && section.key
    ? ` (the heading "${section.heading}" read as ${SECTION_NAMES[section.key]})`
    : '';
}
