import { readFile } from 'node:fs/promises';
import * as core from '@actions/core';
import { Probot } from 'probot';
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
      logLevel: 'info',
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
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
