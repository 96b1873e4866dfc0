import * as core from './runner.js';
import { loadTemplates } from '../files/templates.js';
import { createGateway } from '../github/gateway.js';
import { actionOctokit } from '../github/octokit.js';
import { CONFIG_FILE, runAction, type Reporter } from './run.js';
import { runSync } from '../flows/run-sync.js';
import { describeGitHubError } from '../github/describe-error.js';

/** `command: sync`, for a schedule: action items to issues and statuses back, for every postmortem. */
async function runScheduledSync(): Promise<void> {
  try {
    const token = requiredInput('token');
    const context = core.readContext();
    const repo = `${context.repo.owner}/${context.repo.repo}`;
    const templates = await loadTemplates();
    const report = await runSync({
      octokit: await actionOctokit(token),
      repo,
      repoUrl: `${context.serverUrl}/${repo}`,
      knownTemplates: [...templates.keys()],
      today: new Date().toISOString().slice(0, 10),
      log: {
        info: (m) => core.info(m),
        warn: (m) => core.annotate('warning', m),
        error: (m) => core.annotate('error', m),
      },
      dryRun: /^true$/i.test(core.getInput('dry-run')),
    });
    for (const line of report.plan) core.info(line);
    for (const line of report.skipped) core.annotate('notice', line);
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
    const token = requiredInput('token');
    const maxWarnings = core.getInput('max-warnings');
    if (maxWarnings !== '' && !/^\d+$/.test(maxWarnings))
      throw new Error(`Input max-warnings must be a whole number, not "${maxWarnings}".`);
    const context = core.readContext();
    const reporter: Reporter = {
      info: (message) => core.info(message),
      warning: (message) => core.annotate('warning', message),
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
        core.annotate(finding.level === 'error' ? 'error' : 'warning', message, properties);
      },
      summary: async (markdown) => core.appendSummary(markdown),
      output: (name, value) => core.setOutput(name, value),
      fail: (message) => core.setFailed(message),
    };
    await runAction({
      inputs: {
        configPath: core.getInput('config') || CONFIG_FILE,
        comment: core.getBooleanInput('comment'),
        maxWarnings: maxWarnings === '' ? null : Number(maxWarnings),
      },
      event: { name: context.eventName, payload: context.payload },
      gateway: createGateway(await actionOctokit(token), context.repo),
      builtinTemplates: await loadTemplates(),
      now: new Date(),
      reporter,
    });
  } catch (error) {
    core.setFailed(failure(error));
  }
}

function requiredInput(name: string): string {
  const value = core.getInput(name);
  if (!value) throw new Error(`Input required and not supplied: ${name}`);
  return value;
}
