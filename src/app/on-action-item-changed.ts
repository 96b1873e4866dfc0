import type { Probot } from 'probot';
import { markerOf, writtenBy } from '../core/index.js';
import { loggerOf, type HandlerKit } from './handler-kit.js';
import { syncPostmortems } from './sync-postmortems.js';

/** An action-item issue closed, reopened, edited or reassigned: its status flows back. */
export function onActionItemChanged(app: Probot, kit: HandlerKit): void {
  app.on(
    ['issues.closed', 'issues.reopened', 'issues.edited', 'issues.assigned', 'issues.unassigned'],
    async (context) => {
      // A marker counts only on an issue the app itself opened.
      const self = await kit.identity(app, context.octokit, context.repo());
      if (!writtenBy(context.payload.issue.user?.login, self)) return;
      const marker = markerOf(context.payload.issue.body ?? '');
      if (!marker) return;
      // An item tracked in another repository names the postmortem's repository in its marker.
      const [owner, repo] = (marker.repo ?? `${context.repo().owner}/${context.repo().repo}`).split(
        '/',
      ) as [string, string];
      const here = !marker.repo;
      const configOf = here
        ? (f: string) => context.config(f)
        : (f: string) =>
            (
              context.octokit as unknown as {
                config: { get: (o: object) => Promise<{ config: unknown }> };
              }
            ).config
              .get({ owner, repo, path: `.github/${f}` })
              .then((r) => r.config);
      await syncPostmortems(
        kit,
        {
          id: context.id,
          octokit: context.octokit,
          log: loggerOf(context.log),
          config: configOf,
        },
        { owner, repo },
        here
          ? {
              defaultBranch: context.payload.repository.default_branch,
              htmlUrl: context.payload.repository.html_url,
            }
          : null,
        () => [marker.path],
        self,
      );
    },
  );
}
