import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  openSync,
  readSync,
  realpathSync,
} from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Finding } from '../core/index.js';

/** Bytes read from one file at most: the core's document cap (2,000,000 characters) in bytes. */
export const MAX_FILE_BYTES = 2_000_000;

/**
 * The repository `hindsight lint` may read: the enclosing git work tree of the working directory
 * (the nearest folder with a `.git`), or the working directory itself outside git.
 */
export function repositoryRoot(cwd: string): string {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return realpathSync(dir);
    if (dirname(dir) === dir) return realpathSync(cwd);
  }
}

/**
 * Reads a postmortem for lint, or says why not as a finding for that file (never a throw):
 * - a path that resolves (through symbolic links) outside the repository is not read, so a link
 *   committed in a pull request cannot make lint quote `/etc/passwd` or a CI secret file;
 * - only regular files are read: a FIFO, a device (`/dev/zero`) or a socket would block or never end;
 * - at most MAX_FILE_BYTES are read; a larger file is refused with its size;
 * - a read error (EACCES, EISDIR, ELOOP, …) names the file and the error code.
 * The type and size checks are made on the opened descriptor, so the file cannot change between
 * the check and the read.
 */
export function readPostmortemFile(
  file: string,
  display: string,
  root: string,
): { text: string } | { finding: Finding } {
  const refuse = (rule: string, message: string): { finding: Finding } => ({
    finding: { file: display, line: 1, column: 1, endLine: 1, rule, level: 'error', message },
  });
  let fd: number | undefined;
  try {
    const real = realpathSync(file);
    if (!inside(root, real)) {
      return refuse(
        'file-read',
        `${display} resolves to ${real}, outside the repository (${root}); it was not read. Postmortems must be files inside the repository, not links out of it.`,
      );
    }
    // O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: the path just resolved
    // must not have become a link since.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
    const info = fstatSync(fd);
    if (!info.isFile()) {
      return refuse(
        'file-read',
        `${display} is not a regular file (${kindOf(info)}); it was not read. Only Markdown files are linted.`,
      );
    }
    if (info.size > MAX_FILE_BYTES) {
      return refuse(
        'size-limit',
        `${display} is ${info.size.toLocaleString('en-US')} bytes; files over ${MAX_FILE_BYTES.toLocaleString('en-US')} bytes are not checked. Split it, or move data (logs, dumps) to linked files.`,
      );
    }
    // Never more than the cap, even if the file grows while it is read.
    const buffer = Buffer.alloc(Math.min(info.size, MAX_FILE_BYTES) + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length === buffer.length) {
        return refuse(
          'size-limit',
          `${display} grew past ${MAX_FILE_BYTES.toLocaleString('en-US')} bytes while it was read; it was not checked.`,
        );
      }
    }
    return { text: buffer.toString('utf8', 0, length) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    // "EACCES: permission denied, open '/path'" → "permission denied" (sliced: the path is the file's).
    const message = (error as Error).message;
    const bare = message.startsWith(`${code}: `) ? message.slice(code.length + 2) : message;
    const reason = bare.includes(', ') ? bare.slice(0, bare.indexOf(', ')) : bare;
    return refuse(
      'file-read',
      `${display} could not be read (${code}: ${reason}); it was not linted.`,
    );
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function kindOf(info: ReturnType<typeof fstatSync>): string {
  if (info.isFIFO()) return 'a named pipe';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  if (info.isDirectory()) return 'a directory';
  return 'not a file';
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
