import { runSync } from '../flows/run-sync.js';
import { describeGitHubError } from '../github/describe-error.js';
import { loadTemplates } from '../files/templates.js';
import type { OctokitLike } from '../github/gateway.js';
import { createOctokit } from '../github/rest-octokit.js';
import type { CliContext } from './context.js';
import { UsageError } from './usage-error.js';

/**
 * `hindsight sync --repo owner/name [--dry-run]`: action items to issues, statuses back, for every
 * postmortem of a repository. The token comes from GITHUB_TOKEN, never from a flag (flags end up
 * in shell history and process lists); GITHUB_API_URL points it at GitHub Enterprise or the sandbox.
 */
export async function syncCommand(
  options: { repo?: string; dryRun: boolean },
  context: CliContext,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(options.repo ?? '');
  if (!match) throw new UsageError('hindsight sync needs --repo owner/name.');
  const token = env.GITHUB_TOKEN;
  if (!token)
    throw new UsageError(
      'hindsight sync needs a token in GITHUB_TOKEN (contents, issues and pull requests: write).',
    );
  const baseUrl = env.GITHUB_API_URL ?? 'https://api.github.com';
  const octokit = createOctokit({
    token,
    baseUrl,
    log: {
      warn: (m) => context.stderr(`warning: ${m}\n`),
      // Octokit logs each failed request; the failure is told once, described, below.
      error: () => {},
    },
  });
  const templates = await loadTemplates(context.cwd);
  let report: Awaited<ReturnType<typeof runSync>>;
  try {
    report = await runSync({
      octokit,
      repo: options.repo as string,
      knownTemplates: [...templates.keys()],
      today: context.now.toISOString().slice(0, 10),
      now: context.now,
      log: {
        info: (m) => context.stderr(`${m}\n`),
        warn: (m) => context.stderr(`warning: ${m}\n`),
        error: (m) => context.stderr(`error: ${m}\n`),
      },
      dryRun: options.dryRun,
    });
  } catch (error) {
    const described = describeGitHubError(error);
    if (!described) throw error;
    context.stderr(`hindsight sync: ${described}\n`);
    return 1;
  }
  for (const line of [...report.plan, ...report.skipped, report.summary])
    context.stdout(`${line}\n`);
  if (report.failed.length === 0) return 0;
  context.stderr(`hindsight: ${report.failed.join('\n')}\n`);
  return 1;
}
