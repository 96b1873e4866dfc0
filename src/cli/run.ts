import { parseArgs } from 'node:util';
import { VERSION as version } from './version.js';
import { TemplateError } from '../core/index.js';
import { loadTemplates } from '../files/templates.js';
import type { CliContext } from './context.js';
import { UsageError } from './usage-error.js';
import { lintCommand } from './lint-command.js';
import { newCommand } from './new-command.js';

const HELP = `hindsight ${version}: postmortems as Markdown files in your repository

Usage:
  hindsight new --title "…" [--template standard] [--severity SEV2] [--incident 123] [--owner @you] [--date YYYY-MM-DD]
  hindsight lint [paths|globs…] [--format stylish|json|github|sarif] [--max-warnings N] [--jobs N]
  hindsight index [--out FILE] [--format markdown|json]   the index and insights of all postmortems
  hindsight import <files…> [--out DIR] [--format stylish|json]   postmortems of other shapes to format v1
  hindsight templates
  hindsight sync --repo owner/name [--dry-run]   action items to issues, statuses back (GITHUB_TOKEN, GITHUB_API_URL)
  hindsight sandbox [--port N] [--webhook-url URL] [--faults SPEC]   a local GitHub API with a
                                   demo repository, printing the app's environment (export lines);
                                   --faults "rate=0.05,kinds=500|502|timeout|drop|secondary|409,
                                   routes=POST /repos/*,callers=installation,seed=1" makes it fail
  hindsight sandbox label <owner/repo> <issue> <label>   label an issue in a running sandbox
  hindsight demo                   the whole loop locally: incident label → draft postmortem PR → check

Options:
  --config <file>   configuration (default .github/postmortem.yml)
  -j, --jobs <n>    threads for lint (default: one per core, up to 4; used from 2,000 files)
  -h, --help        this help

lint exits 0 when clean, 1 on errors (or more warnings than --max-warnings), 2 on a usage or config error.
`;

/** Runs one CLI invocation and returns its exit code. Every failure a user can cause is a message, not a stack. */
export async function runCli(argv: string[], context: CliContext): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
        config: { type: 'string' },
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        'max-warnings': { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        title: { type: 'string' },
        template: { type: 'string' },
        severity: { type: 'string' },
        incident: { type: 'string' },
        owner: { type: 'string' },
        date: { type: 'string' },
        port: { type: 'string' },
        faults: { type: 'string' },
        'webhook-url': { type: 'string' },
        repo: { type: 'string' },
        'dry-run': { type: 'boolean' },
      },
    });
    const [command, ...rest] = positionals;
    if (values.version) {
      context.stdout(`${version}\n`);
      return 0;
    }
    if (values.help || !command) {
      context.stdout(HELP);
      return command || values.help ? 0 : 2;
    }
    switch (command) {
      case 'lint':
        return await lintCommand(
          {
            paths: rest,
            format: values.format ?? 'stylish',
            maxWarnings: values['max-warnings'],
            config: values.config,
            jobs: values.jobs,
          },
          context,
          version,
        );
      case 'index': {
        const { indexCommand } = await import('./index-command.js');
        return await indexCommand(
          { out: values.out, format: values.format, config: values.config },
          context,
        );
      }
      case 'import': {
        const { importCommand } = await import('./import-command.js');
        return await importCommand(
          {
            paths: rest,
            out: values.out,
            format: values.format ?? 'stylish',
            config: values.config,
          },
          context,
        );
      }
      case 'new':
        return await newCommand({ ...values, config: values.config }, context);
      case 'sandbox': {
        // Loaded only when asked for, so `hindsight lint` never pays to compile the sandbox.
        const { sandboxCommand, sandboxLabelCommand } = await import('./sandbox-command.js');
        if (rest[0] === 'label')
          return await sandboxLabelCommand(rest.slice(1), context, process.env);
        if (rest.length > 0)
          throw new UsageError(`Unknown sandbox command "${rest[0]}"; sandbox takes "label".`);
        return await sandboxCommand(
          { port: values.port, webhookUrl: values['webhook-url'], faults: values.faults },
          context,
        );
      }
      case 'sync': {
        const { syncCommand } = await import('./sync-command.js');
        return await syncCommand(
          { repo: values.repo, dryRun: values['dry-run'] === true },
          context,
          process.env,
        );
      }
      case 'demo': {
        const { demoCommand } = await import('./demo-command.js');
        return await demoCommand(context);
      }
      case 'templates': {
        const templates = await loadTemplates(context.cwd);
        for (const [name, template] of templates)
          context.stdout(`${name.padEnd(14)}${template.description}\n`);
        return 0;
      }
      default:
        throw new UsageError(
          `Unknown command "${command}". Commands: new, lint, index, import, templates, sync, sandbox, demo.`,
        );
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof TemplateError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      context.stderr(`hindsight: ${(error as Error).message}\n`);
      if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
        context.stderr('Run `hindsight --help` for usage.\n');
      return 2;
    }
    throw error;
  }
}
