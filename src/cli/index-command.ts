import { postmortemFolder } from '../core/postmortem-paths.js';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { defaultIndexFile, generateIndex, IndexRegionError } from '../core/knowledge/index.js';
import type { CliContext } from './context.js';
import { displayPath, findFiles } from './find-files.js';
import { loadSetup } from './load-setup.js';
import { UsageError } from './usage-error.js';

export interface IndexOptions {
  out?: string;
  format?: string;
  config?: string;
}

/**
 * `hindsight index [--out FILE] [--format markdown|json]`: the index of the configured folder.
 * Markdown goes to `<directory>/README.md` (or `--out`), inside its markers when the file has
 * other text; JSON goes to stdout unless `--out`. A file whose text would not change is not
 * written, so its modification time says when the index last changed.
 */
export async function indexCommand(options: IndexOptions, context: CliContext): Promise<number> {
  const format = options.format ?? 'markdown';
  if (format !== 'markdown' && format !== 'json')
    throw new UsageError(`--format for index must be markdown or json, not "${format}".`);
  const setup = await loadSetup(context, options.config);
  const directory = postmortemFolder(setup.config);
  const paths = await findFiles([directory], context.cwd).catch((error: Error) => {
    throw new UsageError(
      `${error.message} The index lists the postmortems in "directory" (${directory}) of the config.`,
    );
  });
  const outPath = options.out ? resolve(context.cwd, options.out) : null;
  const indexFile = outPath ? displayPath(outPath, context.cwd) : defaultIndexFile(setup.config);
  const target = outPath ?? resolve(context.cwd, indexFile);
  const existing = format === 'markdown' ? await readFile(target, 'utf8').catch(() => null) : null;
  let generated: ReturnType<typeof generateIndex>;
  try {
    generated = generateIndex({
      // Synchronous reads: for thousands of small files a thread-pool round trip costs more than the read.
      files: paths.map((path) => ({
        path: displayPath(path, context.cwd),
        text: readFileSync(path, 'utf8'),
      })),
      config: setup.config,
      today: context.now.toISOString().slice(0, 10),
      indexFile,
      existing,
    });
  } catch (error) {
    if (error instanceof IndexRegionError) throw new UsageError(error.message);
    throw error;
  }
  const count = generated.index.postmortems.length;
  if (format === 'json') {
    const json = `${JSON.stringify(generated.index, null, 2)}\n`;
    if (outPath) await write(outPath, json);
    else context.stdout(json);
    if (outPath) context.stderr(`Wrote the index of ${count} postmortems to ${indexFile}.\n`);
    return 0;
  }
  if (generated.text === existing) {
    context.stderr(`${indexFile} is up to date (${count} postmortems).\n`);
    return 0;
  }
  await write(target, generated.text);
  context.stderr(`Wrote the index of ${count} postmortems to ${indexFile}.\n`);
  return 0;
}

async function write(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}
