import * as core from './runner.js';
import { checkoutReader } from '../files/checkout.js';
import { loadTemplates } from '../files/templates.js';
import { describeFailure } from '../github/describe-error.js';
import { createGateway } from '../github/gateway.js';
import { actionOctokit } from '../github/octokit.js';
import { runSync } from '../flows/run-sync.js';
import { updateIndex } from '../flows/update-index.js';
import { CONFIG_FILE, runAction, type Reporter } from './run.js';

/** The workflow's Octokit: pagination, throttling and retry (GitHub's rate limits). */
function octokitFor(token: string) {
  return actionOctokit({
    token,
    log: { warn: (m) => core.annotate('warning', m), error: (m) => core.annotate('error', m) },
  });
}

const log = {
  info: (m: string) => core.info(m),
  warn: (m: string) => core.annotate('warning', m),
  error: (m: string) => core.annotate('error', m),
};

/** `command: sync`, for a schedule: action items to issues and statuses back, for every postmortem. */
async function runScheduledSync(): Promise<void> {
  try {
    const token = requiredInput('token');
    const context = core.readContext();
    const repo = `${context.repo.owner}/${context.repo.repo}`;
    const templates = await loadTemplates();
    const now = new Date();
    const report = await runSync({
      octokit: await octokitFor(token),
      repo,
      knownTemplates: [...templates.keys()],
      today: now.toISOString().slice(0, 10),
      now,
      log,
      dryRun: /^true$/i.test(core.getInput('dry-run')),
    });
    for (const line of report.plan) core.info(line);
    for (const line of report.skipped) core.annotate('notice', line);
    core.info(report.summary);
    core.setOutput('created', report.result.created);
    core.setOutput('written', report.result.written.length);
    if (report.failed.length > 0) core.setFailed(report.failed.join('\n'));
  } catch (error) {
    core.setFailed(describeFailure(error));
  }
}

/**
 * `command: index`, on push to the default branch (or a schedule, or by hand): regenerates the
 * index, committing only when its text changed. A push to another branch is left alone.
 */
async function runIndex(): Promise<void> {
  try {
    const context = core.readContext();
    const { payload, eventName } = context;
    const defaultBranch = payload.repository?.default_branch;
    if (eventName === 'push' && defaultBranch && payload.ref !== `refs/heads/${defaultBranch}`) {
      core.info(
        `The index is kept on ${defaultBranch}; nothing to do for a push to ${payload.ref}.`,
      );
      return;
    }
    const token = requiredInput('token');
    const gateway = createGateway(await octokitFor(token), context.repo);
    const templates = await loadTemplates();
    const local = checkoutReader(process.env.GITHUB_WORKSPACE);
    const result = await updateIndex({
      gateway,
      knownTemplates: [...templates.keys()],
      today: new Date().toISOString().slice(0, 10),
      log,
      // With a checkout (actions/checkout), postmortems whose blob matches are read from it.
      ...(local ? { local } : {}),
    });
    core.setOutput('index', result.outcome);
    core.setOutput('files', result.postmortems);
    if (result.pull !== null) core.setOutput('pull-request', result.pull);
  } catch (error) {
    core.setFailed(describeFailure(error));
  }
}

/** Reads the Action's inputs and environment and runs it; the only place that knows about the runner. */
export async function main(): Promise<void> {
  const command = core.getInput('command') || 'validate';
  if (command === 'app') {
    // Probot loads only for this command, so the postmortem check never pays to compile it.
    const { runAppInAction } = await import('../app/action-adapter.js');
    return runAppInAction();
  }
  if (command === 'sync') return runScheduledSync();
  if (command === 'index') return runIndex();
  if (command !== 'validate') {
    core.setFailed(`Input command must be "validate", "sync", "index" or "app", not "${command}".`);
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
      gateway: createGateway(await octokitFor(token), context.repo),
      builtinTemplates: await loadTemplates(),
      now: new Date(),
      reporter,
    });
  } catch (error) {
    core.setFailed(describeFailure(error));
  }
}

function requiredInput(name: string): string {
  const value = core.getInput(name);
  if (!value) throw new Error(`Input required and not supplied: ${name}`);
  return value;
}
