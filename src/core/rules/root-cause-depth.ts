import { z } from 'zod';
import { findSection } from '../parse-postmortem.js';
import { stopsAtPerson } from '../person-cause.js';
import { readFrom } from '../sections.js';
import { defineRule } from './rule.js';

export const rootCauseDepth = defineRule({
  id: 'root-cause-depth',
  description: 'The root cause asks why enough times (default 3) and does not stop at a person.',
  defaultLevel: 'status',
  options: z.object({ min: z.number().int().min(1).max(10).default(3) }).strict(),
  example: {
    bad: '## Root cause\n\n1. Why did checkout fail? The pool was exhausted.',
    good: '## Root cause\n\n1. Why did checkout fail? The pool was exhausted.\n2. Why? A retry loop held connections.\n3. Why? Retries had no backoff or cap, and no test covered it.',
  },
  check({ postmortem, options, report }) {
    const section = findSection(postmortem, 'root-cause');
    if (!section || section.empty) return;
    const whys = postmortem.whys;
    if (whys.length < options.min) {
      report({
        position: section.position,
        message: `The root cause asks "why" ${whys.length} time${whys.length === 1 ? '' : 's'}; ask at least ${options.min} (a numbered list or "Why #n:" lines).${readFrom(section)}`,
        suggestion:
          '1. Why did users see errors? …\n2. Why did that happen? …\n3. Why did the system allow it? …',
      });
    }
    const last = whys[whys.length - 1];
    if (last && stopsAtPerson(last.text)) {
      report({
        position: last.position,
        message:
          'The chain of whys stops at a person. Ask once more: what made that action possible or likely?',
        suggestion: 'e.g. "The deploy tool allowed a config change without review or a dry run."',
      });
    }
  },
});
