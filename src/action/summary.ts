import { markdownTable } from 'markdown-table';
import { defuseMentions, formatMinutes, oneLine, type Finding } from '../core/index.js';
import type { LintResult } from '../core/lint.js';
import { SECTION_NAMES } from '../core/sections.js';
import type { SectionKey } from '../core/types.js';

/**
 * What each checklist line covers: its rules, and the section it is about (a `required-sections`
 * finding for that section, missing or empty, unticks it too).
 */
const CHECKLIST: { label: string; rules: string[]; section?: SectionKey }[] = [
  { label: 'Front matter complete and well formed', rules: ['frontmatter', 'filename'] },
  { label: 'Every section present and filled in', rules: ['required-sections', 'no-placeholders'] },
  {
    label: 'Timestamps and timeline consistent, with zones',
    rules: ['timestamps-ordered', 'timeline-timezone', 'timeline-order'],
    section: 'timeline',
  },
  { label: 'Impact quantified', rules: ['impact-quantified'], section: 'impact' },
  {
    label: 'Root cause deep and systemic',
    rules: ['root-cause-depth', 'no-human-error-root-cause'],
    section: 'root-cause',
  },
  { label: 'Blameless language', rules: ['blameless-language'] },
  {
    label: 'Action items owned, dated, specific and tracked',
    rules: [
      'action-item-fields',
      'action-item-specific',
      'action-item-tracked',
      'action-item-overdue',
    ],
    section: 'action-items',
  },
  { label: 'Lessons learned', rules: ['lessons-learned'], section: 'lessons-learned' },
  { label: 'Review on time and approved', rules: ['review-due', 'review-approved'] },
];

/** GitHub's limits: 1 MiB for a step summary, 65,536 characters for a comment. */
export const SUMMARY_LIMIT = 1024 * 1024;
export const COMMENT_LIMIT = 65_536;

/**
 * The job summary (and sticky comment): per file, a metrics line, a checklist of what is
 * missing, and every finding, since annotations show only the first ten of each level.
 * Cut to `limit` characters with a note of what was left out.
 */
export function renderSummary(
  results: LintResult[],
  limit: number,
  header = '## Hindsight: postmortem check',
): string {
  const errors = count(results, 'error');
  const warnings = count(results, 'warn');
  const head = `${header}\n\n${results.length} postmortem${results.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.\n`;
  const parts = [head];
  let size = head.length;
  let omitted = 0;
  for (const result of results) {
    const part = renderFile(result);
    if (size + part.length + 200 > limit) {
      omitted++;
      continue;
    }
    parts.push(part);
    size += part.length;
  }
  if (omitted > 0)
    parts.push(
      `\n_${omitted} more file${omitted === 1 ? '' : 's'} left out to stay under GitHub's size limit; run \`hindsight lint\` to see all._\n`,
    );
  return parts.join('\n');
}

function renderFile(result: LintResult): string {
  const { timeToDetect, timeToMitigate, timeToResolve } = result.metrics;
  const failing = new Set(result.findings.map((finding) => finding.rule));
  const sectionFails = (key: SectionKey | undefined) =>
    key !== undefined &&
    result.findings.some(
      (finding) => finding.rule === 'required-sections' && isAbout(finding, key),
    );
  const isAbout = (finding: Finding, key: SectionKey) => {
    // Missing: the suggestion is the heading to add. Empty: the finding sits on the heading.
    if (finding.suggestion?.replace(/^#+ /, '') === SECTION_NAMES[key]) return true;
    const section = result.postmortem.sections.find((candidate) => candidate.key === key);
    return section !== undefined && section.empty && finding.line === section.position.line;
  };
  const lines = [
    `### \`${escapeCell(result.file)}\` — ${result.status ?? 'no status'}`,
    '',
    `Time to detect **${formatMinutes(timeToDetect)}** · to mitigate **${formatMinutes(timeToMitigate)}** · to resolve **${formatMinutes(timeToResolve)}**`,
    '',
    ...CHECKLIST.map(
      ({ label, rules, section }) =>
        `- [${rules.some((rule) => failing.has(rule)) || sectionFails(section) ? ' ' : 'x'}] ${label}`,
    ),
    '',
  ];
  if (result.findings.length > 0) {
    lines.push(
      markdownTable(
        [
          ['Line', 'Level', 'Rule', 'Finding'],
          ...result.findings.map((finding: Finding) => [
            String(finding.line),
            finding.level === 'error' ? 'error' : 'warning',
            `\`${finding.rule}\``,
            escapeCell(
              finding.suggestion
                ? `${finding.message} Suggestion: ${finding.suggestion}`
                : finding.message,
            ),
          ]),
        ],
        { alignDelimiters: false },
      ),
      '',
    );
  }
  return lines.join('\n');
}

function count(results: LintResult[], level: 'error' | 'warn'): number {
  return results.reduce(
    (sum, result) => sum + result.findings.filter((finding) => finding.level === level).length,
    0,
  );
}

/**
 * Postmortem text (findings quote it) made safe inside a table cell and inert: one line, no bidi
 * or control characters, pipes escaped, no HTML (so no marker), and no mention that would notify
 * `@org/everyone` each time the check comments.
 */
function escapeCell(text: string): string {
  return defuseMentions(
    oneLine(text).replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  );
}
