import { createHash } from 'node:crypto';
import { checkNotEmpty } from '../behaviours.js';
import { HttpError, type Route } from '../http.js';
import type { Repository } from '../state.js';
import { repoOf } from './lookup.js';

/** Folder trees by their sha, per repository: a commit's tree is addressed by the commit's sha. */
const folders = new WeakMap<Repository, Map<string, { commit: string; dir: string }>>();

function folderSha(repo: Repository, commit: string, dir: string): string {
  if (dir === '') return commit;
  const sha = createHash('sha1').update(`tree ${commit} ${dir}`).digest('hex');
  const known = folders.get(repo) ?? new Map<string, { commit: string; dir: string }>();
  folders.set(repo, known);
  known.set(sha, { commit, dir });
  return sha;
}

/**
 * Git trees (`GET /git/trees/{tree_sha}`, `recursive` for the whole subtree): every entry, past
 * the contents API's 1,000, up to the repository's `treeEntryLimit` (GitHub: 100,000), where the
 * listing stops with `truncated: true`. `tree_sha` may be a tree's sha, a commit's or a ref name.
 */
export const treeRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/git/trees/{tree_sha}',
    handler: (c) => {
      const repo = repoOf(c);
      checkNotEmpty(repo);
      const name = c.params.tree_sha ?? '';
      const known = folders.get(repo)?.get(name);
      const commit = known?.commit ?? c.state.resolve(repo, name);
      if (!commit || !repo.commits.has(commit)) throw new HttpError(404, 'Not Found');
      const dir = known?.dir ?? '';
      const prefix = dir === '' ? '' : `${dir}/`;
      const recursive = !['', '0', 'false'].includes(c.query.get('recursive') ?? '');
      const entries = new Map<string, { type: 'blob' | 'tree'; sha: string; size?: number }>();
      for (const [path, blob] of repo.commits.get(commit)!.tree) {
        if (!path.startsWith(prefix)) continue;
        const parts = path.slice(prefix.length).split('/');
        for (let depth = 1; depth < parts.length && (recursive || depth === 1); depth++) {
          const sub = parts.slice(0, depth).join('/');
          if (!entries.has(sub))
            entries.set(sub, { type: 'tree', sha: folderSha(repo, commit, prefix + sub) });
        }
        if (recursive || parts.length === 1)
          entries.set(parts.join('/'), {
            type: 'blob',
            sha: blob,
            size: repo.blobs.get(blob)!.length,
          });
      }
      const api = `${c.baseUrl}/repos/${repo.owner.login}/${repo.name}/git`;
      const all = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const limit = repo.behaviours.treeEntryLimit;
      const sha = folderSha(repo, commit, dir);
      return {
        status: 200,
        body: {
          sha,
          url: `${api}/trees/${sha}`,
          tree: all.slice(0, limit).map(([path, entry]) => ({
            path,
            mode: entry.type === 'tree' ? '040000' : '100644',
            type: entry.type,
            sha: entry.sha,
            ...(entry.size === undefined ? {} : { size: entry.size }),
            url: `${api}/${entry.type === 'tree' ? 'trees' : 'blobs'}/${entry.sha}`,
          })),
          truncated: all.length > limit,
        },
      };
    },
  },
];
