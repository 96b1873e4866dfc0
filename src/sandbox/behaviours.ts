import { HttpError, type RouteContext } from './http.js';
import type { Repository } from './state.js';

/**
 * Behaviours of the real GitHub that a schema check cannot see, set per repository (from
 * GitHub's documentation and other projects' bug reports). The defaults are what most tests
 * want; `createRepo({ behaviours })` turns one on, so a test can show the product survives it.
 */
export interface RepoBehaviours {
  /**
   * False models a private repository on a Free or Pro plan: `POST /pulls` with `draft: true`
   * answers 422 "Draft pull requests are not supported in this repository."
   */
  draftPullRequests: boolean;
  /**
   * How the default branch is guarded. `branch-protection` ("require a pull request"): `PUT
   * contents` to it answers 409 "… Changes must be made through a pull request.". `ruleset`:
   * 422 "Repository rule violations found", and every forced ref update is refused too.
   */
  defaultBranch: 'open' | 'branch-protection' | 'ruleset';
  /**
   * Settings → Actions → General → "Allow GitHub Actions to create and approve pull requests".
   * Off by default for new repositories on GitHub; on here so other tests need not set it. Off:
   * a workflow token's `POST /pulls` answers 403.
   */
  actionsCanCreatePullRequests: boolean;
  /** The installation's `members: read`: without it, a team review request answers 422. */
  installationReadsMembers: boolean;
  /** A contents-API folder listing stops here (GitHub: 1,000 entries). */
  contentsListingLimit: number;
  /** A git tree stops here and says `truncated: true` (GitHub: 100,000 entries). */
  treeEntryLimit: number;
  /** Compare lists at most this many files, with no way to page to more (GitHub: 300). */
  compareFileLimit: number;
  /** A commit's files come in pages of this many, with `Link` headers (GitHub: 300, up to 3,000). */
  commitFilesPerPage: number;
}

export const DEFAULT_BEHAVIOURS: RepoBehaviours = {
  draftPullRequests: true,
  defaultBranch: 'open',
  actionsCanCreatePullRequests: true,
  installationReadsMembers: true,
  contentsListingLimit: 1000,
  treeEntryLimit: 100_000,
  compareFileLimit: 300,
  commitFilesPerPage: 300,
};

/** GitHub's limits on an issue's title and body (characters). */
export const ISSUE_TITLE_LIMIT = 256;
export const ISSUE_BODY_LIMIT = 65_536;

/** `POST /pulls`: a draft on a plan without drafts; a workflow token the repository does not let open PRs. */
export function checkOpenPull(c: RouteContext, repo: Repository, draft: boolean): void {
  if (
    c.caller.kind === 'user' &&
    c.caller.workflow &&
    !repo.behaviours.actionsCanCreatePullRequests
  )
    throw new HttpError(403, 'GitHub Actions is not permitted to create or approve pull requests.');
  if (draft && !repo.behaviours.draftPullRequests)
    throw new HttpError(422, 'Draft pull requests are not supported in this repository.');
}

/** A write to a branch's files (`PUT contents`), refused when the default branch is guarded. */
export function checkBranchWrite(repo: Repository, branch: string): void {
  if (branch !== repo.defaultBranch) return;
  if (repo.behaviours.defaultBranch === 'branch-protection')
    throw new HttpError(
      409,
      `Could not update file: Changes must be made through a pull request. Protected branch update failed for refs/heads/${branch}.`,
    );
  if (repo.behaviours.defaultBranch === 'ruleset')
    throw ruleViolation('Changes must be made through a pull request.');
}

/** A forced ref update (`PATCH git/refs` with `force: true`), refused under a ruleset. */
export function checkForcedUpdate(repo: Repository, force: boolean, fastForward: boolean): void {
  if (force && !fastForward && repo.behaviours.defaultBranch === 'ruleset')
    throw ruleViolation('Cannot force-push to this branch');
}

function ruleViolation(message: string): HttpError {
  return new HttpError(422, `Repository rule violations found\n\n${message}\n\n`, [{ message }]);
}

/** A review request naming teams the installation cannot resolve without `members: read`. */
export function checkTeamReview(c: RouteContext, repo: Repository, teams: string[]): void {
  if (
    teams.length > 0 &&
    c.caller.kind === 'installation' &&
    !repo.behaviours.installationReadsMembers
  )
    throw new HttpError(422, `Could not resolve to a node with the global id of '${teams[0]}'.`);
}

/** GitHub refuses a review request that names the pull request's author. */
export function checkReviewerNotAuthor(author: string, reviewers: string[]): void {
  if (reviewers.some((login) => login.toLowerCase() === author.toLowerCase()))
    throw new HttpError(422, 'Review cannot be requested from pull request author.');
}

/** An issue's title and body within GitHub's limits. */
export function checkIssueText(body: { title?: unknown; body?: unknown }): void {
  const errors: { resource: string; code: string; field: string; message?: string }[] = [];
  if (typeof body.title === 'string' && [...body.title].length > ISSUE_TITLE_LIMIT)
    errors.push({
      resource: 'Issue',
      code: 'custom',
      field: 'title',
      message: 'title is too long (maximum is 256 characters)',
    });
  if (typeof body.body === 'string' && [...body.body].length > ISSUE_BODY_LIMIT)
    errors.push({
      resource: 'Issue',
      code: 'custom',
      field: 'body',
      message: 'body is too long (maximum is 65536 characters)',
    });
  if (errors.length > 0) throw new HttpError(422, 'Validation Failed', errors);
}

/**
 * A workflow's GITHUB_TOKEN reaches only its own repository: another private one is 404, and a
 * write to another public one is 403 "Resource not accessible by integration".
 */
export function checkWorkflowReach(c: RouteContext, repo: Repository, method: string): void {
  if (c.caller.kind !== 'user' || !c.caller.workflow || !c.caller.repository) return;
  if (c.caller.repository.toLowerCase() === `${repo.owner.login}/${repo.name}`.toLowerCase())
    return;
  if (repo.private) throw new HttpError(404, 'Not Found');
  if (method !== 'GET') throw new HttpError(403, 'Resource not accessible by integration');
}

/** Reads of a branch in a repository with no commits at all. */
export function checkNotEmpty(repo: Repository): void {
  if (repo.commits.size === 0) throw new HttpError(409, 'Git Repository is empty.');
}
