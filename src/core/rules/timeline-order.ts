import { defineRule } from './rule.js';

export const timelineOrder = defineRule({
  id: 'timeline-order',
  description:
    'Timeline entries are in chronological order, and every time in a timeline table can be read.',
  defaultLevel: 'status',
  example: {
    bad: '## Timeline\n\n- 2026-11-20 14:30 UTC Alert fired\n- 2026-11-20 14:10 UTC Deploy',
    good: '## Timeline\n\n- 2026-11-20 14:10 UTC Deploy\n- 2026-11-20 14:30 UTC Alert fired',
  },
  check({ postmortem, report }) {
    let latest: { instant: number; raw: string; line: number } | null = null;
    for (const entry of postmortem.timeline) {
      if (entry.instant === null) {
        report({
          position: entry.position,
          message:
            entry.raw === ''
              ? 'This timeline row has no time.'
              : `Cannot read the time "${entry.raw.slice(0, 40)}".`,
          suggestion: 'Write times as 2026-11-20 14:30 UTC, or 14:30 under a dated header.',
        });
        continue;
      }
      if (latest && entry.instant < latest.instant) {
        // One drop, one finding: the entries after it are judged against it, so a 12-hour
        // rollover or a missing date reports once, not at every later entry.
        const previous = latest;
        latest = { instant: entry.instant, raw: entry.raw, line: entry.position.line };
        report({
          position: entry.position,
          message: `"${entry.raw}" comes after "${previous.raw}" (line ${previous.line}) but is earlier.`,
          suggestion: entry.dated
            ? 'Move the entry to its place in time.'
            : 'If the incident ran past midnight, add the date to the times.',
        });
      } else {
        latest = { instant: entry.instant, raw: entry.raw, line: entry.position.line };
      }
    }
  },
});
