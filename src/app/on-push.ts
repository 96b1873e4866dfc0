import type { Probot } from 'probot';
import { isPostmortemPath } from '../core/postmortem-paths.js';
import { loggerOf, type HandlerKit } from './handler-kit.js';
import { remindReviewsOnEvent } from './remind-reviews-handler.js';
import { syncPostmortems } from './sync-postmortems.js';

/** A postmortem landing on the default branch: its action items become issues. */
export function onPush(app: Probot, kit: HandlerKit): void {
  app.on('push', async (context) => {
    const { payload } = context;
    const defaultBranch =
      payload.repository.default_branch ??
      (payload.repository as { master_branch?: string }).master_branch ??
      'main';
    if (payload.ref !== `refs/heads/${defaultBranch}` || payload.deleted) return;
    const touched = new Set<string>();
    for (const commit of payload.commits ?? [])
      for (const file of [...(commit.added ?? []), ...(commit.modified ?? [])]) touched.add(file);
    await syncPostmortems(
      kit,
      {
        id: context.id,
        octokit: context.octokit,
        log: loggerOf(context.log),
        config: (f) => context.config(f),
      },
      context.repo(),
      { defaultBranch, htmlUrl: payload.repository.html_url },
      (config) => [...touched].filter((file) => isPostmortemPath(config, file)).sort(),
      await kit.identity(app, context.octokit, context.repo()),
    );
    // Drafts past their review due date: the drafts this push touched and, on the first push of
    // the day, every open postmortem PR (a due date passes once a day; looking at every open PR
    // on every push cost requests in proportion to pushes times open PRs).
    const { owner, repo } = context.repo();
    const sweep = `review-sweep:${owner}/${repo}:${kit.today()}`.toLowerCase();
    const swept = await kit.state.handled(sweep);
    await remindReviewsOnEvent({
      context,
      kit,
      log: loggerOf(context.log),
      defaultBranch,
      scope: () => ({
        pulls: swept ? [] : 'open',
        issues: false,
        defaultBranch: [...touched].sort(),
      }),
    });
    if (!swept) await kit.state.markHandled(sweep);
  });
}
