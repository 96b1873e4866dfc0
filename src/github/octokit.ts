import { Octokit as CoreOctokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import type { OctokitLike } from './gateway.js';

/**
 * GitHub's rate limits, handled the same way by every Octokit Hindsight builds (the Action's, the
 * CLI's; Probot's own Octokit already carries both plugins): `@octokit/plugin-throttling` spaces
 * writes and waits out a primary or secondary limit for as long as `retry-after` (or
 * `x-ratelimit-reset`) says, `@octokit/plugin-retry` retries server errors with backoff.
 */
export const rateLimitPlugins = [throttling, retry];

/** How many times one request waits out a rate limit before its error is thrown. */
const MAX_WAITS = 4;

/**
 * Statuses retrying cannot fix. Beyond the plugin's defaults: a 409 is a stale sha (the caller
 * re-reads) or an empty repository, never a passing state.
 */
export const DO_NOT_RETRY = [400, 401, 403, 404, 409, 410, 422, 451];

/** Where the rate-limit plugins log their waits. */
export interface RateLimitLog {
  warn(message: string): void;
}

/**
 * A throttling-plugin handler that waits out a limit for as long as GitHub says (`retry-after`,
 * or the reset time), a few times per request, and logs each wait through the Octokit's log.
 */
export function waitOut(kind: 'primary' | 'secondary') {
  return (
    retryAfter: number,
    options: { method: string; url: string },
    octokit: { log: RateLimitLog },
    count: number,
  ): boolean => {
    const what = `GitHub's ${kind} rate limit on ${options.method} ${options.url}`;
    if (count >= MAX_WAITS) {
      octokit.log.warn(`${what}: gave up after ${count} waits.`);
      return false;
    }
    octokit.log.warn(`${what}: waiting ${retryAfter} s (retry-after), then retrying.`);
    return true;
  };
}

/** Bottleneck groups that let writes go one at a time without spacing them. */
export function unspacedWrites(): { write: Bottleneck.Group; notifications: Bottleneck.Group } {
  const group = () => new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 });
  return { write: group(), notifications: group() };
}

/**
 * Options for the throttling and retry plugins. Against GitHub, writes go one at a time, a
 * second apart (GitHub's advice for staying under the secondary limit). A server on this
 * machine (the sandbox) has no such limit to stay under, so writes are not spaced; a limit it
 * answers with is still waited out, as `retry-after` says.
 */
export function rateLimitOptions(input: { baseUrl: string; log: RateLimitLog }): {
  log: { debug(): void; info(): void; warn(m: string): void; error(m: string): void };
  throttle: ThrottlingOptions;
  retry: { doNotRetry: number[] };
} {
  return {
    log: { debug() {}, info() {}, warn: (m) => input.log.warn(m), error: (m) => input.log.warn(m) },
    throttle: {
      onRateLimit: waitOut('primary') as never,
      onSecondaryRateLimit: waitOut('secondary') as never,
      ...(isLoopback(input.baseUrl) ? unspacedWrites() : {}),
    },
    retry: { doNotRetry: DO_NOT_RETRY },
  };
}

function isLoopback(baseUrl: string): boolean {
  try {
    const host = new URL(baseUrl).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}

/**
 * The Action's Octokit: @octokit/core with pagination and the rate-limit plugins, and nothing the
 * gateway does not use, so the postmortem check starts without loading the REST method table or
 * undici. Behind a proxy (HTTPS_PROXY on a self-hosted runner) it is @actions/github's, which
 * routes through it.
 */
export async function actionOctokit(input: {
  token: string;
  log: RateLimitLog & { error(message: string): void };
  env?: NodeJS.ProcessEnv;
}): Promise<OctokitLike> {
  const env = input.env ?? process.env;
  const baseUrl = (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
  const options = rateLimitOptions({ baseUrl, log: input.log });
  if (env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy) {
    const { getOctokit } = await import('@actions/github');
    return getOctokit(input.token, options, ...rateLimitPlugins);
  }
  return new LeanOctokit({
    ...options,
    auth: input.token,
    baseUrl,
    userAgent: 'hindsight-action',
    log: { ...options.log, error: (m: string) => input.log.error(m) },
  });
}

/** Octokit with only what the gateway uses (`request`, `paginate`) and GitHub's rate limits. */
const LeanOctokit = CoreOctokit.plugin(paginateRest, ...rateLimitPlugins);
