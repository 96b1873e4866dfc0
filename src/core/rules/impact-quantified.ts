import { findSection } from '../parse-postmortem.js';
import { readFrom } from '../sections.js';
import { defineRule } from './rule.js';

const QUANTITY =
  /(?:[$€£]\s?\d|\d[\d,.]*\s*(?:%|percent|k\b|m\b|million|thousand|hundred)|\b\d[\d,.]*\s*(?:\w+\s){0,2}(?:users?|customers?|clients?|requests?|calls?|orders?|payments?|accounts?|tenants?|transactions?|sessions?|jobs?|builds?|messages?|events?|errors?|queries|pods?|services?|teams?|people|sites?|repos?|repositories|deployments?|emails?|records?|rows?|USD|EUR|GBP|dollars?|euros?|pounds?))/i;
const COUNT_FIELDS = [
  'users_affected',
  'customers_affected',
  'requests_failed',
  'revenue_lost',
  'orders_lost',
];

export const impactQuantified = defineRule({
  id: 'impact-quantified',
  description: 'The impact states a number: affected users, customers, requests or money.',
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
    if (!QUANTITY.test(section.text)) {
      report({
        position: section.position,
        message: `The impact gives no numbers: how many users, customers or requests, or how much money?${readFrom(section)}`,
        suggestion:
          'e.g. "About 1,200 users (8% of traffic) saw errors for 25 minutes", or `impact: { users_affected: 1200 }` in front matter.',
      });
    }
  },
});
