import type { ServerResponse } from 'node:http';

/** What the sandbox can do to a request instead of answering it. */
export type FaultKind = '500' | '502' | 'timeout' | 'drop' | 'secondary' | '409';

export const FAULT_KINDS: readonly FaultKind[] = [
  '500',
  '502',
  'timeout',
  'drop',
  'secondary',
  '409',
];

export interface FaultOptions {
  /** Share of matching requests that fail, 0 to 1. */
  rate: number;
  /** Which faults to draw from (default: all but 409, which only makes sense on chosen routes). */
  kinds: FaultKind[];
  /** `METHOD /route/{template}` patterns (`*` matches anything); none: every request. */
  routes: string[];
  /** Whose requests fail: `installation`, `app` (JWT), `user`; none: everyone's. */
  callers: string[];
  /** Seed of the draws, so a test fails the same requests every run. */
  seed: number;
  /** Fail only the first N matching requests (then answer normally); null: no limit. */
  first: number | null;
  /** How long a `timeout` holds the request before closing it unanswered. */
  timeoutMs: number;
  /** The `retry-after` of a secondary rate limit, in seconds. */
  retryAfter: number;
}

export interface Faults {
  readonly options: FaultOptions;
  /** The fault for this request, or null to answer it. */
  pick(method: string, route: string, caller?: string): FaultKind | null;
  /** How many faults were injected so far, by kind. */
  injected: Map<FaultKind, number>;
}

/**
 * Parses a `--faults` spec: comma-separated `key=value` pairs, e.g.
 * `rate=0.05,kinds=500|502|timeout|drop|secondary,routes=POST /repos/*|PUT *,callers=installation,seed=7`.
 * A bare rate (`--faults 0.01`) is `rate=0.01` with the default kinds.
 */
export function parseFaults(spec: string): FaultOptions {
  const options: FaultOptions = {
    rate: 0.05,
    kinds: FAULT_KINDS.filter((kind) => kind !== '409'),
    routes: [],
    callers: [],
    seed: 1,
    first: null,
    timeoutMs: 10_000,
    retryAfter: 1,
  };
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key, value = ''] = part.includes('=') ? part.split(/=(.*)/s) : ['rate', part];
    const number = Number(value);
    const bad = (allowed: string) =>
      new Error(`--faults: "${part}" is not valid; ${key} takes ${allowed}.`);
    switch (key) {
      case 'rate':
        if (!(number >= 0 && number <= 1)) throw bad('a share from 0 to 1');
        options.rate = number;
        break;
      case 'kinds': {
        const kinds = value.split('|');
        const unknown = kinds.find((kind) => !FAULT_KINDS.includes(kind as FaultKind));
        if (unknown !== undefined) throw bad(FAULT_KINDS.join('|'));
        options.kinds = kinds as FaultKind[];
        break;
      }
      case 'routes':
        options.routes = value.split('|').filter(Boolean);
        break;
      case 'callers':
        options.callers = value.split('|').filter(Boolean);
        if (options.callers.some((c) => !['installation', 'app', 'user'].includes(c)))
          throw bad('installation|app|user');
        break;
      case 'seed':
      case 'first':
      case 'timeoutMs':
      case 'retryAfter':
        if (!Number.isInteger(number) || number < 0) throw bad('a whole number');
        options[key] = number;
        break;
      default:
        throw new Error(
          `--faults: unknown key "${key}"; use rate, kinds, routes, callers, seed, first, timeoutMs or retryAfter.`,
        );
    }
  }
  return options;
}

/** A seeded fault injector: the same options fail the same requests, in order. */
export function createFaults(input: Partial<FaultOptions> | string): Faults {
  const options = typeof input === 'string' ? parseFaults(input) : { ...parseFaults(''), ...input };
  const patterns = options.routes.map(
    (route) =>
      new RegExp(`^${route.replace(/[.+?^$()|[\]\\{}]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i'),
  );
  // mulberry32: small, seeded, good enough to spread faults evenly.
  let state = options.seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const injected = new Map<FaultKind, number>();
  let matched = 0;
  return {
    options,
    injected,
    pick(method, route, caller) {
      if (options.callers.length > 0 && !options.callers.includes(caller ?? '')) return null;
      const request = `${method} ${route}`;
      if (patterns.length > 0 && !patterns.some((pattern) => pattern.test(request))) return null;
      matched++;
      if (options.first !== null && matched > options.first) return null;
      if (options.kinds.length === 0 || random() >= options.rate) return null;
      const kind = options.kinds[Math.floor(random() * options.kinds.length)] as FaultKind;
      injected.set(kind, (injected.get(kind) ?? 0) + 1);
      return kind;
    },
  };
}

/** Answers (or does not) the way GitHub does when that fault happens. Nothing is written. */
export function sendFault(kind: FaultKind, response: ServerResponse, faults: Faults): void {
  const json = (status: number, message: string, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    response.end(
      JSON.stringify({
        message,
        documentation_url: 'https://docs.github.com/rest',
        status: String(status),
      }),
    );
  };
  switch (kind) {
    case '500':
      json(500, 'Server Error');
      return;
    case '502':
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      return;
    case 'secondary':
      json(
        403,
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        { 'retry-after': String(faults.options.retryAfter) },
      );
      return;
    case '409':
      json(409, 'Conflict');
      return;
    case 'drop':
      response.socket?.destroy();
      return;
    case 'timeout': {
      const timer = setTimeout(() => response.socket?.destroy(), faults.options.timeoutMs);
      response.on('close', () => clearTimeout(timer));
      return;
    }
  }
}
