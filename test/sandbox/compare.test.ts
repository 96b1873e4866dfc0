import { Octokit } from '@octokit/rest';
import { afterEach, expect, test } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

// Found by the load bench: a postmortem branch cut short before its file was written, while the
// default branch gained write-back commits, looked as if it changed those files, so the next
// delivery skipped writing its own file and GitHub refused the PR ("No commits between").
test('compare base...head lists what the head adds since the merge base, not what the base gained', async () => {
  sandbox = await startSandbox();
  const repo = sandbox.state.createRepo({
    owner: 'acme',
    name: 'payments',
    files: { 'postmortems/a.md': 'a\n' },
    collaborators: ['alice'],
  });
  const alice = new Octokit({ auth: sandbox.userToken('alice'), baseUrl: sandbox.url });
  const P = { owner: 'acme', repo: 'payments' };
  await alice.request('POST /repos/{owner}/{repo}/git/refs', {
    ...P,
    ref: 'refs/heads/topic',
    sha: repo.refs.get('refs/heads/main')!,
  });
  const { data: a } = await alice.request('GET /repos/{owner}/{repo}/contents/{path}', {
    ...P,
    path: 'postmortems/a.md',
  });
  await alice.request('PUT /repos/{owner}/{repo}/contents/{path}', {
    ...P,
    path: 'postmortems/a.md',
    message: 'main moves on',
    content: Buffer.from('a, edited\n').toString('base64'),
    sha: (a as { sha: string }).sha,
  });
  const empty = await alice.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
    ...P,
    basehead: 'main...topic',
  });
  expect(empty.data.files).toEqual([]);
  await alice.request('PUT /repos/{owner}/{repo}/contents/{path}', {
    ...P,
    path: 'postmortems/b.md',
    branch: 'topic',
    message: 'topic adds b',
    content: Buffer.from('b\n').toString('base64'),
  });
  const added = await alice.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
    ...P,
    basehead: 'main...topic',
  });
  expect(added.data.files?.map((f) => [f.filename, f.status])).toEqual([
    ['postmortems/b.md', 'added'],
  ]);
});
