import { z } from 'zod';
import { defineRule } from './rule.js';

const VAGUE = [
  /^(?:improve|better|enhance|increase|more|add more|review|update|fix)\s+(?:our\s+|the\s+)?(?:monitoring|alerting|alerts|observability|documentation|docs|testing|tests|communication|processes?|runbooks?|logging|visibility)(?:\s+in general)?$/,
  /^(?:create|provide|do|run|more|additional)\s+(?:some\s+)?training(?:\s+for\s+\w+)?$/,
  /^(?:be|being)\s+(?:more\s+)?(?:careful|vigilant|attentive|cautious)\b/,
  /^(?:pay\s+more\s+attention|double[- ]check(?:\s+\w+)?|don'?t\s+do\s+(?:it|that)\s+again|investigate|look\s+into\s+it|follow\s+up)$/,
];

/**
 * Vague openings of a longer sentence ("We need to be more careful when deploying …", "Improve
 * alerting around …", "Setup better Grafana dashboards …"): vague unless the item goes on to say
 * something checkable, a number or a "so that". "Improve monitoring of certificate expiry" names
 * what to watch, so only "around", "across", "in general" and the like keep "improve X" vague.
 */
const VAGUE_START = [
  /^(?:we (?:need|should|must|will|have) to |we should |we must )?(?:be|being) (?:more |extra )?(?:careful|vigilant|attentive|cautious)\b/,
  /^(?:we (?:need|should|must|will) (?:to )?)?(?:improve|enhance|better) (?:our |the )?(?:monitoring|alerting|alerts|observability|documentation|docs|testing|tests|communication|processes|process|logging|visibility|dashboards)(?: around| across| in general| overall| generally| everywhere|$)/,
  /^(?:we (?:need|should|must|will) (?:to )?)?(?:set ?up|setup|create|add|build|write) (?:better|more|improved|some|additional) (?:[a-z]{1,20} )?(?:dashboards?|monitoring|alerts?|alerting|tests?|documentation|docs|logging|runbooks?)\b/,
];
const CHECKABLE = /\d|\bso that\b|\bsuch that\b|\bwithin\b/;

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
      const vagueStart = !CHECKABLE.test(text) && VAGUE_START.some((re) => re.test(text));
      if (VAGUE.some((re) => re.test(text)) || vagueStart || extra.includes(text)) {
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
