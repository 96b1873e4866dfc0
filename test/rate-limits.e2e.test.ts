import { afterEach, expect, test } from 'vitest';
import { syncCommand } from '../src/cli/sync-command.js';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { startHarness, type Harness } from './helpers/app-harness.js';

// GitHub's secondary limit on content creation, modelled by the sandbox with small windows so the
// test stays fast: every front end's Octokit waits out `retry-after` and finishes the job.
let sandbox: Sandbox | undefined;
let harness: Harness | undefined;
afterEach(async () => {
  await sandbox?.close();
  await harness?.close();
  sandbox = undefined;
  harness = undefined;
});

/** A postmortem with five action items (five issues to create, one report to write back). */
function report(day: number): string {
  const rows = [1, 2, 3, 4, 5].map(
    (n) =>
      `| A${n} | Step ${n} of incident ${day} is automated | @alice | P2 | 2099-01-01 | Open | |`,
  );
  return [
    '---',
    `title: Incident ${day}`,
    'status: published',
    `date: 2026-10-${String(day).padStart(2, '0')}`,
    '---',
    '## Action items',
    '',
    '| ID | Action | Owner | Priority | Due | Status | Issue |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

const postmortems = (count: number) =>
  Object.fromEntries(
    Array.from({ length: count }, (_, n) => [
      `postmortems/2026-10-${String(n + 1).padStart(2, '0')}-incident.md`,
      report(n + 1),
    ]),
  );

test('a large first sync through hindsight sync waits out the secondary limit (retry-after) and finishes: every issue, every write-back', async () => {
  sandbox = await startSandbox({
    // A refused caller waits a fixed second, then starts afresh: what the test shows does not
    // depend on how fast (or loaded) the machine is.
    contentLimits: { windows: [{ max: 20, seconds: 60 }], status: 429, retryAfter: 1 },
  });
  const repo = sandbox.state.createRepo({
    owner: 'acme',
    name: 'payments',
    collaborators: ['alice'],
    files: postmortems(12),
  });
  let stdout = '';
  let stderr = '';
  const code = await syncCommand(
    { repo: 'acme/payments', dryRun: false },
    {
      cwd: process.cwd(),
      now: new Date('2026-11-23T10:00:00Z'),
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
    },
    { GITHUB_TOKEN: sandbox.userToken('alice'), GITHUB_API_URL: sandbox.url },
  );
  expect(code).toBe(0);
  expect(stdout).toBe(
    'Action items: 60 issues created, 0 updated, 0 reminders, 12 reports written back (a commit to main); 0 review reminders; read every postmortem (12).\n',
  );
  // The sandbox refused some writes (403 + retry-after), and each was sent again and accepted.
  const refused = sandbox.log.filter((e) => e.status === 429);
  // 72 writes, 20 at a time: refused after the 20th, 40th and 60th, each waited out.
  expect(refused.length).toBe(3);
  expect(stderr).toContain("GitHub's secondary rate limit on POST");
  expect([...repo.issues.values()].filter((i) => !i.pull)).toHaveLength(60);
  const created = sandbox.log.filter(
    (e) => e.method === 'POST' && e.status === 201 && e.route === '/repos/{owner}/{repo}/issues',
  );
  expect(created).toHaveLength(60);
  const tree = sandbox.state.repoCommitTree(repo, 'main')!;
  for (const path of Object.keys(postmortems(12))) {
    const text = repo.blobs.get(tree.get(path)!)!.toString('utf8');
    expect(text).not.toMatch(/\| Open \| \|$/m);
  }
}, 60_000);

test('the app (Probot’s Octokit) waits out the secondary limit during a sync started by a push', async () => {
  harness = await startHarness({ collaborators: ['alice'] });
  const h = harness;
  h.sandbox.setContentLimits({ windows: [{ max: 6, seconds: 60 }], retryAfter: 1 });
  h.sandbox.setWebhook(h.appUrl);
  const files = postmortems(3);
  // One commit with three postmortems pushed to main (15 issues, 3 write-backs).
  const before = h.repo.refs.get('refs/heads/main')!;
  const after = h.sandbox.state.commit(h.repo, {
    parent: before,
    message: 'Three postmortems',
    changes: files,
    author: h.sandbox.state.user('alice'),
  });
  h.repo.refs.set('refs/heads/main', after);
  h.sandbox.state.emit?.({ kind: 'push', repo: h.repo, ref: 'refs/heads/main', before, after });
  await h.sandbox.settled();
  expect(h.sandbox.log.some((e) => e.status === 403)).toBe(true);
  expect([...h.repo.issues.values()].filter((i) => !i.pull)).toHaveLength(15);
  const tree = h.sandbox.state.repoCommitTree(h.repo, 'main')!;
  for (const path of Object.keys(files))
    expect(h.repo.blobs.get(tree.get(path)!)!.toString('utf8')).not.toMatch(/\| Open \| \|$/m);
});
