import { ProbotOctokit } from 'probot';
import { DO_NOT_RETRY, unspacedWrites, waitOut } from '../github/octokit.js';

/**
 * Probot's Octokit, waiting out rate limits. Probot 14 carries the throttling and retry plugins,
 * but `new Probot()` and `probot run` install a secondary-limit handler that only logs (the
 * write fails); this one waits as long as `retry-after` says and retries. Its options are
 * applied after Probot merges its own, so they win.
 */
export class HindsightOctokit extends ProbotOctokit {
  constructor(options: ConstructorParameters<typeof ProbotOctokit>[0] = {}) {
    super({
      ...options,
      throttle: {
        ...(options as { throttle?: object }).throttle,
        onRateLimit: waitOut('primary'),
        onSecondaryRateLimit: waitOut('secondary'),
      },
      retry: { ...(options as { retry?: object }).retry, doNotRetry: DO_NOT_RETRY },
    } as never);
  }
}

/**
 * The same, with writes not spaced a second apart. Only for the local sandbox (demo, tests,
 * bench): against GitHub, keep the spacing, which stays under the secondary rate limit.
 */
export class UnthrottledOctokit extends HindsightOctokit {
  constructor(options: ConstructorParameters<typeof ProbotOctokit>[0] = {}) {
    super({
      ...options,
      throttle: { ...(options as { throttle?: object }).throttle, ...unspacedWrites() },
    } as never);
  }
}
