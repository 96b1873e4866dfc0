import { validDate } from '../time.js';
import { isFinished } from './action-item-status.js';
import { defineRule } from './rule.js';

export const actionItemOverdue = defineRule({
  id: 'action-item-overdue',
  description:
    'An open action item is past its due date. A warning by default: time passing should not break a build.',
  defaultLevel: 'warn',
  example: {
    bad: '## Action items\n\n- [ ] Add a pool alert (@alice, P1, due 2020-01-01)',
    good: '## Action items\n\n- [x] Add a pool alert (@alice, P1, due 2020-01-01)',
  },
  check({ postmortem, today, report }) {
    for (const item of postmortem.actionItems) {
      if (!item.due || !validDate(item.due) || isFinished(item.status) || item.due >= today)
        continue;
      report({
        position: item.position,
        message: `Action item ${item.id ?? `"${item.action.slice(0, 50)}"`} was due ${item.due} and is still ${item.status ?? 'open'}${item.owner ? ` (owner ${item.owner})` : ''}.`,
        suggestion: 'Finish it, or agree a new due date and write it down.',
      });
    }
  },
});
