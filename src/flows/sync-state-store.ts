import { claimOf, parseSyncState, serializeSyncState, type SyncState } from '../core/sync-state.js';
import { describeFailure } from '../github/describe-error.js';
import { httpStatus, isBranchProtected, type Gateway } from '../github/gateway.js';
import type { Logger } from './logger.js';

/**
 * Where the scheduled sync keeps what it saw (core/sync-state.ts): one JSON file on a branch of
 * its own, in the repository it syncs, written with the contents API (the permission the sync
 * already has). A person can read its history, and delete the branch to make the next run read
 * every postmortem. Its commits say `[skip ci]`, so no workflow runs for them.
 */
export const STATE_BRANCH = 'hindsight/sync-state';
export const STATE_FILE = '.hindsight/sync-state.json';

export interface StoredState {
  /** The state, when it is there and can be used. */
  state: SyncState | null;
  /** The file as stored (its text and blob sha), to replace it and to skip an unchanged write. */
  file: { text: string; sha: string } | null;
}

export async function loadSyncState(
  gateway: Gateway,
  fingerprint: string,
  log: Logger,
  /** The latest `since` a state can hold (the run's clock, plus the skew allowed). */
  clock: { latest: string },
): Promise<StoredState> {
  const file = await gateway.getFile(STATE_FILE, STATE_BRANCH);
  if (!file) return { state: null, file: null };
  const parsed = parseSyncState(file.text, fingerprint, clock.latest);
  if ('problem' in parsed) {
    log.info(
      `Reading every postmortem: ${STATE_FILE} on ${STATE_BRANCH} cannot be used (${parsed.problem}).`,
    );
    return { state: null, file };
  }
  return { state: parsed.state, file };
}

/**
 * Saves the state when it changed. A failure is a warning, never the run's failure: without the
 * state the next run reads every postmortem, as the first one did.
 */
export async function saveSyncState(
  gateway: Gateway,
  stored: StoredState,
  state: SyncState,
  log: Logger,
): Promise<'written' | 'unchanged' | 'superseded' | 'failed'> {
  const text = serializeSyncState(state);
  if (stored.file?.text === text) return 'unchanged';
  try {
    await writeStateFile({
      gateway,
      stored,
      head: state.head,
      text,
      message: 'Hindsight: what the scheduled sync saw [skip ci]',
    });
    return 'written';
  } catch (error) {
    if (wroteSince(error)) {
      // Another run at once saved (or claimed) it first: its state stands, and this run's
      // postmortems are read again by the next run, as when this one yields to a claim.
      log.info(
        `Not saving the sync state: another sync run wrote ${STATE_FILE} on ${STATE_BRANCH} during this one; this run's postmortems are read again next time.`,
      );
      return 'superseded';
    }
    log.warn(
      `Could not save the sync state (${STATE_FILE} on branch ${STATE_BRANCH}): ${describeFailure(error)}. The next run reads every postmortem again. A ruleset that restricts creating or updating branches must let the sync's token write ${STATE_BRANCH}.`,
    );
    return 'failed';
  }
}

/**
 * GitHub refused a write of the state file because it changed since this run read it (a stale
 * blob sha: 409; a file created meanwhile, written without one: 422), not because a rule
 * protects the branch.
 */
function wroteSince(error: unknown): boolean {
  const status = httpStatus(error);
  return (status === 409 || status === 422) && !isBranchProtected(error);
}

/**
 * Writes the state file over the one this run read (its blob sha: GitHub refuses the write if
 * another run wrote since), starting the branch when there was none; `stored` follows.
 */
async function writeStateFile(input: {
  gateway: Gateway;
  stored: StoredState;
  head: string;
  text: string;
  message: string;
}): Promise<void> {
  const { gateway, stored } = input;
  if (!stored.file) await gateway.createBranch(STATE_BRANCH, input.head);
  const written = await gateway.putFile({
    path: STATE_FILE,
    branch: STATE_BRANCH,
    text: input.text,
    message: input.message,
    ...(stored.file ? { sha: stored.file.sha } : {}),
  });
  stored.file = { text: input.text, sha: written.blob };
}

/** How long a run's claim on issue creation holds another run off (renewed while it creates). */
export const CLAIM_MS = 15 * 60 * 1000;

/**
 * A fence around issue creation, so that two runs at once (the schedule and a person's
 * `hindsight sync`, or a re-run) never both create an item's issue: the look-up just before
 * creating cannot see an issue the other run has not made yet. Before its first creation a run
 * claims the state file, by writing it with the blob sha it read (a compare-and-swap: GitHub
 * refuses a stale sha); the run that loses, or that finds a claim younger than CLAIM_MS, creates
 * nothing now and leaves those postmortems to its next run. The claim is renewed while the run
 * creates, and cleared by its final save. Where the state cannot be written at all (a ruleset),
 * there is no fence: the run says so and creates, as it did before the state existed; where the
 * claim failed for a moment (a server error, a timeout), the run creates nothing now.
 * `mayCreate` says whether the run may create; `stored` follows the file the claim wrote.
 * `yields` says the run must leave the state file alone: another run claimed it (and saves it).
 */
export function creationFence(input: {
  gateway: Gateway;
  stored: StoredState;
  head: string;
  now: () => Date;
  log: Logger;
}): { mayCreate: () => Promise<boolean>; yields: () => boolean } {
  const { gateway, stored, log } = input;
  let claimed: number | null = null;
  let verdict: 'refused' | 'deferred' | 'unfenced' | null = null;
  const other = claimOf(stored.file?.text);
  const claimedByOther = () => {
    const age = other === null ? Number.NaN : input.now().getTime() - Date.parse(other);
    return age > -CLAIM_MS && age < CLAIM_MS;
  };
  const yields = () => verdict === 'refused' || (claimed === null && claimedByOther());
  const mayCreate = async () => {
    if (verdict) return verdict === 'unfenced';
    const now = input.now().getTime();
    if (claimed !== null && now - claimed < CLAIM_MS / 3) return true;
    if (claimed === null && claimedByOther()) {
      log.info(
        `Another sync run claimed ${STATE_FILE} on ${STATE_BRANCH} at ${other} to create issues: this run creates no issues (the next one does).`,
      );
      verdict = 'refused';
      return false;
    }
    const at = new Date(now).toISOString();
    const text = `${JSON.stringify({ ...(stored.state ?? {}), claimed: { at, by: 'hindsight sync' } }, null, 1)}\n`;
    try {
      await writeStateFile({
        gateway,
        stored,
        head: input.head,
        text,
        message: 'Hindsight: a sync run is creating issues [skip ci]',
      });
      claimed = now;
      return true;
    } catch (error) {
      if (wroteSince(error)) {
        // Another run wrote the file since this one read it: it is creating, or just did.
        log.info(
          `Another sync run wrote ${STATE_FILE} on ${STATE_BRANCH} during this one: this run creates no issues (the next one does).`,
        );
        verdict = 'refused';
        return false;
      }
      if (httpStatus(error) !== 403 && !isBranchProtected(error)) {
        // A server error or a timeout says nothing about whether the state can be written, and
        // another run may be claiming it right now: creating without the fence is the duplicate
        // it exists to prevent. The next run creates them.
        log.warn(
          `Could not claim ${STATE_FILE} on branch ${STATE_BRANCH} before creating issues (${describeFailure(error)}): this run creates no issues (the next one does).`,
        );
        verdict = 'deferred';
        return false;
      }
      log.warn(
        `Could not claim ${STATE_FILE} on branch ${STATE_BRANCH} before creating issues (${describeFailure(error)}): creating them without the fence that keeps two runs at once from both creating an issue. Run one sync at a time (a workflow concurrency group).`,
      );
      verdict = 'unfenced';
      return true;
    }
  };
  return { mayCreate, yields };
}
