import { findSection } from '../parse-postmortem.js';
import { HUMAN_ERROR } from '../person-cause.js';
import { defineRule, proseIn } from './rule.js';

export const noHumanErrorRootCause = defineRule({
  id: 'no-human-error-root-cause',
  description: '"Human error", "operator error" or "X made a mistake" is not a root cause.',
  defaultLevel: 'status',
  example: {
    bad: '## Root cause\n\nHuman error during the deploy.',
    good: '## Root cause\n\nThe deploy script applied an unreviewed config change without a dry run.',
  },
  check({ postmortem, report }) {
    const section = findSection(postmortem, 'root-cause');
    if (!section) return;
    for (const { line, text } of proseIn(postmortem, section.bodyStartLine, section.bodyEndLine)) {
      const match = HUMAN_ERROR.exec(text);
      if (!match) continue;
      report({
        position: {
          line,
          column: match.index + 1,
          endLine: line,
          endColumn: match.index + match[0].length + 1,
        },
        message: `"${match[0]}" names a person, not a cause. Say what in the system let the error happen or reach users.`,
        suggestion: 'e.g. "The CLI accepted a destructive flag without confirmation."',
      });
    }
  },
});
