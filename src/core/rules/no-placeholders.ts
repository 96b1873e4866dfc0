import { z } from 'zod';
import { DUE_PLACEHOLDER } from './action-item-fields.js';
import { defineRule, proseIn } from './rule.js';

const HTML_TAG =
  /^(?:img|a|br|details|summary|sup|sub|kbd|span|div|p|b|i|em|strong|code|pre|hr|table|tr|td|th|ul|ol|li|picture|source|video)\b/i;
const PATTERNS: { re: RegExp; what: string }[] = [
  { re: /\b(TODO|TBD|FIXME|XXX)\b/g, what: 'marker' },
  // `<` up to the next `<`, `>`, `=` or line end, so no two tries overlap; the space that makes it
  // guidance (`<describe the impact>`, not `<br>`) is checked on the match.
  { re: /<(?!https?:|mailto:)([a-z][^<>=\n]*)>/g, what: 'guidance' },
  { re: /\bYYYY-MM-DD\b/g, what: 'date placeholder' },
  { re: /(?<![\w`])@owner\b/g, what: 'owner placeholder' },
  {
    re: /\b(?:ISSUE|INCIDENT|SERVICE|TEAM|YOUR|PROJECT|PRODUCT|COMPONENT) NAME\b|\bDATE RANGE\b|\bINCIDENT TITLE\b/g,
    what: 'name placeholder',
  },
  {
    re: /\b20\d-\d{2}-\d{2}\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.? \d{1,2},? 20\d\b(?![\d,])/g,
    what: 'unfinished year',
  },
];
const ANY = new RegExp(PATTERNS.map(({ re }) => re.source).join('|'));

export const noPlaceholders = defineRule({
  id: 'no-placeholders',
  description:
    'No template guidance left in: TODO, TBD, `<describe …>`, YYYY-MM-DD, or unchanged template text.',
  defaultLevel: 'status',
  options: z.object({ patterns: z.array(z.string()).default([]) }).strict(),
  example: {
    bad: '## Impact\n\n<who was affected and how many>',
    good: '## Impact\n\n1,200 customers could not pay for 20 minutes.',
  },
  check({ postmortem, template, options, report }) {
    const extra = options.patterns.map((pattern) => new RegExp(pattern, 'gi'));
    // One pass over the whole text first: a finished postmortem has none of these.
    const suspect =
      ANY.test(postmortem.text) ||
      extra.some((re) => new RegExp(re.source, 'i').test(postmortem.text));
    const guidance =
      template && [...template.guidance].some((line) => postmortem.text.includes(line))
        ? template.guidance
        : null;
    if (!suspect && !guidance) return;
    // action-item-fields reports a placeholder Due cell as a missing due date: one finding.
    const dueLines = new Set(
      postmortem.actionItems
        .filter((item) => item.due !== null && DUE_PLACEHOLDER.test(item.due))
        .map((item) => item.position.line),
    );
    for (const { line, text } of proseIn(postmortem)) {
      if (!suspect) {
        if (guidance?.has(text.trim()) && !/<[a-z]/.test(text))
          report({
            position: { line, column: 1 },
            message: 'This line is unchanged template text.',
          });
        continue;
      }
      for (const { re, what } of PATTERNS) {
        for (const match of text.matchAll(re)) {
          if (what === 'guidance' && (!/\s/.test(match[1] ?? '') || HTML_TAG.test(match[1] ?? '')))
            continue;
          if (what === 'date placeholder' && dueLines.has(line)) continue;
          report({
            position: {
              line,
              column: (match.index ?? 0) + 1,
              endLine: line,
              endColumn: (match.index ?? 0) + match[0].length + 1,
            },
            message: `Template ${what} left in: "${match[0]}".`,
            suggestion: 'Replace it with what happened, or remove it.',
          });
        }
      }
      for (const re of extra) {
        for (const match of text.matchAll(re)) {
          report({
            position: { line, column: (match.index ?? 0) + 1 },
            message: `Placeholder left in: "${match[0]}".`,
          });
        }
      }
      if (template?.guidance.has(text.trim()) && !/<[a-z]/.test(text)) {
        report({ position: { line, column: 1 }, message: 'This line is unchanged template text.' });
      }
    }
  },
});
