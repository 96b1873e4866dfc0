import { Octokit } from '@octokit/rest';
import { describe, expect, type TestContext, test } from 'vitest';
import { startSandbox } from '../src/sandbox/index.js';
import type { Repository } from '../src/sandbox/state.js';
import { startAppProcess, startFanOut, type AppProcess } from './helpers/app-process.js';
import { queueDrained, startRedis } from './helpers/redis.js';

// Several app processes behind one load balancer, sharing a real redis-server: the built service
// (`node dist/server.js`) twice, with Probot's production write throttle (shared through Redis),
// and every webhook the sandbox sends delivered to both processes at once, byte for byte.
// Each test has its own redis-server, sandbox and processes, so the tests run at once: most of
// their time is the throttle's spacing between writes (a second, three for comments), waited out.
const P = { owner: 'acme', repo: 'payments' };
const REPORT = `---
title: "Payments outage"
incident: 1
status: published
severity: SEV2
date: 2026-11-20
owner: "@alice"
---
# Payments outage

## Summary

Checkout failed for 32 minutes.

## Action items

| ID | Action | Owner | Priority | Due | Status | Issue |
| --- | --- | --- | --- | --- | --- | --- |
| A1 | Alert when pool use stays above 80% | @alice | P1 | 2026-12-01 | Open | |
| A2 | Backoff and a retry cap in the payments client | @bob | P1 | 2026-12-02 | Open | |
`;

async function setup(
  onTestFinished: TestContext['onTestFinished'],
  config: string,
  processes = 2,
  env: Record<string, string> = {},
) {
  const redis = await startRedis();
  onTestFinished(() => redis.stop());
  const sandbox = await startSandbox();
  onTestFinished(() => sandbox.close());
  const repo = sandbox.state.createRepo({
    owner: 'acme',
    name: 'payments',
    files: { 'README.md': '# payments\n', '.github/postmortem.yml': config },
    collaborators: ['alice', 'bob', 'carol'],
  });
  const apps: AppProcess[] = [];
  // Stopped before the sandbox and Redis (onTestFinished runs in reverse order).
  const start = async () => {
    const app = await startAppProcess({ sandbox, redisUrl: redis.url, env });
    onTestFinished(() => app.kill());
    return app;
  };
  for (let n = 0; n < processes; n++) apps.push(await start());
  const fanOut = await startFanOut(() => apps.map((app) => app.url));
  onTestFinished(fanOut.close);
  sandbox.setWebhook(fanOut.url);
  const as = (login: string) =>
    new Octokit({ auth: sandbox.userToken(login), baseUrl: sandbox.url, log: quiet });
  /** Waits until no webhook is in flight and the processes' shared queue is empty, twice over. */
  const settled = async () => {
    for (let n = 0; n < 2; n++) {
      await sandbox.settled();
      await queueDrained(redis.client);
    }
  };
  return { sandbox, repo, apps, as, start, settled };
}
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

async function incident(as: (login: string) => Octokit) {
  const { data } = await as('alice').request('POST /repos/{owner}/{repo}/issues', {
    ...P,
    title: 'Checkout down',
    body: 'Payments failing',
  });
  await as('carol').request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
    ...P,
    issue_number: data.number,
    labels: ['incident'],
  });
  return data.number as number;
}

const botComments = (repo: Repository, number: number) =>
  repo.issues.get(number)!.comments.filter((c) => c.user.login === 'hindsight[bot]');

describe.concurrent('two app processes on one Redis', () => {
  test('the same issues.labeled delivered to both at once opens one draft PR and one comment', async ({
    onTestFinished,
  }) => {
    const { sandbox, repo, as, settled } = await setup(
      onTestFinished,
      'severityLabels: { sev1: SEV1 }\n',
    );
    const number = await incident(as);
    await settled();
    // Each delivery reached both processes.
    expect(sandbox.deliveries.filter((d) => d.name === 'issues').length).toBeGreaterThan(0);
    const pulls = [...repo.issues.values()].filter((i) => i.pull);
    expect(pulls.map((p) => p.title)).toEqual(['Postmortem: Checkout down']);
    expect(botComments(repo, number)).toHaveLength(1);
  }, 120_000);

  test('open.as: issue: one postmortem issue and one comment', async ({ onTestFinished }) => {
    const { repo, as, settled } = await setup(onTestFinished, 'open: { as: issue }\n');
    const number = await incident(as);
    await settled();
    const postmortems = [...repo.issues.values()].filter(
      (i) => !i.pull && i.number !== number && i.title.startsWith('Postmortem'),
    );
    expect(postmortems).toHaveLength(1);
    expect(botComments(repo, number)).toHaveLength(1);
  }, 120_000);

  test('a pushed postmortem with 2 action items: 2 issues and one write-back commit', async ({
    onTestFinished,
  }) => {
    const { repo, as, settled } = await setup(onTestFinished, 'severityLabels: { sev1: SEV1 }\n');
    await as('alice').request('PUT /repos/{owner}/{repo}/contents/{path}', {
      ...P,
      path: 'postmortems/2026-11-20-payments-outage.md',
      message: 'Postmortem',
      content: Buffer.from(REPORT).toString('base64'),
    });
    await settled();
    const items = [...repo.issues.values()].filter((i) => i.labels.includes('postmortem-action'));
    expect(items.map((i) => i.title).sort()).toEqual([
      'Alert when pool use stays above 80% (2026-11-20-payments-outage A1)',
      'Backoff and a retry cap in the payments client (2026-11-20-payments-outage A2)',
    ]);
    const botCommits: string[] = [];
    for (let sha = repo.refs.get('refs/heads/main'); sha; sha = repo.commits.get(sha)!.parents[0])
      if (repo.commits.get(sha)!.author.login === 'hindsight[bot]')
        botCommits.push(repo.commits.get(sha)!.message.split('\n')[0]!);
    expect(botCommits).toEqual(['Sync action items of postmortems/2026-11-20-payments-outage.md']);
  }, 120_000);
});

describe.concurrent('the Redis queue', () => {
  test('work accepted by a process killed mid-way is finished by the next one, once', async ({
    onTestFinished,
  }) => {
    const env = { HINDSIGHT_LEASE_MS: '1500' };
    const { sandbox, repo, apps, as, start, settled } = await setup(
      onTestFinished,
      'severityLabels: { sev1: SEV1 }\n',
      1,
      env,
    );
    // Hold the app's pull request creation: by then it has made the branch and the file.
    let reached: () => void = () => {};
    const atPull = new Promise<void>((resolve) => {
      reached = resolve;
    });
    let hold = true;
    sandbox.beforeRequest(async ({ method, route, caller }) => {
      if (caller.kind !== 'installation' || method !== 'POST') return;
      if (route !== '/repos/{owner}/{repo}/pulls' || !hold) return;
      reached();
      await new Promise((resolve) => setTimeout(resolve, 60_000));
    });
    const number = await incident(as);
    await sandbox.settled();
    expect(sandbox.deliveries.at(-1)?.status).toBe(202);
    await atPull;
    await apps[0]!.kill('SIGKILL');
    hold = false;
    expect([...repo.issues.values()].filter((i) => i.pull)).toHaveLength(0);
    expect(repo.refs.has('refs/heads/hindsight/incident-1')).toBe(true);

    const next = await start();
    apps.splice(0, 1, next);
    await settled();
    expect([...repo.issues.values()].filter((i) => i.pull)).toHaveLength(1);
    expect(botComments(repo, number)).toHaveLength(1);
    expect(next.output()).toMatch(/queued again/);
  }, 120_000);
});
