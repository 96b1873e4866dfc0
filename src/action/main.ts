import * as core from '@actions/core';
import * as github from '@actions/github';
import { loadTemplates } from '../files/templates.js';
import { createGateway, type OctokitLike } from '../github/gateway.js';
import { rateLimitOptions, rateLimitPlugins } from '../github/octokit.js';
import { CONFIG_FILE, runAction, type Reporter } from './run.js';
import { syncRepository } from '../flows/sync-repository.js';
import { updateIndex } from '../flows/update-index.js';

/** The workflow's Octokit, with the throttling and retry plugins (GitHub's rate limits). */
function octokitFor(token: string) {
  return github.getOctokit(
    token,
    rateLimitOptions({
      baseUrl: process.env.GITHUB_API_URL ?? 'https://api.github.com',
      log: { warn: (m) => core.warning(m) },
    }),
    ...rateLimitPlugins,
  );
}

/** `command: sync`, for a schedule: action items to issues and statuses back, for every postmortem. */
async function runSync(): Promise<void> {
  try {
    const token = core.getInput('token', { required: true });
    const octokit = octokitFor(token);
    const gateway = createGateway(octokit, github.context.repo);
    const templates = await loadTemplates();
    const result = await syncRepository({
      gateway,
      gatewayFor: (fullName) =>
        createGateway(octokit, {
          owner: fullName.split('/')[0] as string,
          repo: fullName.split('/')[1] as string,
        }),
      repo: `${github.context.repo.owner}/${github.context.repo.repo}`,
      knownTemplates: [...templates.keys()],
      today: new Date().toISOString().slice(0, 10),
      log: { info: (m) => core.info(m), warn: (m) => core.warning(m), error: (m) => core.error(m) },
      dryRun: /^true$/i.test(core.getInput('dry-run')),
    });
    for (const line of result.plan) core.info(`would ${line}`);
    for (const line of result.skipped) core.notice(line);
    core.info(
      `Action items: ${result.created} issues created, ${result.updated} updated, ${result.reminded} reminders, ${result.written.length} reports written back; ${result.reviewsReminded} review reminders.`,
    );
    core.setOutput('created', result.created);
    core.setOutput('written', result.written.length);
    if (result.failed.length > 0)
      core.setFailed(
        `${result.failed.length} postmortem(s) could not be synced (the others were):\n${result.failed.join('\n')}`,
      );
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}

/**
 * `command: index`, on push to the default branch (or a schedule, or by hand): regenerates the
 * index, committing only when its text changed. A push to another branch is left alone.
 */
async function runIndex(): Promise<void> {
  try {
    const { payload, eventName } = github.context;
    const defaultBranch = payload.repository?.default_branch;
    if (eventName === 'push' && defaultBranch && payload.ref !== `refs/heads/${defaultBranch}`) {
      core.info(
        `The index is kept on ${defaultBranch}; nothing to do for a push to ${payload.ref}.`,
      );
      return;
    }
    const token = core.getInput('token', { required: true });
    const gateway = createGateway(octokitFor(token), github.context.repo);
    const templates = await loadTemplates();
    const result = await updateIndex({
      gateway,
      knownTemplates: [...templates.keys()],
      today: new Date().toISOString().slice(0, 10),
      log: { info: (m) => core.info(m), warn: (m) => core.warning(m), error: (m) => core.error(m) },
    });
    core.setOutput('index', result.outcome);
    core.setOutput('files', result.postmortems);
    if (result.pull !== null) core.setOutput('pull-request', result.pull);
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}

/** Reads the Action's inputs and environment and runs it; the only place that knows about @actions/*. */
export async function main(): Promise<void> {
  const command = core.getInput('command') || 'validate';
  if (command === 'app') {
    // Probot loads only for this command, so the postmortem check never pays to compile it.
    const { runAppInAction } = await import('../app/action-adapter.js');
    return runAppInAction();
  }
  if (command === 'sync') return runSync();
  if (command === 'index') return runIndex();
  if (command !== 'validate') {
    core.setFailed(`Input command must be "validate", "sync", "index" or "app", not "${command}".`);
    return;
  }
  try {
    const token = core.getInput('token', { required: true });
    const maxWarnings = core.getInput('max-warnings');
    if (maxWarnings !== '' && !/^\d+$/.test(maxWarnings))
      throw new Error(`Input max-warnings must be a whole number, not "${maxWarnings}".`);
    const reporter: Reporter = {
      info: (message) => core.info(message),
      warning: (message) => core.warning(message),
      annotate: (finding) => {
        const properties = {
          title: finding.rule,
          file: finding.file,
          startLine: finding.line,
          endLine: finding.endLine,
          ...(finding.line === finding.endLine
            ? {
                startColumn: finding.column,
                ...(finding.endColumn ? { endColumn: finding.endColumn } : {}),
              }
            : {}),
        };
        const message = finding.suggestion
          ? `${finding.message}\nSuggestion: ${finding.suggestion}`
          : finding.message;
        if (finding.level === 'error') core.error(message, properties);
        else core.warning(message, properties);
      },
      summary: async (markdown) => {
        if (!process.env.GITHUB_STEP_SUMMARY) return core.info(markdown);
        await core.summary.addRaw(markdown, true).write();
      },
      output: (name, value) => core.setOutput(name, value),
      fail: (message) => core.setFailed(message),
    };
    await runAction({
      inputs: {
        configPath: core.getInput('config') || CONFIG_FILE,
        comment: core.getBooleanInput('comment'),
        maxWarnings: maxWarnings === '' ? null : Number(maxWarnings),
      },
      event: { name: github.context.eventName, payload: github.context.payload },
      gateway: createGateway(octokitFor(token), github.context.repo),
      builtinTemplates: await loadTemplates(),
      now: new Date(),
      reporter,
    });
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
