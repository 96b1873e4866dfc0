/**
 * The one place that talks to GitHub: one method per thing Hindsight does, over any Octokit
 * (Probot's, @actions/github's, or a plain one pointed at the sandbox). Reads paginate at 100.
 */

/** The two calls every Octokit has; enough for everything here, and easy to satisfy in tests. */
export interface OctokitLike {
  request(route: string, params?: Record<string, unknown>): Promise<{ status: number; data: any; headers: Record<string, unknown> }>;
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
}

/** An HTTP error from Octokit carries `status`; this reads it without trusting the shape. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' ? status : undefined;
}

export function createGateway(octokit: OctokitLike, { owner, repo }: Repo) {
  return {
    /** Files a pull request changes (GitHub lists at most 3,000). */
    async listPullFiles(pull: number): Promise<ChangedFile[]> {
      const files = await octokit.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { owner, repo, pull_number: pull, per_page: 100 });
      return files.map((file) => ({ path: file.filename as string, status: file.status as string }));
    },

    /** Files changed between two commits; a new branch (no `before`) gives the head commit's files. */
    async listPushFiles(before: string | null, after: string): Promise<ChangedFile[]> {
      const { data } = before
        ? await octokit.request('GET /repos/{owner}/{repo}/compare/{basehead}', { owner, repo, basehead: `${before}...${after}`, per_page: 100 })
        : await octokit.request('GET /repos/{owner}/{repo}/commits/{ref}', { owner, repo, ref: after, per_page: 100 });
      return ((data.files ?? []) as { filename: string; status: string }[]).map((file) => ({ path: file.filename, status: file.status }));
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

    /** Names of the `.md` files in a folder at a ref; empty when the folder does not exist. */
    async listMarkdown(path: string, ref: string): Promise<string[]> {
      try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', { owner, repo, path, ref });
        return Array.isArray(data) ? data.filter((entry) => entry.type === 'file' && entry.name.endsWith('.md')).map((entry) => entry.path as string) : [];
      } catch (error) {
        if (httpStatus(error) === 404) return [];
        throw error;
      }
    },

    async listReviews(pull: number): Promise<{ login: string; state: string }[]> {
      const reviews = await octokit.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { owner, repo, pull_number: pull, per_page: 100 });
      return reviews.filter((review) => review.user).map((review) => ({ login: review.user.login as string, state: review.state as string }));
    },

    /** Logins in a team, or null when the token may not read it (GITHUB_TOKEN cannot read teams). */
    async listTeamMembers(org: string, team: string): Promise<string[] | null> {
      try {
        const members = await octokit.paginate('GET /orgs/{org}/teams/{team_slug}/members', { org, team_slug: team, per_page: 100 });
        return members.map((member) => member.login as string);
      } catch (error) {
        const status = httpStatus(error);
        if (status === 403 || status === 404 || status === 401) return null;
        throw error;
      }
    },

    /** The first comment on an issue or PR whose body holds a marker. */
    async findComment(issue: number, marker: string): Promise<Comment | null> {
      const comments = await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: issue, per_page: 100 });
      const found = comments.find((comment) => typeof comment.body === 'string' && comment.body.includes(marker));
      return found ? { id: found.id as number, body: found.body as string } : null;
    },

    async createComment(issue: number, body: string): Promise<Comment> {
      const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: issue, body });
      return { id: data.id as number, body: data.body as string };
    },

    async updateComment(id: number, body: string): Promise<void> {
      await octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner, repo, comment_id: id, body });
    },
  };
}

export type Gateway = ReturnType<typeof createGateway>;
