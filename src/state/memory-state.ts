import { createKeyedLock } from './keyed-lock.js';
import { DELIVERY_TTL_SECONDS, type IssueMemory, type SharedState } from './shared-state.js';

/**
 * Shared state for one process: locks, handled deliveries and sync memory live in this process
 * and are lost when it stops. No queue: a webhook is handled while its request is open (Probot
 * answers 202 after 9 s and carries on), so work accepted but unfinished is lost on a restart.
 */
export function createMemoryState(now: () => number = Date.now): SharedState {
  const withLock = createKeyedLock();
  const handled = new Map<string, number>();
  const memories = new Map<string, IssueMemory>();
  return {
    kind: 'memory',
    withLock,
    async handled(delivery) {
      const at = handled.get(delivery);
      return at !== undefined && now() - at < DELIVERY_TTL_SECONDS * 1000;
    },
    async markHandled(delivery) {
      handled.set(delivery, now());
      // Forget old ids now and then, so a long-running process does not grow without bound.
      if (handled.size % 1000 === 0)
        for (const [id, at] of handled)
          if (now() - at >= DELIVERY_TTL_SECONDS * 1000) handled.delete(id);
    },
    async loadMemory(key) {
      const memory = memories.get(key) ?? { issues: new Map(), since: null };
      memories.set(key, memory);
      return memory;
    },
    async saveMemory(key, memory) {
      memories.set(key, memory);
    },
    queue: null,
    async close() {},
  };
}
