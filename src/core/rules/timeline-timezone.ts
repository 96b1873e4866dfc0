import { findSection } from '../parse-postmortem.js';
import { defineRule } from './rule.js';

/** How many lines a finding lists before it says "and N more". */
const LISTED = 8;

export const timelineTimezone = defineRule({
  id: 'timeline-timezone',
  description:
    'Every timeline time has a zone, or the column header (`Time (UTC)`) or an "All times in UTC" line declares one. One cause, one finding: times that all lack a zone are reported once, at the timeline.',
  defaultLevel: 'status',
  example: {
    bad: '## Timeline\n\n- 14:30 Alert fired',
    good: '## Timeline\n\n- 14:30 UTC Alert fired',
  },
  check({ postmortem, report }) {
    const unzoned = postmortem.timeline.filter((entry) => entry.instant !== null && !entry.zoned);
    const [first] = unzoned;
    if (!first) return;
    if (unzoned.length === 1) {
      report({
        position: first.position,
        message: `Timeline time "${first.raw}" has no time zone.`,
        suggestion: `${first.raw} UTC, or declare the zone once in the header: | Time (UTC) | Event |`,
      });
      return;
    }
    // One missing declaration is one cause: report it once, where the declaration goes.
    const lines = unzoned.map((entry) => entry.position.line);
    const listed = lines.slice(0, LISTED).join(', ');
    const more = lines.length > LISTED ? ` and ${lines.length - LISTED} more` : '';
    const section = findSection(postmortem, 'timeline');
    report({
      position: section?.position ?? first.position,
      message: `${unzoned.length} timeline times have no time zone (lines ${listed}${more}).`,
      suggestion:
        'Declare the zone once: "All times in UTC." under the heading, or a | Time (UTC) | Event | header.',
    });
  },
});
