import { addBusinessDays, formatISO, parseISO } from 'date-fns';
import { validDate } from '../time.js';
import { defineRule, frontMatterEnd } from './rule.js';

/** The day a review is due: `due` when written, else `date` plus the configured business days. */
export function reviewDueDate(date: string, businessDays: number): string {
  return formatISO(addBusinessDays(parseISO(date), businessDays), { representation: 'date' });
}

export const reviewDue = defineRule({
  id: 'review-due',
  description:
    'A draft is past its review due date (`due`, or `date` + reviewDueBusinessDays). A warning by default.',
  defaultLevel: 'warn',
  example: {
    bad: '---\nstatus: draft\ndate: 2020-01-06\ndue: 2020-01-08\n---',
    good: '---\nstatus: in-review\ndate: 2020-01-06\ndue: 2020-01-08\n---',
  },
  check({ postmortem, status, config, today, report }) {
    if (status !== 'draft') return;
    const { data, fields } = postmortem.frontMatter;
    const written = typeof data.due === 'string' && validDate(data.due) ? data.due : null;
    const date = typeof data.date === 'string' && validDate(data.date) ? data.date : null;
    const due = written ?? (date ? reviewDueDate(date, config.reviewDueBusinessDays) : null);
    if (!due || due >= today) return;
    report({
      position: fields.get(written ? 'due' : 'status')?.position ?? frontMatterEnd(postmortem),
      message: `This draft was due for review on ${due}.`,
      suggestion: 'Finish the draft and set `status: in-review`, or agree a new `due` date.',
    });
  },
});
