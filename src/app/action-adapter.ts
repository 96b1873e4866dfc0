import { readFile } from 'node:fs/promises';
import * as core from '@actions/core';
import { pino } from 'pino';
import { Probot } from 'probot';
import { describeFailure, describeGitHubError } from '../github/describe-error.js';
import { loadTemplates } from '../files/templates.js';
import { hindsightApp } from './app.js';
import { HindsightOctokit } from './unthrottled-octokit.js';

/**
 * Runs the app once inside a GitHub Actions workflow, for teams that do not host it: the event
 * the workflow was triggered by is handed to the same handlers, authenticated with the
 * workflow's token. (The published adapter is built on Probot 13; this is ours, for Probot 14.)
 */
export async function runAppInAction(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const token = core.getInput('token') || env.GITHUB_TOKEN;
    if (!token)
      throw new Error(
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, quoted for the user.
        'No token: pass `token: ${{ github.token }}` (the default) or set GITHUB_TOKEN.',
      );
    if (!env.GITHUB_EVENT_PATH || !env.GITHUB_EVENT_NAME)
      throw new Error(
        'GITHUB_EVENT_PATH and GITHUB_EVENT_NAME are not set: this runs inside a workflow.',
      );
    const probot = new Probot({
      githubToken: token,
      baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
      log: workflowLog(),
      Octokit: HindsightOctokit,
    });
    await probot.load(hindsightApp({ templates: () => loadTemplates() }));
    const payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8'));
    await probot.receive({
      id: env.GITHUB_RUN_ID ?? 'local',
      name: env.GITHUB_EVENT_NAME as never,
      payload,
    } as never);
  } catch (error) {
    // Probot rejects with every handler's error; each is described in one line.
    const errors = (error as { errors?: unknown[] }).errors ?? [error];
    core.setFailed(
      errors
        .map(
          (e) =>
            // The app's handlers wrap a failed request (its cause) in a described Error.
            describeGitHubError((e as { cause?: unknown }).cause) ?? describeFailure(e),
        )
        .join('\n'),
    );
  }
}

/**
 * Probot's logger, one plain line per message in the workflow log. Pino's own output would put a
 * failed request's whole error object, headers and webhook payload into the log (75 lines for
 * one refused write); the step's failure names the endpoint and permission instead.
 */
function workflowLog() {
  return pino(
    { level: 'info', base: null, timestamp: false },
    {
      write(line: string) {
        const entry = JSON.parse(line) as { level: number; msg?: string; err?: unknown };
        if (entry.err) return; // reported once, described, by the step's failure
        const text = entry.msg ?? '';
        if (entry.level >= 50) core.error(text);
        else if (entry.level >= 40) core.warning(text);
        else core.info(text);
      },
    },
  );
}
