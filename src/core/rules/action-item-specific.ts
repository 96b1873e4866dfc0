import { z } from 'zod';
import { defineRule } from './rule.js';

const VAGUE = [
  /^(?:improve|better|enhance|increase|more|add more|review|update|fix)\s+(?:our\s+|the\s+)?(?:monitoring|alerting|alerts|observability|documentation|docs|testing|tests|communication|processes?|runbooks?|logging|visibility)(?:\s+in general)?$/,
  /^(?:create|provide|do|run|more|additional)\s+(?:some\s+)?training(?:\s+for\s+\w+)?$/,
  /^(?:be|being)\s+(?:more\s+)?(?:careful|vigilant|attentive|cautious)\b/,
  /^(?:pay\s+more\s+attention|double[- ]check(?:\s+\w+)?|don'?t\s+do\s+(?:it|that)\s+again|investigate|look\s+into\s+it|follow\s+up)$/,
];

export const actionItemSpecific = defineRule({
  id: 'action-item-specific',
  description:
    'Actions are specific and checkable: not "improve monitoring", "create training", "be more careful".',
  defaultLevel: 'status',
  options: z.object({ phrases: z.array(z.string()).default([]) }).strict(),
  example: {
    bad: '## Action items\n\n- [ ] Improve monitoring (@alice, P2, due 2026-12-01)',
    good: '## Action items\n\n- [ ] Alert when DB pool use stays above 80% for 5 minutes (@alice, P2, due 2026-12-01)',
  },
  check({ postmortem, options, report }) {
    const extra = options.phrases.map((phrase) => phrase.toLowerCase());
    for (const item of postmortem.actionItems) {
      const text = item.action
        .replace(/\[[ xX]\]/g, '')
        .replace(
          /(?<![\w`])@[\w/-]+|\bP[0-4]\b|\d{4}-\d{2}-\d{2}|#\d+|\bdue\b|\(done\)|[():,;.!]+/gi,
          ' ',
        )
        .replace(/\s+/g, ' ')
        .trim()
        .toLowerCase();
      if (VAGUE.some((re) => re.test(text)) || extra.includes(text)) {
        report({
          position: item.position,
          message: `"${item.action.slice(0, 60)}" is too vague to finish or to check.`,
          suggestion:
            'Say what will change and how you will know it is done, e.g. "Alert when the DB pool stays above 80% for 5 minutes".',
        });
      }
    }
  },
});
