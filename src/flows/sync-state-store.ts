import { parseSyncState, serializeSyncState, type SyncState } from '../core/sync-state.js';
import { describeFailure } from '../github/describe-error.js';
import type { Gateway } from '../github/gateway.js';
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
): Promise<'written' | 'unchanged' | 'failed'> {
  const text = serializeSyncState(state);
  if (stored.file?.text === text) return 'unchanged';
  try {
    if (!stored.file) await gateway.createBranch(STATE_BRANCH, state.head);
    await gateway.putFile({
      path: STATE_FILE,
      branch: STATE_BRANCH,
      text,
      message: 'Hindsight: what the scheduled sync saw [skip ci]',
      ...(stored.file ? { sha: stored.file.sha } : {}),
    });
    return 'written';
  } catch (error) {
    log.warn(
      `Could not save the sync state (${STATE_FILE} on branch ${STATE_BRANCH}): ${describeFailure(error)}. The next run reads every postmortem again. A ruleset that restricts creating or updating branches must let the sync's token write ${STATE_BRANCH}.`,
    );
    return 'failed';
  }
}
