import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { startFakeGitHub, type FakeGitHub, type FakeRepo } from './helpers/fake-github.js';
import { ROOT, runBuiltAction } from './helpers/run-action.js';

const require = createRequire(import.meta.url);
const examples: { name: string; examples: any[] }[] = require('@octokit/webhooks-examples/api.github.com/index.json');
/** The real `pull_request.opened` payload from @octokit/webhooks-examples (Codertocat/Hello-World#2). */
const opened = structuredClone(examples.find((e) => e.name === 'pull_request')!.examples.find((e) => e.action === 'opened'));
const push = structuredClone(examples.find((e) => e.name === 'push')!.examples[0]);
const HEAD = opened.pull_request.head.sha as string;
const BASE = opened.pull_request.base.sha as string;
const REPOSITORY = opened.repository.full_name as string;
const [OWNER, NAME] = REPOSITORY.split('/') as [string, string];

const good = readFileSync(join(ROOT, 'examples/postmortems/2026-11-20-payments-api-pool-exhausted.md'), 'utf8');
const draft = readFileSync(join(ROOT, 'examples/postmortems/2026-11-21-search-latency.md'), 'utf8');
const GOOD = 'postmortems/2026-11-20-payments-api-pool-exhausted.md';
const DRAFT = 'postmortems/2026-11-21-search-latency.md';
const REVIEW = 'postmortems/2026-11-22-cache-stampede.md';
const inReview = draft.replace('status: draft', 'status: in-review').replace('Search latency spike', 'Cache stampede').replace('date: 2026-11-21', 'date: 2026-11-22');

let api: FakeGitHub | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

function repo(overrides: Partial<FakeRepo> = {}): FakeRepo {
  // 140 changed files, so the file list takes two pages; three of them are postmortems.
  const noise = Array.from({ length: 137 }, (_, n) => ({ filename: `src/file-${n}.ts`, status: 'modified' }));
  return {
    files: {
      [BASE]: { '.github/postmortem.yml': 'directory: postmortems\nrules:\n  review-due: off\n  action-item-overdue: off\n', [GOOD]: good.replace('status: published', 'status: in-review') },
      [HEAD]: { [GOOD]: good, [DRAFT]: draft, [REVIEW]: inReview },
    },
    pullFiles: [...noise.slice(0, 120), { filename: GOOD, status: 'modified' }, { filename: DRAFT, status: 'added' }, { filename: REVIEW, status: 'added' }, { filename: 'postmortems/old.md', status: 'removed' }, ...noise.slice(120)],
    reviews: [
      { user: { login: 'alice' }, state: 'APPROVED' },
      { user: { login: 'dan' }, state: 'APPROVED' },
    ],
    teams: { 'acme/sre': ['bob', 'dan'] },
    comments: [],
    ...overrides,
  };
}

describe('the built Action on a pull_request event', () => {
  test('annotates exact lines, writes the summary and outputs, and fails on errors', async () => {
    api = await startFakeGitHub(OWNER, NAME, repo());
    const run = await runBuiltAction({ apiUrl: api.url, eventName: 'pull_request', payload: opened, repository: REPOSITORY });

    expect(run.code).toBe(1);
    const annotations = run.stdout.split('\n').filter((line) => /^::(error|warning) /.test(line));
    // The in-review file fails on its own lines; the draft only warns; the published, approved one is clean.
    expect(annotations).toContain(`::error title=timeline-timezone,file=${REVIEW},line=23,endLine=23,col=3,endColumn=8::Timeline time "09:10" has no time zone.%0ASuggestion: 09:10 UTC, or declare the zone once in the header: | Time (UTC) | Event |`);
    expect(annotations).toContain(`::error title=no-human-error-root-cause,file=${REVIEW},line=29,endLine=29,col=59,endColumn=70::"human error" names a person, not a cause. Say what in the system let the error happen or reach users.%0ASuggestion: e.g. "The CLI accepted a destructive flag without confirmation."`);
    expect(annotations).toContain(`::warning title=timeline-order,file=${DRAFT},line=25,endLine=25,col=3,endColumn=12::"09:20 UTC" comes after "09:25 UTC" (line 24) but is earlier.%0ASuggestion: Move the entry to its place in time.`);
    expect(annotations.filter((line) => line.includes(`file=${GOOD},`))).toEqual([]);
    const errors = annotations.filter((line) => line.startsWith('::error')).length;
    const warnings = annotations.filter((line) => line.startsWith('::warning')).length;
    expect(run.outputs).toEqual({ errors: String(errors), warnings: String(warnings), files: '3' });
    expect(run.stdout).toContain(`::error::${errors} errors in 1 postmortem(s); see the annotations and the job summary.`);

    // The summary holds every finding (annotations show only ten per level) and the checklist.
    expect(run.summary).toContain(`3 postmortems checked: ${errors} errors, ${warnings} warnings.`);
    expect(run.summary).toContain(`### \`${GOOD}\` — published`);
    expect(run.summary).toContain('Time to detect **2m** · to mitigate **16m** · to resolve **32m**');
    expect(run.summary).toContain('- [ ] Root cause deep and systemic');
    expect(run.summary).toContain('| 29 | error | `no-human-error-root-cause` | "human error" names a person, not a cause.');
    expect(run.summary.match(/^\| \d+ \| (error|warning) \|/gm)?.length).toBe(errors + warnings);

    // Requests: two pages of files, config from the base, each postmortem from the head, the
    // published one's base version and reviews, one team. Nothing read twice.
    const reads = api.log.map((entry) => `${entry.method} ${entry.path}`);
    expect(reads.filter((r) => r.includes('/pulls/2/files'))).toEqual([`GET /repos/${REPOSITORY}/pulls/2/files?per_page=100`, `GET /repos/${REPOSITORY}/pulls/2/files?per_page=100&page=2`]);
    expect(reads).toContain(`GET /repos/${REPOSITORY}/contents/.github%2Fpostmortem.yml?ref=${BASE}`);
    expect(reads.filter((r) => r.includes('/contents/'))).toHaveLength(5);
    expect(new Set(reads).size).toBe(reads.length);
    expect(api.log.filter((entry) => entry.path.includes('/contents/postmortems')).every((entry) => entry.accept?.includes('raw'))).toBe(true);
    expect(reads.some((r) => r.includes('old.md'))).toBe(false);
    expect(api.log.some((entry) => entry.method !== 'GET')).toBe(false);
  });

  test('review-approved: publishing without the listed approvals fails and names who is missing', async () => {
    api = await startFakeGitHub(OWNER, NAME, repo({ reviews: [{ user: { login: 'alice' }, state: 'APPROVED' }], teams: { 'acme/sre': 'forbidden' } }));
    const run = await runBuiltAction({ apiUrl: api.url, eventName: 'pull_request', payload: opened, repository: REPOSITORY });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `::error title=review-approved,file=${GOOD},line=8,endLine=8,col=1::Publishing needs approval from @acme/sre: cannot read the members of team @acme/sre with this token (it needs organization members: read).%0ASuggestion: Ask @acme/sre to approve this pull request.`,
    );
  });

  test('a sticky comment is created once, then edited in place', async () => {
    api = await startFakeGitHub(OWNER, NAME, repo());
    const first = await runBuiltAction({ apiUrl: api.url, eventName: 'pull_request', payload: opened, repository: REPOSITORY, inputs: { comment: 'true' } });
    expect(first.code).toBe(1);
    expect(api.repo.comments).toHaveLength(1);
    expect(api.repo.comments[0]!.body.startsWith('<!-- hindsight:validation -->\n## Hindsight: postmortem check')).toBe(true);

    api.repo.files[HEAD]![REVIEW] = good.replace('status: published', 'status: draft').replace('2026-11-20', '2026-11-22');
    const second = await runBuiltAction({ apiUrl: api.url, eventName: 'pull_request', payload: opened, repository: REPOSITORY, inputs: { comment: 'true' } });
    expect(second.code).toBe(0);
    expect(api.repo.comments).toHaveLength(1);
    expect(api.repo.comments[0]!.body).toContain('0 errors');
    expect(api.log.filter((entry) => entry.method === 'POST')).toHaveLength(1);
    expect(api.log.filter((entry) => entry.method === 'PATCH')).toHaveLength(1);

    // A third identical run writes nothing.
    await runBuiltAction({ apiUrl: api.url, eventName: 'pull_request', payload: opened, repository: REPOSITORY, inputs: { comment: 'true' } });
    expect(api.log.filter((entry) => entry.method !== 'GET')).toHaveLength(2);
  });

  test('a fork PR gets no comment attempt and still a result', async () => {
    api = await startFakeGitHub(OWNER, NAME, repo({ commentStatus: 403 }));
    const fork = structuredClone(opened);
    fork.pull_request.head.repo.full_name = 'someone/Hello-World';
    const run = await runBuiltAction({ apiUrl: api.url, eventName: 'pull_request', payload: fork, repository: REPOSITORY, inputs: { comment: 'true' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Pull request from a fork: its token cannot comment, so the result is in the job summary only.');
    expect(api.log.filter((entry) => entry.path.includes('/comments'))).toEqual([]);
    expect(run.summary).toContain('## Hindsight: postmortem check');
  });

  test('a broken config fails with the file, line and key', async () => {
    const broken = repo();
    broken.files[BASE]!['.github/postmortem.yml'] = 'directory: postmortems\nrules:\n  blameles-language: warn\n';
    api = await startFakeGitHub(OWNER, NAME, broken);
    const run = await runBuiltAction({ apiUrl: api.url, eventName: 'pull_request', payload: opened, repository: REPOSITORY });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error title=config,file=.github/postmortem.yml,line=3,endLine=3,col=3::.github/postmortem.yml:3:3: rules.blameles-language: unknown rule "blameles-language"');
  });
});

describe('the built Action on a push event', () => {
  test('validates the postmortems the push touched, from the compare API', async () => {
    const payload = structuredClone(push);
    payload.before = 'b'.repeat(40);
    const files: FakeRepo['files'] = { [payload.after]: { '.github/postmortem.yml': 'rules: { review-due: off }\n', [DRAFT]: draft } };
    api = await startFakeGitHub(OWNER, NAME, repo({ files, compare: [{ filename: DRAFT, status: 'modified' }, { filename: 'README.md', status: 'modified' }] }));
    const run = await runBuiltAction({ apiUrl: api.url, eventName: 'push', payload, repository: REPOSITORY });
    expect(run.code).toBe(0);
    expect(run.outputs.files).toBe('1');
    expect(run.stdout).toContain(`::warning title=timeline-timezone,file=${DRAFT},line=23,`);
    expect(api.log.map((entry) => entry.path)).toContain(`/repos/${REPOSITORY}/compare/${payload.before}...${payload.after}?per_page=100`);
  });

  test('a new branch (before is all zeros) validates the head commit\'s files', async () => {
    const payload = structuredClone(push);
    expect(payload.before).toMatch(/^0+$/);
    const files: FakeRepo['files'] = { [payload.after]: { [DRAFT]: draft } };
    api = await startFakeGitHub(OWNER, NAME, repo({ files, compare: [{ filename: DRAFT, status: 'added' }] }));
    const run = await runBuiltAction({ apiUrl: api.url, eventName: 'push', payload, repository: REPOSITORY });
    expect(run.outputs.files).toBe('1');
    expect(api.log.map((entry) => entry.path)).toContain(`/repos/${REPOSITORY}/commits/${payload.after}?per_page=100`);
  });
});
