import { parseFrontMatter } from './front-matter.js';
import { LineIndex } from './line-index.js';
import { marker } from './markers.js';
import { reviewDueDate } from './rules/review-due.js';
import { validDate } from './time.js';

/**
 * The hidden marker of a review reminder: one per postmortem and due date, so a redelivered
 * event or a re-run never comments twice, and a new `due` earns a new reminder. The path is
 * percent-encoded, so no file name can end the comment early.
 */
export const reviewReminderMarker = (path: string, due: string) =>
  marker('review-reminder', `${encodeURIComponent(path)} ${due}`);

const LOGIN = /^@?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9][A-Za-z0-9_.-]*)?)$/;

export interface ReviewReminder {
  path: string;
  due: string;
  /** The owner's login (or org/team), when the front matter names a valid one. */
  owner: string | null;
  /** The incident issue number, when the front matter names one in this repository. */
  incident: number | null;
  marker: string;
  body: string;
}

/**
 * A reminder for a draft whose review is overdue (`due`, or `date` plus the configured business
 * days, before today), or null. Only the front matter is read: this runs for every open
 * postmortem PR on every event, and the front matter is all it needs.
 */
export function planReviewReminder(input: {
  path: string;
  text: string;
  today: string;
  reviewDueBusinessDays: number;
}): ReviewReminder | null {
  const data = parseFrontMatter(new LineIndex(input.text)).data;
  if (data.status !== 'draft') return null;
  const written = typeof data.due === 'string' && validDate(data.due) ? data.due : null;
  const date = typeof data.date === 'string' && validDate(data.date) ? data.date : null;
  const due = written ?? (date ? reviewDueDate(date, input.reviewDueBusinessDays) : null);
  if (!due || due >= input.today) return null;
  const login = typeof data.owner === 'string' ? LOGIN.exec(data.owner.trim())?.[1] : undefined;
  const owner = login ?? null;
  const incident =
    typeof data.incident === 'number' && Number.isInteger(data.incident) && data.incident > 0
      ? data.incident
      : typeof data.incident === 'string' && /^#?\d+$/.test(data.incident.trim())
        ? Number(data.incident.trim().replace('#', ''))
        : null;
  const marker = reviewReminderMarker(input.path, due);
  // The path is user text: shown in a code span with backticks removed, so it stays inert.
  const shown = input.path.replace(/[`\r\n]/g, '');
  return {
    path: input.path,
    due,
    owner,
    incident,
    marker,
    body: [
      marker,
      `⏰ ${owner ? `@${owner}` : 'The owner'}, the review of \`${shown}\` was due on ${due} and the postmortem is still a draft. Finish it and set \`status: in-review\`, or agree a new \`due\` date in its front matter.`,
    ].join('\n'),
  };
}
