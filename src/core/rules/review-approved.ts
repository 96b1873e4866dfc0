import type { Position, Postmortem } from '../types.js';
import { defineRule } from './rule.js';

/** A review as the pull request reports it: the reviewer's login and the review's state. */
export interface Review {
  login: string;
  state: string;
}

export const reviewApproved = defineRule({
  id: 'review-approved',
  description:
    'A postmortem becoming `published` in a pull request is approved by each listed reviewer (a team: by one member). Checked by the Action.',
  defaultLevel: 'error',
  needsPullRequest: true,
  example: {
    bad: '---\nstatus: published\nreviewers: ["@alice", "@acme/sre"]\n---\n(approved by nobody)',
    good: '---\nstatus: published\nreviewers: ["@alice", "@acme/sre"]\n---\n(approved by @alice and by @bob, a member of acme/sre)',
  },
  check() {
    // Needs the pull request's reviews; the Action calls missingApprovals().
  },
});

/**
 * Which listed reviewers have not approved. A person's latest decisive review counts (a later
 * "changes requested" undoes an approval, a comment does not). A team is satisfied by any member;
 * `teamMembers` maps "org/team" to logins, or null when the token may not read the team.
 */
export function missingApprovals(input: {
  postmortem: Postmortem;
  reviews: Review[];
  teamMembers: Map<string, string[] | null>;
}): { reviewer: string; reason: string; position: Position }[] {
  const { postmortem, reviews, teamMembers } = input;
  const latest = new Map<string, string>();
  for (const review of reviews) {
    if (review.state === 'COMMENTED' || review.state === 'PENDING') continue;
    latest.set(review.login.toLowerCase(), review.state);
  }
  const approved = (login: string) => latest.get(login.toLowerCase()) === 'APPROVED';
  const reviewers = postmortem.frontMatter.data.reviewers;
  const list = Array.isArray(reviewers)
    ? reviewers.filter((r): r is string => typeof r === 'string')
    : [];
  const position = postmortem.frontMatter.fields.get('reviewers')?.position ?? {
    line: 1,
    column: 1,
  };
  const missing: { reviewer: string; reason: string; position: Position }[] = [];
  for (const reviewer of list) {
    const handle = reviewer.replace(/^@/, '');
    if (handle.includes('/')) {
      const members = teamMembers.get(handle.toLowerCase());
      if (members === null || members === undefined) {
        missing.push({
          reviewer,
          reason: `cannot read the members of team ${reviewer} with this token (it needs organization members: read)`,
          position,
        });
      } else if (!members.some(approved)) {
        missing.push({ reviewer, reason: `no member of ${reviewer} has approved`, position });
      }
    } else if (!approved(handle)) {
      missing.push({ reviewer, reason: `${reviewer} has not approved`, position });
    }
  }
  return missing;
}
