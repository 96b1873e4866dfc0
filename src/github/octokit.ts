import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import type { OctokitLike } from './gateway.js';

/** Octokit with only what the gateway uses: `request` and `paginate`. */
const LeanOctokit = Octokit.plugin(paginateRest);

/**
 * The Action's Octokit. Without a proxy it is @octokit/core with pagination: the postmortem check
 * starts without loading the REST method table or undici. Behind a proxy (HTTPS_PROXY on a
 * self-hosted runner) it is @actions/github's, which routes through it.
 */
export async function actionOctokit(
  token: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<OctokitLike> {
  if (env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy) {
    const { getOctokit } = await import('@actions/github');
    // @actions/github's Octokit has request and paginate with wider types than OctokitLike's.
    return getOctokit(token) as unknown as OctokitLike;
  }
  return new LeanOctokit({
    auth: token,
    baseUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
    userAgent: 'hindsight-action',
  }) as unknown as OctokitLike;
}
