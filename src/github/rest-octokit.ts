import { Octokit } from '@octokit/rest';
import { type RateLimitLog, rateLimitOptions, rateLimitPlugins } from './octokit.js';

// Apart from octokit.ts so that the Action, which needs no REST method table, never loads
// @octokit/rest: a module is loaded whole, whichever of its exports is used.

/** The CLI's Octokit: REST methods, pagination, throttling and retry. */
export const RateLimitedOctokit = Octokit.plugin(...rateLimitPlugins);

/** An Octokit for a token, with the rate-limit plugins configured. */
export function createOctokit(input: {
  token: string;
  baseUrl: string;
  log: RateLimitLog & { error(message: string): void };
}): InstanceType<typeof RateLimitedOctokit> {
  const options = rateLimitOptions({ baseUrl: input.baseUrl, log: input.log });
  return new RateLimitedOctokit({
    ...options,
    auth: input.token,
    baseUrl: input.baseUrl,
    log: { ...options.log, error: (m: string) => input.log.error(m) },
  });
}
