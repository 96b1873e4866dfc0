import { z } from 'zod';
import { contradictions } from '../self-contradiction.js';
import { parseTimestamp } from '../time.js';
import type { TimelineEntry } from '../types.js';
import { defineRule, frontMatterEnd } from './rule.js';

const STAGES = [
  { key: 'started_at', words: null },
  { key: 'detected_at', words: /\b(detect(ed)?|alert(ed)? fired|paged)\b/i, pick: 'first' },
  { key: 'mitigated_at', words: /\bmitigat(ed|ion)\b/i, pick: 'first' },
  { key: 'resolved_at', words: /\b(resolved|incident (closed|ended|over))\b/i, pick: 'last' },
] as const;

export const timestampsOrdered = defineRule({
  id: 'timestamps-ordered',
  description:
    "started ≤ detected ≤ mitigated ≤ resolved, and each agrees with the timeline entry that names it; the title's day agrees with the file's, and key times in the Summary and Impact with the timeline.",
  defaultLevel: 'status',
  options: z.object({ toleranceMinutes: z.number().min(0).default(5) }).strict(),
  example: {
    bad: '---\nstatus: draft\nstarted_at: 2026-11-20T14:30:00Z\ndetected_at: 2026-11-20T14:20:00Z\n---',
    good: '---\nstatus: draft\nstarted_at: 2026-11-20T14:20:00Z\ndetected_at: 2026-11-20T14:30:00Z\n---',
  },
  check({ postmortem, options, report }) {
    for (const contradiction of contradictions(postmortem)) report(contradiction);
    const fm = postmortem.frontMatter;
    let previous: { key: string; instant: number } | null = null;
    for (const stage of STAGES) {
      const parsed = parseTimestamp(fm.data[stage.key]);
      if (!('instant' in parsed)) continue;
      const position = fm.fields.get(stage.key)?.position ?? frontMatterEnd(postmortem);
      if (previous && parsed.instant < previous.instant) {
        report({
          position,
          message: `\`${stage.key}\` is earlier than \`${previous.key}\`; they must run started ≤ detected ≤ mitigated ≤ resolved.`,
        });
      }
      previous = { key: stage.key, instant: parsed.instant };

      if (!stage.words) continue;
      const named = postmortem.timeline.filter(
        (entry) =>
          entry.dated && entry.zoned && entry.instant !== null && stage.words.test(entry.event),
      );
      const entry: TimelineEntry | undefined =
        stage.pick === 'first' ? named[0] : named[named.length - 1];
      if (
        entry &&
        Math.abs((entry.instant as number) - parsed.instant) > options.toleranceMinutes * 60_000
      ) {
        report({
          position,
          message: `\`${stage.key}\` (${String(fm.data[stage.key])}) disagrees with the timeline at line ${entry.position.line} ("${entry.raw} ${entry.event.slice(0, 60)}").`,
          suggestion: `${stage.key}: ${new Date(entry.instant as number).toISOString().replace('.000Z', 'Z')}`,
        });
      }
    }
  },
});
