import { createGateway, type OctokitLike } from '../github/gateway.js';
import type { Logger } from '../flows/logger.js';
import { remindReviews, type ReminderScope } from '../flows/remind-reviews.js';
import { loadRepoSetup, type HandlerKit } from './handler-kit.js';

/**
 * Review reminders from the app. Apps get no schedule, so the reminder rides on events the app
 * already receives: a push to the default branch looks at every open postmortem PR and the
 * drafts it touched; a pull_request event looks at that PR. Wiring only: the flow decides.
 */
export async function remindReviewsOnEvent(input: {
  context: {
    octokit: OctokitLike;
    config: (file: string) => Promise<unknown>;
    repo: () => { owner: string; repo: string };
  };
  kit: Pick<HandlerKit, 'templates' | 'today'>;
  log: Logger;
  defaultBranch: string;
  scope: (config: { directory: string; labels: { postmortem: string } }) => ReminderScope | null;
}): Promise<void> {
  const { context, kit, log } = input;
  const gateway = createGateway(context.octokit, context.repo());
  const { loaded } = await loadRepoSetup(kit, { config: (f) => context.config(f), gateway });
  if (loaded.errors.length > 0) return;
  const scope = input.scope(loaded.config);
  if (!scope) return;
  await remindReviews({
    gateway,
    config: loaded.config,
    defaultBranch: input.defaultBranch,
    today: kit.today(),
    log,
    scope,
  });
}
