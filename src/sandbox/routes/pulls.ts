import { HttpError, page, type Route, type RouteContext } from '../http.js';
import { issueJson, repoJson, userJson } from '../render.js';
import type { Issue, Repository } from '../state.js';
import { diff } from './repos.js';
import { checkOpenPull, checkReviewerNotAuthor, checkTeamReview } from '../behaviours.js';
import { actorOf, issueOf, repoOf, unprocessable } from './lookup.js';
import { newIssue } from './issues.js';
import { webUrlFor } from '../web.js';

/** Pull requests: open (422 on a duplicate head), list by head, files, reviews, review requests, merge. */
export const pullRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls',
    handler: (c) => {
      const repo = repoOf(c);
      const state = c.query.get('state') ?? 'open';
      const head = c.query.get('head');
      const items = [...repo.issues.values()]
        .filter((issue) => issue.pull)
        .filter((issue) => state === 'all' || issue.state === state)
        .filter(
          (issue) =>
            !head || `${repo.owner.login}:${issue.pull!.head}`.toLowerCase() === head.toLowerCase(),
        )
        .sort((a, b) => b.number - a.number);
      return page(
        c,
        items.map((issue) => pullJson(c, repo, issue)),
        `/repos/${c.params.owner}/${c.params.repo}/pulls`,
      );
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/pulls',
    handler: (c) => {
      const repo = repoOf(c);
      const body = (c.body ?? {}) as {
        title?: string;
        head?: string;
        base?: string;
        body?: string;
        draft?: boolean;
      };
      if (
        typeof body.title !== 'string' ||
        typeof body.head !== 'string' ||
        typeof body.base !== 'string'
      )
        throw unprocessable('Validation Failed', [
          { resource: 'PullRequest', code: 'missing_field', field: 'head' },
        ]);
      const head = body.head.includes(':') ? body.head.split(':')[1]! : body.head;
      if (!repo.refs.has(`refs/heads/${head}`))
        throw unprocessable('Validation Failed', [
          { resource: 'PullRequest', code: 'invalid', field: 'head' },
        ]);
      if (!repo.refs.has(`refs/heads/${body.base}`))
        throw unprocessable('Validation Failed', [
          { resource: 'PullRequest', code: 'invalid', field: 'base' },
        ]);
      if (
        c.state.isAncestor(
          repo,
          repo.refs.get(`refs/heads/${head}`)!,
          repo.refs.get(`refs/heads/${body.base}`)!,
        )
      ) {
        throw unprocessable('Validation Failed', [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: `No commits between ${body.base} and ${head}`,
          },
        ]);
      }
      checkOpenPull(c, repo, body.draft === true);
      const existing = [...repo.issues.values()].find(
        (issue) => issue.pull?.head === head && issue.state === 'open',
      );
      if (existing)
        throw unprocessable('Validation Failed', [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: `A pull request already exists for ${repo.owner.login}:${head}.`,
          },
        ]);
      const actor = actorOf(c);
      const issue = newIssue(c, repo, { title: body.title, body: body.body ?? null, user: actor });
      issue.pull = {
        head,
        base: body.base,
        draft: body.draft === true,
        merged: false,
        requestedReviewers: [],
        requestedTeams: [],
        reviews: [],
      };
      c.state.recordReferences(repo, issue.body, { issue, actor });
      c.state.emit?.({ kind: 'pull_request', action: 'opened', repo, issue, sender: actor });
      return { status: 201, body: pullJson(c, repo, issue) };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}',
    handler: (c) => {
      const repo = repoOf(c);
      return { status: 200, body: pullJson(c, repo, pullOf(repo, c.params.pull_number)) };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/files',
    handler: (c) => {
      const repo = repoOf(c);
      const issue = pullOf(repo, c.params.pull_number);
      const base = repo.commits.get(c.state.resolve(repo, issue.pull!.base)!);
      const head = repo.commits.get(c.state.resolve(repo, issue.pull!.head)!);
      return page(
        c,
        diff(base?.tree, head?.tree),
        `/repos/${c.params.owner}/${c.params.repo}/pulls/${issue.number}/files`,
      );
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    handler: (c) => {
      const repo = repoOf(c);
      const issue = pullOf(repo, c.params.pull_number);
      return page(
        c,
        issue.pull!.reviews.map((review) => reviewJson(c, repo, issue, review)),
        `/repos/${c.params.owner}/${c.params.repo}/pulls/${issue.number}/reviews`,
      );
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    handler: (c) => {
      const repo = repoOf(c);
      const issue = pullOf(repo, c.params.pull_number);
      const body = (c.body ?? {}) as { event?: string; body?: string };
      const states: Record<string, 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED'> = {
        APPROVE: 'APPROVED',
        REQUEST_CHANGES: 'CHANGES_REQUESTED',
        COMMENT: 'COMMENTED',
      };
      const state = states[body.event ?? ''];
      if (!state)
        throw unprocessable('Unprocessable Entity', [
          { resource: 'PullRequestReview', code: 'invalid', field: 'event' },
        ]);
      const actor = actorOf(c);
      if (actor.login.toLowerCase() === issue.user.login.toLowerCase() && state !== 'COMMENTED')
        throw unprocessable('Unprocessable Entity', ['Can not approve your own pull request']);
      const review = {
        id: c.state.id(),
        user: actor,
        state,
        body: body.body ?? '',
        submitted_at: c.state.timestamp(),
        commit_id: c.state.resolve(repo, issue.pull!.head) ?? '',
      };
      issue.pull!.reviews.push(review);
      return { status: 200, body: reviewJson(c, repo, issue, review) };
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
    handler: (c) => {
      const repo = repoOf(c);
      const issue = pullOf(repo, c.params.pull_number);
      const body = (c.body ?? {}) as { reviewers?: string[]; team_reviewers?: string[] };
      const reviewers = body.reviewers ?? [];
      checkReviewerNotAuthor(issue.user.login, reviewers);
      checkTeamReview(c, repo, body.team_reviewers ?? []);
      const bad = reviewers.filter((login) => !repo.collaborators.has(login.toLowerCase()));
      if (bad.length > 0)
        throw unprocessable(
          'Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ' +
            `${repo.owner.login}/${repo.name} repository.`,
        );
      for (const login of reviewers)
        if (!issue.pull!.requestedReviewers.includes(login))
          issue.pull!.requestedReviewers.push(login);
      for (const team of body.team_reviewers ?? []) {
        if (!c.state.teams.has(`${repo.owner.login}/${team}`.toLowerCase()))
          throw unprocessable(`Could not resolve to a node with the global id of '${team}'`);
        if (!issue.pull!.requestedTeams.includes(team)) issue.pull!.requestedTeams.push(team);
      }
      return { status: 201, body: pullJson(c, repo, issue) };
    },
  },
  {
    method: 'PUT',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/merge',
    handler: (c) => {
      const repo = repoOf(c);
      const issue = pullOf(repo, c.params.pull_number);
      if (issue.state !== 'open') throw new HttpError(405, 'Pull Request is not mergeable');
      const baseRef = `refs/heads/${issue.pull!.base}`;
      const before = repo.refs.get(baseRef)!;
      const head = repo.commits.get(repo.refs.get(`refs/heads/${issue.pull!.head}`)!)!;
      const baseTree = repo.commits.get(before)!.tree;
      const changes: Record<string, Buffer | null> = {};
      for (const file of diff(baseTree, head.tree))
        changes[file.filename] =
          file.status === 'removed' ? null : repo.blobs.get(head.tree.get(file.filename)!)!;
      const sha = c.state.commit(repo, {
        parent: before,
        merged: head.sha,
        message: `Merge pull request #${issue.number}`,
        changes,
        author: actorOf(c),
      });
      repo.refs.set(baseRef, sha);
      issue.pull!.merged = true;
      issue.state = 'closed';
      issue.closed_at = c.state.timestamp();
      c.state.emit?.({ kind: 'pull_request', action: 'closed', repo, issue, sender: actorOf(c) });
      c.state.emit?.({ kind: 'push', repo, ref: baseRef, before, after: sha });
      return {
        status: 200,
        body: { sha, merged: true, message: 'Pull Request successfully merged' },
      };
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/check-runs',
    handler: (c) => {
      const repo = repoOf(c);
      const body = (c.body ?? {}) as {
        name?: string;
        head_sha?: string;
        status?: string;
        conclusion?: string;
        output?: { annotations?: unknown[] };
      };
      if (typeof body.name !== 'string' || typeof body.head_sha !== 'string')
        throw unprocessable('Validation Failed');
      if ((body.output?.annotations?.length ?? 0) > 50)
        throw unprocessable('Only 50 annotations are allowed per request');
      const run = {
        id: c.state.id(),
        name: body.name,
        head_sha: body.head_sha,
        status: body.status ?? 'queued',
        conclusion: body.conclusion ?? null,
        output: body.output ?? null,
      };
      repo.checkRuns.push(run);
      return { status: 201, body: checkRunJson(c, repo, run) };
    },
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/check-runs/{check_run_id}',
    handler: (c) => {
      const repo = repoOf(c);
      const run = repo.checkRuns.find(
        (candidate) => candidate.id === Number(c.params.check_run_id),
      );
      if (!run) throw new HttpError(404, 'Not Found');
      const body = (c.body ?? {}) as {
        status?: string;
        conclusion?: string;
        output?: { annotations?: unknown[] };
      };
      if ((body.output?.annotations?.length ?? 0) > 50)
        throw unprocessable('Only 50 annotations are allowed per request');
      Object.assign(run, {
        ...(body.status ? { status: body.status } : {}),
        ...(body.conclusion ? { conclusion: body.conclusion, status: 'completed' } : {}),
        ...(body.output ? { output: body.output } : {}),
      });
      return { status: 200, body: checkRunJson(c, repo, run) };
    },
  },
];

function reviewJson(
  c: RouteContext,
  repo: Repository,
  issue: Issue,
  review: {
    id: number;
    user: { login: string; id: number; type: 'User' | 'Bot' | 'Organization' };
    state: string;
    body: string;
    submitted_at: string;
    commit_id: string;
  },
) {
  const full = `${repo.owner.login}/${repo.name}`;
  const html = `${webUrlFor(c.baseUrl)}/${full}/pull/${issue.number}#pullrequestreview-${review.id}`;
  const pull = `${c.baseUrl}/repos/${full}/pulls/${issue.number}`;
  return {
    id: review.id,
    node_id: `PRR_${review.id}`,
    user: userJson(review.user, c.baseUrl),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: pull,
    _links: { html: { href: html }, pull_request: { href: pull } },
    submitted_at: review.submitted_at,
    commit_id: review.commit_id,
    author_association: 'MEMBER',
  };
}

function checkRunJson(
  c: RouteContext,
  repo: Repository,
  run: {
    id: number;
    name: string;
    head_sha: string;
    status: string;
    conclusion: string | null;
    output: unknown;
  },
) {
  const url = `${c.baseUrl}/repos/${repo.owner.login}/${repo.name}/check-runs/${run.id}`;
  const output = (run.output ?? {}) as {
    title?: string;
    summary?: string;
    text?: string;
    annotations?: unknown[];
  };
  return {
    id: run.id,
    head_sha: run.head_sha,
    node_id: `CR_${run.id}`,
    external_id: '',
    url,
    html_url: `${webUrlFor(c.baseUrl)}/${repo.owner.login}/${repo.name}/runs/${run.id}`,
    details_url: null,
    status: run.status,
    conclusion: run.conclusion,
    started_at: null,
    completed_at: null,
    output: {
      title: output.title ?? null,
      summary: output.summary ?? null,
      text: output.text ?? null,
      annotations_count: output.annotations?.length ?? 0,
      annotations_url: `${url}/annotations`,
    },
    name: run.name,
    check_suite: null,
    app: null,
    pull_requests: [],
  };
}

function pullOf(repo: Repository, number: string | undefined): Issue {
  const issue = issueOf(repo, number);
  if (!issue.pull) throw new HttpError(404, 'Not Found');
  return issue;
}

/** A pull request as the pulls API returns it (the issue's fields plus head, base, draft, merged). */
export function pullJson(c: RouteContext, repo: Repository, issue: Issue) {
  const pull = issue.pull!;
  const base = issueJson(c.state, repo, issue, c.baseUrl);
  const full = `${repo.owner.login}/${repo.name}`;
  const branch = (name: string) => ({
    label: `${repo.owner.login}:${name}`,
    ref: name,
    sha: c.state.resolve(repo, name) ?? '',
    user: userJson(repo.owner, c.baseUrl),
    repo: repoJson(repo, c.baseUrl),
  });
  return {
    ...base,
    url: `${c.baseUrl}/repos/${full}/pulls/${issue.number}`,
    html_url: `${webUrlFor(c.baseUrl)}/${full}/pull/${issue.number}`,
    diff_url: `${webUrlFor(c.baseUrl)}/${full}/pull/${issue.number}.diff`,
    patch_url: `${webUrlFor(c.baseUrl)}/${full}/pull/${issue.number}.patch`,
    issue_url: `${c.baseUrl}/repos/${full}/issues/${issue.number}`,
    commits_url: `${c.baseUrl}/repos/${full}/pulls/${issue.number}/commits`,
    review_comments_url: `${c.baseUrl}/repos/${full}/pulls/${issue.number}/comments`,
    review_comment_url: `${c.baseUrl}/repos/${full}/pulls/comments{/number}`,
    statuses_url: `${c.baseUrl}/repos/${full}/statuses/${branch(pull.head).sha}`,
    head: branch(pull.head),
    base: branch(pull.base),
    draft: pull.draft,
    merged: pull.merged,
    merged_at: pull.merged ? issue.closed_at : null,
    merge_commit_sha: null,
    requested_reviewers: pull.requestedReviewers.map((login) =>
      userJson(c.state.user(login), c.baseUrl),
    ),
    requested_teams: pull.requestedTeams.map((slug) => ({
      id: 1,
      node_id: 'T_1',
      url: '',
      html_url: '',
      name: slug,
      slug,
      description: null,
      privacy: 'closed',
      permission: 'pull',
      members_url: '',
      repositories_url: '',
      parent: null,
      type: 'organization',
    })),
    additions: 0,
    deletions: 0,
    changed_files: diff(
      c.state.repoCommitTree(repo, pull.base),
      c.state.repoCommitTree(repo, pull.head),
    ).length,
    commits: 1,
    comments: issue.comments.length,
    review_comments: 0,
    mergeable: issue.state === 'open' ? true : null,
    mergeable_state: issue.state === 'open' ? 'clean' : 'unknown',
    maintainer_can_modify: false,
    merged_by: null,
    _links: {
      self: { href: '' },
      html: { href: '' },
      issue: { href: '' },
      comments: { href: '' },
      review_comments: { href: '' },
      review_comment: { href: '' },
      commits: { href: '' },
      statuses: { href: '' },
    },
    author_association: 'MEMBER',
    auto_merge: null,
    active_lock_reason: null,
  };
}
