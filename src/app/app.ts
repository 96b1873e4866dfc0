import { upsertMarkedComment } from '../flows/upsert-marked-comment.js';
import { isPostmortemPath } from '../core/postmortem-paths.js';
import type { Probot } from 'probot';
import { formatConfigError, type Template } from '../core/index.js';
import {
  createGateway,
  httpStatus,
  type EtagCache,
  type Gateway,
  type OctokitLike,
  type RepositoryFacts,
} from '../github/gateway.js';
import { describeFailure } from '../github/describe-failure.js';
import { fillResolved } from '../flows/fill-resolved.js';
import { loadRepoConfig } from '../flows/load-repo-config.js';
import type { Logger } from '../flows/logger.js';
import { openPostmortem } from '../flows/open-postmortem.js';
import { syncActionItems } from '../flows/sync-action-items.js';
import { createMemoryState, type SharedState } from '../state/index.js';
import {
  CONFIG_ERROR_MARKER,
  defuseMarkers,
  defuseMentions,
  markerOf,
  writtenBy,
  type Identity,
} from '../core/index.js';
import { remindReviewsOnEvent } from './remind-reviews-handler.js';

/**
 * The Hindsight GitHub App. Handlers receive what they need explicitly and call one orchestrator
 * each; nothing here knows whether it runs under `probot run` or inside an Actions workflow.
 */
export function hindsightApp(deps: {
  templates: () => Promise<Map<string, Template>>;
  now?: () => Date;
  /** Locks, handled deliveries and sync memory: in memory by default, Redis to scale out. */
  state?: SharedState;
}) {
  const state = deps.state ?? createMemoryState();
  // Conditional requests across syncs: an unchanged listing or report comes back 304.
  const etags: EtagCache = new Map();
  const today = () => (deps.now?.() ?? new Date()).toISOString().slice(0, 10);
  // Who the app writes as, learned once per process: its markers count only on what it wrote.
  let identity: Promise<Identity> | null = null;
  const selfOf = (app: Probot, octokit: OctokitLike, repo: { owner: string; repo: string }) => {
    identity ??= whoIsTheApp(app, octokit, repo).catch((error: unknown) => {
      identity = null;
      throw error;
    });
    return identity;
  };

  /**
   * Runs a handler's work under a lock, once per delivery: a redelivery (same `X-GitHub-Delivery`)
   * or the same delivery sent to two processes waits for the lock, then finds it handled. A
   * delivery counts as handled only once its work finished, so a failed one is done again.
   */
  const once = async (
    delivery: { id: string; handler: string; log: Logger },
    key: string,
    work: () => Promise<void>,
  ) =>
    state.withLock(key, async () => {
      const id = `${delivery.id}:${delivery.handler}`;
      if (await state.handled(id))
        return delivery.log.info(`Delivery ${delivery.id} was already handled; nothing to do.`);
      try {
        await work();
      } catch (error) {
        // Probot logs a failed handler with the error's message: make it one a person can act on.
        throw new Error(describeFailure(error), { cause: error });
      }
      await state.markHandled(id);
    });

  /** Syncs some postmortems of a repository, one sync at a time per repository. */
  const sync = async (
    context: {
      id: string;
      octokit: OctokitLike;
      log: Logger;
      config: (file: string) => Promise<unknown>;
    },
    repo: { owner: string; repo: string },
    /** From the webhook's repository when it is the one synced (saves a request). */
    facts: RepositoryFacts | null,
    paths: (config: { directory: string }) => string[],
    self: Identity,
  ) => {
    const gateway = createGateway(context.octokit, repo, {
      etags,
      self,
      ...(facts ? { repository: facts } : {}),
    });
    const delivery = { id: context.id, handler: 'sync', log: context.log };
    await once(delivery, `${repo.owner}/${repo.repo} sync`.toLowerCase(), async () => {
      const templates = await deps.templates();
      const loaded = await loadRepoConfig({
        probotConfig: () => context.config('postmortem.yml'),
        gateway,
        knownTemplates: [...templates.keys()],
      });
      if (loaded.errors.length > 0)
        return context.log.warn(
          `Not syncing action items: ${loaded.errors.map(formatConfigError).join('; ')}`,
        );
      const selected = paths(loaded.config);
      if (selected.length === 0) return;
      // Issues may live in another repository (the installation must cover it).
      const source = `${repo.owner}/${repo.repo}`;
      const target = loaded.config.actionItems.repository;
      const elsewhere = target !== null && target.toLowerCase() !== source.toLowerCase();
      const [targetOwner, targetRepo] = (elsewhere ? target : source).split('/') as [
        string,
        string,
      ];
      const issueGateway = elsewhere
        ? createGateway(context.octokit, { owner: targetOwner, repo: targetRepo }, { etags, self })
        : gateway;
      const key = (elsewhere ? `${source}->${target}` : source).toLowerCase();
      const memory = await state.loadMemory(key);
      const result = await syncActionItems({
        gateway,
        issueGateway,
        home: elsewhere ? { source, target: target as string } : null,
        config: loaded.config,
        paths: selected,
        defaultBranch: (await gateway.repository()).defaultBranch,
        // Its own web host: GitHub Enterprise Server and ghe.com links must work too.
        repoUrl: (await gateway.repository()).htmlUrl,
        today: today(),
        log: context.log,
        memory,
      });
      await state.saveMemory(key, memory);
      context.log.info(
        `Synced ${selected.join(', ')}: ${result.created} created, ${result.updated} updated, ${result.reminded} reminded, ${result.written.length} written back`,
      );
      // The others were synced; failing the delivery lets GitHub's redelivery (or the queue)
      // finish the ones that failed, which repeats nothing already done.
      if (result.failed.length > 0)
        throw new Error(
          `${result.failed.length} postmortem(s) could not be synced:\n${result.failed.join('\n')}`,
        );
    });
  };

  return (app: Probot) => {
    app.on('issues.labeled', async (context) => {
      const { payload } = context;
      const repo = context.repo();
      const self = await selfOf(app, context.octokit, repo);
      const gateway = createGateway(context.octokit, repo, {
        self,
        repository: {
          defaultBranch: payload.repository.default_branch,
          htmlUrl: payload.repository.html_url,
        },
      });
      const log = loggerOf(context.log);
      const issue = payload.issue;
      const delivery = { id: context.id, handler: 'open', log };
      await once(delivery, incidentKey(repo, issue.number), async () => {
        const templates = await deps.templates();
        const loaded = await loadRepoConfig({
          probotConfig: () => context.config('postmortem.yml'),
          gateway,
          knownTemplates: [...templates.keys()],
        });
        const incidentLabel = loaded.errors.length > 0 ? 'incident' : loaded.config.labels.incident;
        if (payload.label?.name.toLowerCase() !== incidentLabel.toLowerCase()) return;
        if (loaded.errors.length > 0) {
          await reportConfigError(
            gateway,
            issue.number,
            loaded.errors.map(formatConfigError),
            self,
          );
          return;
        }
        const result = await openPostmortem({
          gateway,
          config: loaded.config,
          templates,
          defaultBranch: payload.repository.default_branch,
          incident: {
            number: issue.number,
            title: issue.title ?? '',
            url: issue.html_url,
            createdAt: issue.created_at,
            labels: (issue.labels ?? []).map((label) =>
              typeof label === 'string' ? label : label.name,
            ),
            assignees: (issue.assignees ?? [])
              .map((user) => user?.login)
              .filter((login): login is string => Boolean(login)),
            labeledBy: payload.sender.login,
          },
          repository: payload.repository.full_name,
          self,
          log,
        });
        log.info(
          `${result.created ? 'Opened' : 'Linked'} postmortem ${result.kind}${result.number === null ? '' : ` #${result.number}`} for incident #${issue.number}: ${result.url}`,
        );
      });
    });

    // A postmortem landing on the default branch: its action items become issues.
    app.on('push', async (context) => {
      const { payload } = context;
      const defaultBranch =
        payload.repository.default_branch ??
        (payload.repository as { master_branch?: string }).master_branch ??
        'main';
      if (payload.ref !== `refs/heads/${defaultBranch}` || payload.deleted) return;
      const touched = new Set<string>();
      for (const commit of payload.commits ?? [])
        for (const file of [...(commit.added ?? []), ...(commit.modified ?? [])]) touched.add(file);
      await sync(
        {
          id: context.id,
          octokit: context.octokit,
          log: loggerOf(context.log),
          config: (f) => context.config(f),
        },
        context.repo(),
        { defaultBranch, htmlUrl: payload.repository.html_url },
        (config) => [...touched].filter((file) => isPostmortemPath(config, file)).sort(),
        await selfOf(app, context.octokit, context.repo()),
      );
      // Drafts past their review due date: every open postmortem PR, and the drafts this push touched.
      await remindReviewsOnEvent({
        context,
        log: loggerOf(context.log),
        templates: deps.templates,
        defaultBranch,
        today: today(),
        scope: () => ({ pulls: 'open', issues: false, defaultBranch: [...touched].sort() }),
      });
    });

    // A postmortem PR opened, pushed to, edited or labelled: remind on it if its draft is overdue.
    app.on(
      [
        'pull_request.opened',
        'pull_request.reopened',
        'pull_request.synchronize',
        'pull_request.edited',
        'pull_request.labeled',
        'pull_request.ready_for_review',
      ],
      async (context) => {
        const pull = context.payload.pull_request;
        await remindReviewsOnEvent({
          context,
          log: loggerOf(context.log),
          templates: deps.templates,
          defaultBranch: context.payload.repository.default_branch,
          today: today(),
          scope: (config) =>
            pull.labels.some((l) => l.name.toLowerCase() === config.labels.postmortem.toLowerCase())
              ? {
                  pulls: [{ number: pull.number, headSha: pull.head.sha }],
                  issues: false,
                  defaultBranch: [],
                }
              : null,
        });
      },
    );

    // An action-item issue closed, reopened, edited or reassigned: its status flows back.
    app.on(
      ['issues.closed', 'issues.reopened', 'issues.edited', 'issues.assigned', 'issues.unassigned'],
      async (context) => {
        // A marker counts only on an issue the app itself opened.
        const self = await selfOf(app, context.octokit, context.repo());
        if (!writtenBy(context.payload.issue.user?.login, self)) return;
        const marker = markerOf(context.payload.issue.body ?? '');
        if (!marker) return;
        // An item tracked in another repository names the postmortem's repository in its marker.
        const [owner, repo] = (
          marker.repo ?? `${context.repo().owner}/${context.repo().repo}`
        ).split('/') as [string, string];
        const here = !marker.repo;
        const configOf = here
          ? (f: string) => context.config(f)
          : (f: string) =>
              (
                context.octokit as unknown as {
                  config: { get: (o: object) => Promise<{ config: unknown }> };
                }
              ).config
                .get({ owner, repo, path: `.github/${f}` })
                .then((r) => r.config);
        await sync(
          {
            id: context.id,
            octokit: context.octokit,
            log: loggerOf(context.log),
            config: configOf,
          },
          { owner, repo },
          here
            ? {
                defaultBranch: context.payload.repository.default_branch,
                htmlUrl: context.payload.repository.html_url,
              }
            : null,
          () => [marker.path],
          self,
        );
      },
    );

    app.on('issues.closed', async (context) => {
      const { payload } = context;
      const repo = context.repo();
      const gateway = createGateway(context.octokit, repo);
      const issue = payload.issue;
      const delivery = { id: context.id, handler: 'resolved', log: loggerOf(context.log) };
      await once(delivery, incidentKey(repo, issue.number), async () => {
        const templates = await deps.templates();
        const loaded = await loadRepoConfig({
          probotConfig: () => context.config('postmortem.yml'),
          gateway,
          knownTemplates: [...templates.keys()],
        });
        if (loaded.errors.length > 0) return;
        const labels = (issue.labels ?? []).map((label) =>
          (typeof label === 'string' ? label : label.name).toLowerCase(),
        );
        if (!labels.includes(loaded.config.labels.incident.toLowerCase())) return;
        const closedAt = issue.closed_at ?? new Date().toISOString();
        const result = await fillResolved({
          gateway,
          config: loaded.config,
          incident: issue.number,
          closedAt: closedAt.replace(/\.\d{3}Z$/, 'Z'),
          log: loggerOf(context.log),
        });
        context.log.info(`resolved_at for incident #${issue.number}: ${result}`);
      });
    });
  };
}

/** One lock per incident: its postmortem is opened and its resolution written one at a time. */
function incidentKey(repo: { owner: string; repo: string }, issue: number): string {
  return `${repo.owner}/${repo.repo}#${issue}`.toLowerCase();
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

/** One comment that says what is wrong with the config, edited in place on later tries. */
async function reportConfigError(
  gateway: Gateway,
  issue: number,
  errors: string[],
  self: Identity,
): Promise<void> {
  const body = [
    CONFIG_ERROR_MARKER,
    'Hindsight could not open a postmortem for this incident because `.github/postmortem.yml` is not valid:',
    '',
    // Errors quote the config: in a comment, its mentions would notify and its markers count.
    ...errors.map((error) => `- \`${defuseMentions(defuseMarkers(error.replace(/`/g, "'")))}\``),
    '',
    'Fix the file, then remove and re-apply the incident label.',
  ].join('\n');
  await upsertMarkedComment({ gateway, issue, marker: CONFIG_ERROR_MARKER, body, self });
}

function loggerOf(log: {
  info: (m: string) => void;
  warn: (m: string) => void;
  error: (m: string) => void;
}): Logger {
  return { info: (m) => log.info(m), warn: (m) => log.warn(m), error: (m) => log.error(m) };
}
