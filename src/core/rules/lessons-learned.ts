import { findSection } from '../parse-postmortem.js';
import { readFrom, SECTION_NAMES } from '../sections.js';
import type { SectionKey } from '../types.js';
import { defineRule } from './rule.js';

const PARTS: SectionKey[] = ['went-well', 'went-wrong', 'got-lucky'];

export const lessonsLearned = defineRule({
  id: 'lessons-learned',
  description:
    'Lessons learned has "What went well", "What went wrong" and "Where we got lucky", none empty.',
  defaultLevel: 'status',
  example: {
    bad: '## Lessons learned\n\n### What went well\n\nAlerts fired in a minute.',
    good: '## Lessons learned\n\n### What went well\n\nAlerts fired in a minute.\n\n### What went wrong\n\nRollback took 20 minutes.\n\n### Where we got lucky\n\nIt happened at low traffic.',
  },
  check({ postmortem, report }) {
    const lessons = findSection(postmortem, 'lessons-learned');
    if (!lessons) return;
    for (const key of PARTS) {
      const part = findSection(postmortem, key);
      if (!part) {
        report({
          position: lessons.position,
          message: `Lessons learned has no "${SECTION_NAMES[key]}".${readFrom(lessons)}`,
          suggestion: `${'#'.repeat(lessons.level + 1)} ${SECTION_NAMES[key]}`,
        });
      } else if (part.empty) {
        report({
          position: part.position,
          message: `"${part.heading}" is empty.${readFrom(part)}`,
        });
      }
    }
  },
});
