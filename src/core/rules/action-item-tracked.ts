import { isFinished } from './action-item-status.js';
import { defineRule } from './rule.js';

export const actionItemTracked = defineRule({
  id: 'action-item-tracked',
  description:
    'From in-review on, every open action item links an issue; with createIssues on, sync makes them when the postmortem merges.',
  defaultLevel: 'status',
  example: {
    bad: '---\nstatus: published\n---\n## Action items\n\n| ID | Action | Issue |\n| --- | --- | --- |\n| A1 | Add pool alert | |',
    good: '---\nstatus: published\n---\n## Action items\n\n| ID | Action | Issue |\n| --- | --- | --- |\n| A1 | Add pool alert | #123 |',
  },
  check({ postmortem, status, config, report }) {
    if (status === null || status === 'draft') return;
    // Issues are made when the postmortem lands; before that, an in-review PR cannot have them.
    if (status === 'in-review' && config.actionItems.createIssues) return;
    for (const item of postmortem.actionItems) {
      if (item.issue || isFinished(item.status)) continue;
      report({
        position: item.position,
        message: `Action item ${item.id ?? `"${item.action.slice(0, 50)}"`} links no issue.`,
        suggestion: config.actionItems.createIssues
          ? 'Run `hindsight sync` to create it.'
          : 'Open an issue and put its number (#123) in the Issue column.',
      });
    }
  },
});
