import { afterEach, describe, expect, test } from 'vitest';
import { UnthrottledOctokit } from '../src/app/unthrottled-octokit.js';
import { createFaults, deliver, parseFaults } from '../src/sandbox/index.js';
import { startHarness, type Harness } from './helpers/app-harness.js';

// GitHub failing under the app: 500s, 502s, dropped connections, requests that never answer,
// from the sandbox's seeded fault injector. The app retries where GitHub says to, never writes
// twice, and the next event completes a run the faults cut short.
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

// The retry plugin waits 1, 4 and 9 s between tries, and the throttling plugin `retry-after`
// seconds: the same waits, 100 times shorter.
class FastRetry extends UnthrottledOctokit {
  constructor(options: ConstructorParameters<typeof UnthrottledOctokit>[0] = {}) {
    const given = options as { throttle?: object };
    super({
      ...options,
      retry: { retryAfterBaseValue: 10 },
      throttle: { ...given.throttle, retryAfterBaseValue: 10 },
    } as never);
  }
}

describe('the --faults spec', () => {
  test.each([
    ['0.01', { rate: 0.01 }],
    ['rate=0.2,kinds=500|drop,seed=9', { rate: 0.2, kinds: ['500', 'drop'], seed: 9 }],
    [
      'routes=POST /repos/*/pulls|PUT *,first=2,timeoutMs=50,retryAfter=3',
      { routes: ['POST /repos/*/pulls', 'PUT *'], first: 2, timeoutMs: 50, retryAfter: 3 },
    ],
  ])('%s', (spec, expected) => {
    expect(parseFaults(spec)).toMatchObject(expected);
  });

  test.each([
    ['rate=2', /rate takes a share from 0 to 1/],
    ['kinds=500|teapot', /kinds takes 500\|502\|timeout\|drop\|secondary\|409/],
    ['seed=-1', /seed takes a whole number/],
    ['speed=3', /unknown key "speed"/],
  ])('%s is refused with what is allowed', (spec, message) => {
    expect(() => parseFaults(spec)).toThrow(message);
  });

  test('the same seed fails the same requests; routes and first narrow them', () => {
    const draw = (spec: string) => {
      const faults = createFaults(spec);
      return Array.from({ length: 200 }, (_, n) =>
        faults.pick(n % 2 ? 'GET' : 'POST', '/repos/{owner}/{repo}/issues'),
      );
    };
    const first = draw('rate=0.3,seed=4');
    expect(draw('rate=0.3,seed=4')).toEqual(first);
    expect(draw('rate=0.3,seed=5')).not.toEqual(first);
    const failed = first.filter(Boolean).length;
    expect(failed).toBeGreaterThan(30);
    expect(failed).toBeLessThan(90);
    expect(draw('rate=0').filter(Boolean)).toEqual([]);
    expect(draw('rate=1,routes=POST *').filter(Boolean)).toHaveLength(100);
    expect(draw('rate=1,first=3').filter(Boolean)).toHaveLength(3);
  });
});

/** The file writes that GitHub accepted (a failed try is logged too, with its status). */
const fileWrites = (harness: Harness) =>
  harness.sandbox.log.filter(
    (e) => e.method === 'PUT' && e.route.includes('/contents/') && e.status < 300 && e.status > 0,
  );

/** Delivers, then (as the next event would) again under new ids until the run is complete. */
async function untilDone(
  send: (attempt: number) => Promise<unknown>,
  done: () => boolean,
): Promise<number> {
  for (let attempt = 1; attempt <= 10; attempt++) {
    await send(attempt);
    await h!.sandbox.settled();
    if (done()) return attempt;
  }
  throw new Error('ten deliveries did not complete the run');
}

describe('the app under faults', () => {
  test.each([3, 11, 29])(
    'seed %i, 40% of app requests failing: one draft PR, one commit, one comment',
    async (seed) => {
      h = await startHarness({ Octokit: FastRetry });
      const incident = h.repo.issues.size + 1;
      await h.as('alice').request('POST /repos/{owner}/{repo}/issues', {
        owner: 'acme',
        repo: 'payments',
        title: 'Checkout down',
        body: '',
      });
      h.sandbox.setFaults({
        rate: 0.4,
        kinds: ['500', '502', 'drop', 'timeout', 'secondary'],
        timeoutMs: 100,
        callers: ['installation', 'app'],
        seed,
      });
      const comments = () =>
        h!.repo.issues.get(incident)!.comments.filter((c) => c.user.login === 'hindsight[bot]');
      await untilDone(
        (attempt) =>
          h!.send({
            name: 'issues',
            action: 'labeled',
            issue: incident,
            label: 'incident',
            sender: 'carol',
            id: `labeled-${attempt}`,
          }),
        () => comments().length > 0,
      );
      expect(h.sandbox.log.filter((e) => e.fault).length).toBeGreaterThan(0);
      expect([...h.repo.issues.values()].filter((i) => i.pull)).toHaveLength(1);
      expect(comments()).toHaveLength(1);
      expect(fileWrites(h)).toHaveLength(1);
    },
    60_000,
  );

  test('a write that keeps failing is logged with its endpoint, what GitHub said and what to do', async () => {
    const logs: string[] = [];
    h = await startHarness({ Octokit: FastRetry, logs });
    h.sandbox.setFaults({
      rate: 1,
      kinds: ['502'],
      routes: ['POST /repos/{owner}/{repo}/pulls'],
      callers: ['installation'],
    });
    const incident = h.repo.issues.size + 1;
    await h.as('alice').request('POST /repos/{owner}/{repo}/issues', {
      owner: 'acme',
      repo: 'payments',
      title: 'Checkout down',
      body: '',
    });
    await h.send({
      name: 'issues',
      action: 'labeled',
      issue: incident,
      label: 'incident',
      sender: 'carol',
    });
    // Four tries: the first and three retries.
    expect(h.sandbox.log.filter((e) => e.fault === '502')).toHaveLength(4);
    const line = logs.find((l) => l.includes('/pulls'));
    expect(line).toMatch(
      /GitHub API POST \S+\/repos\/acme\/payments\/pulls answered 502 .*the next event for this incident or repository .* completes the work/,
    );

    // The next event, with GitHub healthy again, completes it: one PR, the branch not written twice.
    h.sandbox.setFaults(null);
    await h.send({
      name: 'issues',
      action: 'labeled',
      issue: incident,
      label: 'incident',
      sender: 'carol',
    });
    expect([...h.repo.issues.values()].filter((i) => i.pull)).toHaveLength(1);
    expect(fileWrites(h)).toHaveLength(1);
  }, 60_000);

  test('a pushed postmortem with 5 items, 40% of app requests failing: 5 issues, one commit', async () => {
    h = await startHarness({ Octokit: FastRetry });
    const P = { owner: 'acme', repo: 'payments' };
    const path = 'postmortems/2026-11-20-payments-outage.md';
    const rows = ['Alert on pool use', 'Retry cap', 'Canary gate', 'Load test', 'Dashboard'].map(
      (action, n) =>
        `| A${n + 1} | ${action} for payments | @alice | P1 | 2026-12-0${n + 1} | Open | |`,
    );
    const report = `---\ntitle: "Payments outage"\nincident: 1\nstatus: published\nseverity: SEV2\ndate: 2026-11-20\nowner: "@alice"\n---\n# Payments outage\n\n## Action items\n\n| ID | Action | Owner | Priority | Due | Status | Issue |\n| --- | --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`;
    await h.as('alice').request('PUT /repos/{owner}/{repo}/contents/{path}', {
      ...P,
      path,
      message: 'Postmortem',
      content: Buffer.from(report).toString('base64'),
    });
    const main = h.repo.refs.get('refs/heads/main')!;
    const push = {
      ref: 'refs/heads/main',
      before: main,
      after: main,
      deleted: false,
      commits: [{ id: main, added: [path], modified: [], removed: [] }],
      repository: (await h.as('bob').request('GET /repos/{owner}/{repo}', P)).data,
      sender: { login: 'alice' },
      installation: { id: h.repo.installationId },
    };
    h.sandbox.setFaults({
      rate: 0.4,
      kinds: ['500', '502', 'drop', 'timeout', 'secondary'],
      timeoutMs: 100,
      callers: ['installation', 'app'],
      seed: 5,
    });
    const items = () =>
      [...h!.repo.issues.values()].filter((i) => i.labels.includes('postmortem-action'));
    const botCommits = () =>
      [...h!.repo.commits.values()].filter((c) => c.author.login === 'hindsight[bot]');
    await untilDone(
      () =>
        deliver({
          url: h!.appUrl,
          secret: h!.sandbox.app.webhookSecret,
          name: 'push',
          payload: push,
        }),
      () => botCommits().length > 0,
    );
    expect(h.sandbox.log.filter((e) => e.fault).length).toBeGreaterThan(3);
    expect(items()).toHaveLength(5);
    expect(botCommits()).toHaveLength(1);
  }, 60_000);
});
