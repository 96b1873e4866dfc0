import { readFileSync } from 'node:fs';
import { lintPostmortem } from '../core/index.js';
import type { CliContext } from './context.js';
import { displayPath, findFiles, UsageError } from './find-files.js';
import { FORMATS, formatResults, type Format } from './formats.js';
import { loadSetup } from './load-setup.js';

export interface LintOptions {
  paths: string[];
  format: string;
  maxWarnings?: string;
  config?: string;
}

/** `hindsight lint`: 0 clean, 1 errors (or more warnings than allowed), 2 usage or config error. */
export async function lintCommand(options: LintOptions, context: CliContext, version: string): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${options.format}".`);
  }
  const maxWarnings = options.maxWarnings === undefined ? Infinity : Number(options.maxWarnings);
  if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity) throw new UsageError(`--max-warnings takes a whole number, not "${options.maxWarnings}".`);
  const setup = await loadSetup(context, options.config);
  const paths = options.paths.length > 0 ? options.paths : [setup.config.directory];
  const files = await findFiles(paths, context.cwd);

  const results = [];
  for (const file of files) {
    // Synchronous reads: for thousands of small files, one thread-pool round trip each costs more than the read.
    const text = readFileSync(file, 'utf8');
    results.push(
      lintPostmortem({
        path: displayPath(file, context.cwd),
        text,
        config: setup.config,
        ruleOptions: setup.ruleOptions,
        templates: setup.templates,
        now: context.now,
      }),
    );
  }
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
