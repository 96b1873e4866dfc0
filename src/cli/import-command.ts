import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { importPostmortem, reviewDueDate } from '../core/index.js';
import type { CliContext } from './context.js';
import { displayPath, findFiles } from './find-files.js';
import { loadSetup } from './load-setup.js';
import { UsageError } from './usage-error.js';

export interface ImportOptions {
  paths: string[];
  out?: string;
  format: string;
  config?: string;
}

interface Imported {
  source: string;
  output: string;
  /** True when an identical file was already there (a second run of the same import). */
  unchanged: boolean;
  notes: string[];
}

/**
 * `hindsight import <files…>`: each postmortem of another shape becomes a format v1 file in
 * `--out` (default: the configured directory), named `YYYY-MM-DD-slug.md`. Nothing is ever
 * overwritten: a taken name gets `-2`, `-3`…, and a file already imported identically is left.
 * 0 when every file was imported, 2 on a usage or config error.
 */
export async function importCommand(options: ImportOptions, context: CliContext): Promise<number> {
  if (options.format !== 'stylish' && options.format !== 'json')
    throw new UsageError(`--format for import must be stylish or json, not "${options.format}".`);
  if (options.paths.length === 0)
    throw new UsageError('hindsight import needs the files to import: hindsight import old/*.md');
  const setup = await loadSetup(context, options.config);
  const files = await findFiles(options.paths, context.cwd);
  const directory = resolve(context.cwd, options.out ?? setup.config.directory);
  await mkdir(directory, { recursive: true });

  const today = context.now.toISOString().slice(0, 10);
  const due = reviewDueDate(today, setup.config.reviewDueBusinessDays);
  const results: Imported[] = [];
  for (const file of files) {
    const source = displayPath(file, context.cwd);
    const result = importPostmortem({
      path: source,
      text: await readFile(file, 'utf8'),
      severities: setup.config.severities,
      today,
      due,
    });
    const written = await writeNew(directory, result.fileName, result.text);
    results.push({
      source,
      output: displayPath(written.path, context.cwd),
      unchanged: written.unchanged,
      notes: result.notes,
    });
  }

  if (options.format === 'json') {
    context.stdout(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    for (const result of results) {
      context.stdout(
        `${result.source} → ${result.output}${result.unchanged ? ' (already imported, left as it is)' : ''}\n`,
      );
      for (const note of result.notes) context.stdout(`  could not determine: ${note}\n`);
    }
    context.stdout(
      `${results.length} file${results.length === 1 ? '' : 's'} imported. Check them with: hindsight lint ${displayPath(directory, context.cwd)}\n`,
    );
  }
  return 0;
}

/** Writes a file under a name not yet taken (`name.md`, `name-2.md`, …); never overwrites. */
async function writeNew(
  directory: string,
  fileName: string,
  text: string,
): Promise<{ path: string; unchanged: boolean }> {
  const stem = fileName.replace(/\.md$/, '');
  for (let n = 1; ; n++) {
    const path = join(directory, n === 1 ? fileName : `${stem}-${n}.md`);
    try {
      await writeFile(path, text, { flag: 'wx' });
      return { path, unchanged: false };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if ((await readFile(path, 'utf8')) === text) return { path, unchanged: true };
    }
  }
}
