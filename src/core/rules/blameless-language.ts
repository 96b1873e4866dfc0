import { z } from 'zod';
import { defineRule, proseIn } from './rule.js';

const PHRASES: { re: RegExp; suggestion: string }[] = [
  {
    re: /(?<![\w`])@[A-Za-z0-9][\w-]*\s+(?:broke|caused|forgot|messed up|screwed up|failed to|neglected|ignored|should have)\b/gi,
    suggestion:
      'Describe what the system let happen, not who did it: "a config change reached production without review".',
  },
  {
    re: /\bcareless(?:ly|ness)?\b/gi,
    suggestion: 'Say what made the slip easy to make (no review, no dry run, a confusing tool).',
  },
  {
    re: /\bshould(?: have|'ve) (?:known|noticed|checked|caught|realized|realised|seen|tested)\b/gi,
    suggestion:
      'Say what information was missing at the time, and how it could reach people next time.',
  },
  {
    re: /\b(?:negligen(?:t|ce)|incompeten(?:t|ce)|sloppy|lazy(?![- ](?:load|loaded|loading|init|evaluat))|stupid|dumb|idiot(?:ic)?|reckless(?:ly)?)\b/gi,
    suggestion: "Describe the conditions, not a person's character.",
  },
  {
    re: /\bshould have been (?:caught|noticed|spotted|found|checked|tested|reviewed)\b/gi,
    suggestion:
      'Say what would have made it visible (a check, a test, a reviewer with context), not who missed it.',
  },
  {
    re: /\b(?:nobody|no one|no-one) (?:was )?(?:watching|paying attention|paid attention|bothered|cared)\b/gi,
    suggestion: 'Say what kept the change from being seen (no alert, no owner, no review rule).',
  },
  {
    re: /\b(?:(?:his|her|their)\s+fault|fault of\s+\w+|to blame|blamed?)\b/gi,
    suggestion: 'Postmortems find causes in systems, not fault in people.',
  },
];

/** Right before a word: the author speaking of themselves ("I'm", "I am", "I was", "I get"). */
const SELF =
  /\b(?:I'm|I’m|I am|I was|I get|I got|I can be|me being)(?: (?:a bit|too|so|very|quite|just))? $/i;

const ANY = new RegExp(PHRASES.map(({ re }) => re.source).join('|'), 'i');

export const blamelessLanguage = defineRule({
  id: 'blameless-language',
  description:
    'No blame words or named people as the cause ("@bob broke", "careless", "should have known").',
  defaultLevel: 'status',
  options: z.object({ words: z.array(z.string()).default([]) }).strict(),
  example: {
    bad: 'The outage happened because @bob broke the config and was careless.',
    good: 'The outage happened because a config change reached production without validation.',
  },
  check({ postmortem, options, report }) {
    const extra = options.words.map((word) => ({
      re: new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gi'),
      suggestion: "This word is on the team's blame list.",
    }));
    const phrases = [...PHRASES, ...extra];
    // One pass over the whole text first: most postmortems have no blame at all.
    if (!ANY.test(postmortem.text) && !extra.some(({ re }) => re.test(postmortem.text))) return;
    for (const { line, text } of proseIn(postmortem)) {
      for (const { re, suggestion } of phrases) {
        for (const match of text.matchAll(re)) {
          // "…when I'm lazy": an author speaking of themselves blames nobody.
          if (SELF.test(text.slice(Math.max(0, (match.index ?? 0) - 24), match.index))) continue;
          const column = (match.index ?? 0) + 1;
          report({
            position: { line, column, endLine: line, endColumn: column + match[0].length },
            message: `Blaming language: "${match[0]}".`,
            suggestion,
          });
        }
      }
    }
  },
});
