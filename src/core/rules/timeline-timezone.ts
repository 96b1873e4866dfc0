import { defineRule } from './rule.js';

export const timelineTimezone = defineRule({
  id: 'timeline-timezone',
  description:
    'Every timeline time has a zone, or the column header (`Time (UTC)`) or an "All times in UTC" line declares one.',
  defaultLevel: 'status',
  example: {
    bad: '## Timeline\n\n- 14:30 Alert fired',
    good: '## Timeline\n\n- 14:30 UTC Alert fired',
  },
  check({ postmortem, report }) {
    for (const entry of postmortem.timeline) {
      if (entry.instant === null || entry.zoned) continue;
      report({
        position: entry.position,
        message: `Timeline time "${entry.raw}" has no time zone.`,
        suggestion: `${entry.raw} UTC, or declare the zone once in the header: | Time (UTC) | Event |`,
      });
    }
  },
});
