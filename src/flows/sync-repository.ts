import { createHash } from 'node:crypto';
import { isPostmortemPath, postmortemFolder } from '../core/postmortem-paths.js';
import { advanceSince, SYNC_STATE_VERSION, type SyncState } from '../core/sync-state.js';
import type { IssueHome } from '../core/index.js';
import type { Gateway } from '../github/gateway.js';
import { readRepoConfigAt } from './load-repo-config.js';
import type { Logger } from './logger.js';
import { remindReviews } from './remind-reviews.js';
import { syncActionItems, type SyncResult } from './sync-action-items.js';
import { fullScope, incrementalScope, postmortemFacts } from './sync-scope.js';
import { creationFence, loadSyncState, saveSyncState, STATE_BRANCH } from './sync-state-store.js';

/** How long before a run an issue update must be to count as settled (GitHub's whole seconds, clock skew). */
const SETTLE_MS = 5 * 60 * 1000;

/** What a scheduled run is given, by the Action and the CLI alike (flows/run-sync.ts). */
export interface ScheduledSyncOptions {
  /** `owner/name`. */
  repo: string;
  knownTemplates: readonly string[];
  today: string;
  /** The run's clock (the settling of issue updates is measured from it). */
  now: Date;
  /** The time as the run goes on (default: `now` plus the time elapsed), for its claim's age. */
  clock?: () => Date;
  log: Logger;
  dryRun: boolean;
}

/**
 * Syncs the postmortems of a repository: the scheduled run (Action `command: sync`, `hindsight
 * sync`) for teams that do not run the app. The config is read from the default branch. With
 * `dryRun`, it reports what it would do and writes nothing.
 *
 * The first run reads every postmortem and lists every action-item issue. It leaves what it saw on
 * the branch `hindsight/sync-state` (flows/sync-state-store.ts), and each later run reads only
 * what changed since (core/sync-state.ts): the postmortems changed on the default branch (one
 * compare), those whose issues were updated (one listing with `since`), those with something
 * fallen due, and those that failed last time; each is planned against all its issues. A
 * repository where nothing changed costs a handful of requests, however many postmortems it has.
 */
export async function syncRepository(
  input: ScheduledSyncOptions & {
    gateway: Gateway;
    /** A gateway for another repository, for `actionItems.repository`. */
    gatewayFor: (fullName: string) => Gateway;
  },
): Promise<
  SyncResult & {
    reviewsReminded: number;
    writeBackTo: string;
    /** Which postmortems the run read: all of them, or those changed since the last run. */
    read: { postmortems: number; of: 'all' | 'changed' };
  }
> {
  const { gateway, log } = input;
  // Links use the repository's own web address (GitHub Enterprise Server and ghe.com have theirs).
  const { defaultBranch, htmlUrl: repoUrl } = await gateway.repository();
  const config = await readRepoConfigAt({
    gateway,
    ref: defaultBranch,
    knownTemplates: input.knownTemplates,
  });
  // What the full read syncs (the folder's own `.md` files, as gateway.listMarkdown lists them,
  // not its subfolders'): the incremental read takes the same, so both end in the same place.
  const folder = postmortemFolder(config);
  const isPostmortem = (path: string) =>
    isPostmortemPath(config, path) &&
    path.endsWith('.md') &&
    !path.slice(folder.length + 1).includes('/');
  const target = config.actionItems.repository;
  const elsewhere = target !== null && target.toLowerCase() !== input.repo.toLowerCase();
  const issueGateway = elsewhere ? input.gatewayFor(target) : gateway;
  const home: IssueHome | null = elsewhere ? { source: input.repo, target } : null;
  const tracking = config.actionItems.createIssues;
  const label = config.labels.actionItem;
  const writeBackTo =
    config.actionItems.writeBack === 'pull-request'
      ? 'the sync pull request (branch hindsight/action-item-sync)'
      : `a commit to ${defaultBranch}`;

  // Each postmortem is read once, for its action items and its review date alike.
  const files = new Map<string, Promise<{ text: string; sha: string } | null>>();
  const read = (path: string) => {
    let file = files.get(path);
    if (!file) {
      file = gateway.getFile(path, defaultBranch);
      files.set(path, file);
      file.catch(() => files.delete(path));
    }
    return file;
  };

  // What changed since the last run, when it left a state this run can trust.
  const head = await gateway.branchSha(defaultBranch);
  // Issue bodies link the report through the repository's web address and default branch: a
  // rename of either changes every issue a full read would plan, so the state is for them too.
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify({
        version: SYNC_STATE_VERSION,
        repo: input.repo.toLowerCase(),
        config,
        defaultBranch,
        repoUrl,
      }),
    )
    .digest('hex');
  const stored = head
    ? await loadSyncState(gateway, fingerprint, log, {
        latest: new Date(input.now.getTime() + SETTLE_MS).toISOString(),
      })
    : { state: null, file: null };
  const scope =
    (stored.state && head
      ? await incrementalScope({
          gateway,
          issueGateway,
          label,
          home,
          tracking,
          previous: stored.state,
          head,
          defaultBranch,
          today: input.today,
          isPostmortem,
          log,
        })
      : null) ??
    (await fullScope({
      gateway,
      issueGateway,
      label,
      home,
      tracking,
      head,
      folder,
      defaultBranch,
    }));

  // Two runs at once must not both create an issue: the first to create claims the state file.
  const started = Date.now();
  const clock = input.clock ?? (() => new Date(input.now.getTime() + (Date.now() - started)));
  const fence =
    head && !input.dryRun
      ? creationFence({
          gateway,
          stored,
          head,
          now: clock,
          log,
        })
      : undefined;
  // A dry run takes the same path: the same reads and plan, each write a line of the plan.
  const synced = await syncActionItems({
    ...(fence ? { mayCreate: fence.mayCreate } : {}),
    gateway,
    issueGateway,
    home,
    config,
    paths: scope.paths,
    ...(scope.issues ? { issues: scope.issues } : {}),
    read,
    defaultBranch,
    repoUrl,
    today: input.today,
    log,
    dryRun: input.dryRun,
  });
  // Drafts past their review due date: one reminder each per due date (the app does the same on
  // the events it gets; this run catches what no event touched).
  const reminded = await remindReviews({
    gateway,
    config,
    defaultBranch,
    today: input.today,
    log,
    scope: { pulls: 'open', issues: true, defaultBranch: scope.paths },
    read: async (path) => (await read(path))?.text ?? null,
    dryRun: input.dryRun,
  });

  if (head && !input.dryRun) {
    const settled = new Date(input.now.getTime() - SETTLE_MS).toISOString();
    const state: SyncState = {
      version: SYNC_STATE_VERSION,
      fingerprint,
      head,
      ...(tracking
        ? advanceSince(scope.previous ?? { since: null, seen: {} }, scope.listed, settled)
        : { since: null, seen: {} }),
      postmortems: await postmortemFacts({
        paths: scope.paths,
        previous: scope.previous?.postmortems ?? {},
        // Those that failed, or whose new issues wait for the next run, keep what was known.
        failed: new Set([...synced.failedPaths, ...synced.deferredPaths]),
        issues: scope.issues ?? [],
        home,
        read,
        today: input.today,
        reviewDueBusinessDays: config.reviewDueBusinessDays,
      }),
      retry: [...synced.failedPaths, ...synced.deferredPaths],
    };
    // A run that found another run's claim leaves the file to it (saving would undo the claim).
    if (fence?.yields())
      log.info(
        `Not saving the sync state: another run claimed ${STATE_BRANCH} and saves it; this run's postmortems are read again next time.`,
      );
    else await saveSyncState(gateway, stored, state, log);
  }

  const read_ = {
    postmortems: scope.paths.length,
    of: scope.previous ? ('changed' as const) : ('all' as const),
  };
  if (!input.dryRun)
    return { ...synced, reviewsReminded: reminded.reminded, writeBackTo, read: read_ };
  const plan = [...synced.plan, ...reminded.planned];
  return {
    ...synced,
    reviewsReminded: reminded.planned.length,
    plan,
    writeBackTo,
    read: read_,
  };
}
