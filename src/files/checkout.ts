import { createHash } from 'node:crypto';
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LIMITS } from '../core/limits.js';

/** Larger files (more bytes than the longest document parsed can take) are left to the API. */
const LARGEST = 4 * LIMITS.documentChars;

/**
 * Reads a file from a checkout of the repository (the workflow's `GITHUB_WORKSPACE`) when it is
 * byte for byte the git blob asked for: its git blob sha is computed from the bytes read, so a
 * checkout of another commit, a file changed since, a link or anything else that is not that
 * blob is never taken (null: the caller reads it through the API). Saves one API request per
 * file, which at a thousand postmortems is a workflow token's whole hourly quota.
 */
export function checkoutReader(
  root: string | undefined,
): ((path: string, blobSha: string) => Promise<string | null>) | undefined {
  if (!root) return undefined;
  return async (path, blobSha) => {
    try {
      const full = join(root, path);
      const stat = await lstat(full);
      if (!stat.isFile() || stat.size > LARGEST) return null;
      const bytes = await readFile(full);
      const sha = createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
      return sha === blobSha ? bytes.toString('utf8') : null;
    } catch {
      return null;
    }
  };
}
