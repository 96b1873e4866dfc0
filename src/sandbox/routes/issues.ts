import { checkIssueText } from '../behaviours.js';
import { HttpError, page, type Route, type RouteContext } from '../http.js';
import { commentJson, eventJson, issueJson, labelJson } from '../render.js';
import type { Issue, Repository, User } from '../state.js';
import { actorOf, issueOf, repoOf, unprocessable } from './lookup.js';

/** Issues (and the issue side of pull requests): create, edit, close, labels, assignees, comments, events, timeline. */
export const issueRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues',
    handler: (c) => {
      const repo = repoOf(c);
      const state = c.query.get('state') ?? 'open';
      const labels = (c.query.get('labels') ?? '')
        .split(',')
        .filter(Boolean)
        .map((l) => l.toLowerCase());
      const direction = c.query.get('direction') ?? 'desc';
      const since = c.query.get('since');
      const items = [...repo.issues.values()]
        .filter((issue) => state === 'all' || issue.state === state)
        .filter((issue) => !since || issue.updated_at >= since)
        .filter((issue) =>
          labels.every((label) => issue.labels.some((l) => l.toLowerCase() === label)),
        )
        .sort((a, b) => (direction === 'asc' ? a.number - b.number : b.number - a.number));
      return page(
        c,
        items.map((issue) => issueJson(c.state, repo, issue, c.baseUrl)),
        `/repos/${c.params.owner}/${c.params.repo}/issues`,
      );
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues',
    handler: (c) => {
      const repo = repoOf(c);
      const body = (c.body ?? {}) as {
        title?: unknown;
        body?: string;
        labels?: string[];
        assignees?: string[];
      };
      if (typeof body.title !== 'string' || body.title.trim() === '')
        throw unprocessable('Validation Failed', [
          { resource: 'Issue', code: 'missing_field', field: 'title' },
        ]);
      checkIssueText(body);
      const actor = actorOf(c);
      const issue = newIssue(c, repo, { title: body.title, body: body.body ?? null, user: actor });
      for (const label of body.labels ?? []) addLabel(c, repo, issue, label, actor, false);
      for (const login of body.assignees ?? [])
        if (assignable(repo, login)) issue.assignees.push(login);
      c.state.recordReferences(repo, issue.body, { issue, actor });
      c.state.emit?.({ kind: 'issues', action: 'opened', repo, issue, sender: actor });
      return { status: 201, body: issueJson(c.state, repo, issue, c.baseUrl) };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}',
    handler: (c) => {
      const repo = repoOf(c);
      return {
        status: 200,
        body: issueJson(c.state, repo, issueOf(repo, c.params.issue_number), c.baseUrl),
      };
    },
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/issues/{issue_number}',
    handler: (c) => {
      const repo = repoOf(c);
      const issue = issueOf(repo, c.params.issue_number);
      const body = (c.body ?? {}) as {
        title?: string;
        body?: string;
        state?: 'open' | 'closed';
        state_reason?: 'completed' | 'not_planned' | 'duplicate' | 'reopened';
        labels?: string[];
        assignees?: string[];
      };
      checkIssueText(body);
      const actor = actorOf(c);
      if (body.title !== undefined) issue.title = body.title;
      if (body.body !== undefined) issue.body = body.body;
      if (body.labels) {
        issue.labels = [];
        for (const label of body.labels) addLabel(c, repo, issue, label, actor, false);
      }
      if (body.assignees)
        issue.assignees = body.assignees.filter((login) => assignable(repo, login));
      issue.updated_at = c.state.timestamp();
      if (body.state && body.state !== issue.state)
        setState(c, repo, issue, body.state, body.state_reason ?? null, actor);
      else if (body.title !== undefined || body.body !== undefined)
        c.state.emit?.({
          kind: issue.pull ? 'pull_request' : 'issues',
          action: 'edited',
          repo,
          issue,
          sender: actor,
        } as never);
      return { status: 200, body: issueJson(c.state, repo, issue, c.baseUrl) };
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
    handler: (c) => {
      const repo = repoOf(c);
      const issue = issueOf(repo, c.params.issue_number);
      const given = Array.isArray(c.body)
        ? c.body
        : ((c.body ?? {}) as { labels?: unknown }).labels;
      if (
        !Array.isArray(given) ||
        given.some(
          (label) =>
            typeof label !== 'string' && typeof (label as { name?: unknown })?.name !== 'string',
        )
      )
        throw unprocessable("Invalid request.\n\nFor 'properties/labels', nil is not an array.");
      const actor = actorOf(c);
      for (const label of given)
        addLabel(
          c,
          repo,
          issue,
          typeof label === 'string' ? label : (label as { name: string }).name,
          actor,
          true,
        );
      return {
        status: 200,
        body: issue.labels.map((name) =>
          labelJson(repo.labels.get(name.toLowerCase())!, repo, c.baseUrl),
        ),
      };
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
    handler: (c) => {
      const repo = repoOf(c);
      const issue = issueOf(repo, c.params.issue_number);
      const name = c.params.name ?? '';
      const index = issue.labels.findIndex((label) => label.toLowerCase() === name.toLowerCase());
      if (index === -1) throw new HttpError(404, 'Label does not exist');
      const [removed] = issue.labels.splice(index, 1);
      const actor = actorOf(c);
      issue.events.push({
        id: c.state.id(),
        event: 'unlabeled',
        actor,
        created_at: c.state.timestamp(),
        label: {
          name: removed as string,
          color: repo.labels.get((removed as string).toLowerCase())?.color ?? 'ededed',
        },
      });
      c.state.emit?.({
        kind: issue.pull ? 'pull_request' : 'issues',
        action: 'unlabeled',
        repo,
        issue,
        sender: actor,
        label: removed,
      } as never);
      return {
        status: 200,
        body: issue.labels.map((label) =>
          labelJson(repo.labels.get(label.toLowerCase())!, repo, c.baseUrl),
        ),
      };
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/assignees',
    handler: (c) => {
      const repo = repoOf(c);
      const issue = issueOf(repo, c.params.issue_number);
      const actor = actorOf(c);
      for (const login of ((c.body ?? {}) as { assignees?: string[] }).assignees ?? []) {
        if (!assignable(repo, login) || issue.assignees.includes(login)) continue;
        issue.assignees.push(login);
        issue.events.push({
          id: c.state.id(),
          event: 'assigned',
          actor,
          assignee: c.state.user(login),
          created_at: c.state.timestamp(),
        });
        c.state.emit?.({
          kind: 'issues',
          action: 'assigned',
          repo,
          issue,
          sender: actor,
          assignee: login,
        });
      }
      return { status: 201, body: issueJson(c.state, repo, issue, c.baseUrl) };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    handler: (c) => {
      const repo = repoOf(c);
      const issue = issueOf(repo, c.params.issue_number);
      return page(
        c,
        issue.comments.map((comment) => commentJson(comment, repo, issue, c.baseUrl)),
        `/repos/${c.params.owner}/${c.params.repo}/issues/${issue.number}/comments`,
      );
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    handler: (c) => {
      const repo = repoOf(c);
      const issue = issueOf(repo, c.params.issue_number);
      const body = ((c.body ?? {}) as { body?: unknown }).body;
      if (typeof body !== 'string' || body === '')
        throw unprocessable('Validation Failed', [
          { resource: 'IssueComment', code: 'missing_field', field: 'body' },
        ]);
      if (body.length > 65_536)
        throw unprocessable('Validation Failed', [
          {
            resource: 'IssueComment',
            code: 'custom',
            field: 'body',
            message: 'Body is too long (maximum is 65536 characters)',
          },
        ]);
      const at = c.state.timestamp();
      const actor = actorOf(c);
      const comment = { id: c.state.id(), body, user: actor, created_at: at, updated_at: at };
      issue.comments.push(comment);
      // A comment is an update of its issue: GitHub moves the issue's updated_at.
      issue.updated_at = at;
      c.state.recordReferences(repo, body, { issue, actor });
      c.state.emit?.({
        kind: 'issue_comment',
        action: 'created',
        repo,
        issue,
        comment,
        sender: actor,
      });
      return { status: 201, body: commentJson(comment, repo, issue, c.baseUrl) };
    },
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    handler: (c) => {
      const repo = repoOf(c);
      for (const issue of repo.issues.values()) {
        const comment = issue.comments.find(
          (candidate) => candidate.id === Number(c.params.comment_id),
        );
        if (!comment) continue;
        const body = ((c.body ?? {}) as { body?: unknown }).body;
        if (typeof body !== 'string' || body === '') throw unprocessable('Validation Failed');
        comment.body = body;
        comment.updated_at = c.state.timestamp();
        return { status: 200, body: commentJson(comment, repo, issue, c.baseUrl) };
      }
      throw new HttpError(404, 'Not Found');
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/events',
    handler: (c) => {
      const repo = repoOf(c);
      const issue = issueOf(repo, c.params.issue_number);
      return page(
        c,
        issue.events.map((event) => ({
          ...eventJson(event, repo, issue, c.baseUrl),
          issue: undefined,
        })),
        `/repos/${c.params.owner}/${c.params.repo}/issues/${issue.number}/events`,
      );
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/timeline',
    handler: (c) => {
      const repo = repoOf(c);
      const issue = issueOf(repo, c.params.issue_number);
      const items = [
        ...issue.events.map((event) => ({
          at: event.created_at,
          item: eventJson(event, repo, issue, c.baseUrl),
        })),
        ...issue.comments.map((comment) => ({
          at: comment.created_at,
          item: {
            ...commentJson(comment, repo, issue, c.baseUrl),
            event: 'commented',
            actor: commentJson(comment, repo, issue, c.baseUrl).user,
          },
        })),
      ].sort((a, b) => a.at.localeCompare(b.at));
      return page(
        c,
        items.map(({ item }) => item),
        `/repos/${c.params.owner}/${c.params.repo}/issues/${issue.number}/timeline`,
      );
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/labels',
    handler: (c) => {
      const repo = repoOf(c);
      return page(
        c,
        [...repo.labels.values()].map((label) => labelJson(label, repo, c.baseUrl)),
        `/repos/${c.params.owner}/${c.params.repo}/labels`,
      );
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/labels',
    handler: (c) => {
      const repo = repoOf(c);
      const body = (c.body ?? {}) as { name?: unknown; color?: string; description?: string };
      if (typeof body.name !== 'string' || body.name === '')
        throw unprocessable('Validation Failed', [
          { resource: 'Label', code: 'missing_field', field: 'name' },
        ]);
      if (repo.labels.has(body.name.toLowerCase()))
        throw unprocessable('Validation Failed', [
          { resource: 'Label', code: 'already_exists', field: 'name' },
        ]);
      const label = {
        id: c.state.id(),
        name: body.name,
        color: (body.color ?? 'ededed').replace(/^#/, ''),
        description: body.description ?? null,
      };
      repo.labels.set(body.name.toLowerCase(), label);
      return { status: 201, body: labelJson(label, repo, c.baseUrl) };
    },
  },
];

/** A new issue (or the issue half of a pull request) with the next number. */
export function newIssue(
  c: RouteContext,
  repo: Repository,
  input: { title: string; body: string | null; user: User },
): Issue {
  const at = c.state.timestamp();
  const issue: Issue = {
    number: c.state.nextNumber(repo),
    id: c.state.id(),
    title: input.title,
    body: input.body,
    state: 'open',
    state_reason: null,
    user: input.user,
    labels: [],
    assignees: [],
    comments: [],
    events: [],
    created_at: at,
    updated_at: at,
    closed_at: null,
  };
  repo.issues.set(issue.number, issue);
  return issue;
}

/** Adds a label (creating it in the repository as GitHub does), records the event and, when asked, delivers the webhook. */
export function addLabel(
  c: RouteContext,
  repo: Repository,
  issue: Issue,
  name: string,
  actor: User,
  emit: boolean,
): void {
  if (issue.labels.some((label) => label.toLowerCase() === name.toLowerCase())) return;
  let label = repo.labels.get(name.toLowerCase());
  if (!label) {
    label = { id: c.state.id(), name, color: 'ededed', description: null };
    repo.labels.set(name.toLowerCase(), label);
  }
  issue.labels.push(label.name);
  issue.updated_at = c.state.timestamp();
  issue.events.push({
    id: c.state.id(),
    event: 'labeled',
    actor,
    created_at: c.state.timestamp(),
    label: { name: label.name, color: label.color },
  });
  if (emit)
    c.state.emit?.({
      kind: issue.pull ? 'pull_request' : 'issues',
      action: 'labeled',
      repo,
      issue,
      sender: actor,
      label: label.name,
    } as never);
}

export function setState(
  c: RouteContext,
  repo: Repository,
  issue: Issue,
  state: 'open' | 'closed',
  reason: Issue['state_reason'],
  actor: User,
): void {
  issue.state = state;
  issue.updated_at = c.state.timestamp();
  issue.state_reason = state === 'closed' ? (reason ?? 'completed') : 'reopened';
  issue.closed_at = state === 'closed' ? c.state.timestamp() : null;
  issue.events.push({
    id: c.state.id(),
    event: state === 'closed' ? 'closed' : 'reopened',
    actor,
    created_at: c.state.timestamp(),
  });
  c.state.emit?.({
    kind: issue.pull ? 'pull_request' : 'issues',
    action: state === 'closed' ? 'closed' : 'reopened',
    repo,
    issue,
    sender: actor,
  } as never);
}

function assignable(repo: Repository, login: string): boolean {
  return (
    repo.collaborators.has(login.toLowerCase()) ||
    repo.owner.login.toLowerCase() === login.toLowerCase()
  );
}
