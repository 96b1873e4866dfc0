import { checkWorkflowReach } from '../behaviours.js';
import { HttpError, type RouteContext } from '../http.js';
import type { Issue, Repository, User } from '../state.js';

/** The repository a route names; 404 when it does not exist or the installation cannot see it. */
export function repoOf(context: RouteContext): Repository {
  const repo = context.state.repo(`${context.params.owner}/${context.params.repo}`);
  if (!repo) throw new HttpError(404, 'Not Found');
  if (
    context.caller.kind === 'installation' &&
    context.caller.installationId !== repo.installationId
  )
    throw new HttpError(404, 'Not Found');
  checkWorkflowReach(context, repo, context.method);
  return repo;
}

export function issueOf(repo: Repository, number: string | undefined): Issue {
  const issue = repo.issues.get(Number(number));
  if (!issue) throw new HttpError(404, 'Not Found');
  return issue;
}

/** The acting user: the app's bot for an installation token, the token's user otherwise. */
export function actorOf(context: RouteContext): User {
  if (context.caller.kind === 'user') return context.state.user(context.caller.login);
  return context.state.user('hindsight[bot]', 'Bot');
}

/** A 422 the way GitHub words validation failures. */
export function unprocessable(message: string, errors?: unknown[]): HttpError {
  return new HttpError(422, message, errors);
}
