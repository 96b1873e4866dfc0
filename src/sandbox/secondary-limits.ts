/**
 * GitHub's secondary rate limit on content creation: at most 80 content-creating requests a
 * minute and 500 an hour per caller; past that, 403 (or 429) with `retry-after` in seconds and a
 * message naming the secondary rate limit. Off unless set, so other tests are not slowed.
 */
export interface ContentLimits {
  /** Each window: at most `max` content-creating requests in `seconds`. GitHub: 80/60 and 500/3600. */
  windows: { max: number; seconds: number }[];
  /** The status GitHub answers with (it uses both). Default 403. */
  status?: 403 | 429;
  /**
   * A fixed `retry-after` (seconds): a caller over a limit is refused for that long, then starts
   * afresh. Without it, the wait is until the fullest window has room again. Tests use a short
   * one, so what they show does not depend on how fast the machine is.
   */
  retryAfter?: number;
}

/** GitHub's documented limits, for a sandbox that should refuse what GitHub would. */
export const GITHUB_CONTENT_LIMITS: ContentLimits = {
  windows: [
    { max: 80, seconds: 60 },
    { max: 500, seconds: 3600 },
  ],
};

export const SECONDARY_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.';

/** Counts content-creating requests per caller; says how long to wait when one is over a limit. */
export function createContentLimiter(now: () => number = Date.now) {
  let limits: ContentLimits | null = null;
  const accepted = new Map<string, number[]>();
  const blocked = new Map<string, number>();
  return {
    set(next: ContentLimits | null): void {
      limits = next;
      accepted.clear();
      blocked.clear();
    },
    /**
     * Records a content-creating request by `caller`, or refuses it: null when accepted, or the
     * status and whole seconds to wait (`retry-after`) until the fullest window has room.
     */
    admit(caller: string): { status: number; retryAfter: number } | null {
      if (!limits) return null;
      const at = now();
      const status = limits.status ?? 403;
      const until = blocked.get(caller) ?? 0;
      if (until > at) return { status, retryAfter: Math.max(1, Math.ceil((until - at) / 1000)) };
      const longest = Math.max(...limits.windows.map((w) => w.seconds)) * 1000;
      const times = (accepted.get(caller) ?? []).filter((t) => at - t < longest);
      let wait = 0;
      for (const window of limits.windows) {
        const inside = times.filter((t) => at - t < window.seconds * 1000);
        if (inside.length >= window.max) {
          const oldest = inside[inside.length - window.max] as number;
          wait = Math.max(wait, oldest + window.seconds * 1000 - at);
        }
      }
      if (wait > 0 && limits.retryAfter !== undefined) {
        blocked.set(caller, at + limits.retryAfter * 1000);
        accepted.set(caller, []);
        return { status, retryAfter: limits.retryAfter };
      }
      if (wait > 0) {
        accepted.set(caller, times);
        return { status, retryAfter: Math.max(1, Math.ceil(wait / 1000)) };
      }
      times.push(at);
      accepted.set(caller, times);
      return null;
    },
  };
}

/** Whether a request creates content: every write but an app's token exchange. */
export function createsContent(method: string, route: string): boolean {
  return method !== 'GET' && method !== 'HEAD' && !route.startsWith('/app/');
}
