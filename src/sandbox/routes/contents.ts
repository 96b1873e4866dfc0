import { HttpError, type Route } from '../http.js';
import { checkBranchWrite } from '../behaviours.js';
import { actorOf, repoOf, unprocessable } from './lookup.js';
import { webUrlFor } from '../web.js';

/**
 * Contents: base64 JSON by default, the bare bytes for `application/vnd.github.raw`, a listing
 * for a folder; `PUT` needs the blob `sha` to replace a file and answers 409 when it is stale.
 */
export const contentRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/contents/{path}',
    handler: (c) => {
      const repo = repoOf(c);
      const ref = c.query.get('ref') ?? repo.defaultBranch;
      const sha = c.state.resolve(repo, ref);
      if (!sha) throw new HttpError(404, `No commit found for the ref ${c.query.get('ref')}`);
      const tree = repo.commits.get(sha)!.tree;
      const path = (c.params.path ?? '').replace(/^\/+|\/+$/g, '');
      const owner = repo.owner.login;
      const blob = tree.get(path);
      const raw = /application\/vnd\.github(?:\.v3)?\.raw/.test(String(c.headers.accept ?? ''));
      if (blob) {
        const bytes = repo.blobs.get(blob)!;
        if (raw)
          return {
            status: 200,
            body: bytes,
            headers: { 'content-type': 'application/vnd.github.raw; charset=utf-8' },
          };
        return {
          status: 200,
          body: {
            ...entry(c.baseUrl, owner, repo.name, path, blob, bytes.length, 'file', ref),
            content: bytes.toString('base64').replace(/(.{60})/g, '$1\n'),
            encoding: 'base64',
          },
        };
      }
      const prefix = `${path}/`;
      const children = new Map<string, { sha: string; size: number; type: 'file' | 'dir' }>();
      for (const [file, blobSha] of tree) {
        if (path !== '' && !file.startsWith(prefix)) continue;
        const rest = path === '' ? file : file.slice(prefix.length);
        const [name, ...deeper] = rest.split('/');
        children.set(
          name as string,
          deeper.length
            ? { sha: '', size: 0, type: 'dir' }
            : { sha: blobSha, size: repo.blobs.get(blobSha)!.length, type: 'file' },
        );
      }
      if (children.size === 0) throw new HttpError(404, 'Not Found');
      return {
        status: 200,
        // GitHub lists at most 1,000 entries of a folder, and says nothing of the rest.
        body: [...children]
          .sort()
          .slice(0, repo.behaviours.contentsListingLimit)
          .map(([name, child]) =>
            entry(
              c.baseUrl,
              owner,
              repo.name,
              path ? `${path}/${name}` : name,
              child.sha,
              child.size,
              child.type,
              ref,
            ),
          ),
      };
    },
  },
  {
    method: 'PUT',
    path: '/repos/{owner}/{repo}/contents/{path}',
    handler: (c) => {
      const repo = repoOf(c);
      const body = (c.body ?? {}) as {
        message?: string;
        content?: string;
        sha?: string;
        branch?: string;
      };
      const path = (c.params.path ?? '').replace(/^\/+/, '');
      if (typeof body.message !== 'string')
        throw unprocessable('Invalid request.\n\n"message" wasn\'t supplied.');
      if (typeof body.content !== 'string')
        throw unprocessable('Invalid request.\n\n"content" wasn\'t supplied.');
      if (
        path.split('/').some((part) => part === '..' || part === '.' || part === '') ||
        path.startsWith('.git/')
      )
        throw unprocessable('path contains a malformed path component');
      const branch = body.branch ?? repo.defaultBranch;
      const head = repo.refs.get(`refs/heads/${branch}`);
      // An empty repository takes a first file on its default branch, as on GitHub.
      if (!head && !(repo.commits.size === 0 && branch === repo.defaultBranch))
        throw new HttpError(404, `Branch ${branch} not found`);
      checkBranchWrite(repo, branch);
      const current = head ? repo.commits.get(head)!.tree.get(path) : undefined;
      if (current && body.sha === undefined)
        throw unprocessable('Invalid request.\n\n"sha" wasn\'t supplied.');
      if (body.sha !== undefined && body.sha !== current)
        throw new HttpError(409, `${path} does not match ${body.sha}`);
      const sha = c.state.commit(repo, {
        parent: head ?? null,
        message: body.message,
        changes: { [path]: Buffer.from(body.content, 'base64') },
        author: actorOf(c),
      });
      repo.refs.set(`refs/heads/${branch}`, sha);
      const commit = repo.commits.get(sha)!;
      const blob = commit.tree.get(path)!;
      c.state.recordReferences(repo, body.message, { commit: sha, actor: actorOf(c) });
      c.state.emit?.({
        kind: 'push',
        repo,
        ref: `refs/heads/${branch}`,
        before: head ?? '0'.repeat(40),
        after: sha,
      });
      const person = {
        name: commit.author.login,
        email: `${commit.author.login}@users.noreply.github.com`,
        date: commit.date,
      };
      const url = `${c.baseUrl}/repos/${repo.owner.login}/${repo.name}/git/commits/${sha}`;
      return {
        status: current ? 200 : 201,
        body: {
          content: entry(
            c.baseUrl,
            repo.owner.login,
            repo.name,
            path,
            blob,
            repo.blobs.get(blob)!.length,
            'file',
            branch,
          ),
          commit: {
            sha,
            node_id: `C_${sha.slice(0, 8)}`,
            url,
            html_url: `${webUrlFor(c.baseUrl)}/${repo.owner.login}/${repo.name}/commit/${sha}`,
            author: person,
            committer: person,
            message: commit.message,
            tree: { sha, url },
            parents: commit.parents.map((parent) => ({
              sha: parent,
              url: `${c.baseUrl}/repos/${repo.owner.login}/${repo.name}/git/commits/${parent}`,
              html_url: `${webUrlFor(c.baseUrl)}/${repo.owner.login}/${repo.name}/commit/${parent}`,
            })),
            verification: {
              verified: false,
              reason: 'unsigned',
              signature: null,
              payload: null,
              verified_at: null,
            },
          },
        },
      };
    },
  },
];

/** A contents entry; its web links name the ref it was read at, as GitHub's do. */
function entry(
  api: string,
  owner: string,
  repo: string,
  path: string,
  sha: string,
  size: number,
  type: 'file' | 'dir',
  ref: string,
) {
  const url = `${api}/repos/${owner}/${repo}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const html = `${webUrlFor(api)}/${owner}/${repo}/${type === 'file' ? 'blob' : 'tree'}/${ref}/${path}`;
  return {
    type,
    size,
    name: path.slice(path.lastIndexOf('/') + 1),
    path,
    sha,
    url,
    git_url: `${api}/repos/${owner}/${repo}/git/${type === 'file' ? 'blobs' : 'trees'}/${sha}`,
    html_url: html,
    download_url:
      type === 'file' ? `https://raw.githubusercontent.com/${owner}/${repo}/${ref}/${path}` : null,
    _links: { self: url, git: `${api}/repos/${owner}/${repo}/git/blobs/${sha}`, html },
  };
}
