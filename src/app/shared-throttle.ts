import Bottleneck from 'bottleneck';
import { Redis } from 'ioredis';
import type { ProbotOctokit } from 'probot';

/**
 * An Octokit class whose write throttle is shared by every process on one Redis (what Probot
 * does itself with REDIS_URL, but through the ioredis bundled here, so no package has to be
 * fetched at start). Writes stay one at a time, a second apart, across the whole deployment.
 */
export function withSharedThrottle<T extends typeof ProbotOctokit>(
  Base: T,
  redisUrl: string,
): { Octokit: T; close(): Promise<void> } {
  const client = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  client.on('error', () => {});
  // Bottleneck would require('ioredis') itself, which a bundle without node_modules lacks; its
  // `Redis` option (documented in its README) is missing from its types, hence the cast.
  const connection = new Bottleneck.IORedisConnection({ client, Redis } as never);
  connection.on('error', () => {});
  class Shared extends (Base as typeof ProbotOctokit) {
    constructor(options: ConstructorParameters<typeof ProbotOctokit>[0] = {}) {
      super({
        ...options,
        throttle: { ...(options as { throttle?: object }).throttle, Bottleneck, connection },
      } as never);
    }
  }
  return {
    // The subclass only adds throttle options; its constructor and statics are Base's.
    Octokit: Shared as unknown as T,
    async close() {
      await connection.disconnect(false).catch(() => undefined);
      client.disconnect();
    },
  };
}
