import { describe, expect, test } from 'vitest';
import {
  advanceSince,
  nextWake,
  parseSyncState,
  planIncrementalSync,
  serializeSyncState,
  type SyncState,
} from '../../src/core/sync-state.js';
import { itemMarker, type TrackedIssue } from '../../src/core/index.js';

const state = (over: Partial<SyncState> = {}): SyncState => ({
  version: 1,
  fingerprint: 'f',
  head: 'a'.repeat(40),
  since: '2026-11-20T10:00:00Z',
  seen: {},
  postmortems: {},
  retry: [],
  ...over,
});

const issue = (number: number, path: string, updatedAt: string): TrackedIssue => ({
  number,
  title: `Item ${number}`,
  body: `Do it.\n\n${itemMarker(path, `A${number}`)}`,
  state: 'open',
  stateReason: null,
  assignees: [],
  labels: ['action-item'],
  updatedAt,
  author: 'hindsight[bot]',
});

/** The run's clock plus the skew allowed: no stored `since` can be later. */
const LATEST = '2026-11-26T07:05:00Z';

const inFolder = (path: string) => path.startsWith('postmortems/') && path.endsWith('.md');

describe('the stored state', () => {
  test('reads back what it wrote, one postmortem a line', () => {
    const written = state({
      postmortems: {
        'postmortems/b.md': { issues: [3, 4], wake: null },
        'postmortems/a.md': { issues: [1], wake: '2026-12-01' },
      },
      seen: { '4': '2026-11-20T10:00:00Z' },
      retry: ['postmortems/c.md'],
    });
    const text = serializeSyncState(written);
    expect(parseSyncState(text, 'f', LATEST)).toEqual({ state: written });
    expect(text.split('\n').filter((line) => line.includes('postmortems/'))).toEqual([
      '  "postmortems/c.md"',
      '  "postmortems/a.md": {"issues":[1],"wake":"2026-12-01"},',
      '  "postmortems/b.md": {"issues":[3,4],"wake":null}',
    ]);
    expect(parseSyncState(serializeSyncState(state()), 'f', LATEST)).toEqual({ state: state() });
  });

  test('what it cannot vouch for is not used: not JSON, another shape, another config', () => {
    expect(parseSyncState('{', 'f', LATEST)).toEqual({ problem: 'it is not JSON' });
    expect(parseSyncState('{"version":2}', 'f', LATEST)).toEqual({
      problem: 'it is not sync state version 1',
    });
    const hostile = JSON.stringify({ ...state(), postmortems: { 'x.md': { issues: ['1; rm'] } } });
    expect(parseSyncState(hostile, 'f', LATEST)).toEqual({
      problem: 'it is not sync state version 1',
    });
    expect(parseSyncState(serializeSyncState(state()), 'other', LATEST)).toEqual({
      problem:
        'the config (or where action items live) changed since it was written, or the default branch or repository was renamed',
    });
  });

  test("a `since` later than the run's clock is not used: it would hide every update until then", () => {
    const future = serializeSyncState(state({ since: '2030-01-01T00:00:00Z' }));
    expect(parseSyncState(future, 'f', LATEST)).toEqual({
      problem: 'its since, "2030-01-01T00:00:00Z", is in the future',
    });
    // Not GitHub's timestamp at all (the listing could refuse it, every run): not used either.
    for (const since of ['soon', '1', '2026-11-20', '2026-11-20T10:00:00Z&labels=x'])
      expect(parseSyncState(serializeSyncState(state({ since })), 'f', LATEST)).toEqual({
        problem: 'it is not sync state version 1',
      });
    // Up to the skew allowed (GitHub's clock a little ahead of the run's), it is GitHub's word.
    const close = state({ since: '2026-11-26T07:04:59Z' });
    expect(parseSyncState(serializeSyncState(close), 'f', LATEST)).toEqual({ state: close });
  });
});

describe('what a run reads', () => {
  test('changed postmortems, those of updated issues, those fallen due, those that failed; nothing else', () => {
    const plan = planIncrementalSync({
      state: state({
        postmortems: {
          'postmortems/due-yesterday.md': { issues: [1], wake: '2026-11-25' },
          'postmortems/due-today.md': { issues: [2], wake: '2026-11-26' },
          'postmortems/quiet.md': { issues: [3], wake: null },
          'postmortems/gone.md': { issues: [9], wake: '2026-01-01' },
          // A doctored state naming a file outside the folder: never read.
          '.github/workflows/ci.yml': { issues: [], wake: '2026-01-01' },
        },
        seen: { '7': '2026-11-20T10:00:00Z' },
        retry: ['postmortems/failed.md', 'elsewhere/failed.md'],
      }),
      today: '2026-11-26',
      changed: [
        { path: 'postmortems/edited.md', status: 'modified' },
        { path: 'postmortems/gone.md', status: 'removed' },
        { path: 'README.md', status: 'modified' },
      ],
      updated: [
        issue(5, 'postmortems/closed-item.md', '2026-11-21T08:00:00Z'),
        // Already handled at the instant `since` names: not news.
        issue(7, 'postmortems/seen.md', '2026-11-20T10:00:00Z'),
        // A marker naming a file outside the folder is never read.
        issue(8, '../../etc/passwd', '2026-11-21T08:00:00Z'),
      ],
      home: null,
      isPostmortem: inFolder,
    });
    expect(plan.paths).toEqual([
      'postmortems/closed-item.md',
      'postmortems/due-yesterday.md',
      'postmortems/edited.md',
      'postmortems/failed.md',
    ]);
    expect(plan.removed).toEqual(['postmortems/gone.md']);
    expect(plan.fresh.map((i) => i.number)).toEqual([5, 8]);
  });

  test('issues of another repository count only with the markers that name this one', () => {
    const elsewhere = {
      ...issue(1, 'postmortems/a.md', '2026-11-21T08:00:00Z'),
      body: itemMarker('postmortems/a.md', 'A1', 'acme/payments'),
    };
    const run = (source: string) =>
      planIncrementalSync({
        state: state(),
        today: '2026-11-26',
        changed: [],
        updated: [elsewhere],
        home: { source, target: 'acme/tracker' },
        isPostmortem: inFolder,
      }).paths;
    expect(run('acme/payments')).toEqual(['postmortems/a.md']);
    expect(run('acme/other')).toEqual([]);
  });
});

describe('since and seen', () => {
  test('move to the newest update; issues of that instant are seen once it is settled', () => {
    const issues = [
      issue(1, 'p.md', '2026-11-21T08:00:00Z'),
      issue(2, 'p.md', '2026-11-22T09:00:00Z'),
      issue(3, 'p.md', '2026-11-22T09:00:00Z'),
    ];
    expect(advanceSince({ since: null, seen: {} }, issues, '2026-11-26T00:00:00Z')).toEqual({
      since: '2026-11-22T09:00:00Z',
      seen: { '2': '2026-11-22T09:00:00Z', '3': '2026-11-22T09:00:00Z' },
    });
    // An instant too recent may still see another update in the same second: not taken as seen.
    expect(advanceSince({ since: null, seen: {} }, issues, '2026-11-22T09:00:00Z')).toEqual({
      since: '2026-11-22T09:00:00Z',
      seen: {},
    });
    // Nothing new: since and seen stay as they were.
    const kept = { since: '2026-11-22T09:00:00Z', seen: { '2': '2026-11-22T09:00:00Z' } };
    expect(advanceSince(kept, [issues[1]!], '2026-11-26T00:00:00Z')).toEqual(kept);
  });
});

describe('the next day something falls due', () => {
  const report = (frontMatter: string, rows: string[]) =>
    `---\n${frontMatter}\n---\n## Action items\n\n| ID | Action | Owner | Priority | Due | Status | Issue |\n| --- | --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`;
  test('the earliest unfinished due date from today on, or the draft review date', () => {
    const text = report('status: published\ndate: 2026-11-01', [
      '| A1 | Past | @a | P1 | 2026-11-05 | Open | #1 |',
      '| A2 | Later | @a | P1 | 2026-12-24 | Open | #2 |',
      '| A3 | Sooner but done | @a | P1 | 2026-12-01 | Done | #3 |',
      '| A4 | Sooner | @a | P1 | 2026-12-10 | In progress | #4 |',
    ]);
    expect(nextWake({ path: 'p.md', text, today: '2026-11-26', reviewDueBusinessDays: 5 })).toBe(
      '2026-12-10',
    );
    expect(nextWake({ path: 'p.md', text, today: '2026-12-25', reviewDueBusinessDays: 5 })).toBe(
      null,
    );
    // An item finished in the report but whose issue is open still falls due (its reminder
    // follows the issue); its closed issue's does not.
    const doneByHand = report('status: published\ndate: 2026-11-01', [
      '| A3 | Done by hand | @a | P1 | 2026-12-01 | Done | #3 |',
      '| A5 | Done | @a | P1 | 2026-11-30 | Done | #5 |',
    ]);
    const open3 = { ...issue(3, 'p.md', '2026-11-20T10:00:00Z'), state: 'open' as const };
    const closed5 = { ...issue(5, 'p.md', '2026-11-20T10:00:00Z'), state: 'closed' as const };
    const wake = (issues: TrackedIssue[]) =>
      nextWake({
        path: 'p.md',
        text: doneByHand,
        today: '2026-11-26',
        reviewDueBusinessDays: 5,
        issues,
      });
    expect(wake([])).toBe(null);
    expect(wake([open3, closed5])).toBe('2026-12-01');
    expect(wake([{ ...open3, body: open3.body.replace('p.md', 'other.md') }])).toBe(null);
    const draft = report('status: draft\ndate: 2026-11-24', []);
    // 2026-11-24 (a Tuesday) plus 5 business days.
    expect(
      nextWake({ path: 'p.md', text: draft, today: '2026-11-26', reviewDueBusinessDays: 5 }),
    ).toBe('2026-12-01');
  });
});
