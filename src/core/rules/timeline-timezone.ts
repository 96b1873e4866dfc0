import { findSection } from '../parse-postmortem.js';
import { defineRule } from './rule.js';

/** How many lines a finding lists before it says "and N more". */
const LISTED = 8;

export const timelineTimezone = defineRule({
  id: 'timeline-timezone',
  description:
    'Every timeline time has a zone, or the column header (`Time (UTC)`) or an "All times in UTC" line declares one. One cause, one finding: several times without a zone are reported once, at the timeline heading, with their lines.',
  defaultLevel: 'status',
  example: {
    bad: '## Timeline\n\n- 14:30 Alert fired',
    good: '## Timeline\n\n- 14:30 UTC Alert fired',
  },
  check({ postmortem, report }) {
    // A heading that says PST over an entry written in CST: one of them is wrong. An hour apart
    // is the daylight-saving slip (PST for PDT) and is left alone.
    for (const entry of postmortem.timeline) {
      if (!entry.declared || Math.abs(entry.declared.offset - entry.declared.ownOffset) <= 60)
        continue;
      report({
        position: entry.position,
        message: `"${entry.raw}" is written in UTC${formatOffset(entry.declared.ownOffset)}, but the timeline declares UTC${formatOffset(entry.declared.offset)} for it.`,
        suggestion: 'Write every time in the declared zone, or fix the declaration.',
      });
    }
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

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
