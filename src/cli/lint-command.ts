import { isIndexReadme } from '../core/postmortem-paths.js';
import type { CliContext } from './context.js';
import { findFiles } from './find-files.js';
import { UsageError } from './usage-error.js';
import { FORMATS, formatResults, type Format } from './formats.js';
import { lintFiles } from './lint-files.js';
import { loadSetup } from './load-setup.js';

export interface LintOptions {
  paths: string[];
  format: string;
  maxWarnings?: string;
  config?: string;
  jobs?: string;
}

/** `hindsight lint`: 0 clean, 1 errors (or more warnings than allowed), 2 usage or config error. */
export async function lintCommand(
  options: LintOptions,
  context: CliContext,
  version: string,
): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${options.format}".`);
  }
  const maxWarnings = options.maxWarnings === undefined ? Infinity : Number(options.maxWarnings);
  if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity)
    throw new UsageError(`--max-warnings takes a whole number, not "${options.maxWarnings}".`);
  const setup = await loadSetup(context, options.config);
  const paths = options.paths.length > 0 ? options.paths : [setup.config.directory];
  // The folder's README.md is the index `hindsight index` writes, not a postmortem; a file
  // named on the command line is linted whatever its name.
  const files = (await findFiles(paths, context.cwd)).filter(
    (file) => options.paths.length > 0 || !isIndexReadme(file),
  );

  const jobs = options.jobs === undefined ? 0 : Number(options.jobs);
  if (!Number.isInteger(jobs) || jobs < 0)
    throw new UsageError(`--jobs takes a whole number (0 = one per core), not "${options.jobs}".`);
  const results = await lintFiles({
    files,
    cwd: context.cwd,
    setup,
    configPath: options.config,
    now: context.now,
    jobs,
  });
  context.stdout(formatResults(options.format as Format, results, version));
  const findings = results.flatMap((result) => result.findings);
  const errors = findings.filter((finding) => finding.level === 'error').length;
  const warnings = findings.length - errors;
  if (errors > 0) return 1;
  if (warnings > maxWarnings) {
    context.stderr(`${warnings} warnings, more than --max-warnings ${maxWarnings}.\n`);
    return 1;
  }
  return 0;
}
