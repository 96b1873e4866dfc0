import { run } from 'probot';
import { HindsightOctokit } from './unthrottled-octokit.js';

/**
 * `npm run app` (`node dist/run.js`): `probot run ./dist/app.js`, the same environment, server,
 * `.env` and setup mode, with the one difference that matters on a busy day: Probot's own
 * `probot run` installs a secondary-rate-limit handler that only logs (the write fails), where
 * this Octokit waits as long as `retry-after` says and retries. The app module is loaded after
 * Probot has applied `.env` (it checks the webhook secret when loaded).
 */
await run(
  async (app) => {
    const { default: hindsight } = await import('./index.js');
    hindsight(app);
  },
  { Octokit: HindsightOctokit },
);
