import type { Octokit } from '@octokit/core';
import type { PaginateInterface } from '@octokit/plugin-paginate-rest';
import type { Identity, IncidentEvent, TrackedIssue } from '../core/index.js';
import { fitBody, fitTitle } from '../core/issue-limits.js';

/**
 * The one place that talks to GitHub: one method per thing Hindsight does, over any Octokit
 * (Probot's, @actions/github's, or a plain one pointed at the sandbox). Reads paginate at 100.
 */

/**
 * The two calls the gateway makes, typed by Octokit itself: `request` from `@octokit/core` and
 * `paginate` from `@octokit/plugin-paginate-rest` (every Octokit here has both: Probot's,
 * @actions/github's, @octokit/rest's). Routes written as literals get GitHub's response types.
 */
export type OctokitLike = Pick<Octokit, 'request'> & { paginate: PaginateInterface };

export interface Repo {
  owner: string;
  repo: string;
}

export interface ChangedFile {
  path: string;
  status: string;
}

export interface Comment {
  id: number;
  body: string;
  /** The author's login, so only Hindsight's own comments are taken for its markers. */
  author: string | null;
}

/** An HTTP error from Octokit carries `status`; this reads it without trusting the shape. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Responses kept by URL with their ETag, so a repeated read is a conditional request: a 304
 * costs no rate limit and no body. One per process (the app keeps it for its lifetime).
 */
/** What Hindsight needs to know of a repository beyond its name. */
export interface RepositoryFacts {
  defaultBranch: string;
  /** Its web address, e.g. https://github.com/acme/payments or https://ghe.example.com/acme/payments. */
  htmlUrl: string;
}

/** Compare lists at most this many files (and cannot page them). */
const COMPARE_FILE_CAP = 300;

/** An empty repository (no commits) answers 409 "Git Repository is empty." on branch reads. */
export function isEmptyRepository(error: unknown): boolean {
  return httpStatus(error) === 409 && /repository is empty/i.test(errorMessage(error));
}

export type EtagCache = Map<string, { etag: string; data: any; link: string | null }>;

export function createGateway(
  octokit: OctokitLike,
  { owner, repo }: Repo,
  options: {
    etags?: EtagCache;
    self?: Identity;
    /** What a webhook payload already says of the repository, so it costs no request. */
    repository?: RepositoryFacts;
  } = {},
) {
  const etags = options.etags;
  let facts: Promise<RepositoryFacts> | null = options.repository
    ? Promise.resolve(options.repository)
    : null;

  /** A git tree's entries (`recursive`: the whole subtree), with GitHub's `truncated` flag. */
  async function tree(
    sha: string,
    recursive: boolean,
  ): Promise<{ entries: { path: string; type: string; sha: string }[]; truncated: boolean }> {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
      owner,
      repo,
      tree_sha: sha,
      ...(recursive ? { recursive: 'true' } : {}),
      request: { retries: 0 },
    });
    return { entries: data.tree ?? [], truncated: data.truncated === true };
  }

  /**
   * Files that differ between two commits' trees, sorted (past compare's 300 files); null when
   * GitHub truncates a tree (over 100,000 entries or 7 MB).
   */
  async function treeDiff(before: string, after: string): Promise<ChangedFile[] | null> {
    const [old, now] = await Promise.all([tree(before, true), tree(after, true)]);
    if (old.truncated || now.truncated) return null;
    const blobs = (entries: { path: string; type: string; sha: string }[]) =>
      new Map(entries.filter((e) => e.type === 'blob').map((e) => [e.path, e.sha]));
    const a = blobs(old.entries);
    const b = blobs(now.entries);
    const out: ChangedFile[] = [];
    for (const [path, sha] of b)
      if (a.get(path) !== sha) out.push({ path, status: a.has(path) ? 'modified' : 'added' });
    for (const path of a.keys()) if (!b.has(path)) out.push({ path, status: 'removed' });
    return out.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
  }

  /**
   * The entries directly in a folder at a ref, however many: one recursive tree; when GitHub
   * truncates that (100,000 entries or 7 MB), the folder's own tree, reached one level at a time,
   * as GitHub advises. Null when the folder does not exist.
   */
  async function folderEntries(
    path: string,
    ref: string,
  ): Promise<{ path: string; type: string; sha: string }[] | null> {
    const prefix = path === '' ? '' : `${path}/`;
    const whole = await tree(ref, true);
    if (!whole.truncated) {
      const inside = whole.entries.filter(
        (e) => e.path.startsWith(prefix) && !e.path.slice(prefix.length).includes('/'),
      );
      return inside.length > 0 || path === '' ? inside : null;
    }
    let sha = ref;
    for (const segment of path === '' ? [] : path.split('/')) {
      const next = (await tree(sha, false)).entries.find(
        (e) => e.path === segment && e.type === 'tree',
      );
      if (!next) return null;
      sha = next.sha;
    }
    const folder = await tree(sha, false);
    if (folder.truncated)
      throw new Error(
        `${path} at ${ref} holds more entries than GitHub lists in one tree (100,000): split it into subfolders.`,
      );
    return folder.entries.map((e) => ({ ...e, path: `${prefix}${e.path}` }));
  }

  let self: Promise<Identity> | null = options.self ? Promise.resolve(options.self) : null;

  /** GET with If-None-Match when the cache has the URL; returns the cached body on 304. */
  async function conditional(
    route: string,
    params: Record<string, unknown>,
  ): Promise<{ data: any; link: string | null; fresh: boolean }> {
    const key = `${route} ${JSON.stringify(params)}`;
    const cached = etags?.get(key);
    try {
      const response = await octokit.request(route, {
        ...params,
        ...(cached ? { headers: { 'if-none-match': cached.etag } } : {}),
      });
      const etag = response.headers.etag as string | undefined;
      const link = (response.headers.link as string | undefined) ?? null;
      if (etags && etag) {
        if (etags.size > 5000) etags.clear();
        etags.set(key, { etag, data: response.data, link });
      }
      return { data: response.data, link, fresh: true };
    } catch (error) {
      if (cached && httpStatus(error) === 304)
        return { data: cached.data, link: cached.link, fresh: false };
      throw error;
    }
  }

  return {
    /** Files a pull request changes (GitHub lists at most 3,000). */
    async listPullFiles(pull: number): Promise<ChangedFile[]> {
      const files = await octokit.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
        owner,
        repo,
        pull_number: pull,
        per_page: 100,
      });
      return files.map((file) => ({
        path: file.filename as string,
        status: file.status as string,
      }));
    },

    /**
     * Files changed between two commits; a new branch (no `before`) gives the head commit's
     * files, page by page (GitHub pages a commit's files at 300, up to 3,000). Compare lists at
     * most 300 files and cannot page them: at that cap, the two commits' trees are compared.
     */
    async listPushFiles(before: string | null, after: string): Promise<ChangedFile[]> {
      type File = { filename: string; status: string };
      const changed = (files: File[]) =>
        files.map((file) => ({ path: file.filename, status: file.status }));
      if (!before) {
        const files: File[] = [];
        for (let page = 1; ; page++) {
          const { data, headers } = await octokit.request(
            'GET /repos/{owner}/{repo}/commits/{ref}',
            {
              owner,
              repo,
              ref: after,
              page,
            },
          );
          files.push(...((data.files ?? []) as File[]));
          if (!/rel="next"/.test(String(headers.link ?? ''))) return changed(files);
        }
      }
      const { data } = await octokit.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
        owner,
        repo,
        basehead: `${before}...${after}`,
        per_page: 100,
      });
      const files = (data.files ?? []) as File[];
      if (files.length < COMPARE_FILE_CAP) return changed(files);
      const diff = await treeDiff(before, after);
      if (diff) return diff;
      throw new Error(
        `The push ${before.slice(0, 7)}...${after.slice(0, 7)} changes more files than GitHub lists (compare: 300; the trees are truncated): validate the postmortems in smaller pushes.`,
      );
    },

    /**
     * Files changed on a branch since an earlier commit of it, or null when the earlier commit
     * is gone or not behind the newer (history rewritten): then nothing can be said from a diff.
     */
    async changesSince(before: string, after: string): Promise<ChangedFile[] | null> {
      type File = { filename: string; status: string };
      let data: { status?: string; files?: File[] };
      try {
        ({ data } = await octokit.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
          owner,
          repo,
          basehead: `${before}...${after}`,
          per_page: 100,
        }));
      } catch (error) {
        const status = httpStatus(error);
        if (status === 404 || status === 422) return null;
        throw error;
      }
      if (data.status !== 'ahead' && data.status !== 'identical') return null;
      const files = data.files ?? [];
      if (files.length < COMPARE_FILE_CAP)
        return files.map((file) => ({ path: file.filename, status: file.status }));
      return treeDiff(before, after);
    },

    /** A file's text at a ref, or null when it does not exist there. */
    async readFile(path: string, ref: string): Promise<string | null> {
      try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
          owner,
          repo,
          path: literalPath(path),
          ref,
          mediaType: { format: 'raw' },
        });
        // The raw media type makes GitHub send the file's bytes, which the JSON types do not know.
        const body: unknown = data;
        return typeof body === 'string' ? body : Buffer.from(body as ArrayBuffer).toString('utf8');
      } catch (error) {
        if (httpStatus(error) === 404) return null;
        throw error;
      }
    },

    /**
     * The `.md` files in a folder at a ref, with their web links; empty when the folder (or any
     * commit: an empty repository) does not exist. Read from git trees, which list every entry:
     * the contents API stops at 1,000, and date-named postmortems sort oldest first, so the
     * newest would be the ones missing.
     */
    async listMarkdown(
      path: string,
      ref: string,
    ): Promise<{ path: string; url: string /** Its git blob sha. */; sha: string }[]> {
      let entries: { path: string; type: string; sha: string }[] | null;
      try {
        entries = await folderEntries(path.replace(/^\/+|\/+$/g, ''), ref);
      } catch (error) {
        if (httpStatus(error) === 404 || isEmptyRepository(error)) return [];
        throw error;
      }
      const files = (entries ?? []).filter((e) => e.type === 'blob' && e.path.endsWith('.md'));
      if (files.length === 0) return [];
      const web = (await this.repository()).htmlUrl;
      return files.map((e) => ({
        path: e.path,
        sha: e.sha,
        url: `${web}/blob/${encodeURIComponent(ref)}/${e.path.split('/').map(encodeURIComponent).join('/')}`,
      }));
    },

    async listReviews(pull: number): Promise<{ login: string; state: string }[]> {
      const reviews = await octokit.paginate(
        'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
        { owner, repo, pull_number: pull, per_page: 100 },
      );
      return reviews.flatMap((review) =>
        review.user ? [{ login: review.user.login, state: review.state }] : [],
      );
    },

    /** Logins in a team, or null when the token may not read it (GITHUB_TOKEN cannot read teams). */
    async listTeamMembers(org: string, team: string): Promise<string[] | null> {
      try {
        const members = await octokit.paginate('GET /orgs/{org}/teams/{team_slug}/members', {
          org,
          team_slug: team,
          per_page: 100,
        });
        return members.map((member) => member.login as string);
      } catch (error) {
        const status = httpStatus(error);
        if (status === 403 || status === 404 || status === 401) return null;
        throw error;
      }
    },

    /**
     * Who this gateway writes as (memoised): given, or the token's user from `GET /user`; an
     * installation token (a workflow's, an app's) cannot read that, so `login: null`.
     */
    whoAmI(): Promise<Identity> {
      self ??= octokit.request('GET /user').then(
        ({ data }) => ({ login: data.login as string }),
        (error: unknown) => {
          const status = httpStatus(error);
          if (status === 401 || status === 403 || status === 404) return { login: null };
          self = null;
          throw error;
        },
      );
      return self;
    },

    /** The first comment on an issue or PR that `match` accepts (its marker, its author). */
    async findComment(
      issue: number,
      match: (comment: Comment) => boolean,
    ): Promise<Comment | null> {
      const comments = await octokit.paginate(
        'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
        { owner, repo, issue_number: issue, per_page: 100 },
      );
      for (const comment of comments) {
        if (typeof comment.body !== 'string') continue;
        const found = {
          id: comment.id as number,
          body: comment.body as string,
          author: (comment.user?.login ?? null) as string | null,
        };
        if (match(found)) return found;
      }
      return null;
    },

    async createComment(issue: number, body: string): Promise<Comment> {
      const { data } = await octokit.request(
        'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
        { owner, repo, issue_number: issue, body },
      );
      return {
        id: data.id as number,
        body: data.body as string,
        author: (data.user?.login ?? null) as string | null,
      };
    },

    async updateComment(id: number, body: string): Promise<void> {
      await octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        owner,
        repo,
        comment_id: id,
        body,
      });
    },

    /** The issue's timeline: labels, assignments, closes, cross-references and commits, oldest first. */
    async listTimeline(issue: number): Promise<TimelineEvent[]> {
      // The timeline is a union of 20-odd event shapes: read through the fields any of them has.
      const events: TimelineItem[] = await octokit.paginate(
        'GET /repos/{owner}/{repo}/issues/{issue_number}/timeline',
        { owner, repo, issue_number: issue, per_page: 100 },
      );
      return events.map((e) => ({
        id: typeof e.id === 'number' && e.event !== 'commented' ? e.id : null,
        event: e.event ?? '',
        actor: e.actor?.login ?? e.user?.login ?? null,
        createdAt: e.created_at ?? e.submitted_at ?? null,
        label: e.label?.name ?? null,
        assignee: e.assignee?.login ?? null,
        commitId: e.commit_id ?? e.sha ?? null,
        commitRepo: /\/repos\/([^/]+\/[^/]+)\/commits\//.exec(e.commit_url ?? '')?.[1] ?? null,
        source: e.source?.issue
          ? {
              number: e.source.issue.number,
              title: e.source.issue.title,
              url: e.source.issue.html_url,
              isPull: Boolean(e.source.issue.pull_request),
            }
          : null,
        body: typeof e.body === 'string' ? e.body : null,
        url: e.html_url ?? null,
      }));
    },

    /** The repository's default branch and web address (`html_url`: GHES and ghe.com have their own host); read once. */
    repository(): Promise<RepositoryFacts> {
      facts ??= octokit.request('GET /repos/{owner}/{repo}', { owner, repo }).then(({ data }) => ({
        defaultBranch: data.default_branch as string,
        htmlUrl: data.html_url as string,
      }));
      return facts;
    },

    async getDefaultBranch(): Promise<string> {
      return (await this.repository()).defaultBranch;
    },

    /** A branch's head commit, or null when there is no such branch. */
    async branchSha(branch: string): Promise<string | null> {
      try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
          owner,
          repo,
          ref: `heads/${branch}`,
          request: { retries: 0 },
        });
        return data.object.sha as string;
      } catch (error) {
        // An empty repository has no branches at all (409 "Git Repository is empty.").
        if (httpStatus(error) === 404 || isEmptyRepository(error)) return null;
        throw error;
      }
    },

    /** Creates a branch; an existing one (422 "Reference already exists") is not an error. */
    async createBranch(branch: string, sha: string): Promise<'created' | 'exists'> {
      try {
        await octokit.request('POST /repos/{owner}/{repo}/git/refs', {
          owner,
          repo,
          ref: `refs/heads/${branch}`,
          sha,
        });
        return 'created';
      } catch (error) {
        if (httpStatus(error) === 422 && /already exists/i.test(errorMessage(error)))
          return 'exists';
        throw error;
      }
    },

    /** Points a branch at a commit, even when that is not a fast-forward (for Hindsight's own branches only). */
    async moveBranch(branch: string, sha: string): Promise<void> {
      await octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
        owner,
        repo,
        ref: `heads/${branch}`,
        sha,
        force: true,
      });
    },

    /** Deletes one of Hindsight's own branches (to start it afresh where it may not be moved). */
    async deleteBranch(branch: string): Promise<void> {
      await octokit.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', {
        owner,
        repo,
        ref: `heads/${branch}`,
      });
    },

    /** A file's text and blob sha at a ref (for an update that must not overwrite), or null. */
    async getFile(path: string, ref: string): Promise<{ text: string; sha: string } | null> {
      try {
        const { data } = await conditional('GET /repos/{owner}/{repo}/contents/{path}', {
          owner,
          repo,
          path: literalPath(path),
          ref,
        });
        if (Array.isArray(data) || data.type !== 'file') return null;
        return {
          text: Buffer.from(data.content as string, 'base64').toString('utf8'),
          sha: data.sha as string,
        };
      } catch (error) {
        if (httpStatus(error) === 404) return null;
        throw error;
      }
    },

    /** Creates or updates a file on a branch; `sha` is required to replace one (409/422 when stale). */
    async putFile(input: {
      path: string;
      branch: string;
      text: string;
      message: string;
      sha?: string;
    }): Promise<{ commit: string; blob: string }> {
      const { data } = await octokit.request('PUT /repos/{owner}/{repo}/contents/{path}', {
        owner,
        repo,
        path: literalPath(input.path),
        branch: input.branch,
        message: input.message,
        content: Buffer.from(input.text, 'utf8').toString('base64'),
        ...(input.sha ? { sha: input.sha } : {}),
        // A 409 means the file moved on: the caller re-reads and re-plans. Retrying the same
        // stale write (Probot's retry plugin would, with backoff) can never succeed.
        request: { retries: 0 },
      });
      return { commit: data.commit.sha as string, blob: data.content?.sha as string };
    },

    async findOpenPull(
      head: string,
    ): Promise<{ number: number; url: string; body: string; author: string | null } | null> {
      const pulls = await octokit.paginate('GET /repos/{owner}/{repo}/pulls', {
        owner,
        repo,
        head: `${owner}:${head}`,
        state: 'open',
        per_page: 100,
      });
      const pull = pulls[0];
      return pull
        ? {
            number: pull.number,
            url: pull.html_url,
            body: pull.body ?? '',
            author: (pull.user?.login ?? null) as string | null,
          }
        : null;
    },

    /** A pull request's labels and who is asked to review it, people and teams. */
    async getPullReviewState(
      pull: number,
    ): Promise<{ labels: string[]; requested: string[]; teams: string[] }> {
      const { data } = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
        owner,
        repo,
        pull_number: pull,
      });
      return {
        labels: (data.labels ?? []).map((label: { name: string }) => label.name),
        requested: (data.requested_reviewers ?? []).map((user: { login: string }) => user.login),
        teams: (data.requested_teams ?? []).map((team: { slug: string }) => team.slug),
      };
    },

    /**
     * Opens a pull request; when one is already open for the head (422 "A pull request already
     * exists"), returns it instead. A draft on a plan without drafts (private repositories on
     * Free and Pro: 422 "Draft pull requests are not supported") opens as a ready PR, which its
     * body says. Any other refusal is thrown with what GitHub said.
     */
    async openPullRequest(input: {
      title: string;
      head: string;
      base: string;
      body: string;
      draft: boolean;
    }): Promise<{
      number: number;
      url: string;
      created: boolean;
      draft: boolean;
      /** The login that opened it, lower-cased. */
      author: string | null;
    }> {
      const open = async (draft: boolean, body: string) => {
        const { data } = await octokit.request('POST /repos/{owner}/{repo}/pulls', {
          owner,
          repo,
          ...input,
          body,
          draft,
        });
        const author = (data.user?.login as string | undefined)?.toLowerCase() ?? null;
        return { number: data.number, url: data.html_url, created: true, draft, author };
      };
      try {
        try {
          return await open(input.draft, input.body);
        } catch (error) {
          if (!(input.draft && isDraftUnsupported(error))) throw error;
          return await open(false, `${input.body}\n\n${DRAFT_UNSUPPORTED_NOTE}`);
        }
      } catch (error) {
        if (httpStatus(error) !== 422 || !/already exists/i.test(errorMessage(error)))
          throw pullRequestRefused(error, `${owner}/${repo}`);
        const existing = await this.findOpenPull(input.head);
        if (!existing) throw error;
        return {
          number: existing.number,
          url: existing.url,
          created: false,
          draft: input.draft,
          author: existing.author?.toLowerCase() ?? null,
        };
      }
    },

    async addLabels(issue: number, labels: string[]): Promise<void> {
      await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
        owner,
        repo,
        issue_number: issue,
        labels,
      });
    },

    /** Whether a user can be assigned in (and so asked to review for) the repository: checked, not guessed. */
    async isAssignable(login: string): Promise<boolean> {
      try {
        await octokit.request('GET /repos/{owner}/{repo}/assignees/{assignee}', {
          owner,
          repo,
          assignee: login,
        });
        return true;
      } catch (error) {
        if (httpStatus(error) === 404) return false;
        throw error;
      }
    },

    async requestReviewers(pull: number, reviewers: string[], teams: string[]): Promise<void> {
      await octokit.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', {
        owner,
        repo,
        pull_number: pull,
        reviewers,
        team_reviewers: teams,
      });
    },

    async createIssue(input: {
      title: string;
      body: string;
      labels: string[];
    }): Promise<{ number: number; url: string }> {
      const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues', {
        owner,
        repo,
        ...input,
        // GitHub refuses a longer title or body: fitted, with a note saying what was cut.
        title: fitTitle(input.title),
        body: fitBody(input.body),
      });
      return { number: data.number, url: data.html_url };
    },

    /** Every issue with a label, with what sync needs (one paginated listing for the whole repository). */
    async listTrackedIssues(label: string, since?: string): Promise<TrackedIssue[]> {
      // Paginated by hand so each page can be a conditional request; `since` (GitHub's clock)
      // asks only for issues updated at or after it.
      const issues: any[] = [];
      for (let page = 1; ; page++) {
        const { data, link } = await conditional('GET /repos/{owner}/{repo}/issues', {
          owner,
          repo,
          labels: label,
          state: 'all',
          per_page: 100,
          page,
          ...(since ? { since } : {}),
        });
        issues.push(...data);
        if (!link || !/rel="next"/.test(link)) break;
      }
      return issues.filter((i) => !i.pull_request).map(trackedIssue);
    },

    /** One issue as sync sees it, or null when it is gone (deleted, transferred) or a pull request. */
    async getIssue(number: number): Promise<TrackedIssue | null> {
      try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', {
          owner,
          repo,
          issue_number: number,
        });
        // A transferred issue answers 301 and Octokit follows it to the other repository: not
        // this repository's issue any more.
        const home = /\/repos\/([^/]+\/[^/]+)$/.exec(String(data.repository_url ?? ''))?.[1];
        if (home !== undefined && home.toLowerCase() !== `${owner}/${repo}`.toLowerCase())
          return null;
        return data.pull_request ? null : trackedIssue(data);
      } catch (error) {
        const status = httpStatus(error);
        if (status === 404 || status === 410) return null;
        throw error;
      }
    },

    async createTrackedIssue(input: {
      title: string;
      body: string;
      labels: string[];
      assignees: string[];
    }): Promise<number> {
      const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues', {
        owner,
        repo,
        ...input,
      });
      return data.number as number;
    },

    async updateIssue(
      issue: number,
      fields: { title?: string; body?: string; labels?: string[]; assignees?: string[] },
    ): Promise<void> {
      await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
        owner,
        repo,
        issue_number: issue,
        ...fields,
      });
    },

    /** Open pull requests with their head commit and labels (for review reminders). */
    async listOpenPulls(): Promise<{ number: number; headSha: string; labels: string[] }[]> {
      const pulls = await octokit.paginate('GET /repos/{owner}/{repo}/pulls', {
        owner,
        repo,
        state: 'open',
        per_page: 100,
      });
      return pulls.map((pull) => ({
        number: pull.number as number,
        headSha: pull.head.sha as string,
        labels: ((pull.labels ?? []) as { name: string }[]).map((label) => label.name),
      }));
    },

    async listIssuesByLabel(
      label: string,
      state: 'open' | 'closed' | 'all' = 'all',
    ): Promise<
      {
        number: number;
        title: string;
        body: string;
        url: string;
        state: string;
        author: string | null;
      }[]
    > {
      const issues = await octokit.paginate('GET /repos/{owner}/{repo}/issues', {
        owner,
        repo,
        labels: label,
        state,
        per_page: 100,
      });
      return issues.map((i) => ({
        number: i.number,
        title: i.title,
        body: i.body ?? '',
        url: i.html_url,
        state: i.state,
        author: (i.user?.login ?? null) as string | null,
      }));
    },
  };
}

/**
 * A repository path as the contents API must receive it. Octokit leaves `%XX` in a path as it
 * is, so the server would decode it: `postmortems/%2e%2e/x.md` would name `postmortems/../x.md`,
 * a file outside the folder the caller checked. A `%` is sent as `%25`: the path read is the one
 * named (paths come from pushes, issue markers and the sync state, which people can write).
 */
function literalPath(path: string): string {
  return path.replace(/%/g, '%25');
}

/** An issue of the REST API as sync sees it. */
function trackedIssue(i: any): TrackedIssue {
  return {
    number: i.number,
    title: i.title,
    body: i.body ?? '',
    state: i.state,
    stateReason: i.state_reason ?? null,
    assignees: (i.assignees ?? []).map((a: { login: string }) => a.login),
    labels: (i.labels ?? []).map((l: string | { name: string }) =>
      typeof l === 'string' ? l : l.name,
    ),
    updatedAt: i.updated_at,
    author: i.user?.login ?? null,
  };
}

/** What the gateway reads of a timeline event, whichever of GitHub's shapes it has. */
interface TimelineItem {
  id?: number;
  event?: string;
  actor?: { login: string } | null;
  user?: { login: string } | null;
  created_at?: string;
  submitted_at?: string;
  label?: { name: string };
  assignee?: { login: string } | null;
  commit_id?: string | null;
  sha?: string;
  commit_url?: string | null;
  source?: {
    issue?: { number: number; title: string; html_url: string; pull_request?: unknown };
  };
  body?: string | null;
  html_url?: string;
}

/** A timeline event: what prefill reads, plus a comment's body and link. */
export interface TimelineEvent extends IncidentEvent {
  body: string | null;
  url: string | null;
}

/** Said in a pull request opened ready because the repository's plan has no draft PRs. */
export const DRAFT_UNSUPPORTED_NOTE =
  '> [!NOTE]\n> Opened as a ready pull request: this repository does not support draft pull requests (GitHub answered "Draft pull requests are not supported in this repository.", as on private repositories of Free and Pro plans). Treat it as a draft until it is ready for review.';

function isDraftUnsupported(error: unknown): boolean {
  return (
    httpStatus(error) === 422 && /draft pull requests are not supported/i.test(errorMessage(error))
  );
}

/**
 * A refused `POST /pulls`, said so a person can act: a workflow token the repository does not
 * let open pull requests names the setting that allows it.
 */
function pullRequestRefused(error: unknown, repository: string): unknown {
  if (
    httpStatus(error) === 403 &&
    /not permitted to create or approve pull requests/i.test(errorMessage(error))
  )
    return new Error(
      `GitHub refused to open a pull request in ${repository} with the workflow's token (403 "GitHub Actions is not permitted to create or approve pull requests"). Allow it in the repository's Settings → Actions → General → Workflow permissions → "Allow GitHub Actions to create and approve pull requests" (an organisation can lock it: then in the organisation's settings), or pass a token that may (a GitHub App installation token or a fine-grained PAT with pull requests: write).`,
      { cause: error },
    );
  return error;
}

/**
 * Whether a refused write says the branch takes changes only through pull requests: branch
 * protection (409 "Changes must be made through a pull request") or a ruleset (422 "Repository
 * rule violations found"). A stale sha is a 409 or 422 too, but says neither.
 */
export function isBranchProtected(error: unknown): boolean {
  const status = httpStatus(error);
  const message = errorMessage(error);
  return (
    (status === 409 &&
      /changes must be made through a pull request|protected branch/i.test(message)) ||
    (status === 422 && /repository rule violations/i.test(message))
  );
}

/** The message of an Octokit error, including the validation errors of a 422. */
export function errorMessage(error: unknown): string {
  const response = (
    error as { response?: { data?: { message?: string; errors?: { message?: string }[] } } }
  )?.response?.data;
  return (
    [response?.message, ...(response?.errors ?? []).map((e) => e.message)]
      .filter(Boolean)
      .join('; ') || String((error as Error)?.message ?? error)
  );
}

export type Gateway = ReturnType<typeof createGateway>;
