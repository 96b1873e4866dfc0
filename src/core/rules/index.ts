import { actionItemFields } from './action-item-fields.js';
import { actionItemOverdue } from './action-item-overdue.js';
import { actionItemSpecific } from './action-item-specific.js';
import { actionItemTracked } from './action-item-tracked.js';
import { blamelessLanguage } from './blameless-language.js';
import { filename } from './filename.js';
import { frontmatter } from './frontmatter.js';
import { impactQuantified } from './impact-quantified.js';
import { lessonsLearned } from './lessons-learned.js';
import { noHumanErrorRootCause } from './no-human-error-root-cause.js';
import { noPlaceholders } from './no-placeholders.js';
import { requiredSections } from './required-sections.js';
import { reviewApproved } from './review-approved.js';
import { reviewDue } from './review-due.js';
import { rootCauseDepth } from './root-cause-depth.js';
import type { Rule } from './rule.js';
import { timelineOrder } from './timeline-order.js';
import { timelineTimezone } from './timeline-timezone.js';
import { timestampsOrdered } from './timestamps-ordered.js';

/** Every rule, in the order DESIGN.md lists them. Ids are public. */
export const RULES: readonly Rule<any>[] = [
  frontmatter,
  requiredSections,
  noPlaceholders,
  timestampsOrdered,
  timelineTimezone,
  timelineOrder,
  impactQuantified,
  rootCauseDepth,
  noHumanErrorRootCause,
  blamelessLanguage,
  actionItemFields,
  actionItemSpecific,
  actionItemTracked,
  actionItemOverdue,
  lessonsLearned,
  reviewDue,
  filename,
  reviewApproved,
];

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);

export { missingApprovals, type Review } from './review-approved.js';
export { reviewDueDate } from './review-due.js';
export { isFinished } from './action-item-status.js';
export type { Rule, RuleContext } from './rule.js';
