import { lstat, stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';

import { UsageError } from './usage-error.js';

/**
 * What `hindsight lint` should read. A file named explicitly is read whatever its extension;
 * a directory is searched for `*.md`; anything else is a glob. A name or glob that matches
 * nothing is a usage error, so a typo never passes as "no problems".
 */
export async function findFiles(args: string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const info = await stat(path).catch(() => null);
    // A name that exists but is no file or folder (a FIFO, a device, a dangling link) is passed on,
    // so lint reports it as not read, naming it, instead of a glob that matches nothing.
    const entry = info ? null : await lstat(path).catch(() => null);
    if (info?.isFile() || (info && !info.isDirectory()) || entry) {
      found.add(path);
      continue;
    }
    const matches = info?.isDirectory()
      ? await glob('**/*.md', {
          cwd: path,
          absolute: true,
          ignore: ['**/node_modules/**', '**/.git/**'],
        })
      : await glob(arg, { cwd, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] });
    if (matches.length === 0) {
      throw new UsageError(
        info?.isDirectory() ? `No .md files in ${arg}.` : `No file matches "${arg}".`,
      );
    }
    for (const match of matches) found.add(resolve(match));
  }
  return [...found].sort();
}

/** A path as output shows it: relative to the working directory, with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
}
