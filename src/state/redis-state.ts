import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { TrackedIssue } from '../core/index.js';
import {
  DELIVERY_TTL_SECONDS,
  LEASE_MS,
  type QueuedEvent,
  type SharedState,
  type WorkQueue,
} from './shared-state.js';

const PREFIX = 'hindsight:';

// Only the holder (its token) may renew or release a lock or a lease.
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0`;
// Taking an event and leasing it is one step, so recovery never sees a taken event unleased.
const TAKE = `local e = redis.call('lmove', KEYS[1], KEYS[2], 'LEFT', 'RIGHT')
if e then redis.call('set', ARGV[2] .. cjson.decode(e).token, '1', 'PX', ARGV[1]) end
return e`;
const RECOVER = `local n = 0
for _, e in ipairs(redis.call('lrange', KEYS[2], 0, -1)) do
  if redis.call('exists', ARGV[1] .. cjson.decode(e).token) == 0 then
    if redis.call('lrem', KEYS[2], 1, e) == 1 then redis.call('rpush', KEYS[1], e); n = n + 1 end
  end
end
return n`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Shared state in Redis, for several app processes: locks with expiry (renewed while their work
 * runs), handled deliveries kept 24 hours, sync memory, and a durable work queue.
 */
export function createRedisState(url: string): SharedState {
  const redis = new Redis(url, { maxRetriesPerRequest: 3 });
  // ioredis reconnects by itself; a command made meanwhile fails to its caller, who logs it.
  redis.on('error', () => {});
  // Renews a key held with `token` every third of its lease, until stopped.
  const keepAlive = (key: string, token: string) => {
    const timer = setInterval(() => {
      redis.eval(RENEW, 1, key, token, LEASE_MS).catch(() => undefined);
    }, LEASE_MS / 3);
    timer.unref();
    return () => clearInterval(timer);
  };

  const queue: WorkQueue = {
    async push(event) {
      await redis.rpush(`${PREFIX}queue`, JSON.stringify({ token: randomUUID(), event }));
    },
    async take(waitMs) {
      const until = Date.now() + waitMs;
      for (;;) {
        const raw = (await redis.eval(
          TAKE,
          2,
          `${PREFIX}queue`,
          `${PREFIX}queue:working`,
          LEASE_MS,
          `${PREFIX}lease:`,
        )) as string | null;
        if (raw) {
          const { token, event } = JSON.parse(raw) as { token: string; event: QueuedEvent };
          const stop = keepAlive(`${PREFIX}lease:${token}`, '1');
          return {
            event,
            done: async () => {
              stop();
              await redis.lrem(`${PREFIX}queue:working`, 1, raw);
              await redis.del(`${PREFIX}lease:${token}`);
            },
          };
        }
        if (Date.now() >= until) return null;
        await sleep(Math.min(200, Math.max(until - Date.now(), 0)));
      }
    },
    async recover() {
      return (await redis.eval(
        RECOVER,
        2,
        `${PREFIX}queue`,
        `${PREFIX}queue:working`,
        `${PREFIX}lease:`,
      )) as number;
    },
  };

  return {
    kind: 'redis',
    async withLock(key, work) {
      const name = `${PREFIX}lock:${key}`;
      const token = randomUUID();
      for (let wait = 20; !(await redis.set(name, token, 'PX', LEASE_MS, 'NX')); ) {
        await sleep(wait + Math.random() * wait);
        wait = Math.min(wait * 2, 500);
      }
      const stop = keepAlive(name, token);
      try {
        return await work();
      } finally {
        stop();
        await redis.eval(RELEASE, 1, name, token).catch(() => undefined);
      }
    },
    async handled(delivery) {
      return (await redis.exists(`${PREFIX}delivery:${delivery}`)) === 1;
    },
    async markHandled(delivery) {
      await redis.set(`${PREFIX}delivery:${delivery}`, '1', 'EX', DELIVERY_TTL_SECONDS);
    },
    async loadMemory(key) {
      const raw = await redis.get(`${PREFIX}memory:${key}`);
      if (!raw) return { issues: new Map(), since: null };
      const stored = JSON.parse(raw) as { since: string | null; issues: TrackedIssue[] };
      return { since: stored.since, issues: new Map(stored.issues.map((i) => [i.number, i])) };
    },
    async saveMemory(key, memory) {
      await redis.set(
        `${PREFIX}memory:${key}`,
        JSON.stringify({ since: memory.since, issues: [...memory.issues.values()] }),
      );
    },
    queue,
    async close() {
      await redis.quit().catch(() => undefined);
    },
  };
}
