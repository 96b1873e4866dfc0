import type { Probot } from 'probot';
import type { LoadedConfig, Template } from '../core/index.js';
import type { Identity } from '../core/index.js';
import { describeFailure, NEXT_EVENT_COMPLETES } from '../github/describe-error.js';
import {
  createGateway,
  httpStatus,
  type EtagCache,
  type Gateway,
  type OctokitLike,
} from '../github/gateway.js';
import { loadRepoConfig } from '../flows/load-repo-config.js';
import type { Logger } from '../flows/logger.js';
import { createMemoryState, type SharedState } from '../state/index.js';

/** What the app's handlers are given: the clock, shared state, templates and who the app is. */
export interface AppDeps {
  templates: () => Promise<Map<string, Template>>;
  /** The clock; `() => new Date()` by default. */
  now?: () => Date;
  /** Locks, handled deliveries and sync memory: in memory by default, Redis to scale out. */
  state?: SharedState;
}

export interface HandlerKit {
  templates: () => Promise<Map<string, Template>>;
  now: () => Date;
  /** Today's date (`YYYY-MM-DD`, UTC) by the injected clock. */
  today: () => string;
  state: SharedState;
  /** Conditional requests across syncs: an unchanged listing or report comes back 304. */
  etags: EtagCache;
  /** Who the app writes as, learned once per process: its markers count only on what it wrote. */
  identity: (
    app: Probot,
    octokit: OctokitLike,
    repo: { owner: string; repo: string },
  ) => Promise<Identity>;
  once: (
    delivery: { id: string; handler: string; log: Logger },
    key: string,
    work: () => Promise<void>,
  ) => Promise<void>;
}

export function createHandlerKit(deps: AppDeps): HandlerKit {
  const state = deps.state ?? createMemoryState();
  const now = deps.now ?? (() => new Date());
  let identity: Promise<Identity> | null = null;
  return {
    templates: deps.templates,
    now,
    today: () => now().toISOString().slice(0, 10),
    state,
    etags: new Map(),
    identity: (app, octokit, repo) => {
      identity ??= whoIsTheApp(app, octokit, repo).catch((error: unknown) => {
        identity = null;
        throw error;
      });
      return identity;
    },
    /**
     * Runs a handler's work under a lock, once per delivery: a redelivery (same
     * `X-GitHub-Delivery`) or the same delivery sent to two processes waits for the lock, then
     * finds it handled. A delivery counts as handled only once its work finished, so a failed one
     * is done again.
     */
    once: async (delivery, key, work) =>
      state.withLock(key, async () => {
        const id = `${delivery.id}:${delivery.handler}`;
        if (await state.handled(id))
          return delivery.log.info(`Delivery ${delivery.id} was already handled; nothing to do.`);
        try {
          await work();
        } catch (error) {
          // Probot logs a failed handler with the error's message: make it one a person can act on.
          throw new Error(describeFailure(error, { whenGitHubFails: NEXT_EVENT_COMPLETES }), {
            cause: error,
          });
        }
        await state.markHandled(id);
      }),
  };
}

/** A repository's setup for one delivery: the templates and its validated config. */
export interface RepoSetup {
  templates: Map<string, Template>;
  loaded: LoadedConfig;
}

/**
 * The step every handler starts with: the templates, then the repository's
 * `.github/postmortem.yml` through Probot's loader, validated against the templates' names.
 * (Who the app is comes from `kit.identity`, learned once per process.)
 */
export async function loadRepoSetup(
  kit: Pick<HandlerKit, 'templates'>,
  input: { config: (file: string) => Promise<unknown>; gateway: Gateway },
): Promise<RepoSetup> {
  const templates = await kit.templates();
  const loaded = await loadRepoConfig({
    probotConfig: () => input.config('postmortem.yml'),
    gateway: input.gateway,
    knownTemplates: [...templates.keys()],
  });
  return { templates, loaded };
}

/** One lock per incident: its postmortem is opened and its resolution written one at a time. */
export function incidentKey(repo: { owner: string; repo: string }, issue: number): string {
  return `${repo.owner}/${repo.repo}#${issue}`.toLowerCase();
}

export function loggerOf(log: {
  info: (m: string) => void;
  warn: (m: string) => void;
  error: (m: string) => void;
}): Logger {
  return { info: (m) => log.info(m), warn: (m) => log.warn(m), error: (m) => log.error(m) };
}

/**
 * Who the app is: its bot (`<slug>[bot]`, from `GET /app` with the app's JWT). Run with a plain
 * token (inside a workflow), it is that token's account, as the gateway can tell.
 */
async function whoIsTheApp(
  app: Probot,
  octokit: OctokitLike,
  repo: { owner: string; repo: string },
): Promise<Identity> {
  try {
    const jwt = await app.auth();
    const { data } = await jwt.request('GET /app');
    if (typeof data?.slug === 'string') return { login: `${data.slug}[bot]` };
  } catch (error) {
    // Not an app's JWT (a workflow's token) is a 401: ask the token instead. Anything else (a
    // 500, a timeout) fails this delivery, so a passing fault never lowers who counts as the app.
    const status = httpStatus(error);
    if (status === undefined || status >= 500) throw error;
  }
  return createGateway(octokit, repo).whoAmI();
}
