import { syncRepository } from '../flows/sync-repository.js';
import { loadTemplates } from '../files/templates.js';
import { createGateway, type OctokitLike } from '../github/gateway.js';
import { createOctokit } from '../github/octokit.js';
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
      error: (m) => context.stderr(`${m}\n`),
    },
  });
  const gateway = createGateway(octokit, {
    owner: match[1] as string,
    repo: match[2] as string,
  });
  const templates = await loadTemplates(context.cwd);
  const result = await syncRepository({
    gateway,
    gatewayFor: (fullName) =>
      createGateway(octokit, {
        owner: fullName.split('/')[0] as string,
        repo: fullName.split('/')[1] as string,
      }),
    repo: options.repo as string,
    knownTemplates: [...templates.keys()],
    today: context.now.toISOString().slice(0, 10),
    log: {
      info: (m) => context.stderr(`${m}\n`),
      warn: (m) => context.stderr(`warning: ${m}\n`),
      error: (m) => context.stderr(`error: ${m}\n`),
    },
    dryRun: options.dryRun,
  });
  for (const line of result.plan) context.stdout(`would ${line}\n`);
  for (const line of result.skipped) context.stdout(`skipped ${line}\n`);
  if (!options.dryRun)
    context.stdout(
      `${result.created} issues created, ${result.updated} updated, ${result.reminded} reminders, ${result.written.length} reports written back, ${result.reviewsReminded} review reminders\n`,
    );
  if (result.failed.length === 0) return 0;
  context.stderr(
    `hindsight: ${result.failed.length} postmortem(s) could not be synced (the others were):\n${result.failed.map((f) => `  ${f}\n`).join('')}`,
  );
  return 1;
}
