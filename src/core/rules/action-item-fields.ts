import { validDate } from '../time.js';
import { defineRule } from './rule.js';

/** The template's due-date placeholder, which no-placeholders leaves to this rule. */
export const DUE_PLACEHOLDER = /^YYYY-MM-DD$/i;

export const actionItemFields = defineRule({
  id: 'action-item-fields',
  description: 'Every action item has an owner (@handle), a priority and a due date (YYYY-MM-DD).',
  defaultLevel: 'status',
  example: {
    bad: '## Action items\n\n| ID | Action | Owner | Priority | Due |\n| --- | --- | --- | --- | --- |\n| A1 | Add pool saturation alert | | P1 | |',
    good: '## Action items\n\n| ID | Action | Owner | Priority | Due |\n| --- | --- | --- | --- | --- |\n| A1 | Add pool saturation alert | @alice | P1 | 2026-12-01 |',
  },
  check({ postmortem, report }) {
    for (const item of postmortem.actionItems) {
      const missing: string[] = [];
      if (!item.owner) missing.push('owner');
      if (!item.priority) missing.push('priority');
      // A template's `YYYY-MM-DD` left in the Due cell is a missing date, reported once, here.
      const due = item.due && !DUE_PLACEHOLDER.test(item.due) ? item.due : null;
      if (!due) missing.push('due date');
      const name = item.id ? `Action item ${item.id}` : `Action item "${item.action.slice(0, 50)}"`;
      if (missing.length > 0) {
        report({
          position: item.position,
          message: `${name} has no ${missing.join(', no ')}.`,
          suggestion:
            item.form === 'table'
              ? 'Fill the Owner, Priority and Due cells.'
              : 'e.g. "- [ ] Add an alert on pool saturation (@alice, P1, due 2026-12-01)"',
        });
      }
      if (item.owner && !/^@[\w-]+(?:\/[\w.-]+)?$/.test(item.owner)) {
        report({
          position: item.position,
          message: `${name}: owner "${item.owner}" is not a GitHub handle such as @alice.`,
        });
      }
      if (due && !validDate(due)) {
        report({
          position: item.position,
          message: `${name}: due date "${due}" is not a day written YYYY-MM-DD.`,
        });
      }
    }
  },
});
