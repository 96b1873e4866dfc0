import * as core from '@actions/core';
import * as github from '@actions/github';
import { loadTemplates } from '../files/templates.js';
import { createGateway, type OctokitLike } from '../github/gateway.js';
import { CONFIG_FILE, runAction, type Reporter } from './run.js';
import { runSync } from '../flows/run-sync.js';
import { describeGitHubError } from '../github/describe-error.js';

/** `command: sync`, for a schedule: action items to issues and statuses back, for every postmortem. */
async function runScheduledSync(): Promise<void> {
  try {
    const token = core.getInput('token', { required: true });
    const repo = `${github.context.repo.owner}/${github.context.repo.repo}`;
    const templates = await loadTemplates();
    const report = await runSync({
      octokit: github.getOctokit(token) as unknown as OctokitLike,
      repo,
      repoUrl: `${github.context.serverUrl}/${repo}`,
      knownTemplates: [...templates.keys()],
      today: new Date().toISOString().slice(0, 10),
      log: { info: (m) => core.info(m), warn: (m) => core.warning(m), error: (m) => core.error(m) },
      dryRun: /^true$/i.test(core.getInput('dry-run')),
    });
    for (const line of report.plan) core.info(line);
    for (const line of report.skipped) core.notice(line);
    core.info(report.summary);
    core.setOutput('created', report.result.created);
    core.setOutput('written', report.result.written.length);
  } catch (error) {
    core.setFailed(failure(error));
  }
}

/** An error as one actionable line: a GitHub API failure names its endpoint and permission. */
function failure(error: unknown): string {
  return describeGitHubError(error) ?? (error instanceof Error ? error.message : String(error));
}

/** Reads the Action's inputs and environment and runs it; the only place that knows about @actions/*. */
export async function main(): Promise<void> {
  const command = core.getInput('command') || 'validate';
  if (command === 'app') {
    // Probot loads only for this command, so the postmortem check never pays to compile it.
    const { runAppInAction } = await import('../app/action-adapter.js');
    return runAppInAction();
  }
  if (command === 'sync') return runScheduledSync();
  if (command !== 'validate') {
    core.setFailed(`Input command must be "validate", "sync" or "app", not "${command}".`);
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
      gateway: createGateway(
        github.getOctokit(token) as unknown as OctokitLike,
        github.context.repo,
      ),
      builtinTemplates: await loadTemplates(),
      now: new Date(),
      reporter,
    });
  } catch (error) {
    core.setFailed(failure(error));
  }
}
