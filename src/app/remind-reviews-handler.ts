import type { Template } from '../core/index.js';
import { createGateway, type OctokitLike } from '../github/gateway.js';
import { loadRepoConfig } from '../flows/load-repo-config.js';
import type { Logger } from '../flows/logger.js';
import { remindReviews, type ReminderScope } from '../flows/remind-reviews.js';

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
  log: Logger;
  templates: () => Promise<Map<string, Template>>;
  defaultBranch: string;
  today: string;
  scope: (config: { directory: string; labels: { postmortem: string } }) => ReminderScope | null;
}): Promise<void> {
  const { context, log } = input;
  const gateway = createGateway(context.octokit, context.repo());
  const templates = await input.templates();
  const loaded = await loadRepoConfig({
    probotConfig: () => context.config('postmortem.yml'),
    gateway,
    knownTemplates: [...templates.keys()],
  });
  if (loaded.errors.length > 0) return;
  const scope = input.scope(loaded.config);
  if (!scope) return;
  await remindReviews({
    gateway,
    config: loaded.config,
    defaultBranch: input.defaultBranch,
    today: input.today,
    log,
    scope,
  });
}
