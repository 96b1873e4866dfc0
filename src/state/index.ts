import { createMemoryState } from './memory-state.js';
import { createRedisState } from './redis-state.js';
import type { SharedState } from './shared-state.js';

export type { IssueMemory, QueuedEvent, SharedState, WorkQueue } from './shared-state.js';
export { createMemoryState } from './memory-state.js';
export { createKeyedLock } from './keyed-lock.js';
export { LEASE_MS } from './shared-state.js';

/** Redis when `REDIS_URL` is set (Probot's own variable), else this process's memory. */
export function createSharedState(redisUrl: string | undefined): SharedState {
  return redisUrl ? createRedisState(redisUrl) : createMemoryState();
}
