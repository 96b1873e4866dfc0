import type { Identity, IncidentEvent, TrackedIssue } from '../core/index.js';

/**
 * The one place that talks to GitHub: one method per thing Hindsight does, over any Octokit
 * (Probot's, @actions/github's, or a plain one pointed at the sandbox). Reads paginate at 100.
 */

/** The two calls every Octokit has; enough for everything here, and easy to satisfy in tests. */
export interface OctokitLike {
  request(
    route: string,
    params?: Record<string, unknown>,
  ): Promise<{ status: number; data: any; headers: Record<string, unknown> }>;
  paginate(route: string, params?: Record<string, unknown>): Promise<any[]>;
}

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
export type EtagCache = Map<string, { etag: string; data: any; link: string | null }>;

export function createGateway(
  octokit: OctokitLike,
  { owner, repo }: Repo,
  options: { etags?: EtagCache; self?: Identity } = {},
) {
  const etags = options.etags;
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

    /** Files changed between two commits; a new branch (no `before`) gives the head commit's files. */
    async listPushFiles(before: string | null, after: string): Promise<ChangedFile[]> {
      const { data } = before
        ? await octokit.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
            owner,
            repo,
            basehead: `${before}...${after}`,
            per_page: 100,
          })
        : await octokit.request('GET /repos/{owner}/{repo}/commits/{ref}', {
            owner,
            repo,
            ref: after,
            per_page: 100,
          });
      return ((data.files ?? []) as { filename: string; status: string }[]).map((file) => ({
        path: file.filename,
        status: file.status,
      }));
    },

    /** A file's text at a ref, or null when it does not exist there. */
    async readFile(path: string, ref: string): Promise<string | null> {
      try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
          owner,
          repo,
          path,
          ref,
          mediaType: { format: 'raw' },
        });
        return typeof data === 'string' ? data : Buffer.from(data as ArrayBuffer).toString('utf8');
      } catch (error) {
        if (httpStatus(error) === 404) return null;
        throw error;
      }
    },

    /** The `.md` files in a folder at a ref, with their web links; empty when the folder does not exist. */
    async listMarkdown(path: string, ref: string): Promise<{ path: string; url: string }[]> {
      try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
          owner,
          repo,
          path,
          ref,
        });
        return Array.isArray(data)
          ? data
              .filter((entry) => entry.type === 'file' && entry.name.endsWith('.md'))
              .map((entry) => ({ path: entry.path as string, url: entry.html_url as string }))
          : [];
      } catch (error) {
        if (httpStatus(error) === 404) return [];
        throw error;
      }
    },

    async listReviews(pull: number): Promise<{ login: string; state: string }[]> {
      const reviews = await octokit.paginate(
        'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
        { owner, repo, pull_number: pull, per_page: 100 },
      );
      return reviews
        .filter((review) => review.user)
        .map((review) => ({ login: review.user.login as string, state: review.state as string }));
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
      const events = await octokit.paginate(
        'GET /repos/{owner}/{repo}/issues/{issue_number}/timeline',
        { owner, repo, issue_number: issue, per_page: 100 },
      );
      return events.map((e) => ({
        id: typeof e.id === 'number' && e.event !== 'commented' ? e.id : null,
        event: e.event as string,
        actor: e.actor?.login ?? e.user?.login ?? null,
        createdAt: (e.created_at ?? e.submitted_at ?? null) as string | null,
        label: e.label?.name ?? null,
        assignee: e.assignee?.login ?? null,
        commitId: e.commit_id ?? e.sha ?? null,
        commitRepo: /\/repos\/([^/]+\/[^/]+)\/commits\//.exec(e.commit_url ?? '')?.[1] ?? null,
        source: e.source?.issue
          ? {
              number: e.source.issue.number as number,
              title: e.source.issue.title as string,
              url: e.source.issue.html_url as string,
              isPull: Boolean(e.source.issue.pull_request),
            }
          : null,
        body: typeof e.body === 'string' ? e.body : null,
        url: (e.html_url ?? null) as string | null,
      }));
    },

    async getDefaultBranch(): Promise<string> {
      const { data } = await octokit.request('GET /repos/{owner}/{repo}', { owner, repo });
      return data.default_branch as string;
    },

    /** A branch's head commit, or null when there is no such branch. */
    async branchSha(branch: string): Promise<string | null> {
      try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
          owner,
          repo,
          ref: `heads/${branch}`,
        });
        return data.object.sha as string;
      } catch (error) {
        if (httpStatus(error) === 404) return null;
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

    /** A file's text and blob sha at a ref (for an update that must not overwrite), or null. */
    async getFile(path: string, ref: string): Promise<{ text: string; sha: string } | null> {
      try {
        const { data } = await conditional('GET /repos/{owner}/{repo}/contents/{path}', {
          owner,
          repo,
          path,
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
    }): Promise<string> {
      const { data } = await octokit.request('PUT /repos/{owner}/{repo}/contents/{path}', {
        owner,
        repo,
        path: input.path,
        branch: input.branch,
        message: input.message,
        content: Buffer.from(input.text, 'utf8').toString('base64'),
        ...(input.sha ? { sha: input.sha } : {}),
        // A 409 means the file moved on: the caller re-reads and re-plans. Retrying the same
        // stale write (Probot's retry plugin would, with backoff) can never succeed.
        request: { retries: 0 },
      });
      return data.commit.sha as string;
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
      /** The login that opened it, lower-cased (null for one found open already). */
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
          author: null,
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
      return issues
        .filter((i) => !i.pull_request)
        .map((i) => ({
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
        }));
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
