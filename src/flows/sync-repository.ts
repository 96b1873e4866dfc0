import { createHash } from 'node:crypto';
import { isPostmortemPath, postmortemFolder } from '../core/postmortem-paths.js';
import {
  advanceSince,
  issuePostmortem,
  nextWake,
  planIncrementalSync,
  SYNC_STATE_VERSION,
  type SyncState,
} from '../core/sync-state.js';
import { writtenBy, type IssueHome, type TrackedIssue } from '../core/index.js';
import type { Gateway } from '../github/gateway.js';
import { readRepoConfigAt } from './load-repo-config.js';
import type { Logger } from './logger.js';
import { remindReviews } from './remind-reviews.js';
import { listActionItemIssues, syncActionItems, type SyncResult } from './sync-action-items.js';
import { creationFence, loadSyncState, saveSyncState, STATE_BRANCH } from './sync-state-store.js';

/** How long before a run an issue update must be to count as settled (GitHub's whole seconds, clock skew). */
const SETTLE_MS = 5 * 60 * 1000;

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
export async function syncRepository(input: {
  gateway: Gateway;
  /** A gateway for another repository, for `actionItems.repository`. */
  gatewayFor: (fullName: string) => Gateway;
  repo: string;
  knownTemplates: readonly string[];
  today: string;
  /** The run's clock (the settling of issue updates is measured from it). */
  now: Date;
  /** The time as the run goes on (default: `now` plus the time elapsed), for its claim's age. */
  clock?: () => Date;
  log: Logger;
  dryRun: boolean;
}): Promise<
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
  let scope: {
    paths: string[];
    /** The issues the plan needs (every issue of `paths`); undefined when not tracking. */
    issues: TrackedIssue[] | undefined;
    /** The listing that moves `since` on. */
    listed: TrackedIssue[];
    previous: SyncState | null;
  } | null = null;
  if (stored.state && head) {
    const previous = stored.state;
    const changed = previous.head === head ? [] : await gateway.changesSince(previous.head, head);
    if (changed === null)
      log.info(
        `${defaultBranch} no longer holds ${previous.head.slice(0, 7)}, the commit the last sync read (its history was rewritten): reading every postmortem.`,
      );
    else {
      const updated = tracking
        ? await listActionItemIssues(issueGateway, label, home, previous.since ?? undefined)
        : [];
      const plan = planIncrementalSync({
        state: previous,
        today: input.today,
        changed,
        updated,
        home,
        isPostmortem,
      });
      const known = tracking
        ? await issuesOf(issueGateway, label, home, previous, plan.paths, updated)
        : null;
      scope = {
        paths: plan.paths,
        issues: known?.issues,
        listed: known?.listed ?? updated,
        previous: { ...previous, postmortems: forget(previous.postmortems, plan.removed) },
      };
      log.info(
        `Reading ${plural(plan.paths.length, 'postmortem')} changed since the last sync (${changed.length} file(s) changed on ${defaultBranch}, ${plural(plan.fresh.length, 'issue')} updated; the rest as it was, kept on ${STATE_BRANCH}).`,
      );
    }
  }
  if (!scope) {
    const paths = head
      ? (await gateway.listMarkdown(folder, defaultBranch)).map((file) => file.path).sort()
      : [];
    const listed =
      tracking && paths.length > 0 ? await listActionItemIssues(issueGateway, label, home) : [];
    scope = { paths, issues: tracking ? listed : undefined, listed, previous: null };
  }

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
      postmortems: await facts({
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

/**
 * Every issue of the postmortems to sync: those the listing of updates returned, and the others
 * the state names, read one by one; when that would cost more than listing the label, the label
 * is listed instead.
 */
async function issuesOf(
  gateway: Gateway,
  label: string,
  home: IssueHome | null,
  previous: SyncState,
  paths: string[],
  updated: TrackedIssue[],
): Promise<{ issues: TrackedIssue[]; listed: TrackedIssue[] }> {
  const have = new Set(updated.map((issue) => issue.number));
  const wanted = [
    ...new Set(paths.flatMap((path) => previous.postmortems[path]?.issues ?? [])),
  ].filter((number) => !have.has(number));
  const all = Object.values(previous.postmortems).reduce((n, p) => n + p.issues.length, 0);
  if (wanted.length > Math.ceil(all / 100) + 1) {
    const listed = await listActionItemIssues(gateway, label, home);
    return { issues: listed, listed };
  }
  const issues = [...updated];
  if (wanted.length === 0) return { issues, listed: updated };
  const self = await gateway.whoAmI();
  // Only what the label's listing would return: an issue whose label a person removed is no
  // longer tracked (a full read does not see it), so it is neither relabelled nor written back.
  const labelled = (issue: TrackedIssue) =>
    issue.labels.some((name) => name.toLowerCase() === label.toLowerCase());
  for (const number of wanted) {
    const issue = await gateway.getIssue(number);
    if (issue && writtenBy(issue.author, self) && labelled(issue)) issues.push(issue);
  }
  return { issues, listed: updated };
}

/** What the state keeps of each postmortem after the run: its issues and its next due day. */
async function facts(input: {
  paths: string[];
  previous: SyncState['postmortems'];
  failed: Set<string>;
  issues: TrackedIssue[];
  home: IssueHome | null;
  read: (path: string) => Promise<{ text: string } | null>;
  today: string;
  reviewDueBusinessDays: number;
}): Promise<SyncState['postmortems']> {
  const out = { ...input.previous };
  const byPath = new Map<string, TrackedIssue[]>();
  for (const issue of input.issues) {
    const path = issuePostmortem(issue, input.home);
    if (path !== null) byPath.set(path, [...(byPath.get(path) ?? []), issue]);
  }
  for (const path of input.paths) {
    // A postmortem that failed keeps what the state knew, and is read again next time.
    if (input.failed.has(path)) continue;
    const file = await input.read(path);
    const known = byPath.get(path) ?? [];
    const issues = [...new Set(known.map((issue) => issue.number))].sort((a, b) => a - b);
    const wake = file
      ? nextWake({
          path,
          text: file.text,
          today: input.today,
          reviewDueBusinessDays: input.reviewDueBusinessDays,
          issues: known,
          home: input.home,
        })
      : null;
    if (!file || (issues.length === 0 && wake === null)) delete out[path];
    else out[path] = { issues, wake };
  }
  return out;
}

function forget(
  postmortems: SyncState['postmortems'],
  removed: string[],
): SyncState['postmortems'] {
  const out = { ...postmortems };
  for (const path of removed) delete out[path];
  return out;
}

const plural = (n: number, word: string) =>
  `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
