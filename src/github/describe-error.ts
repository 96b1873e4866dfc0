/**
 * What to do when GitHub keeps failing (5xx after retries): a command is run again; the app
 * completes the work on the next event, since every write is idempotent.
 */
export const RUN_AGAIN = 'GitHub failed; run again later.';
export const NEXT_EVENT_COMPLETES =
  'GitHub failed after retries; the next event for this incident or repository (or a redelivery from the app settings) completes the work, nothing is done twice.';

/**
 * The one way Hindsight describes a failure (CLI, Action and app alike): a failed GitHub API call
 * as a sentence a person can act on (the endpoint, the status GitHub answered or why nothing
 * answered, the permission that is probably missing, and what to do), never Octokit's bare
 * "Not Found", "bad port" or "connect ECONNREFUSED 127.0.0.1:1". Anything else is its message.
 */
export function describeFailure(
  error: unknown,
  options: { whenGitHubFails?: string } = {},
): string {
  return (
    describeGitHubError(error, options) ?? (error instanceof Error ? error.message : String(error))
  );
}

/** A failed GitHub API call described as {@link describeFailure} does; null for anything else. */
export function describeGitHubError(
  error: unknown,
  options: { whenGitHubFails?: string } = {},
): string | null {
  const e = error as {
    status?: unknown;
    message?: string;
    request?: { method?: string; url?: string };
    response?: { data?: { message?: string } };
  };
  if (!e || typeof e !== 'object' || !e.request?.url || typeof e.status !== 'number') return null;
  const method = (e.request.method ?? 'GET').toUpperCase();
  const url = e.request.url;
  const endpoint = `${method} ${url}`;
  if (!e.response) {
    // Octokit reports a request that got no answer as a 500 with the network error's message.
    const why =
      e.message === 'bad port'
        ? 'bad port: fetch refuses this port number, one of the ports browsers block'
        : e.message;
    return `GitHub API ${endpoint} could not be reached (${why}): check the API URL (GITHUB_API_URL; GHE_HOST for the app) and that the server is up.`;
  }
  const said = e.response.data?.message ?? e.message ?? '';
  const answered = `GitHub API ${endpoint} answered ${e.status}${said ? ` "${said}"` : ''}`;
  const hint = hintFor(e.status, method, new URL(url).pathname, said);
  return `${answered}: ${hint ?? options.whenGitHubFails ?? RUN_AGAIN}`;
}

/** What to do about an answer; null when GitHub itself failed (the caller knows what to do). */
function hintFor(status: number, method: string, path: string, said: string): string | null {
  const repo = /\/repos\/([^/]+\/[^/]+)/.exec(path)?.[1];
  if (status === 401) return 'the token was refused; it is wrong, expired or revoked.';
  if (/rate limit/i.test(said) || status === 429)
    return 'rate limited; wait for the limit to reset and run again.';
  if (/not permitted to create or approve pull requests/i.test(said))
    return 'allow it in the repository settings (Actions → General → Workflow permissions → "Allow GitHub Actions to create and approve pull requests"), or use a GitHub App token.';
  if (status === 403 || status === 404) {
    const permission = permissionFor(method, path);
    const who =
      status === 404 && repo
        ? `${repo} does not exist or the token cannot see it (an app must be installed on it; a token needs access to it). If it does, the token probably lacks`
        : 'the token probably lacks';
    return `${who} ${permission}.`;
  }
  if (status === 409 || status === 422)
    return 'GitHub refused the change as it stands; see its message.';
  if (status >= 500) return null;
  return 'unexpected answer.';
}

/** The fine-grained permission an endpoint needs, as GitHub names it in app and token settings. */
function permissionFor(method: string, path: string): string {
  const write = method !== 'GET' && method !== 'HEAD';
  if (/\/orgs\/[^/]+\/teams\//.test(path)) return 'organization "members: read"';
  if (/\/check-runs/.test(path)) return `"checks: ${write ? 'write' : 'read'}"`;
  if (/\/pulls(\/|$)/.test(path)) return `"pull-requests: ${write ? 'write' : 'read'}"`;
  if (/\/issues(\/|$)|\/labels(\/|$)|\/assignees(\/|$)/.test(path))
    return `"issues: ${write ? 'write' : 'read'}"`;
  if (/\/(contents|git|compare|commits|branches)(\/|$)/.test(path))
    return `"contents: ${write ? 'write' : 'read'}"`;
  return write ? 'write access to this endpoint' : '"metadata: read" (access to the repository)';
}
