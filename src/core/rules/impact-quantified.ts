import { findSection } from '../parse-postmortem.js';
import { readFrom } from '../sections.js';
import { defineRule } from './rule.js';

const QUANTITY =
  /(?:[$€£]\s?\d|\d[\d,.]*\s*(?:%|percent|k\b|m\b|million|thousand|hundred)|\b\d[\d,.]*\s*(?:\w+\s){0,2}(?:users?|customers?|clients?|requests?|calls?|orders?|payments?|accounts?|tenants?|transactions?|sessions?|jobs?|builds?|messages?|events?|errors?|queries|pods?|services?|teams?|people|sites?|repos?|repositories|deployments?|emails?|records?|rows?|USD|EUR|GBP|dollars?|euros?|pounds?))/i;
/** A count of things: "70 failures", "60 PRs", "305 teams". */
const COUNT = /\b\d[\d,]*\+? [A-Za-z][A-Za-z-]{0,30}s\b/;
/** How long it lasted, in words or digits: "lasted nine hours". */
const DURATION =
  /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few) (?:minutes?|hours?|days?)\b/i;
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
    const text = section.text;
    if (!QUANTITY.test(text) && !COUNT.test(text) && !DURATION.test(text) && !NONE.test(text)) {
      report({
        position: section.position,
        message: `The impact gives no numbers: how many users, customers or requests, or how much money?${readFrom(section)}`,
        suggestion:
          'e.g. "About 1,200 users (8% of traffic) saw errors for 25 minutes", or `impact: { users_affected: 1200 }` in front matter.',
      });
    }
  },
});
