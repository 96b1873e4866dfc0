import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/github/describe-error.ts
function describeGitHubError(error) {
  const e = error;
  if (!e || typeof e !== "object" || !e.request?.url || typeof e.status !== "number") return null;
  const method = (e.request.method ?? "GET").toUpperCase();
  const url = e.request.url;
  const endpoint = `${method} ${url}`;
  if (!e.response) {
    const why = e.message === "bad port" ? "bad port: fetch refuses this port number, one of the ports browsers block" : e.message;
    return `GitHub API ${endpoint} could not be reached (${why}): check the API URL (GITHUB_API_URL; GHE_HOST for the app) and that the server is up.`;
  }
  const said = e.response.data?.message ?? e.message ?? "";
  const answered = `GitHub API ${endpoint} answered ${e.status}${said ? ` "${said}"` : ""}`;
  return `${answered}: ${hintFor(e.status, method, new URL(url).pathname, said)}`;
}
function hintFor(status, method, path, said) {
  const repo = /\/repos\/([^/]+\/[^/]+)/.exec(path)?.[1];
  if (status === 401) return "the token was refused; it is wrong, expired or revoked.";
  if (/rate limit/i.test(said) || status === 429)
    return "rate limited; wait for the limit to reset and run again.";
  if (/not permitted to create or approve pull requests/i.test(said))
    return 'allow it in the repository settings (Actions \u2192 General \u2192 Workflow permissions \u2192 "Allow GitHub Actions to create and approve pull requests"), or use a GitHub App token.';
  if (status === 403 || status === 404) {
    const permission = permissionFor(method, path);
    const who = status === 404 && repo ? `${repo} does not exist or the token cannot see it (an app must be installed on it; a token needs access to it). If it does, the token probably lacks` : "the token probably lacks";
    return `${who} ${permission}.`;
  }
  if (status === 409 || status === 422)
    return "GitHub refused the change as it stands; see its message.";
  if (status >= 500) return "GitHub failed; run again later.";
  return "unexpected answer.";
}
function permissionFor(method, path) {
  const write = method !== "GET" && method !== "HEAD";
  if (/\/orgs\/[^/]+\/teams\//.test(path)) return 'organization "members: read"';
  if (/\/check-runs/.test(path)) return `"checks: ${write ? "write" : "read"}"`;
  if (/\/pulls(\/|$)/.test(path)) return `"pull-requests: ${write ? "write" : "read"}"`;
  if (/\/issues(\/|$)|\/labels(\/|$)|\/assignees(\/|$)/.test(path))
    return `"issues: ${write ? "write" : "read"}"`;
  if (/\/(contents|git|compare|commits|branches)(\/|$)/.test(path))
    return `"contents: ${write ? "write" : "read"}"`;
  return write ? "write access to this endpoint" : '"metadata: read" (access to the repository)';
}

export {
  describeGitHubError
};
