import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createRouter,
  publicKeyOf,
  type LoggedRequest,
  type Route,
  type Router,
  type UserToken,
} from './http.js';
import { createFaults, type FaultOptions, type Faults } from './faults.js';
import { contentRoutes } from './routes/contents.js';
import { issueRoutes } from './routes/issues.js';
import { pullRoutes } from './routes/pulls.js';
import { repoRoutes } from './routes/repos.js';
import { treeRoutes } from './routes/trees.js';
import { createContentLimiter, type ContentLimits } from './secondary-limits.js';
import { renderPage } from './pages.js';
import { SandboxState, type SandboxEvent } from './state.js';
import { serveOwnWebLinks, useWebHost } from './web.js';
import { deliver, payloadFor, type Delivery } from './webhooks.js';

export { SandboxState } from './state.js';
export { deliver, signature } from './webhooks.js';
export { createFaults, parseFaults, type FaultOptions, type Faults } from './faults.js';
export { GITHUB_CONTENT_LIMITS, type ContentLimits } from './secondary-limits.js';

/** Every route the sandbox serves, by GitHub's OpenAPI path template. */
export const ROUTES: Route[] = [
  ...repoRoutes,
  ...contentRoutes,
  ...issueRoutes,
  ...pullRoutes,
  ...treeRoutes,
];

export interface Sandbox {
  /** Base URL for Octokit (`baseUrl`) and GITHUB_API_URL. */
  url: string;
  state: SandboxState;
  /** Every API request, in order. */
  log: LoggedRequest[];
  /** Every webhook delivered, in order. */
  deliveries: Delivery[];
  app: { id: number; privateKey: string; webhookSecret: string };
  /** Issue a token that acts as a user (what a person would hold). */
  userToken(login: string): string;
  /**
   * A workflow's GITHUB_TOKEN: acts as github-actions[bot], cannot read teams; given its
   * repository (`owner/name`), it reaches no other, as on GitHub.
   */
  workflowToken(repository?: string): string;
  /** Where webhooks go; null stops delivery. */
  setWebhook(url: string | null): void;
  /**
   * GitHub's secondary limit on content-creating requests (per caller), or null (the default) for
   * none. Setting it starts the count again.
   */
  setContentLimits(limits: ContentLimits | null): void;
  /** Called after each delivery attempt (status 0: nothing answered); null to stop. */
  onDelivery(listener: ((delivery: Delivery) => void) | null): void;
  /** Runs before each request is handled; null to stop. For staging races in tests. */
  beforeRequest(hook: Router['before']): void;
  /** Injects failures (a `--faults` spec or options) from now on; null answers every request. */
  setFaults(faults: string | Partial<FaultOptions> | null): Faults | null;
  /**
   * Makes the next `times` (default 1) requests to one route fail with `status` (default 500),
   * before they change anything: for testing that a run cut short is completed by the next.
   * `route` is the OpenAPI path template, as the request log shows it.
   */
  failNext(failure: { method: string; route: string; status?: number; times?: number }): void;
  /** Resolves when every webhook triggered so far has been delivered. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

let key: string | undefined;
/**
 * The sandbox app's private key: one per process, made on first use. A 2048-bit RSA key takes
 * a CPU-heavy moment to make, and the test suite starts hundreds of sandboxes (it was a third of
 * the suite's CPU time); sandboxes already share the app id and the webhook secret, and what a
 * test checks of the key (a JWT signed with it is taken, one signed otherwise refused) does not
 * depend on it being new.
 */
function appKey(): string {
  key ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey;
  return key;
}

/**
 * A stateful GitHub REST API on 127.0.0.1 that the real Octokit and Probot talk to unchanged.
 * It delivers signed webhooks for what API calls change (labels, comments, closes, pushes), one
 * at a time and in order, to the URL set with `setWebhook`.
 */
export async function startSandbox(
  options: {
    webhookUrl?: string;
    webhookSecret?: string;
    appId?: number;
    port?: number;
    /** Failures to inject: a `--faults` spec (see `parseFaults`) or options. */
    faults?: string | Partial<FaultOptions>;
    contentLimits?: ContentLimits;
    /** Serve web pages and hand out links to them instead of github.com (`hindsight sandbox`). */
    webPages?: boolean;
    /**
     * The web host of `html_url` links, standing in for GitHub Enterprise Server
     * (`https://ghe.example.com`) or ghe.com (`https://acme.ghe.com`). Default: github.com.
     */
    webHost?: string;
  } = {},
): Promise<Sandbox> {
  const state = new SandboxState();
  const privateKey = appKey();
  const appId = options.appId ?? 4242;
  const webhookSecret = options.webhookSecret ?? 'sandbox-webhook-secret';
  const userTokens = new Map<string, UserToken>();
  const limiter = createContentLimiter();
  limiter.set(options.contentLimits ?? null);
  const router = createRouter({
    state,
    routes: ROUTES,
    appPublicKey: publicKeyOf(privateKey),
    appId,
    userTokens,
    limiter,
  });
  if (options.faults !== undefined) router.faults = createFaults(options.faults);
  const deliveries: Delivery[] = [];
  let webhookUrl = options.webhookUrl ?? null;
  let queue: Promise<void> = Promise.resolve();
  let listener: ((delivery: Delivery) => void) | null = null;

  const server = createServer((request, response) => {
    if (options.webPages && request.method === 'GET') {
      const page = renderPage(state, new URL(request.url ?? '/', 'http://sandbox').pathname);
      if (page) {
        response.writeHead(page.status, { 'content-type': 'text/html; charset=utf-8' });
        response.end(page.html);
        return;
      }
    }
    router.handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: `sandbox error: ${(error as Error).message}` }));
    });
  });
  // Clients keep connections alive between requests; closing an idle one after Node's default 5 s
  // races a request sent on it at that moment (ECONNRESET). GitHub keeps them longer too.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (options.webPages) serveOwnWebLinks(url, true);
  if (options.webHost) useWebHost(url, options.webHost);

  state.emit = (event: SandboxEvent) => {
    if (!webhookUrl) return;
    const target = webhookUrl;
    // Build the payload now, from the state as it is at the moment of the event.
    const { name, payload } = payloadFor(state, event, url);
    queue = queue.then(async () => {
      let delivery: Delivery;
      try {
        delivery = await deliver({ url: target, secret: webhookSecret, name, payload });
      } catch (error) {
        // fetch says only "fetch failed"; the reason (ECONNREFUSED, a bad port) is its cause.
        const cause = (error as { cause?: { message?: string } }).cause?.message;
        delivery = {
          id: '',
          name,
          action: payload.action as string | undefined,
          status: 0,
          response: cause ? `${(error as Error).message}: ${cause}` : String(error),
        };
      }
      deliveries.push(delivery);
      listener?.(delivery);
    });
  };

  return {
    url,
    state,
    log: router.log,
    deliveries,
    app: { id: appId, privateKey, webhookSecret },
    userToken(login: string) {
      const token = `ghu_${login}_${userTokens.size + 1}`;
      userTokens.set(token, { login, workflow: false });
      state.user(login);
      return token;
    },
    workflowToken(repository) {
      const token = `ghs_workflow_${userTokens.size + 1}`;
      userTokens.set(token, {
        login: 'github-actions[bot]',
        workflow: true,
        ...(repository ? { repository } : {}),
      });
      state.user('github-actions[bot]', 'Bot');
      return token;
    },
    setContentLimits(limits) {
      limiter.set(limits);
    },
    beforeRequest(hook) {
      router.before = hook;
    },
    setFaults(faults) {
      router.faults = faults === null ? null : createFaults(faults);
      return router.faults;
    },
    failNext({ method, route, status = 500, times = 1 }) {
      router.failures.push({ method: method.toUpperCase(), route, status, times });
    },
    setWebhook(next) {
      webhookUrl = next;
    },
    onDelivery(next) {
      listener = next;
    },
    async settled() {
      let seen: Promise<void> | undefined;
      while (seen !== queue) {
        seen = queue;
        await queue;
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (options.webPages) serveOwnWebLinks(url, false);
        if (options.webHost) useWebHost(url, null);
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
