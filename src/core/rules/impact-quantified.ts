import { findSection } from '../parse-postmortem.js';
import { readFrom } from '../sections.js';
import { defineRule } from './rule.js';

const MONEY = /[$€£]\s?\d/;
/** A whole run of digits, commas and points: each search starts after the last run, never inside one. */
const NUMBER = /\d[\d,.]*/g;
const UNIT = /\s*(?:%|percent|k\b|m\b|million|thousand|hundred)/iy;
const COUNTED =
  /\s*(?:\w+\s){0,2}(?:users?|customers?|clients?|requests?|calls?|orders?|payments?|accounts?|tenants?|transactions?|sessions?|jobs?|builds?|messages?|events?|errors?|queries|pods?|services?|teams?|people|sites?|repos?|repositories|deployments?|emails?|records?|rows?|USD|EUR|GBP|dollars?|euros?|pounds?)/iy;
/** After a number: any plural noun, a count of things ("70 failures", "60 PRs", "305 teams"). */
const PLURAL = /\+? [A-Za-z][A-Za-z-]{0,30}s\b/y;
/** How long it lasted, in words or digits: "lasted nine hours". */
const DURATION =
  /\b(?:\d{1,6}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few) (?:minutes?|hours?|days?)\b/i;
/** An explicit "no impact" is a statement of impact too. */
const NONE =
  /\bno (?:[a-z-]{1,20} )?impact\b|\bno (?:users?|customers?|clients?) (?:were |was )?(?:affected|impacted)\b|\b(?:were|was) not (?:affected|impacted)\b/i;
const COUNT_FIELDS = [
  'users_affected',
  'customers_affected',
  'requests_failed',
  'revenue_lost',
  'orders_lost',
];

export const impactQuantified = defineRule({
  id: 'impact-quantified',
  description:
    'The impact states a number (affected users, customers, requests, money, failures, how long it lasted) or says plainly there was none.',
  defaultLevel: 'status',
  example: {
    bad: '## Impact\n\nSome users could not log in.',
    good: '## Impact\n\nAbout 1,200 users could not log in for 25 minutes.',
  },
  check({ postmortem, report }) {
    const impact = postmortem.frontMatter.data.impact;
    if (impact && typeof impact === 'object') {
      for (const field of COUNT_FIELDS) {
        if (typeof (impact as Record<string, unknown>)[field] === 'number') return;
      }
    }
    const section = findSection(postmortem, 'impact');
    if (!section || section.empty) return;
    if (!quantified(section.text)) {
      report({
        position: section.position,
        message: `The impact gives no numbers: how many users, customers or requests, or how much money?${readFrom(section)}`,
        suggestion:
          'e.g. "About 1,200 users (8% of traffic) saw errors for 25 minutes", or `impact: { users_affected: 1200 }` in front matter.',
      });
    }
  },
});

/**
 * Whether text states an amount: money, a number with a unit (`8%`, `2k`), or a number of things
 * counted (`1,200 users`, `30 failed requests`). Each run of digits is read once, and what follows
 * it is matched from its end: one pass, however long the digits run (a single regular expression
 * over the text retried the whole run from each of its digits, which is quadratic).
 */
function quantified(text: string): boolean {
  if (MONEY.test(text) || DURATION.test(text) || NONE.test(text)) return true;
  for (const number of text.matchAll(NUMBER)) {
    const end = number.index + number[0].length;
    UNIT.lastIndex = end;
    if (UNIT.test(text)) return true;
    // Counted things need the number to start a word: `1,200 users`, not `v2 users`.
    const before = text[number.index - 1];
    const wordStart = before === undefined || !/\w/.test(before) || /[,.]\d/.test(number[0]);
    COUNTED.lastIndex = end;
    if (wordStart && COUNTED.test(text)) return true;
    PLURAL.lastIndex = end;
    if (wordStart && PLURAL.test(text)) return true;
  }
  return false;
}
