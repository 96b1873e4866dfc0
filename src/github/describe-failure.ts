import { errorMessage, httpStatus } from './gateway.js';

/** Which of the app's permissions a REST path needs (GitHub App permission names). */
const PERMISSIONS: [RegExp, string][] = [
  [/\/(contents|git)\//, 'contents'],
  [/\/pulls(\/|$)/, 'pull_requests'],
  [/\/(issues|labels)(\/|$)/, 'issues'],
  [/\/teams\//, 'members'],
  [/\/check-runs(\/|$)/, 'checks'],
  [/\/(collaborators|assignees)(\/|$)/, 'metadata'],
];

/**
 * A failed GitHub request as a sentence a person can act on: the endpoint, what GitHub said, the
 * permission the request needs, and what to do, never a bare "Not Found". Anything that is not
 * an HTTP error is returned as its message.
 */
export function describeFailure(error: unknown): string {
  const request = (error as { request?: { method?: string; url?: string } })?.request;
  const status = httpStatus(error);
  if (!request?.method || !request.url || status === undefined)
    return String((error as Error)?.message ?? error);
  const url = new URL(request.url);
  const path = url.pathname.replace(/^\/api\/v3(?=\/)/, '');
  const endpoint = `${request.method} ${path}`;
  const write = request.method !== 'GET';
  const permission = PERMISSIONS.find(([pattern]) => pattern.test(path))?.[1];
  const needs = permission
    ? `${permission}: ${write && permission !== 'metadata' && permission !== 'members' ? 'write' : 'read'}`
    : null;
  const said = status === 0 ? 'no answer' : `HTTP ${status} ${errorMessage(error)}`;
  const what =
    status === 404 || status === 403
      ? `the app may lack ${needs ?? 'a permission'} or not be installed on this repository: check the installation's permissions and repositories${status === 403 ? ' (or wait out a rate limit)' : ''}`
      : status >= 500 || status === 0
        ? 'GitHub failed after retries; the next event for this incident or repository (or a redelivery from the app settings) completes the work, nothing is done twice'
        : `needs ${needs ?? 'no special permission'}`;
  return `${endpoint} failed: ${said}. ${what[0]?.toUpperCase()}${what.slice(1)}.`;
}
