import type { TrackedIssue } from '../core/index.js';

/**
 * What a long-running app remembers of a repository's action-item issues between syncs, so the
 * next sync asks only for issues updated since the newest it has seen.
 */
export interface IssueMemory {
  issues: Map<number, TrackedIssue>;
  /** The newest updated_at seen, on GitHub's clock. */
  since: string | null;
}

/** A webhook accepted but not yet handled, as it came in. */
export interface QueuedEvent {
  id: string;
  name: string;
  payload: Record<string, unknown>;
  /** How many times it was tried already (a failed event is queued again, a few times). */
  tries?: number;
}

/**
 * What app processes share: in this process's memory, or in Redis (`REDIS_URL`) so that several
 * processes behind one load balancer act as one app.
 */
export interface SharedState {
  /** `memory` loses its queue, locks and memory on restart; `redis` keeps them. */
  readonly kind: 'memory' | 'redis';
  /**
   * Runs `work` while holding the lock named `key`, waiting for it if another holds it. The lock
   * expires if its holder dies (Redis: renewed while the work runs), so a dead process never
   * holds one for ever.
   */
  withLock<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** Whether this delivery (`X-GitHub-Delivery` with the handler's name) was already handled. */
  handled(delivery: string): Promise<boolean>;
  /** Remembers a handled delivery for 24 hours (GitHub redelivers with the same id). */
  markHandled(delivery: string): Promise<void>;
  /** The sync memory of a repository (`owner/repo`, or `source->target`), or a fresh one. */
  loadMemory(key: string): Promise<IssueMemory>;
  saveMemory(key: string, memory: IssueMemory): Promise<void>;
  /**
   * A durable work queue (Redis only; null in memory): accepted webhooks survive a restart.
   * `take` waits for the next event and leases it; `done` ends the lease; an event whose lease
   * lapsed (its process died) goes back to the queue.
   */
  queue: WorkQueue | null;
  close(): Promise<void>;
}

export interface WorkQueue {
  push(event: QueuedEvent): Promise<void>;
  /** The next event, leased to this process, or null after `waitMs` with nothing queued. */
  take(waitMs: number): Promise<{ event: QueuedEvent; done: () => Promise<void> } | null>;
  /** Puts back events whose process died mid-work; returns how many. */
  recover(): Promise<number>;
}

/** How long a lock or a queue lease outlives a process that stopped renewing it. */
export const LEASE_MS = Number(process.env.HINDSIGHT_LEASE_MS ?? 30_000);
export const DELIVERY_TTL_SECONDS = 24 * 60 * 60;
