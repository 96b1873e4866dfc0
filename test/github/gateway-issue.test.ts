import { expect, test } from 'vitest';
import { createGateway, type OctokitLike } from '../../src/github/gateway.js';

// One issue read by number, as the scheduled sync reads a changed postmortem's issues. GitHub
// answers a transferred issue's old address with a 301 that Octokit follows: the issue that
// comes back lives in another repository and is not this one's.
const issue = (repositoryUrl: string) => ({
  number: 7,
  title: 'Alert on queue age (2026-11-01-a A1)',
  body: 'x',
  state: 'open',
  state_reason: null,
  assignees: [],
  labels: [{ name: 'postmortem-action' }],
  updated_at: '2026-11-20T10:00:00Z',
  user: { login: 'hindsight[bot]' },
  repository_url: repositoryUrl,
});
// A stand-in Octokit answering every request with one body: the cast is where a two-method
// object stands for Octokit's full type, which this test does not need.
const octokitAnswering = (data: unknown) =>
  ({
    request: async () => ({ data, headers: {} }),
    paginate: async () => [],
  }) as unknown as OctokitLike;

test('an issue read by number counts only while it lives in the repository asked', async () => {
  const here = createGateway(
    octokitAnswering(issue('https://api.github.com/repos/Acme/Payments')),
    { owner: 'acme', repo: 'payments' },
  );
  expect((await here.getIssue(7))?.number).toBe(7);
  const moved = createGateway(
    octokitAnswering(issue('https://api.github.com/repos/acme/elsewhere')),
    { owner: 'acme', repo: 'payments' },
  );
  expect(await moved.getIssue(7)).toBeNull();
});
