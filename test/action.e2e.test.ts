import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import type { Repository } from '../src/sandbox/state.js';
import { example } from './helpers/app-harness.js';
import { ROOT, runBuiltAction } from './helpers/run-action.js';

// The built Action (dist/index.js) runs as a child process, as the runner starts it, against the
// sandbox: a real pull request with real reviews, and the event file built from the real
// `pull_request.opened` / `push` payloads of @octokit/webhooks-examples.
const good = readFileSync(
  join(ROOT, 'examples/postmortems/2026-11-20-payments-api-pool-exhausted.md'),
  'utf8',
);
const draft = readFileSync(join(ROOT, 'examples/postmortems/2026-11-21-search-latency.md'), 'utf8');
const GOOD = 'postmortems/2026-11-20-payments-api-pool-exhausted.md';
const DRAFT = 'postmortems/2026-11-21-search-latency.md';
const REVIEW = 'postmortems/2026-11-22-cache-stampede.md';
const inReview = draft
  .replace('status: draft', 'status: in-review')
  .replace('Search latency spike', 'Cache stampede')
  .replace('date: 2026-11-21', 'date: 2026-11-22');
const CONFIG = 'directory: postmortems\nrules:\n  review-due: off\n  action-item-overdue: off\n';
const REPOSITORY = 'acme/payments';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

interface Scenario {
  sandbox: Sandbox;
  repo: Repository;
  pull: number;
  base: string;
  head: string;
  payload: Record<string, any>;
  /** A token that may read teams (an app or PAT with members: read). */
  reader: string;
}

/**
 * main holds the config, the in-review version of GOOD and old.md; the PR's branch publishes GOOD,
 * adds a draft and an in-review postmortem, deletes old.md and touches 137 other files (two pages).
 */
async function scenario(
  options: { approvals?: string[]; head?: Record<string, string | null> } = {},
): Promise<Scenario> {
  sandbox = await startSandbox();
  const state = sandbox.state;
  const repo = state.createRepo({
    owner: 'acme',
    name: 'payments',
    collaborators: ['alice', 'bob', 'dan', 'octocat'],
    files: {
      '.github/postmortem.yml': CONFIG,
      [GOOD]: good.replace('status: published', 'status: in-review'),
      'postmortems/old.md': 'old\n',
    },
  });
  state.teams.set('acme/sre', { org: 'acme', slug: 'sre', members: ['bob', 'dan'] });
  const base = repo.refs.get('refs/heads/main')!;
  const noise = Object.fromEntries(
    Array.from({ length: 137 }, (_, n) => [`src/file-${n}.ts`, `export const n = ${n};\n`]),
  );
  const head = state.commit(repo, {
    parent: base,
    message: 'postmortems',
    changes: {
      ...noise,
      [GOOD]: good,
      [DRAFT]: draft,
      [REVIEW]: inReview,
      'postmortems/old.md': null,
      ...options.head,
    },
    author: state.user('octocat'),
  });
  repo.refs.set('refs/heads/postmortems', head);

  const P = { owner: 'acme', repo: 'payments' };
  const octocat = sandbox.userToken('octocat');
  const api = (token: string, route: string, body?: unknown) =>
    fetch(`${sandbox!.url}${route}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    }).then((r) => r.json() as Promise<any>);
  const pull = await api(octocat, `/repos/${P.owner}/${P.repo}/pulls`, {
    title: 'Postmortems',
    head: 'postmortems',
    base: 'main',
    body: '',
  });
  for (const login of options.approvals ?? ['alice', 'dan'])
    await api(
      sandbox.userToken(login),
      `/repos/${P.owner}/${P.repo}/pulls/${pull.number}/reviews`,
      { event: 'APPROVE' },
    );

  const payload = example('pull_request', 'opened');
  payload.number = pull.number;
  payload.pull_request = await api(octocat, `/repos/${P.owner}/${P.repo}/pulls/${pull.number}`);
  payload.repository = await api(octocat, `/repos/${P.owner}/${P.repo}`);
  sandbox.log.length = 0;
  return {
    sandbox,
    repo,
    pull: pull.number,
    base,
    head,
    payload,
    reader: sandbox.userToken('hindsight-reader'),
  };
}

const annotationsOf = (stdout: string) =>
  stdout.split('\n').filter((line) => /^::(error|warning) /.test(line));

describe('the built Action on a pull_request event', () => {
  test('annotates exact lines, writes the summary and outputs, and fails on errors, with few requests', async () => {
    const s = await scenario();
    const run = await runBuiltAction({
      apiUrl: s.sandbox.url,
      token: s.reader,
      eventName: 'pull_request',
      payload: s.payload,
      repository: REPOSITORY,
    });

    expect(run.code).toBe(1);
    const annotations = annotationsOf(run.stdout);
    // The in-review file fails on its own lines; the draft only warns; the published, approved one is clean.
    expect(annotations).toContain(
      `::error title=timeline-timezone,file=${REVIEW},line=23,endLine=23,col=3,endColumn=8::Timeline time "09:10" has no time zone.%0ASuggestion: 09:10 UTC, or declare the zone once in the header: | Time (UTC) | Event |`,
    );
    expect(annotations).toContain(
      `::error title=no-human-error-root-cause,file=${REVIEW},line=29,endLine=29,col=59,endColumn=70::"human error" names a person, not a cause. Say what in the system let the error happen or reach users.%0ASuggestion: e.g. "The CLI accepted a destructive flag without confirmation."`,
    );
    expect(annotations).toContain(
      `::warning title=timeline-order,file=${DRAFT},line=25,endLine=25,col=3,endColumn=12::"09:20 UTC" comes after "09:25 UTC" (line 24) but is earlier.%0ASuggestion: Move the entry to its place in time.`,
    );
    expect(annotations.filter((line) => line.includes(`file=${GOOD},`))).toEqual([]);
    const errors = annotations.filter((line) => line.startsWith('::error')).length;
    const warnings = annotations.filter((line) => line.startsWith('::warning')).length;
    expect(run.outputs).toEqual({ errors: String(errors), warnings: String(warnings), files: '3' });
    expect(run.stdout).toContain(
      `::error::${errors} errors in 1 postmortem(s); see the annotations and the job summary.`,
    );
    // The log says what was checked: one line per file and a total.
    const lines = run.stdout.split('\n');
    expect(lines).toContain(`✓ ${GOOD} (published): clean`);
    expect(lines.some((line) => line.startsWith(`✗ ${REVIEW} (in-review): `))).toBe(true);
    expect(lines.some((line) => line.startsWith(`! ${DRAFT} (draft): 0 errors, `))).toBe(true);
    expect(lines).toContain(`Checked 3 postmortems: ${errors} errors, ${warnings} warnings.`);

    // The summary holds every finding (annotations show only ten per level) and the checklist.
    expect(run.summary).toContain(`3 postmortems checked: ${errors} errors, ${warnings} warnings.`);
    expect(run.summary).toContain(`### \`${GOOD}\` — published`);
    expect(run.summary).toContain(
      'Time to detect **2m** · to mitigate **16m** · to resolve **32m**',
    );
    expect(run.summary).toContain('- [ ] Root cause deep and systemic');
    expect(run.summary).toContain(
      '| 29 | error | `no-human-error-root-cause` | "human error" names a person, not a cause.',
    );
    expect(run.summary.match(/^\| \d+ \| (error|warning) \|/gm)?.length).toBe(errors + warnings);

    // Requests: two pages of files, the config from the base, each postmortem from the head, the
    // published one's base version, its reviews and one team. Nothing read twice; nothing written.
    const log = s.sandbox.log.map((entry) => `${entry.method} ${entry.path}`);
    expect(log.filter((r) => r.includes(`/pulls/${s.pull}/files`))).toEqual([
      `GET /repos/${REPOSITORY}/pulls/${s.pull}/files?per_page=100`,
      `GET /repos/${REPOSITORY}/pulls/${s.pull}/files?per_page=100&page=2`,
    ]);
    expect(log).toContain(
      `GET /repos/${REPOSITORY}/contents/.github%2Fpostmortem.yml?ref=${s.base}`,
    );
    expect(log.filter((r) => r.includes('/contents/'))).toHaveLength(5);
    expect(log).toContain(`GET /orgs/acme/teams/sre/members?per_page=100`);
    expect(new Set(log).size).toBe(log.length);
    expect(log.some((r) => r.includes('old.md'))).toBe(false);
    expect(s.sandbox.log.some((entry) => entry.method !== 'GET')).toBe(false);
    expect(s.sandbox.log).toHaveLength(9);
  });

  test('review-approved: with the workflow token, a team reviewer cannot be checked, and the check says so', async () => {
    const s = await scenario();
    const run = await runBuiltAction({
      apiUrl: s.sandbox.url,
      token: s.sandbox.workflowToken(),
      eventName: 'pull_request',
      payload: s.payload,
      repository: REPOSITORY,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `::error title=review-approved,file=${GOOD},line=8,endLine=8,col=1::Publishing needs approval from @acme/sre: cannot read the members of team @acme/sre with this token (it needs organization members: read).%0ASuggestion: Ask @acme/sre to approve this pull request.`,
    );
  });

  test('review-approved: a missing approval is named', async () => {
    const s = await scenario({ approvals: ['dan'] });
    const run = await runBuiltAction({
      apiUrl: s.sandbox.url,
      token: s.reader,
      eventName: 'pull_request',
      payload: s.payload,
      repository: REPOSITORY,
    });
    expect(annotationsOf(run.stdout).filter((line) => line.includes('review-approved'))).toEqual([
      `::error title=review-approved,file=${GOOD},line=8,endLine=8,col=1::Publishing needs approval from @alice: @alice has not approved.%0ASuggestion: Ask @alice to approve this pull request.`,
    ]);
  });

  test('a sticky comment is created once, then edited in place, then left alone', async () => {
    const s = await scenario();
    const token = s.sandbox.userToken('github-actions');
    const run = () =>
      runBuiltAction({
        apiUrl: s.sandbox.url,
        token,
        eventName: 'pull_request',
        payload: s.payload,
        repository: REPOSITORY,
        inputs: { comment: 'true' },
      });
    expect((await run()).code).toBe(1);
    const comments = () => s.repo.issues.get(s.pull)!.comments;
    expect(comments()).toHaveLength(1);
    expect(
      comments()[0]!.body.startsWith(
        '<!-- hindsight:validation -->\n## Hindsight: postmortem check',
      ),
    ).toBe(true);

    // The author fixes the in-review file (turns it back into a clean draft) on the branch.
    const fixed = good
      .replace('status: published', 'status: draft')
      .replaceAll('2026-11-20', '2026-11-22');
    const next = s.sandbox.state.commit(s.repo, {
      parent: s.head,
      message: 'fix',
      changes: { [REVIEW]: fixed },
      author: s.sandbox.state.user('octocat'),
    });
    s.repo.refs.set('refs/heads/postmortems', next);
    s.payload.pull_request.head.sha = next;
    expect((await run()).code).toBe(0);
    expect(comments()).toHaveLength(1);
    expect(comments()[0]!.body).toContain('0 errors');

    await run();
    const writes = s.sandbox.log
      .filter((entry) => entry.method !== 'GET')
      .map((entry) => `${entry.method} ${entry.route}`);
    expect(writes).toEqual([
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    ]);
  });

  test('the sticky comment is found by its author too: a comment someone else starts with the marker is left alone', async () => {
    const s = await scenario();
    // Mallory plants the marker first, hoping the check edits (and so vouches for) her comment.
    const planted = '<!-- hindsight:validation -->\n## Hindsight: postmortem check\n\nAll clear!';
    await fetch(`${s.sandbox.url}/repos/${REPOSITORY}/issues/${s.pull}/comments`, {
      method: 'POST',
      headers: {
        authorization: `token ${s.sandbox.userToken('mallory')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ body: planted }),
    });
    const run = await runBuiltAction({
      apiUrl: s.sandbox.url,
      token: s.sandbox.userToken('github-actions'),
      eventName: 'pull_request',
      payload: s.payload,
      repository: REPOSITORY,
      inputs: { comment: 'true' },
    });
    expect(run.code).toBe(1);
    const comments = s.repo.issues.get(s.pull)!.comments;
    expect(comments.map((c) => c.user.login)).toEqual(['mallory', 'github-actions']);
    expect(comments[0]!.body).toBe(planted);
    expect(comments[1]!.body).toContain('errors');
  });

  test('mentions quoted from postmortems are defused in the sticky comment and the job summary', async () => {
    const hostile = inReview.replace(
      'The rebuild was started during business hours by mistake; human error.',
      '@bob broke it and @acme/everyone should have known; human error.',
    );
    const s = await scenario({ head: { [REVIEW]: hostile } });
    const run = await runBuiltAction({
      apiUrl: s.sandbox.url,
      token: s.sandbox.userToken('github-actions'),
      eventName: 'pull_request',
      payload: s.payload,
      repository: REPOSITORY,
      inputs: { comment: 'true' },
    });
    expect(run.code).toBe(1);
    const [comment] = s.repo.issues.get(s.pull)!.comments;
    for (const text of [run.summary, comment!.body]) {
      expect(text).toContain('@\u2060bob');
      // No @ directly followed by a name: nobody and no team is notified.
      expect(text.match(/@[A-Za-z0-9]/g)).toBeNull();
    }
  });

  test('a fork PR gets no comment attempt and still a result', async () => {
    const s = await scenario();
    s.payload.pull_request.head.repo.full_name = 'someone/payments';
    const run = await runBuiltAction({
      apiUrl: s.sandbox.url,
      token: s.reader,
      eventName: 'pull_request',
      payload: s.payload,
      repository: REPOSITORY,
      inputs: { comment: 'true' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'Pull request from a fork: its token cannot comment, so the result is in the job summary only.',
    );
    expect(s.sandbox.log.filter((entry) => entry.path.includes('/comments'))).toEqual([]);
    expect(run.summary).toContain('## Hindsight: postmortem check');
  });

  test('a template the PR itself adds cannot switch the check off: templates come from the base', async () => {
    // The PR adds a lax template (one section) and a postmortem that names it; on the base there
    // is no such template, so the config's template (standard) decides the required sections.
    const LAX = 'postmortems/2026-11-23-lax.md';
    const lax = [
      '---',
      'title: "Lax"',
      'incident: 7',
      'status: in-review',
      'template: lax',
      'severity: SEV3',
      'date: 2026-11-23',
      'owner: "@octocat"',
      '---',
      '## Summary',
      '',
      'Something happened.',
      '',
    ].join('\n');
    const s = await scenario({
      head: { '.github/postmortem/templates/lax.md': '## Summary\n\nWhat happened.\n', [LAX]: lax },
    });
    const run = await runBuiltAction({
      apiUrl: s.sandbox.url,
      token: s.reader,
      eventName: 'pull_request',
      payload: s.payload,
      repository: REPOSITORY,
    });
    expect(run.code).toBe(1);
    const missing = annotationsOf(run.stdout).filter(
      (line) => line.startsWith('::error title=required-sections') && line.includes(`file=${LAX},`),
    );
    expect(missing.map((line) => /Missing section "([^"]+)"/.exec(line)?.[1])).toEqual(
      expect.arrayContaining(['Impact', 'Timeline', 'Root cause', 'Action items']),
    );
    // Nothing was read from the head's template folder.
    expect(
      s.sandbox.log.filter(
        (entry) => entry.path.includes('templates') && entry.path.includes(s.head),
      ),
    ).toEqual([]);
  });

  test('a broken config fails with the file, line and key', async () => {
    const s = await scenario();
    const broken = s.sandbox.state.commit(s.repo, {
      parent: s.base,
      message: 'break',
      changes: {
        '.github/postmortem.yml': 'directory: postmortems\nrules:\n  blameles-language: warn\n',
      },
      author: s.sandbox.state.user('octocat'),
    });
    s.payload.pull_request.base.sha = broken;
    const run = await runBuiltAction({
      apiUrl: s.sandbox.url,
      token: s.reader,
      eventName: 'pull_request',
      payload: s.payload,
      repository: REPOSITORY,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error title=config,file=.github/postmortem.yml,line=3,endLine=3,col=3::.github/postmortem.yml:3:3: rules.blameles-language: unknown rule "blameles-language"',
    );
  });
});

describe('the built Action on a push event', () => {
  test('validates the postmortems the push touched, from the compare API', async () => {
    const s = await scenario();
    const after = s.sandbox.state.commit(s.repo, {
      parent: s.base,
      message: 'draft',
      changes: { [DRAFT]: draft, 'README.md': 'changed\n' },
      author: s.sandbox.state.user('octocat'),
    });
    const payload = example('push');
    Object.assign(payload, { before: s.base, after, ref: 'refs/heads/main' });
    const run = await runBuiltAction({
      apiUrl: s.sandbox.url,
      token: s.reader,
      eventName: 'push',
      payload,
      repository: REPOSITORY,
    });
    expect(run.code).toBe(0);
    expect(run.outputs.files).toBe('1');
    expect(run.stdout).toContain(`::warning title=timeline-timezone,file=${DRAFT},line=23,`);
    expect(s.sandbox.log.map((entry) => entry.path)).toContain(
      `/repos/${REPOSITORY}/compare/${s.base}...${after}?per_page=100`,
    );
  });

  test('a new branch (before is all zeros) validates the head commit’s files', async () => {
    const s = await scenario();
    const payload = example('push');
    expect(payload.before).toMatch(/^0+$/);
    Object.assign(payload, { after: s.head });
    const run = await runBuiltAction({
      apiUrl: s.sandbox.url,
      token: s.reader,
      eventName: 'push',
      payload,
      repository: REPOSITORY,
    });
    expect(run.outputs.files).toBe('3');
    expect(s.sandbox.log.map((entry) => entry.path)).toContain(
      // A commit's files are paged (300 a page): the first page, asked for by number.
      `/repos/${REPOSITORY}/commits/${s.head}?page=1`,
    );
  });
});
