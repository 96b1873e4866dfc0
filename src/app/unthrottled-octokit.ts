import { ProbotOctokit } from 'probot';

/**
 * Probot's Octokit with the write throttle off (applied after Probot merges its own throttle
 * options). Only for the local sandbox (demo, tests, bench): against GitHub, keep Probot's
 * default, which spaces writes to stay under the secondary rate limit.
 */
export class UnthrottledOctokit extends ProbotOctokit {
  constructor(options: ConstructorParameters<typeof ProbotOctokit>[0] = {}) {
    super({
      ...options,
      throttle: { ...(options as { throttle?: object }).throttle, enabled: false },
    } as never);
  }
}
