import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  CONFIG_PATH,
  fitBody,
  fitTitle,
  formatConfigError,
  isPostmortemPath,
  loadConfig,
  planReviewReminder,
  planSync,
  postmortemFolder,
  startsWithMarker,
  validateConfig,
  writeBack,
  writtenBy
} from "./chunk-K5AHS4EK.js";

// src/github/describe-error.ts
var RUN_AGAIN = "GitHub failed; run again later.";
var NEXT_EVENT_COMPLETES = "GitHub failed after retries; the next event for this incident or repository (or a redelivery from the app settings) completes the work, nothing is done twice.";
function describeFailure(error, options = {}) {
  return describeGitHubError(error, options) ?? (error instanceof Error ? error.message : String(error));
}
function describeGitHubError(error, options = {}) {
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
  const hint = hintFor(e.status, method, new URL(url).pathname, said);
  return `${answered}: ${hint ?? options.whenGitHubFails ?? RUN_AGAIN}`;
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
  if (status >= 500) return null;
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

// src/github/gateway.ts
function httpStatus(error) {
  const status = error?.status;
  return typeof status === "number" ? status : void 0;
}
var COMPARE_FILE_CAP = 300;
function isEmptyRepository(error) {
  return httpStatus(error) === 409 && /repository is empty/i.test(errorMessage(error));
}
function createGateway(octokit, { owner, repo }, options = {}) {
  const etags = options.etags;
  let facts = options.repository ? Promise.resolve(options.repository) : null;
  async function tree(sha, recursive) {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
      owner,
      repo,
      tree_sha: sha,
      ...recursive ? { recursive: "true" } : {},
      request: { retries: 0 }
    });
    return { entries: data.tree ?? [], truncated: data.truncated === true };
  }
  async function treeDiff(before, after) {
    const [old, now] = await Promise.all([tree(before, true), tree(after, true)]);
    if (old.truncated || now.truncated) return null;
    const blobs = (entries) => new Map(entries.filter((e) => e.type === "blob").map((e) => [e.path, e.sha]));
    const a = blobs(old.entries);
    const b = blobs(now.entries);
    const out = [];
    for (const [path, sha] of b)
      if (a.get(path) !== sha) out.push({ path, status: a.has(path) ? "modified" : "added" });
    for (const path of a.keys()) if (!b.has(path)) out.push({ path, status: "removed" });
    return out.sort((x, y) => x.path < y.path ? -1 : x.path > y.path ? 1 : 0);
  }
  async function folderEntries(path, ref) {
    const prefix = path === "" ? "" : `${path}/`;
    const whole = await tree(ref, true);
    if (!whole.truncated) {
      const inside = whole.entries.filter(
        (e) => e.path.startsWith(prefix) && !e.path.slice(prefix.length).includes("/")
      );
      return inside.length > 0 || path === "" ? inside : null;
    }
    let sha = ref;
    for (const segment of path === "" ? [] : path.split("/")) {
      const next = (await tree(sha, false)).entries.find(
        (e) => e.path === segment && e.type === "tree"
      );
      if (!next) return null;
      sha = next.sha;
    }
    const folder = await tree(sha, false);
    if (folder.truncated)
      throw new Error(
        `${path} at ${ref} holds more entries than GitHub lists in one tree (100,000): split it into subfolders.`
      );
    return folder.entries.map((e) => ({ ...e, path: `${prefix}${e.path}` }));
  }
  let self = options.self ? Promise.resolve(options.self) : null;
  async function conditional(route, params) {
    const key = `${route} ${JSON.stringify(params)}`;
    const cached = etags?.get(key);
    try {
      const response = await octokit.request(route, {
        ...params,
        ...cached ? { headers: { "if-none-match": cached.etag } } : {}
      });
      const etag = response.headers.etag;
      const link = response.headers.link ?? null;
      if (etags && etag) {
        if (etags.size > 5e3) etags.clear();
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
    async listPullFiles(pull) {
      const files = await octokit.paginate("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", {
        owner,
        repo,
        pull_number: pull,
        per_page: 100
      });
      return files.map((file) => ({
        path: file.filename,
        status: file.status
      }));
    },
    /**
     * Files changed between two commits; a new branch (no `before`) gives the head commit's
     * files, page by page (GitHub pages a commit's files at 300, up to 3,000). Compare lists at
     * most 300 files and cannot page them: at that cap, the two commits' trees are compared.
     */
    async listPushFiles(before, after) {
      const changed = (files2) => files2.map((file) => ({ path: file.filename, status: file.status }));
      if (!before) {
        const files2 = [];
        for (let page = 1; ; page++) {
          const { data: data2, headers } = await octokit.request(
            "GET /repos/{owner}/{repo}/commits/{ref}",
            {
              owner,
              repo,
              ref: after,
              page
            }
          );
          files2.push(...data2.files ?? []);
          if (!/rel="next"/.test(String(headers.link ?? ""))) return changed(files2);
        }
      }
      const { data } = await octokit.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
        owner,
        repo,
        basehead: `${before}...${after}`,
        per_page: 100
      });
      const files = data.files ?? [];
      if (files.length < COMPARE_FILE_CAP) return changed(files);
      const diff = await treeDiff(before, after);
      if (diff) return diff;
      throw new Error(
        `The push ${before.slice(0, 7)}...${after.slice(0, 7)} changes more files than GitHub lists (compare: 300; the trees are truncated): validate the postmortems in smaller pushes.`
      );
    },
    /**
     * Files changed on a branch since an earlier commit of it, or null when the earlier commit
     * is gone or not behind the newer (history rewritten): then nothing can be said from a diff.
     */
    async changesSince(before, after) {
      let data;
      try {
        ({ data } = await octokit.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
          owner,
          repo,
          basehead: `${before}...${after}`,
          per_page: 100
        }));
      } catch (error) {
        const status = httpStatus(error);
        if (status === 404 || status === 422) return null;
        throw error;
      }
      if (data.status !== "ahead" && data.status !== "identical") return null;
      const files = data.files ?? [];
      if (files.length < COMPARE_FILE_CAP)
        return files.map((file) => ({ path: file.filename, status: file.status }));
      return treeDiff(before, after);
    },
    /** A file's text at a ref, or null when it does not exist there. */
    async readFile(path, ref) {
      try {
        const { data } = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
          owner,
          repo,
          path: literalPath(path),
          ref,
          mediaType: { format: "raw" }
        });
        const body = data;
        return typeof body === "string" ? body : Buffer.from(body).toString("utf8");
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
    async listMarkdown(path, ref) {
      let entries;
      try {
        entries = await folderEntries(path.replace(/^\/+|\/+$/g, ""), ref);
      } catch (error) {
        if (httpStatus(error) === 404 || isEmptyRepository(error)) return [];
        throw error;
      }
      const files = (entries ?? []).filter((e) => e.type === "blob" && e.path.endsWith(".md"));
      if (files.length === 0) return [];
      const web = (await this.repository()).htmlUrl;
      return files.map((e) => ({
        path: e.path,
        sha: e.sha,
        url: `${web}/blob/${encodeURIComponent(ref)}/${e.path.split("/").map(encodeURIComponent).join("/")}`
      }));
    },
    async listReviews(pull) {
      const reviews = await octokit.paginate(
        "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
        { owner, repo, pull_number: pull, per_page: 100 }
      );
      return reviews.flatMap(
        (review) => review.user ? [{ login: review.user.login, state: review.state }] : []
      );
    },
    /** Logins in a team, or null when the token may not read it (GITHUB_TOKEN cannot read teams). */
    async listTeamMembers(org, team) {
      try {
        const members = await octokit.paginate("GET /orgs/{org}/teams/{team_slug}/members", {
          org,
          team_slug: team,
          per_page: 100
        });
        return members.map((member) => member.login);
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
    whoAmI() {
      self ??= octokit.request("GET /user").then(
        ({ data }) => ({ login: data.login }),
        (error) => {
          const status = httpStatus(error);
          if (status === 401 || status === 403 || status === 404) return { login: null };
          self = null;
          throw error;
        }
      );
      return self;
    },
    /** The first comment on an issue or PR that `match` accepts (its marker, its author). */
    async findComment(issue, match) {
      const comments = await octokit.paginate(
        "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
        { owner, repo, issue_number: issue, per_page: 100 }
      );
      for (const comment of comments) {
        if (typeof comment.body !== "string") continue;
        const found = {
          id: comment.id,
          body: comment.body,
          author: comment.user?.login ?? null
        };
        if (match(found)) return found;
      }
      return null;
    },
    async createComment(issue, body) {
      const { data } = await octokit.request(
        "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
        { owner, repo, issue_number: issue, body }
      );
      return {
        id: data.id,
        body: data.body,
        author: data.user?.login ?? null
      };
    },
    async updateComment(id, body) {
      await octokit.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
        owner,
        repo,
        comment_id: id,
        body
      });
    },
    /** The issue's timeline: labels, assignments, closes, cross-references and commits, oldest first. */
    async listTimeline(issue) {
      const events = await octokit.paginate(
        "GET /repos/{owner}/{repo}/issues/{issue_number}/timeline",
        { owner, repo, issue_number: issue, per_page: 100 }
      );
      return events.map((e) => ({
        id: typeof e.id === "number" && e.event !== "commented" ? e.id : null,
        event: e.event ?? "",
        actor: e.actor?.login ?? e.user?.login ?? null,
        createdAt: e.created_at ?? e.submitted_at ?? null,
        label: e.label?.name ?? null,
        assignee: e.assignee?.login ?? null,
        commitId: e.commit_id ?? e.sha ?? null,
        commitRepo: /\/repos\/([^/]+\/[^/]+)\/commits\//.exec(e.commit_url ?? "")?.[1] ?? null,
        source: e.source?.issue ? {
          number: e.source.issue.number,
          title: e.source.issue.title,
          url: e.source.issue.html_url,
          isPull: Boolean(e.source.issue.pull_request)
        } : null,
        body: typeof e.body === "string" ? e.body : null,
        url: e.html_url ?? null
      }));
    },
    /** The repository's default branch and web address (`html_url`: GHES and ghe.com have their own host); read once. */
    repository() {
      facts ??= octokit.request("GET /repos/{owner}/{repo}", { owner, repo }).then(({ data }) => ({
        defaultBranch: data.default_branch,
        htmlUrl: data.html_url
      }));
      return facts;
    },
    async getDefaultBranch() {
      return (await this.repository()).defaultBranch;
    },
    /** A branch's head commit, or null when there is no such branch. */
    async branchSha(branch) {
      try {
        const { data } = await octokit.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
          owner,
          repo,
          ref: `heads/${branch}`,
          request: { retries: 0 }
        });
        return data.object.sha;
      } catch (error) {
        if (httpStatus(error) === 404 || isEmptyRepository(error)) return null;
        throw error;
      }
    },
    /** Creates a branch; an existing one (422 "Reference already exists") is not an error. */
    async createBranch(branch, sha) {
      try {
        await octokit.request("POST /repos/{owner}/{repo}/git/refs", {
          owner,
          repo,
          ref: `refs/heads/${branch}`,
          sha
        });
        return "created";
      } catch (error) {
        if (httpStatus(error) === 422 && /already exists/i.test(errorMessage(error)))
          return "exists";
        throw error;
      }
    },
    /** Points a branch at a commit, even when that is not a fast-forward (for Hindsight's own branches only). */
    async moveBranch(branch, sha) {
      await octokit.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
        owner,
        repo,
        ref: `heads/${branch}`,
        sha,
        force: true
      });
    },
    /** Deletes one of Hindsight's own branches (to start it afresh where it may not be moved). */
    async deleteBranch(branch) {
      await octokit.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", {
        owner,
        repo,
        ref: `heads/${branch}`
      });
    },
    /** A file's text and blob sha at a ref (for an update that must not overwrite), or null. */
    async getFile(path, ref) {
      try {
        const { data } = await conditional("GET /repos/{owner}/{repo}/contents/{path}", {
          owner,
          repo,
          path: literalPath(path),
          ref
        });
        if (Array.isArray(data) || data.type !== "file") return null;
        return {
          text: Buffer.from(data.content, "base64").toString("utf8"),
          sha: data.sha
        };
      } catch (error) {
        if (httpStatus(error) === 404) return null;
        throw error;
      }
    },
    /** Creates or updates a file on a branch; `sha` is required to replace one (409/422 when stale). */
    async putFile(input) {
      const { data } = await octokit.request("PUT /repos/{owner}/{repo}/contents/{path}", {
        owner,
        repo,
        path: literalPath(input.path),
        branch: input.branch,
        message: input.message,
        content: Buffer.from(input.text, "utf8").toString("base64"),
        ...input.sha ? { sha: input.sha } : {},
        // A 409 means the file moved on: the caller re-reads and re-plans. Retrying the same
        // stale write (Probot's retry plugin would, with backoff) can never succeed.
        request: { retries: 0 }
      });
      return { commit: data.commit.sha, blob: data.content?.sha };
    },
    async findOpenPull(head) {
      const pulls = await octokit.paginate("GET /repos/{owner}/{repo}/pulls", {
        owner,
        repo,
        head: `${owner}:${head}`,
        state: "open",
        per_page: 100
      });
      const pull = pulls[0];
      return pull ? {
        number: pull.number,
        url: pull.html_url,
        body: pull.body ?? "",
        author: pull.user?.login ?? null
      } : null;
    },
    /** A pull request's labels and who is asked to review it, people and teams. */
    async getPullReviewState(pull) {
      const { data } = await octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
        owner,
        repo,
        pull_number: pull
      });
      return {
        labels: (data.labels ?? []).map((label) => label.name),
        requested: (data.requested_reviewers ?? []).map((user) => user.login),
        teams: (data.requested_teams ?? []).map((team) => team.slug)
      };
    },
    /**
     * Opens a pull request; when one is already open for the head (422 "A pull request already
     * exists"), returns it instead. A draft on a plan without drafts (private repositories on
     * Free and Pro: 422 "Draft pull requests are not supported") opens as a ready PR, which its
     * body says. Any other refusal is thrown with what GitHub said.
     */
    async openPullRequest(input) {
      const open = async (draft, body) => {
        const { data } = await octokit.request("POST /repos/{owner}/{repo}/pulls", {
          owner,
          repo,
          ...input,
          body,
          draft
        });
        const author = data.user?.login?.toLowerCase() ?? null;
        return { number: data.number, url: data.html_url, created: true, draft, author };
      };
      try {
        try {
          return await open(input.draft, input.body);
        } catch (error) {
          if (!(input.draft && isDraftUnsupported(error))) throw error;
          return await open(false, `${input.body}

${DRAFT_UNSUPPORTED_NOTE}`);
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
          author: existing.author?.toLowerCase() ?? null
        };
      }
    },
    async addLabels(issue, labels) {
      await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
        owner,
        repo,
        issue_number: issue,
        labels
      });
    },
    /** Whether a user can be assigned in (and so asked to review for) the repository: checked, not guessed. */
    async isAssignable(login) {
      try {
        await octokit.request("GET /repos/{owner}/{repo}/assignees/{assignee}", {
          owner,
          repo,
          assignee: login
        });
        return true;
      } catch (error) {
        if (httpStatus(error) === 404) return false;
        throw error;
      }
    },
    async requestReviewers(pull, reviewers, teams) {
      await octokit.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", {
        owner,
        repo,
        pull_number: pull,
        reviewers,
        team_reviewers: teams
      });
    },
    async createIssue(input) {
      const { data } = await octokit.request("POST /repos/{owner}/{repo}/issues", {
        owner,
        repo,
        ...input,
        // GitHub refuses a longer title or body: fitted, with a note saying what was cut.
        title: fitTitle(input.title),
        body: fitBody(input.body)
      });
      return { number: data.number, url: data.html_url };
    },
    /** Every issue with a label, with what sync needs (one paginated listing for the whole repository). */
    async listTrackedIssues(label, since) {
      const issues = [];
      for (let page = 1; ; page++) {
        const { data, link } = await conditional("GET /repos/{owner}/{repo}/issues", {
          owner,
          repo,
          labels: label,
          state: "all",
          per_page: 100,
          page,
          ...since ? { since } : {}
        });
        issues.push(...data);
        if (!link || !/rel="next"/.test(link)) break;
      }
      return issues.filter((i) => !i.pull_request).map(trackedIssue);
    },
    /** One issue as sync sees it, or null when it is gone (deleted, transferred) or a pull request. */
    async getIssue(number) {
      try {
        const { data } = await octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}", {
          owner,
          repo,
          issue_number: number
        });
        const home = /\/repos\/([^/]+\/[^/]+)$/.exec(String(data.repository_url ?? ""))?.[1];
        if (home !== void 0 && home.toLowerCase() !== `${owner}/${repo}`.toLowerCase())
          return null;
        return data.pull_request ? null : trackedIssue(data);
      } catch (error) {
        const status = httpStatus(error);
        if (status === 404 || status === 410) return null;
        throw error;
      }
    },
    async createTrackedIssue(input) {
      const { data } = await octokit.request("POST /repos/{owner}/{repo}/issues", {
        owner,
        repo,
        ...input
      });
      return data.number;
    },
    async updateIssue(issue, fields) {
      await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
        owner,
        repo,
        issue_number: issue,
        ...fields
      });
    },
    /** Open pull requests with their head commit and labels (for review reminders). */
    async listOpenPulls() {
      const pulls = await octokit.paginate("GET /repos/{owner}/{repo}/pulls", {
        owner,
        repo,
        state: "open",
        per_page: 100
      });
      return pulls.map((pull) => ({
        number: pull.number,
        headSha: pull.head.sha,
        labels: (pull.labels ?? []).map((label) => label.name)
      }));
    },
    async listIssuesByLabel(label, state = "all") {
      const issues = await octokit.paginate("GET /repos/{owner}/{repo}/issues", {
        owner,
        repo,
        labels: label,
        state,
        per_page: 100
      });
      return issues.map((i) => ({
        number: i.number,
        title: i.title,
        body: i.body ?? "",
        url: i.html_url,
        state: i.state,
        author: i.user?.login ?? null
      }));
    }
  };
}
function literalPath(path) {
  return path.replace(/%/g, "%25");
}
function trackedIssue(i) {
  return {
    number: i.number,
    title: i.title,
    body: i.body ?? "",
    state: i.state,
    stateReason: i.state_reason ?? null,
    assignees: (i.assignees ?? []).map((a) => a.login),
    labels: (i.labels ?? []).map(
      (l) => typeof l === "string" ? l : l.name
    ),
    updatedAt: i.updated_at,
    author: i.user?.login ?? null
  };
}
var DRAFT_UNSUPPORTED_NOTE = '> [!NOTE]\n> Opened as a ready pull request: this repository does not support draft pull requests (GitHub answered "Draft pull requests are not supported in this repository.", as on private repositories of Free and Pro plans). Treat it as a draft until it is ready for review.';
function isDraftUnsupported(error) {
  return httpStatus(error) === 422 && /draft pull requests are not supported/i.test(errorMessage(error));
}
function pullRequestRefused(error, repository) {
  if (httpStatus(error) === 403 && /not permitted to create or approve pull requests/i.test(errorMessage(error)))
    return new Error(
      `GitHub refused to open a pull request in ${repository} with the workflow's token (403 "GitHub Actions is not permitted to create or approve pull requests"). Allow it in the repository's Settings \u2192 Actions \u2192 General \u2192 Workflow permissions \u2192 "Allow GitHub Actions to create and approve pull requests" (an organisation can lock it: then in the organisation's settings), or pass a token that may (a GitHub App installation token or a fine-grained PAT with pull requests: write).`,
      { cause: error }
    );
  return error;
}
function isBranchProtected(error) {
  const status = httpStatus(error);
  const message = errorMessage(error);
  return status === 409 && /changes must be made through a pull request|protected branch/i.test(message) || status === 422 && /repository rule violations/i.test(message);
}
function errorMessage(error) {
  const response = error?.response?.data;
  return [response?.message, ...(response?.errors ?? []).map((e) => e.message)].filter(Boolean).join("; ") || String(error?.message ?? error);
}

// src/flows/load-repo-config.ts
async function loadRepoConfig(input) {
  let raw;
  try {
    raw = await input.probotConfig() ?? {};
  } catch {
    return loadConfig(await readText(input.gateway), CONFIG_PATH, input.knownTemplates);
  }
  const loaded = validateConfig(raw, { file: CONFIG_PATH, knownTemplates: input.knownTemplates });
  if (loaded.errors.length === 0) return loaded;
  const located = loadConfig(await readText(input.gateway), CONFIG_PATH, input.knownTemplates);
  return located.errors.length > 0 ? located : loaded;
}
async function readText(gateway) {
  return gateway.readFile(CONFIG_PATH, await gateway.getDefaultBranch());
}
async function readRepoConfigAt(input) {
  const loaded = loadConfig(
    await input.gateway.readFile(CONFIG_PATH, input.ref),
    CONFIG_PATH,
    input.knownTemplates
  );
  if (loaded.errors.length > 0)
    throw new Error(
      `${CONFIG_PATH} is not valid:
${loaded.errors.map(formatConfigError).join("\n")}`
    );
  return loaded.config;
}

// src/flows/remind-reviews.ts
async function remindReviews(input) {
  const { gateway, config, log } = input;
  const isPostmortem = (path) => isPostmortemPath(config, path);
  const plan = (path, text) => planReviewReminder({
    path,
    text,
    today: input.today,
    reviewDueBusinessDays: config.reviewDueBusinessDays
  });
  const result = { reminded: 0, planned: [] };
  const remind = async (target, reminder) => {
    const self = await gateway.whoAmI();
    const reminded = await gateway.findComment(
      target,
      (comment) => writtenBy(comment.author, self) && startsWithMarker(comment.body, reminder.marker)
    );
    if (reminded) return;
    result.planned.push(`remind on #${target}: ${reminder.path} was due ${reminder.due}`);
    if (input.dryRun) return;
    await gateway.createComment(target, reminder.body);
    result.reminded++;
    log.info(
      `Reminded ${reminder.owner ? `@${reminder.owner}` : "the owner"} on #${target}: ${reminder.path} was due ${reminder.due}.`
    );
  };
  const pullNumbers = /* @__PURE__ */ new Set();
  const pulls = input.scope.pulls === "open" ? (await gateway.listOpenPulls()).filter((pull) => {
    pullNumbers.add(pull.number);
    return pull.labels.some(
      (l) => l.toLowerCase() === config.labels.postmortem.toLowerCase()
    );
  }) : input.scope.pulls;
  for (const pull of pulls) {
    const files = await gateway.listPullFiles(pull.number);
    for (const file of files) {
      if (file.status === "removed" || !isPostmortem(file.path)) continue;
      const text = await gateway.readFile(file.path, pull.headSha);
      const reminder = text === null ? null : plan(file.path, text);
      if (reminder) await remind(pull.number, reminder);
    }
  }
  if (input.scope.issues) {
    for (const issue of await gateway.listIssuesByLabel(config.labels.postmortem, "open")) {
      if (pullNumbers.has(issue.number)) continue;
      const start = issue.body.search(/^---\s*$/m);
      if (start === -1) continue;
      const reminder = plan(`#${issue.number}`, issue.body.slice(start));
      if (reminder) await remind(issue.number, reminder);
    }
  }
  const paths = input.scope.defaultBranch === "all" ? (await gateway.listMarkdown(postmortemFolder(config), input.defaultBranch)).map(
    (f) => f.path
  ) : input.scope.defaultBranch;
  for (const path of paths.filter(isPostmortem)) {
    const text = await (input.read ?? ((p) => gateway.readFile(p, input.defaultBranch)))(path);
    const reminder = text === null ? null : plan(path, text);
    if (!reminder) continue;
    if (reminder.incident === null) {
      log.info(
        `${path} is a draft past its review due date, but names no incident issue to remind on.`
      );
      continue;
    }
    await remind(reminder.incident, reminder);
  }
  return result;
}

// src/flows/update-file.ts
var ATTEMPTS = 5;
var BranchProtectedError = class extends Error {
  constructor(branch, path, cause) {
    super(
      `${branch} takes changes only through pull requests (branch protection or a ruleset); ${path} was not written.`,
      { cause }
    );
    this.branch = branch;
    this.path = path;
  }
  branch;
  path;
};
async function updateFile(input) {
  const { gateway, path, branch } = input;
  let file = input.current === void 0 ? await gateway.getFile(path, branch) : input.current;
  for (let attempt = 1; ; attempt++) {
    if (!file) return "missing";
    const next = input.change(file.text);
    if (!next || next.text === file.text) return "unchanged";
    try {
      await gateway.putFile({
        path,
        branch,
        text: next.text,
        message: next.message,
        sha: file.sha
      });
      return "written";
    } catch (error) {
      if (isBranchProtected(error)) throw new BranchProtectedError(branch, path, error);
      const status = httpStatus(error);
      if (status !== 409 && status !== 422 || attempt >= ATTEMPTS) throw error;
      input.log.info(
        `${path} changed on ${branch} while ${input.doing} (HTTP ${status}); reading it again and applying only this change.`
      );
      file = await gateway.getFile(path, branch);
    }
  }
}

// src/flows/sync-action-items.ts
var SYNC_BRANCH = "hindsight/action-item-sync";
async function syncActionItems(input) {
  const { gateway, config, log } = input;
  const issuesAt = input.issueGateway ?? gateway;
  const home = input.home ?? null;
  const result = {
    created: 0,
    updated: 0,
    reminded: 0,
    written: [],
    skipped: [],
    failed: [],
    failedPaths: [],
    deferredPaths: [],
    issues: [],
    plan: []
  };
  const paths = input.paths.filter((path) => isPostmortemPath(config, path));
  if (!config.actionItems.createIssues || paths.length === 0) return result;
  const issues = input.issues ?? await listIssues(issuesAt, config.labels.actionItem, input.memory).catch((error) => {
    throw home ? unreachable(home.target, error) : error;
  });
  result.issues = issues;
  const read = input.read ?? ((path) => gateway.getFile(path, input.defaultBranch));
  const assignable = /* @__PURE__ */ new Map();
  const canAssign = async (login) => {
    if (!login) return false;
    if (!assignable.has(login)) assignable.set(login, await issuesAt.isAssignable(login));
    return assignable.get(login);
  };
  const mode = { writeBack: config.actionItems.writeBack };
  const syncOne = async (path) => {
    const file = await read(path);
    if (!file) return;
    const planFor = (known) => planSync({
      path,
      text: file.text,
      config,
      issues: known,
      today: input.today,
      blobUrl: `${input.repoUrl}/blob/${input.defaultBranch}/${path}`,
      home
    });
    let plan = planFor(issues);
    if (input.dryRun) {
      dryRun(path, plan, file.text);
      return;
    }
    if (plan.create.length > 0 && input.mayCreate && !await input.mayCreate()) {
      result.skipped.push(
        `${path}: its ${plan.create.length} new issue(s) wait for the next run (another sync run is creating issues)`
      );
      result.deferredPaths.push(path);
      return;
    }
    if (plan.create.length > 0) {
      await refresh(issuesAt, config.labels.actionItem, issues, input.memory);
      plan = planFor(issues);
    }
    for (const skip of plan.skipped) result.skipped.push(`${path}:${skip.line}: ${skip.reason}`);
    for (const [n, draft] of plan.create.entries()) {
      if (n > 0 && input.mayCreate && !await input.mayCreate()) {
        result.skipped.push(
          `${path}: ${plan.create.length - n} of its new issues wait for the next run (another sync run is creating issues)`
        );
        result.deferredPaths.push(path);
        return;
      }
      const assignees = await canAssign(draft.assignee) ? [draft.assignee] : [];
      const number = await issuesAt.createTrackedIssue({
        title: draft.title,
        body: draft.body,
        labels: draft.labels,
        assignees
      });
      const created = {
        number,
        title: draft.title,
        body: draft.body,
        state: "open",
        stateReason: null,
        assignees,
        labels: draft.labels
      };
      issues.push(created);
      input.memory?.issues.set(number, created);
      result.created++;
    }
    for (const change of plan.update) {
      const { number, itemId: _id, assignee, ...fields } = change;
      await issuesAt.updateIssue(number, {
        ...fields,
        ...assignee && await canAssign(assignee) ? { assignees: [assignee] } : {}
      });
      result.updated++;
    }
    for (const reminder of plan.reminders) {
      const self = await issuesAt.whoAmI();
      const reminded = await issuesAt.findComment(
        reminder.number,
        (comment) => writtenBy(comment.author, self) && startsWithMarker(comment.body, reminder.marker)
      );
      if (reminded) continue;
      const who = reminder.owner ? `@${reminder.owner}` : "The owner";
      await issuesAt.createComment(
        reminder.number,
        `${reminder.marker}
\u23F0 ${who}, this action item was due on ${reminder.due} and is still open. Finish it, or agree a new due date in the postmortem.`
      );
      result.reminded++;
    }
    if (await writeReport({
      gateway,
      path,
      issues,
      home,
      defaultBranch: input.defaultBranch,
      today: input.today,
      log,
      first: file,
      mode
    }))
      result.written.push(path);
  };
  const dryRun = (path, plan, text) => {
    for (const skip of plan.skipped) result.skipped.push(`${path}:${skip.line}: ${skip.reason}`);
    result.created += plan.create.length;
    result.updated += plan.update.length;
    result.reminded += plan.reminders.length;
    for (const draft of plan.create)
      result.plan.push(
        `${path}: create issue "${draft.title}"${draft.assignee ? ` for @${draft.assignee}` : ""}`
      );
    for (const change of plan.update)
      result.plan.push(
        `${path}: update #${change.number} (${Object.keys(change).filter((k) => k !== "number" && k !== "itemId").join(", ")})`
      );
    for (const reminder of plan.reminders)
      result.plan.push(
        `${path}: remind #${reminder.number} (due ${reminder.due}) unless already reminded`
      );
    const back = writeBack({ path, text, issues, today: input.today, home });
    for (const change of back.changed) result.plan.push(`${path}: write ${change}`);
    if (plan.create.length > 0)
      result.plan.push(
        `${path}: write the new issues' numbers into the Issue column of ${plan.create.length} item(s)`
      );
    if (back.changed.length > 0 || plan.create.length > 0) result.written.push(path);
  };
  for (const path of paths) {
    try {
      await syncOne(path);
    } catch (error) {
      const message = `${path}: ${describeFailure(error)}`;
      log.error(`Could not sync ${message}`);
      result.failed.push(message);
      result.failedPaths.push(path);
    }
  }
  return result;
}
function unreachable(target, error) {
  const status = httpStatus(error);
  if (status !== 404 && status !== 403) return error;
  return new Error(
    `The token cannot reach ${target}, where actionItems.repository in .github/postmortem.yml puts the action-item issues (HTTP ${status}). A workflow's GITHUB_TOKEN reaches only the repository the workflow runs in, and an app installation only the repositories it is installed on. Use a token that can: a fine-grained personal access token or a GitHub App installation token with issues: write on ${target} (the Action's \`token\` input; GITHUB_TOKEN for \`hindsight sync\`), or install the app on ${target}.`,
    { cause: error }
  );
}
async function listActionItemIssues(gateway, label, home, since) {
  return listOurIssues(gateway, label, since).catch((error) => {
    throw home ? unreachable(home.target, error) : error;
  });
}
async function listOurIssues(gateway, label, since) {
  const listed = await gateway.listTrackedIssues(label, since);
  if (listed.length === 0) return listed;
  const self = await gateway.whoAmI();
  return listed.filter((issue) => writtenBy(issue.author, self));
}
async function listIssues(gateway, label, memory) {
  const fresh = await listOurIssues(gateway, label, memory?.since ?? void 0);
  if (!memory) return fresh;
  for (const issue of fresh) {
    memory.issues.set(issue.number, issue);
    if (issue.updatedAt && (!memory.since || issue.updatedAt > memory.since))
      memory.since = issue.updatedAt;
  }
  return [...memory.issues.values()];
}
async function refresh(gateway, label, issues, memory) {
  const since = issues.reduce(
    (newest, issue) => issue.updatedAt && (!newest || issue.updatedAt > newest) ? issue.updatedAt : newest,
    void 0
  );
  for (const issue of await listOurIssues(gateway, label, since)) {
    const at = issues.findIndex((known) => known.number === issue.number);
    if (at === -1) issues.push(issue);
    else issues[at] = issue;
    memory?.issues.set(issue.number, issue);
    if (memory && issue.updatedAt && (!memory.since || issue.updatedAt > memory.since))
      memory.since = issue.updatedAt;
  }
}
async function startSyncBranch(gateway, defaultBranch, log) {
  const base = await gateway.branchSha(defaultBranch);
  if (!base) throw new Error(`The default branch ${defaultBranch} has no commits to branch from.`);
  if (await gateway.createBranch(SYNC_BRANCH, base) === "created") return;
  try {
    await gateway.moveBranch(SYNC_BRANCH, base);
  } catch (error) {
    if (!isBranchProtected(error)) throw error;
    log.info(
      `${SYNC_BRANCH} cannot be moved by a forced update here (${errorMessage(error).split("\n")[0]}); deleting it and starting it again from ${defaultBranch}.`
    );
    await gateway.deleteBranch(SYNC_BRANCH);
    await gateway.createBranch(SYNC_BRANCH, base);
  }
}
async function writeReport(input) {
  const { gateway, path, log } = input;
  const change = (text) => {
    const next = writeBack({
      path,
      text,
      issues: input.issues,
      today: input.today,
      home: input.home
    });
    return {
      text: next.text,
      message: `Sync action items of ${path}

${next.changed.map((c) => `- ${c}`).join("\n")}`
    };
  };
  const doing = "syncing its action items";
  if (input.mode.writeBack === "commit") {
    try {
      const outcome2 = await updateFile({
        gateway,
        path,
        branch: input.defaultBranch,
        current: input.first,
        change,
        log,
        doing
      });
      return outcome2 === "written";
    } catch (error) {
      if (!(error instanceof BranchProtectedError)) throw error;
      input.mode.writeBack = "pull-request";
      log.warn(
        `${input.defaultBranch} takes changes only through pull requests (${errorMessage(error.cause).split("\n")[0]}): reports are written back on the sync pull request (${SYNC_BRANCH}) instead. Set actionItems.writeBack: pull-request in .github/postmortem.yml to make that the plan.`
      );
    }
  }
  let open = await gateway.findOpenPull(SYNC_BRANCH);
  if (!open) {
    if (change(input.first.text).text === input.first.text) return false;
    await startSyncBranch(gateway, input.defaultBranch, log);
  }
  const outcome = await updateFile({
    gateway,
    path,
    branch: SYNC_BRANCH,
    ...open ? {} : { current: input.first },
    change,
    log,
    doing
  });
  if (outcome === "missing")
    log.info(
      `${path} is not on ${SYNC_BRANCH} yet; its write-back follows once sync PR #${open?.number} merges.`
    );
  if (outcome !== "written") return false;
  if (!open)
    open = await gateway.openPullRequest({
      title: "Sync postmortem action items",
      head: SYNC_BRANCH,
      base: input.defaultBranch,
      body: "Issue links and statuses of postmortem action items, kept in step with their issues by Hindsight. This PR is updated in place.",
      draft: false
    });
  return true;
}

export {
  NEXT_EVENT_COMPLETES,
  describeFailure,
  describeGitHubError,
  httpStatus,
  createGateway,
  isBranchProtected,
  errorMessage,
  loadRepoConfig,
  readRepoConfigAt,
  remindReviews,
  updateFile,
  syncActionItems,
  listActionItemIssues
};
