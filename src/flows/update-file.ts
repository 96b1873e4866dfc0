import { httpStatus, isBranchProtected, type Gateway } from '../github/gateway.js';
import type { Logger } from './logger.js';

/** How many times a write is tried on fresh content before the conflict is thrown. */
const ATTEMPTS = 5;

/** A branch that takes changes only through pull requests (branch protection or a ruleset). */
export class BranchProtectedError extends Error {
  constructor(
    readonly branch: string,
    readonly path: string,
    cause: unknown,
  ) {
    super(
      `${branch} takes changes only through pull requests (branch protection or a ruleset); ${path} was not written.`,
      { cause },
    );
  }
}

/**
 * Edits one file on a branch without ever overwriting someone else's change: the one home of
 * the stale-sha loop. A 409 or 422 on the write means the file moved on since it was read: it is
 * read again and `change` applied to the fresh text, up to five times. A branch that refuses
 * direct writes is not a stale sha: that throws a {@link BranchProtectedError} at once.
 * - `current`: the file as already read, to save a read (null: not there).
 * - `change`: the new text and commit message for a text, or null to leave it as it is.
 */
export async function updateFile(input: {
  gateway: Gateway;
  path: string;
  branch: string;
  current?: { text: string; sha: string } | null;
  change: (text: string) => { text: string; message: string } | null;
  log: Logger;
  /** What the write does, for the log line of a retry ("filling resolved_at"). */
  doing: string;
}): Promise<'written' | 'unchanged' | 'missing'> {
  const { gateway, path, branch } = input;
  let file = input.current === undefined ? await gateway.getFile(path, branch) : input.current;
  for (let attempt = 1; ; attempt++) {
    if (!file) return 'missing';
    const next = input.change(file.text);
    if (!next || next.text === file.text) return 'unchanged';
    try {
      await gateway.putFile({
        path,
        branch,
        text: next.text,
        message: next.message,
        sha: file.sha,
      });
      return 'written';
    } catch (error) {
      if (isBranchProtected(error)) throw new BranchProtectedError(branch, path, error);
      const status = httpStatus(error);
      if ((status !== 409 && status !== 422) || attempt >= ATTEMPTS) throw error;
      input.log.info(
        `${path} changed on ${branch} while ${input.doing} (HTTP ${status}); reading it again and applying only this change.`,
      );
      file = await gateway.getFile(path, branch);
    }
  }
}
