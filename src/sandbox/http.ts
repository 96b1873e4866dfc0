import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendFault, type FaultKind, type Faults } from './faults.js';
import type { SandboxState } from './state.js';
import {
  createsContent,
  SECONDARY_LIMIT_MESSAGE,
  type createContentLimiter,
} from './secondary-limits.js';

/** Who is calling: an app (JWT), an installation token, a user token, or nobody. */
export type Caller =
  | { kind: 'app' }
  | { kind: 'installation'; installationId: number }
  | { kind: 'user'; login: string; workflow: boolean; repository?: string }
  | { kind: 'none' };

/** A user token, or a workflow's GITHUB_TOKEN (which, as on GitHub, cannot read organisation teams). */
export interface UserToken {
  login: string;
  workflow: boolean;
  /** A workflow token's own repository (`owner/name`): it reaches no other. */
  repository?: string;
}

export interface RouteContext {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: any;
  headers: IncomingMessage['headers'];
  caller: Caller;
  state: SandboxState;
  /** The base URL clients used, for `url` fields and Link headers. */
  baseUrl: string;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (context: RouteContext) => RouteResult | Promise<RouteResult>;

/** A route is declared with GitHub's own OpenAPI path template, so the conformance test can compare them. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** Who may call it. Default: installations and users. */
  auth?: 'app' | 'any';
  handler: Handler;
}

export interface LoggedRequest {
  method: string;
  /** The OpenAPI path template that served it, or the raw path for a 404. */
  route: string;
  path: string;
  status: number;
  caller: Caller['kind'];
  /** Whether the client used the GitHub Enterprise style `/api/v3` prefix. */
  enterprisePrefix: boolean;
  /** The fault injected instead of an answer (status 0: no answer at all). */
  fault?: FaultKind;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: unknown[],
  ) {
    super(message);
  }
}

interface CompiledRoute extends Route {
  re: RegExp;
  names: string[];
}

/** Turns `/repos/{owner}/{repo}/contents/{path}` into a matcher; `{path}` and `{ref}` may hold slashes. */
function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\{(\w+)\}/g, (_m, name: string) => {
      names.push(name);
      return name === 'path' || name === 'ref' || name === 'basehead' ? '(.+)' : '([^/]+)';
    });
  return { ...route, re: new RegExp(`^${source}$`), names };
}

/** A failure staged for a route: its next `times` requests answer `status` (tests of half-done work). */
export interface StagedFailure {
  method: string;
  /** The OpenAPI path template, as in the request log (`/repos/{owner}/{repo}/issues/{issue_number}/labels`). */
  route: string;
  status: number;
  times: number;
}

export interface Router {
  routes: Route[];
  /** Failures to answer before handling, consumed one request at a time. */
  failures: StagedFailure[];
  /** Called before a request is handled (tests use it to stage a race). */
  before:
    | ((request: { method: string; route: string; caller: Caller }) => void | Promise<void>)
    | null;
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
  log: LoggedRequest[];
  /** Injected failures (`--faults`); null answers every request. */
  faults: Faults | null;
}

/**
 * The HTTP behaviour GitHub's clients rely on: JSON bodies, auth (JWT for app routes, tokens for
 * the rest), `Link` pagination, ETag/304, rate-limit headers, an `/api/v3` prefix for GHE-style
 * base URLs, error bodies with `message` and `documentation_url`, and a request log.
 */
export function createRouter(input: {
  state: SandboxState;
  routes: Route[];
  appPublicKey: KeyObject | null;
  appId: number;
  userTokens: Map<string, UserToken>;
  /** GitHub's secondary limit on content creation, counted per caller. */
  limiter?: ReturnType<typeof createContentLimiter>;
}): Router {
  const compiled = input.routes.map(compile);
  const log: LoggedRequest[] = [];
  const used = new Map<string, number>();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://sandbox');
    const prefix = url.pathname.startsWith('/api/v3/') ? '/api/v3' : '';
    const path = decodeURI(url.pathname.slice(prefix.length));
    const baseUrl = `http://${request.headers.host}${prefix}`;
    const method = (request.method ?? 'GET').toUpperCase();
    const caller = authenticate(request.headers.authorization, input);
    const key =
      caller.kind === 'installation'
        ? `i${caller.installationId}`
        : caller.kind === 'user'
          ? `u${caller.login}`
          : 'anon';

    let route: CompiledRoute | undefined;
    let params: Record<string, string> = {};
    for (const candidate of compiled) {
      if (candidate.method !== method) continue;
      const match = candidate.re.exec(path);
      if (!match) continue;
      route = candidate;
      params = Object.fromEntries(
        candidate.names.map((name, n) => [name, decodeURIComponent(match[n + 1] as string)]),
      );
      break;
    }

    let result: RouteResult;
    try {
      if (router.before) await router.before({ method, route: route?.path ?? path, caller });
      const fault = router.faults?.pick(method, route?.path ?? path, caller.kind) ?? null;
      if (fault) {
        const status = { '500': 500, '502': 502, secondary: 403, '409': 409 } as const;
        log.push({
          method,
          route: route?.path ?? path,
          path: path + url.search,
          status: fault in status ? status[fault as keyof typeof status] : 0,
          caller: caller.kind,
          enterprisePrefix: prefix !== '',
          fault,
        });
        sendFault(fault, response, router.faults as Faults);
        return;
      }
      if (!route) throw new HttpError(404, 'Not Found');
      const staged = router.failures.find(
        (failure) =>
          failure.method === method && failure.route === route?.path && failure.times > 0,
      );
      if (staged) {
        staged.times--;
        await readBody(request);
        throw new HttpError(staged.status, `Injected failure (sandbox.failNext): ${staged.status}`);
      }
      if (
        route.auth === 'app'
          ? caller.kind !== 'app'
          : caller.kind === 'none' || caller.kind === 'app'
      ) {
        throw new HttpError(
          401,
          route.auth === 'app' ? 'A JSON web token could not be decoded' : 'Bad credentials',
        );
      }
      const raw = await readBody(request);
      let body: unknown;
      if (raw.length > 0) {
        try {
          body = JSON.parse(raw);
        } catch {
          throw new HttpError(400, 'Problems parsing JSON');
        }
      }
      const refused = createsContent(method, route.path) ? input.limiter?.admit(key) : null;
      result = refused
        ? {
            status: refused.status,
            body: {
              message: SECONDARY_LIMIT_MESSAGE,
              documentation_url:
                'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
            },
            headers: { 'retry-after': String(refused.retryAfter) },
          }
        : await route.handler({
            method,
            params,
            query: url.searchParams,
            body,
            headers: request.headers,
            caller,
            state: input.state,
            baseUrl,
          });
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      result = {
        status: error.status,
        body: {
          message: error.message,
          ...(error.errors ? { errors: error.errors } : {}),
          documentation_url: 'https://docs.github.com/rest',
          status: String(error.status),
        },
      };
    }

    // Rate limit: 5,000 an hour per caller; a 304 does not count, as on GitHub.
    const headers: Record<string, string> = {
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': createHash('sha1')
        .update(`${log.length}`)
        .digest('hex')
        .slice(0, 16)
        .toUpperCase(),
      ...result.headers,
    };
    let payload: string | Buffer = '';
    if (result.body !== undefined) {
      if (Buffer.isBuffer(result.body) || typeof result.body === 'string') {
        payload = result.body as string | Buffer;
        headers['content-type'] ??= 'text/plain; charset=utf-8';
      } else {
        payload = JSON.stringify(result.body);
        headers['content-type'] = 'application/json; charset=utf-8';
      }
    }
    let status = result.status;
    if (method === 'GET' && status === 200) {
      const etag = `W/"${createHash('sha1').update(payload).digest('hex')}"`;
      headers.etag = etag;
      if (request.headers['if-none-match'] === etag) {
        status = 304;
        payload = '';
      }
    }
    if (status !== 304) used.set(key, (used.get(key) ?? 0) + 1);
    Object.assign(headers, {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(5000 - (used.get(key) ?? 0)),
      'x-ratelimit-used': String(used.get(key) ?? 0),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
    });
    log.push({
      method,
      route: route?.path ?? path,
      path: path + url.search,
      status,
      caller: caller.kind,
      enterprisePrefix: prefix !== '',
    });
    response.writeHead(status, headers);
    response.end(payload);
  }

  const router: Router = {
    routes: input.routes,
    handle,
    log,
    before: null,
    failures: [],
    faults: null,
  };
  return router;
}

function authenticate(
  header: string | undefined,
  input: {
    state: SandboxState;
    appPublicKey: KeyObject | null;
    appId: number;
    userTokens: Map<string, UserToken>;
  },
): Caller {
  if (!header) return { kind: 'none' };
  const [scheme, token] = header.split(' ', 2) as [string, string | undefined];
  if (!token || !/^(token|bearer)$/i.test(scheme)) return { kind: 'none' };
  if (token.split('.').length === 3)
    return verifyJwt(token, input) ? { kind: 'app' } : { kind: 'none' };
  const installationId = input.state.tokens.get(token);
  if (installationId !== undefined) return { kind: 'installation', installationId };
  const user = input.userTokens.get(token);
  return user
    ? { kind: 'user', login: user.login, workflow: user.workflow, repository: user.repository }
    : { kind: 'none' };
}

/** An RS256 JWT signed by the app's private key, with `iss` the app id and a live `exp`. */
function verifyJwt(
  token: string,
  input: { appPublicKey: KeyObject | null; appId: number },
): boolean {
  if (!input.appPublicKey) return false;
  const [header, payload, signature] = token.split('.') as [string, string, string];
  try {
    const ok = verify(
      'RSA-SHA256',
      Buffer.from(`${header}.${payload}`),
      input.appPublicKey,
      Buffer.from(signature, 'base64url'),
    );
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      iss?: unknown;
      exp?: number;
    };
    return (
      ok &&
      String(claims.iss) === String(input.appId) &&
      typeof claims.exp === 'number' &&
      claims.exp * 1000 > Date.now() - 60_000
    );
  } catch {
    return false;
  }
}

export function publicKeyOf(privateKeyPem: string): KeyObject {
  return createPublicKey(privateKeyPem);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 50 * 1024 * 1024) reject(new HttpError(413, 'Payload too large'));
    });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

/** One page of a list, with GitHub's `Link` header (per_page at most 100, default 30). */
export function page<T>(
  context: RouteContext,
  items: T[],
  path: string,
  /** A page size the route imposes (a commit's files: 300), whatever `per_page` says. */
  fixed?: number,
): RouteResult {
  const perPage =
    fixed ?? Math.min(Math.max(Number(context.query.get('per_page') ?? 30) || 30, 1), 100);
  const number = Math.max(Number(context.query.get('page') ?? 1) || 1, 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string) => {
    const query = new URLSearchParams(context.query);
    query.set('per_page', String(perPage));
    query.set('page', String(n));
    return `<${context.baseUrl}${path}?${query}>; rel="${rel}"`;
  };
  const links = [];
  if (number > 1) links.push(link(number - 1, 'prev'), link(1, 'first'));
  if (number < last) links.push(link(number + 1, 'next'), link(last, 'last'));
  return {
    status: 200,
    body: items.slice((number - 1) * perPage, number * perPage),
    headers: links.length ? { link: links.join(', ') } : {},
  };
}
