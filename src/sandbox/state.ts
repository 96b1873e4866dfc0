import { createHash } from 'node:crypto';
import { DEFAULT_BEHAVIOURS, type RepoBehaviours } from './behaviours.js';

/**
 * The sandbox's world: users, repositories with real-enough git (commits hold full snapshots,
 * blobs are addressed by git's own sha1), and the issues, pull requests, comments, labels,
 * reviews, events and check runs that hang off them. Everything in memory; one instance per test.
 */
export interface User {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
}

export interface Commit {
  sha: string;
  parents: string[];
  message: string;
  /** path → blob sha */
  tree: Map<string, string>;
  author: User;
  date: string;
}

export interface Label {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface Comment {
  id: number;
  body: string;
  user: User;
  created_at: string;
  updated_at: string;
}

export interface IssueEvent {
  id: number;
  event: string;
  actor: User;
  created_at: string;
  label?: { name: string; color: string };
  assignee?: User;
  commit_id?: string | null;
  source?: {
    type: 'issue';
    issue: { number: number; title: string; html_url: string; pull_request?: object };
  };
}

export interface Issue {
  number: number;
  id: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  /** `duplicate` is real, though missing from the OpenAPI enum. */
  state_reason: 'completed' | 'not_planned' | 'duplicate' | 'reopened' | null;
  user: User;
  labels: string[];
  assignees: string[];
  comments: Comment[];
  events: IssueEvent[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  /** Set when this issue number is a pull request. */
  pull?: PullRequest;
}

export interface Review {
  id: number;
  user: User;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED';
  body: string;
  submitted_at: string;
  commit_id: string;
}

export interface PullRequest {
  head: string;
  base: string;
  draft: boolean;
  merged: boolean;
  requestedReviewers: string[];
  requestedTeams: string[];
  reviews: Review[];
}

export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  output: unknown;
}

export interface Repository {
  id: number;
  owner: User;
  name: string;
  private: boolean;
  defaultBranch: string;
  /** refs/heads/x and refs/tags/x → commit sha */
  refs: Map<string, string>;
  commits: Map<string, Commit>;
  blobs: Map<string, Buffer>;
  issues: Map<number, Issue>;
  labels: Map<string, Label>;
  checkRuns: CheckRun[];
  /** Logins that may be assigned or asked for review. */
  collaborators: Set<string>;
  installationId: number;
  /** How this repository departs from the happy path (plan, protection, settings, caps). */
  behaviours: RepoBehaviours;
}

export interface Team {
  org: string;
  slug: string;
  members: string[];
}

/** What happened, for the webhook deliverer to turn into GitHub's payloads. */
export type SandboxEvent =
  | { kind: 'push'; repo: Repository; ref: string; before: string; after: string }
  | {
      kind: 'issues';
      action:
        | 'opened'
        | 'edited'
        | 'closed'
        | 'reopened'
        | 'labeled'
        | 'unlabeled'
        | 'assigned'
        | 'unassigned';
      repo: Repository;
      issue: Issue;
      sender: User;
      label?: string;
      assignee?: string;
    }
  | {
      kind: 'issue_comment';
      action: 'created' | 'edited';
      repo: Repository;
      issue: Issue;
      comment: Comment;
      sender: User;
    }
  | {
      kind: 'pull_request';
      action: 'opened' | 'closed' | 'reopened' | 'labeled' | 'review_requested' | 'edited';
      repo: Repository;
      issue: Issue;
      sender: User;
      label?: string;
    };

export class SandboxState {
  /** Set by the sandbox to deliver webhooks for what API calls change. */
  emit?: (event: SandboxEvent) => void;
  readonly users = new Map<string, User>();
  readonly repos = new Map<string, Repository>();
  readonly teams = new Map<string, Team>();
  /** Installation tokens handed out, token → installation id. */
  readonly tokens = new Map<string, number>();
  private nextId = 1000;
  /** A clock that only moves when told, so tests can assert on dates. */
  now = new Date('2026-11-20T14:28:00Z');

  id(): number {
    return this.nextId++;
  }

  timestamp(): string {
    const value = this.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    this.now = new Date(this.now.getTime() + 1000);
    return value;
  }

  user(login: string, type: User['type'] = 'User'): User {
    let user = this.users.get(login.toLowerCase());
    if (!user) {
      user = { login, id: this.id(), type };
      this.users.set(login.toLowerCase(), user);
    }
    return user;
  }

  repo(fullName: string): Repository | undefined {
    return this.repos.get(fullName.toLowerCase());
  }

  /** Creates a repository with one commit holding `files` on its default branch. */
  createRepo(input: {
    owner: string;
    name: string;
    defaultBranch?: string;
    files?: Record<string, string>;
    collaborators?: string[];
    ownerType?: User['type'];
    installationId?: number;
    private?: boolean;
    /** No commits at all, as a repository created without a README. */
    empty?: boolean;
    behaviours?: Partial<RepoBehaviours>;
  }): Repository {
    const owner = this.user(input.owner, input.ownerType ?? 'Organization');
    const repo: Repository = {
      id: this.id(),
      owner,
      name: input.name,
      private: input.private ?? false,
      defaultBranch: input.defaultBranch ?? 'main',
      refs: new Map(),
      commits: new Map(),
      blobs: new Map(),
      issues: new Map(),
      labels: new Map(),
      checkRuns: [],
      collaborators: new Set((input.collaborators ?? []).map((login) => login.toLowerCase())),
      // Repositories of one owner can share an installation, as on GitHub.
      installationId: input.installationId ?? this.id(),
      behaviours: { ...DEFAULT_BEHAVIOURS, ...input.behaviours },
    };
    this.repos.set(`${input.owner}/${input.name}`.toLowerCase(), repo);
    if (input.empty) return repo;
    const sha = this.commit(repo, {
      parent: null,
      message: 'Initial commit',
      changes: input.files ?? { 'README.md': `# ${input.name}\n` },
      author: owner,
    });
    repo.refs.set(`refs/heads/${repo.defaultBranch}`, sha);
    return repo;
  }

  /** Writes a blob and returns git's sha1 for it (`blob <size>\0<content>`). */
  blob(repo: Repository, content: Buffer | string): string {
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const sha = createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
    repo.blobs.set(sha, bytes);
    return sha;
  }

  /** A new commit: the parent's tree with `changes` applied (null deletes a path); `merged` makes it a merge commit. */
  commit(
    repo: Repository,
    input: {
      parent: string | null;
      merged?: string;
      message: string;
      changes: Record<string, string | Buffer | null>;
      author: User;
    },
  ): string {
    const tree = new Map(input.parent ? repo.commits.get(input.parent)?.tree : undefined);
    for (const [path, content] of Object.entries(input.changes)) {
      if (content === null) tree.delete(path);
      else tree.set(path, this.blob(repo, content));
    }
    const date = this.timestamp();
    const sha = createHash('sha1')
      .update(
        `commit\0${input.parent ?? ''}\0${input.message}\0${date}\0${[...tree].map(([p, s]) => `${p}:${s}`).join(',')}`,
      )
      .digest('hex');
    repo.commits.set(sha, {
      sha,
      parents: [input.parent, input.merged].filter((p): p is string => Boolean(p)),
      message: input.message,
      tree,
      author: input.author,
      date,
    });
    return sha;
  }

  /** Whether `ancestor` is `sha` or reachable from it through parents. */
  isAncestor(repo: Repository, ancestor: string, sha: string): boolean {
    const seen = new Set<string>();
    const queue = [sha];
    while (queue.length > 0) {
      const next = queue.pop()!;
      if (next === ancestor) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(repo.commits.get(next)?.parents ?? []));
    }
    return false;
  }

  /** The commit sha a ref, branch name or sha names, or undefined. */
  resolve(repo: Repository, ref: string | undefined): string | undefined {
    const name = ref ?? repo.defaultBranch;
    return (
      repo.refs.get(name) ??
      repo.refs.get(`refs/heads/${name}`) ??
      repo.refs.get(`refs/tags/${name}`) ??
      (repo.commits.has(name) ? name : undefined)
    );
  }

  /** The tree (path → blob sha) of the commit a ref names. */
  repoCommitTree(repo: Repository, ref: string): Map<string, string> | undefined {
    const sha = this.resolve(repo, ref);
    return sha ? repo.commits.get(sha)?.tree : undefined;
  }

  /**
   * What GitHub records when text mentions `#n`: a `cross-referenced` event on issue n pointing at
   * the issue or PR that mentioned it; and when a commit message does, a `referenced` event.
   */
  recordReferences(
    repo: Repository,
    text: string | null,
    from: { issue?: Issue; commit?: string; actor: User },
  ): void {
    for (const match of (text ?? '').matchAll(/(?<![\w/])#(\d+)\b/g)) {
      const target = repo.issues.get(Number(match[1]));
      if (!target || target === from.issue) continue;
      const at = this.timestamp();
      if (from.commit) {
        target.events.push({
          id: this.id(),
          event: 'referenced',
          actor: from.actor,
          created_at: at,
          commit_id: from.commit,
        });
      } else if (from.issue) {
        const kind = from.issue.pull ? 'pull' : 'issues';
        target.events.push({
          id: this.id(),
          event: 'cross-referenced',
          actor: from.actor,
          created_at: at,
          source: {
            type: 'issue',
            issue: {
              number: from.issue.number,
              title: from.issue.title,
              html_url: `/${repo.owner.login}/${repo.name}/${kind}/${from.issue.number}`,
              ...(from.issue.pull ? { pull_request: {} } : {}),
            },
          },
        });
      }
    }
  }

  /** Issues and pull requests share one sequence of numbers, as on GitHub. */
  nextNumber(repo: Repository): number {
    return repo.issues.size + 1;
  }
}
