import type { Probot } from 'probot';
import { loggerOf, type HandlerKit } from './handler-kit.js';
import { remindReviewsOnEvent } from './remind-reviews-handler.js';

/** A postmortem PR opened, pushed to, edited or labelled: remind on it if its draft is overdue. */
export function onPullRequest(app: Probot, kit: HandlerKit): void {
  app.on(
    [
      'pull_request.opened',
      'pull_request.reopened',
      'pull_request.synchronize',
      'pull_request.edited',
      'pull_request.labeled',
      'pull_request.ready_for_review',
    ],
    async (context) => {
      const pull = context.payload.pull_request;
      await remindReviewsOnEvent({
        context,
        kit,
        log: loggerOf(context.log),
        defaultBranch: context.payload.repository.default_branch,
        scope: (config) =>
          pull.labels.some((l) => l.name.toLowerCase() === config.labels.postmortem.toLowerCase())
            ? {
                pulls: [{ number: pull.number, headSha: pull.head.sha }],
                issues: false,
                defaultBranch: [],
              }
            : null,
      });
    },
  );
}
