import { createHmac, randomUUID } from 'node:crypto';
import { webUrlFor } from './web.js';
import { issueJson, commentJson, repoJson, userJson, labelJson } from './render.js';
import { pullJson } from './routes/pulls.js';
import { diff } from './routes/repos.js';
import type { RouteContext } from './http.js';
import type { SandboxEvent, SandboxState } from './state.js';

/** `sha256=<hex>` over the exact body bytes, as GitHub signs deliveries. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface Delivery {
  id: string;
  name: string;
  action?: string;
  status: number;
  response: string;
}

/**
 * Posts a webhook the way GitHub does: JSON body, `X-GitHub-Event`, `X-GitHub-Delivery` (kept on
 * redelivery), `X-Hub-Signature-256`. Returns the receiver's status.
 */
export async function deliver(input: {
  url: string;
  secret: string;
  name: string;
  payload: unknown;
  id?: string;
  signatureOverride?: string;
}): Promise<Delivery> {
  const body = JSON.stringify(input.payload);
  const id = input.id ?? randomUUID();
  const response = await fetch(input.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/sandbox',
      'x-github-event': input.name,
      'x-github-delivery': id,
      'x-github-hook-id': '1',
      'x-hub-signature-256': input.signatureOverride ?? signature(input.secret, body),
    },
    body,
  });
  return {
    id,
    name: input.name,
    action: (input.payload as { action?: string }).action,
    status: response.status,
    response: await response.text(),
  };
}

/** The webhook payload GitHub would send for something that happened in the sandbox. */
export function payloadFor(
  state: SandboxState,
  event: SandboxEvent,
  api: string,
): { name: string; payload: Record<string, unknown> } {
  const repository = repoJson(event.repo, api);
  const installation = {
    id: event.repo.installationId,
    node_id: `MDIz_${event.repo.installationId}`,
  };
  if (event.kind === 'push') {
    const commit = event.repo.commits.get(event.after)!;
    const files = diff(event.repo.commits.get(event.before)?.tree, commit.tree);
    const pick = (status: string) =>
      files.filter((file) => file.status === status).map((file) => file.filename);
    const entry = {
      id: commit.sha,
      tree_id: commit.sha,
      distinct: true,
      message: commit.message,
      timestamp: commit.date,
      url: `${webUrlFor(api)}/${event.repo.owner.login}/${event.repo.name}/commit/${commit.sha}`,
      author: {
        name: commit.author.login,
        email: `${commit.author.login}@users.noreply.github.com`,
        username: commit.author.login,
      },
      committer: {
        name: commit.author.login,
        email: `${commit.author.login}@users.noreply.github.com`,
        username: commit.author.login,
      },
      added: pick('added'),
      removed: pick('removed'),
      modified: pick('modified'),
    };
    return {
      name: 'push',
      payload: {
        ref: event.ref,
        before: event.before,
        after: event.after,
        created: false,
        deleted: false,
        forced: false,
        base_ref: null,
        compare: '',
        commits: [entry],
        head_commit: entry,
        repository: { ...repository, master_branch: event.repo.defaultBranch },
        pusher: { name: event.repo.owner.login, email: null },
        sender: userJson(commit.author, api),
        installation,
      },
    };
  }
  const context = { state, baseUrl: api } as RouteContext;
  const sender = userJson(event.sender, api);
  const label =
    'label' in event && event.label
      ? {
          label: labelJson(
            event.repo.labels.get(event.label.toLowerCase()) ?? {
              id: 0,
              name: event.label,
              color: 'ededed',
              description: null,
            },
            event.repo,
            api,
          ),
        }
      : {};
  if (event.kind === 'issue_comment') {
    return {
      name: 'issue_comment',
      payload: {
        action: event.action,
        issue: issueJson(state, event.repo, event.issue, api),
        comment: commentJson(event.comment, event.repo, event.issue, api),
        repository,
        sender,
        installation,
      },
    };
  }
  if (event.kind === 'pull_request') {
    return {
      name: 'pull_request',
      payload: {
        action: event.action,
        number: event.issue.number,
        pull_request: pullJson(context, event.repo, event.issue),
        ...label,
        repository,
        sender,
        installation,
      },
    };
  }
  const assignee = event.assignee ? { assignee: userJson(state.user(event.assignee), api) } : {};
  return {
    name: 'issues',
    payload: {
      action: event.action,
      issue: issueJson(state, event.repo, event.issue, api),
      ...label,
      ...assignee,
      repository,
      sender,
      installation,
    },
  };
}
