import { webUrlFor } from './web.js';
import type { Comment, Issue, IssueEvent, Label, Repository, SandboxState, User } from './state.js';

/**
 * GitHub's JSON shapes for the sandbox's objects: the fields clients read and the fields the
 * OpenAPI description requires, with URLs pointing back at the sandbox.
 */

export function userJson(user: User, api: string) {
  return {
    login: user.login,
    id: user.id,
    node_id: `U_${user.id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}`,
    gravatar_id: '',
    url: `${api}/users/${user.login}`,
    html_url: `${webUrlFor(api)}/${user.login}`,
    followers_url: `${api}/users/${user.login}/followers`,
    following_url: `${api}/users/${user.login}/following{/other_user}`,
    gists_url: `${api}/users/${user.login}/gists{/gist_id}`,
    starred_url: `${api}/users/${user.login}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/users/${user.login}/subscriptions`,
    organizations_url: `${api}/users/${user.login}/orgs`,
    repos_url: `${api}/users/${user.login}/repos`,
    events_url: `${api}/users/${user.login}/events{/privacy}`,
    received_events_url: `${api}/users/${user.login}/received_events`,
    type: user.type,
    site_admin: false,
    user_view_type: 'public',
  };
}

export function repoJson(repo: Repository, api: string) {
  const full = `${repo.owner.login}/${repo.name}`;
  const url = `${api}/repos/${full}`;
  const at = '2026-01-01T00:00:00Z';
  return {
    id: repo.id,
    node_id: `R_${repo.id}`,
    name: repo.name,
    full_name: full,
    private: repo.private,
    owner: userJson(repo.owner, api),
    html_url: `${webUrlFor(api)}/${full}`,
    description: null,
    fork: false,
    url,
    ...Object.fromEntries(
      [
        'archive',
        'assignees',
        'blobs',
        'branches',
        'collaborators',
        'comments',
        'commits',
        'compare',
        'contents',
        'contributors',
        'deployments',
        'downloads',
        'events',
        'forks',
        'git_commits',
        'git_refs',
        'git_tags',
        'issue_comment',
        'issue_events',
        'issues',
        'keys',
        'labels',
        'languages',
        'merges',
        'milestones',
        'notifications',
        'pulls',
        'releases',
        'stargazers',
        'statuses',
        'subscribers',
        'subscription',
        'tags',
        'teams',
        'trees',
        'hooks',
      ].map((name) => [`${name}_url`, `${url}/${name}`]),
    ),
    git_url: `git://${new URL(webUrlFor(api)).host}/${full}.git`,
    ssh_url: `git@${new URL(webUrlFor(api)).host}:${full}.git`,
    clone_url: `${webUrlFor(api)}/${full}.git`,
    svn_url: `${webUrlFor(api)}/${full}`,
    mirror_url: null,
    homepage: null,
    language: null,
    forks_count: 0,
    network_count: 0,
    subscribers_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 0,
    default_branch: repo.defaultBranch,
    open_issues_count: [...repo.issues.values()].filter((issue) => issue.state === 'open').length,
    open_issues: [...repo.issues.values()].filter((issue) => issue.state === 'open').length,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.private ? 'private' : 'public',
    pushed_at: at,
    created_at: at,
    updated_at: at,
    allow_forking: true,
    web_commit_signoff_required: false,
    license: null,
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
  };
}

export function labelJson(label: Label, repo: Repository, api: string) {
  return {
    id: label.id,
    node_id: `LA_${label.id}`,
    url: `${api}/repos/${repo.owner.login}/${repo.name}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    description: label.description,
    color: label.color,
    default: false,
  };
}

export function commentJson(comment: Comment, repo: Repository, issue: Issue, api: string) {
  const full = `${repo.owner.login}/${repo.name}`;
  return {
    id: comment.id,
    node_id: `IC_${comment.id}`,
    url: `${api}/repos/${full}/issues/comments/${comment.id}`,
    html_url: `${webUrlFor(api)}/${full}/issues/${issue.number}#issuecomment-${comment.id}`,
    issue_url: `${api}/repos/${full}/issues/${issue.number}`,
    body: comment.body,
    user: userJson(comment.user, api),
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    author_association: 'MEMBER',
    performed_via_github_app: null,
  };
}

export function issueJson(state: SandboxState, repo: Repository, issue: Issue, api: string) {
  const full = `${repo.owner.login}/${repo.name}`;
  const url = `${api}/repos/${full}/issues/${issue.number}`;
  return {
    id: issue.id,
    node_id: `I_${issue.id}`,
    url,
    repository_url: `${api}/repos/${full}`,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${webUrlFor(api)}/${full}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.state_reason,
    title: issue.title,
    body: issue.body,
    user: userJson(issue.user, api),
    labels: issue.labels.map((name) =>
      labelJson(
        repo.labels.get(name.toLowerCase()) ?? { id: 0, name, color: 'ededed', description: null },
        repo,
        api,
      ),
    ),
    assignee: issue.assignees[0] ? userJson(state.user(issue.assignees[0]), api) : null,
    assignees: issue.assignees.map((login) => userJson(state.user(login), api)),
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: issue.comments.length,
    closed_at: issue.closed_at,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_by: null,
    author_association: 'MEMBER',
    reactions: {
      url: `${url}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      confused: 0,
      heart: 0,
      hooray: 0,
      eyes: 0,
      rocket: 0,
    },
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
    ...(issue.pull
      ? {
          pull_request: {
            url: `${api}/repos/${full}/pulls/${issue.number}`,
            html_url: `${webUrlFor(api)}/${full}/pull/${issue.number}`,
            diff_url: `${webUrlFor(api)}/${full}/pull/${issue.number}.diff`,
            patch_url: `${webUrlFor(api)}/${full}/pull/${issue.number}.patch`,
            merged_at: null,
          },
        }
      : {}),
  };
}

export function eventJson(event: IssueEvent, repo: Repository, issue: Issue, api: string) {
  return {
    id: event.id,
    node_id: `E_${event.id}`,
    url: `${api}/repos/${repo.owner.login}/${repo.name}/issues/events/${event.id}`,
    actor: userJson(event.actor, api),
    event: event.event,
    commit_id: event.commit_id ?? null,
    commit_url: event.commit_id
      ? `${api}/repos/${repo.owner.login}/${repo.name}/commits/${event.commit_id}`
      : null,
    created_at: event.created_at,
    performed_via_github_app: null,
    ...(event.label ? { label: event.label } : {}),
    ...(event.assignee
      ? { assignee: userJson(event.assignee, api), assigner: userJson(event.actor, api) }
      : {}),
    ...(event.source ? { source: sourceJson(event.source, api) } : {}),
    ...(issue ? {} : {}),
  };
}

/** A cross-reference's source; its issue link is kept as a path and rendered for this request. */
function sourceJson(source: NonNullable<IssueEvent['source']>, api: string) {
  return {
    ...source,
    issue: { ...source.issue, html_url: `${webUrlFor(api)}${source.issue.html_url}` },
  };
}
