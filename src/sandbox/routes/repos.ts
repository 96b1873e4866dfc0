import { randomBytes } from 'node:crypto';
import { HttpError, page, type Route } from '../http.js';
import { repoJson, userJson } from '../render.js';
import { checkForcedUpdate, checkNotEmpty } from '../behaviours.js';
import { repoOf, unprocessable, type actorOf } from './lookup.js';
import { webUrlFor } from '../web.js';

/** Repositories, the app and its installation tokens, git refs, commits and compare. */
export const repoRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}',
    handler: (c) => ({ status: 200, body: repoJson(repoOf(c), c.baseUrl) }),
  },
  {
    // The token's account. Installation tokens (an app's, a workflow's GITHUB_TOKEN) are refused,
    // as on GitHub: they cannot say who they write as.
    method: 'GET',
    path: '/user',
    handler: (c) => {
      if (c.caller.kind !== 'user' || c.caller.workflow)
        throw new HttpError(403, 'Resource not accessible by integration');
      const user = c.state.user(c.caller.login);
      return {
        status: 200,
        body: {
          ...userJson(user, c.baseUrl),
          name: null,
          company: null,
          blog: '',
          location: null,
          email: null,
          hireable: null,
          bio: null,
          public_repos: 0,
          public_gists: 0,
          followers: 0,
          following: 0,
          created_at: '2026-01-01T00:00:00Z',
          updated_at: '2026-01-01T00:00:00Z',
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/app',
    auth: 'app',
    handler: (c) => ({
      status: 200,
      body: {
        id: 1,
        slug: 'hindsight',
        node_id: 'A_1',
        client_id: 'Iv1.sandbox',
        owner: userJson(c.state.user('hindsight-dev', 'Organization'), c.baseUrl),
        name: 'Hindsight',
        description: 'Sandbox app',
        external_url: 'http://127.0.0.1',
        html_url: `${webUrlFor(c.baseUrl)}/apps/hindsight`,
        created_at: '2026-01-01T00:00:00Z',
        updated_at: '2026-01-01T00:00:00Z',
        permissions: {
          contents: 'write',
          issues: 'write',
          pull_requests: 'write',
          metadata: 'read',
        },
        events: ['issues', 'issue_comment', 'push'],
      },
    }),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/installation',
    auth: 'app',
    handler: (c) => {
      const repo = c.state.repo(`${c.params.owner}/${c.params.repo}`);
      if (!repo) throw new HttpError(404, 'Not Found');
      return { status: 200, body: installationJson(repo.installationId, repo.owner, c.baseUrl) };
    },
  },
  {
    method: 'POST',
    path: '/app/installations/{installation_id}/access_tokens',
    auth: 'app',
    handler: (c) => {
      const id = Number(c.params.installation_id);
      if (![...c.state.repos.values()].some((repo) => repo.installationId === id))
        throw new HttpError(404, 'Not Found');
      const token = `ghs_${randomBytes(18).toString('hex')}`;
      c.state.tokens.set(token, id);
      return {
        status: 201,
        body: {
          token,
          expires_at: new Date(Date.now() + 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          permissions: {
            contents: 'write',
            issues: 'write',
            pull_requests: 'write',
            metadata: 'read',
          },
          repository_selection: 'all',
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/git/ref/{ref}',
    handler: (c) => {
      const repo = repoOf(c);
      checkNotEmpty(repo);
      const name = `refs/${c.params.ref}`;
      const sha = repo.refs.get(name);
      if (!sha) throw new HttpError(404, 'Not Found');
      return { status: 200, body: refJson(c.baseUrl, repo.owner.login, repo.name, name, sha) };
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/git/refs',
    handler: (c) => {
      const repo = repoOf(c);
      checkNotEmpty(repo);
      const { ref, sha } = (c.body ?? {}) as { ref?: string; sha?: string };
      if (
        typeof ref !== 'string' ||
        !/^refs\/(heads|tags)\/[^\s~^:?*[\\]+$/.test(ref) ||
        ref.includes('..')
      )
        throw unprocessable(`${String(ref)} is not a valid ref name.`);
      if (typeof sha !== 'string' || !repo.commits.has(sha))
        throw unprocessable('Object does not exist');
      if (repo.refs.has(ref)) throw unprocessable('Reference already exists');
      repo.refs.set(ref, sha);
      return { status: 201, body: refJson(c.baseUrl, repo.owner.login, repo.name, ref, sha) };
    },
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/git/refs/{ref}',
    handler: (c) => {
      const repo = repoOf(c);
      const name = `refs/${c.params.ref}`;
      const { sha, force } = (c.body ?? {}) as { sha?: string; force?: boolean };
      const current = repo.refs.get(name);
      if (!current) throw unprocessable('Reference does not exist');
      if (typeof sha !== 'string' || !repo.commits.has(sha))
        throw unprocessable('Object does not exist');
      const fastForward = c.state.isAncestor(repo, current, sha);
      if (!force && !fastForward) throw unprocessable('Update is not a fast forward');
      checkForcedUpdate(repo, force === true, fastForward);
      repo.refs.set(name, sha);
      return { status: 200, body: refJson(c.baseUrl, repo.owner.login, repo.name, name, sha) };
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/git/refs/{ref}',
    handler: (c) => {
      const repo = repoOf(c);
      const name = `refs/${c.params.ref}`;
      if (!repo.refs.has(name)) throw unprocessable('Reference does not exist');
      if (name === `refs/heads/${repo.defaultBranch}`)
        throw unprocessable('Cannot delete the default branch');
      repo.refs.delete(name);
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref}',
    handler: (c) => {
      const repo = repoOf(c);
      checkNotEmpty(repo);
      const sha = c.state.resolve(repo, c.params.ref);
      const commit = sha ? repo.commits.get(sha) : undefined;
      if (!commit) throw unprocessable(`No commit found for SHA: ${c.params.ref}`);
      const parent = commit.parents[0] ? repo.commits.get(commit.parents[0]) : undefined;
      // A commit's files come in pages (GitHub: 300 a page), each page repeating the commit.
      const files = page(
        c,
        diff(parent?.tree, commit.tree),
        `/repos/${c.params.owner}/${c.params.repo}/commits/${c.params.ref}`,
        repo.behaviours.commitFilesPerPage,
      );
      return {
        status: 200,
        body: {
          ...commitJson(c.baseUrl, repo.owner.login, repo.name, commit),
          files: files.body,
        },
        headers: files.headers ?? {},
      };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/compare/{basehead}',
    handler: (c) => {
      const repo = repoOf(c);
      checkNotEmpty(repo);
      const [base, head] = (c.params.basehead ?? '').split('...');
      const baseSha = c.state.resolve(repo, base);
      const headSha = c.state.resolve(repo, head);
      if (!baseSha || !headSha) throw new HttpError(404, 'Not Found');
      // GitHub's `base...head` compares the head with the merge base: what the head adds, not
      // what the base gained since. At most 300 files, with no way to page to the others.
      const from = mergeBase(repo, baseSha, headSha) ?? baseSha;
      const files = diff(repo.commits.get(from)?.tree, repo.commits.get(headSha)?.tree).slice(
        0,
        repo.behaviours.compareFileLimit,
      );
      // As GitHub says it: the head is ahead of the base, behind it, or the two diverged.
      const status =
        baseSha === headSha
          ? 'identical'
          : c.state.isAncestor(repo, baseSha, headSha)
            ? 'ahead'
            : c.state.isAncestor(repo, headSha, baseSha)
              ? 'behind'
              : 'diverged';
      return {
        status: 200,
        body: {
          status,
          ahead_by: 1,
          behind_by: 0,
          total_commits: 1,
          commits: [],
          files,
          base_commit: commitJson(
            c.baseUrl,
            repo.owner.login,
            repo.name,
            repo.commits.get(baseSha)!,
          ),
          merge_base_commit: commitJson(
            c.baseUrl,
            repo.owner.login,
            repo.name,
            repo.commits.get(baseSha)!,
          ),
          url: '',
          html_url: '',
          permalink_url: '',
          diff_url: '',
          patch_url: '',
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/assignees/{assignee}',
    handler: (c) => {
      const repo = repoOf(c);
      const login = (c.params.assignee ?? '').toLowerCase();
      return {
        status:
          repo.collaborators.has(login) || repo.owner.login.toLowerCase() === login ? 204 : 404,
        ...(repo.collaborators.has(login) ? {} : { body: { message: 'Not Found' } }),
      };
    },
  },
  {
    method: 'GET',
    path: '/orgs/{org}/teams/{team_slug}/members',
    handler: (c) => {
      if (c.caller.kind === 'user' && c.caller.workflow)
        throw new HttpError(403, 'Resource not accessible by integration');
      const team = c.state.teams.get(`${c.params.org}/${c.params.team_slug}`.toLowerCase());
      if (!team) throw new HttpError(404, 'Not Found');
      return {
        status: 200,
        body: team.members.map((login) => userJson(c.state.user(login), c.baseUrl)),
      };
    },
  },
];

function installationJson(id: number, account: ReturnType<typeof actorOf>, api: string) {
  return {
    id,
    account: userJson(account, api),
    repository_selection: 'all',
    access_tokens_url: `${api}/app/installations/${id}/access_tokens`,
    repositories_url: `${api}/installation/repositories`,
    html_url: `${webUrlFor(api)}/organizations/${account.login}/settings/installations/${id}`,
    app_id: 1,
    app_slug: 'hindsight',
    target_id: account.id,
    target_type: account.type,
    permissions: { contents: 'write', issues: 'write', pull_requests: 'write', metadata: 'read' },
    events: ['issues', 'issue_comment', 'push'],
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    single_file_name: null,
    suspended_by: null,
    suspended_at: null,
  };
}

function refJson(api: string, owner: string, repo: string, ref: string, sha: string) {
  return {
    ref,
    node_id: `REF_${sha.slice(0, 8)}`,
    url: `${api}/repos/${owner}/${repo}/git/${ref}`,
    object: { type: 'commit', sha, url: `${api}/repos/${owner}/${repo}/git/commits/${sha}` },
  };
}

export function commitJson(
  api: string,
  owner: string,
  repo: string,
  commit: {
    sha: string;
    message: string;
    parents: string[];
    author: { login: string };
    date: string;
  },
) {
  const person = {
    name: commit.author.login,
    email: `${commit.author.login}@users.noreply.github.com`,
    date: commit.date,
  };
  return {
    sha: commit.sha,
    node_id: `C_${commit.sha.slice(0, 8)}`,
    url: `${api}/repos/${owner}/${repo}/commits/${commit.sha}`,
    html_url: `${webUrlFor(api)}/${owner}/${repo}/commit/${commit.sha}`,
    comments_url: `${api}/repos/${owner}/${repo}/commits/${commit.sha}/comments`,
    commit: {
      url: `${api}/repos/${owner}/${repo}/git/commits/${commit.sha}`,
      author: person,
      committer: person,
      message: commit.message,
      comment_count: 0,
      tree: { sha: commit.sha, url: '' },
    },
    author: null,
    committer: null,
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${api}/repos/${owner}/${repo}/commits/${sha}`,
    })),
  };
}

/** The newest commit both `a` and `b` descend from (breadth first from `b`), or null. */
function mergeBase(
  repo: { commits: Map<string, { parents: string[] }> },
  a: string,
  b: string,
): string | null {
  const ofA = new Set<string>();
  for (const stack = [a]; stack.length > 0; ) {
    const sha = stack.pop() as string;
    if (ofA.has(sha)) continue;
    ofA.add(sha);
    stack.push(...(repo.commits.get(sha)?.parents ?? []));
  }
  const seen = new Set<string>();
  for (const queue = [b]; queue.length > 0; ) {
    const sha = queue.shift() as string;
    if (ofA.has(sha)) return sha;
    if (seen.has(sha)) continue;
    seen.add(sha);
    queue.push(...(repo.commits.get(sha)?.parents ?? []));
  }
  return null;
}

/** Changed files between two trees, as the files array of compare and pull files. */
export function diff(
  before: Map<string, string> | undefined,
  after: Map<string, string> | undefined,
) {
  const files: {
    sha: string;
    filename: string;
    status: string;
    additions: number;
    deletions: number;
    changes: number;
    blob_url: string;
    raw_url: string;
    contents_url: string;
  }[] = [];
  const paths = new Set([...(before?.keys() ?? []), ...(after?.keys() ?? [])]);
  for (const path of [...paths].sort()) {
    const a = before?.get(path);
    const b = after?.get(path);
    if (a === b) continue;
    const status = a === undefined ? 'added' : b === undefined ? 'removed' : 'modified';
    files.push({
      sha: b ?? a ?? '',
      filename: path,
      status,
      additions: 0,
      deletions: 0,
      changes: 0,
      blob_url: '',
      raw_url: '',
      contents_url: '',
    });
  }
  return files;
}
