import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { lintPostmortem } from '../core/index.js';
import type { LintResult } from '../core/lint.js';
import { displayPath } from './find-files.js';
import type { Setup } from './load-setup.js';
import { readPostmortemFile, repositoryRoot } from './read-postmortem-file.js';

/** What a lint run reports per file (the parsed model stays behind: it is large and not needed). */
export type FileResult = Omit<LintResult, 'postmortem'>;

/** Below this many files a second thread costs more (its start-up and a cold JIT) than it saves: measured on 1,000 and 10,000 files. */
const PARALLEL_FROM = 2000;

export interface LintFilesInput {
  files: string[];
  cwd: string;
  setup: Setup;
  configPath: string | undefined;
  now: Date;
  /** Threads to use; 0 means one per core, up to 4, once there are enough files; N > 1 forces N. */
  jobs: number;
}

/** Lints files in this thread. */
export function lintChunk(files: string[], cwd: string, setup: Setup, now: Date): FileResult[] {
  const root = repositoryRoot(cwd);
  return files.map((file) => {
    const path = displayPath(file, cwd);
    // Synchronous reads: for thousands of small files, a thread-pool round trip each costs more than the read.
    const read = readPostmortemFile(file, path, root);
    if ('finding' in read) return unreadResult(path, read.finding);
    const { postmortem: _model, ...result } = lintPostmortem({
      path,
      text: read.text,
      config: setup.config,
      ruleOptions: setup.ruleOptions,
      templates: setup.templates,
      now,
    });
    return result;
  });
}

/** The result for a file that was not read: its one finding, no metrics. */
function unreadResult(file: string, finding: FileResult['findings'][number]): FileResult {
  return {
    file,
    findings: [finding],
    metrics: { timeToDetect: null, timeToMitigate: null, timeToResolve: null },
    status: null,
  };
}

/**
 * Lints many files, spread over worker threads when there are enough of them to be worth it.
 * Files are dealt round-robin so threads finish together; results come back in input order.
 * Runs from source (tests) have no built worker and stay in one thread.
 */
export async function lintFiles(input: LintFilesInput): Promise<FileResult[]> {
  const { files, cwd, setup, now } = input;
  const jobs = input.jobs > 0 ? input.jobs : Math.min(availableParallelism(), 4);
  const worker = fileURLToPath(new URL('./lint-worker.js', import.meta.url));
  const worthIt = input.jobs > 1 || files.length >= PARALLEL_FROM;
  if (jobs <= 1 || !worthIt || files.length < jobs || !existsSync(worker))
    return lintChunk(files, cwd, setup, now);

  const chunks = Array.from({ length: jobs }, (_, n) => files.filter((_file, i) => i % jobs === n));
  const others = chunks.slice(1).map(
    (chunk) =>
      new Promise<FileResult[]>((resolve, reject) => {
        const thread = new Worker(worker, {
          workerData: { files: chunk, cwd, configPath: input.configPath, now: now.toISOString() },
        });
        thread.once('message', resolve);
        thread.once('error', reject);
        thread.once(
          'exit',
          (code) => code !== 0 && reject(new Error(`lint worker exited with code ${code}`)),
        );
      }),
  );
  const parts = [lintChunk(chunks[0] ?? [], cwd, setup, now), ...(await Promise.all(others))];
  const results: FileResult[] = new Array(files.length);
  for (const [n, part] of parts.entries()) {
    for (const [k, result] of part.entries()) results[k * jobs + n] = result;
  }
  return results;
}
