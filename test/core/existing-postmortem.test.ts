import { describe, expect, test } from 'vitest';
import { isPostmortemOf, postmortemCandidates } from '../../src/core/index.js';

describe('postmortemCandidates', () => {
  test('files dated the day the issue opened or the day before, across a month boundary', () => {
    const paths = [
      'pm/2026-11-30-a.md',
      'pm/2026-12-01-b.md',
      'pm/2026-12-02-c.md',
      'pm/2026-11-29-d.md',
      'pm/notes.md',
      'pm/x-2026-12-01.md',
    ];
    expect(postmortemCandidates(paths, '2026-12-01T00:30:00Z')).toEqual([
      'pm/2026-11-30-a.md',
      'pm/2026-12-01-b.md',
    ]);
    expect(
      postmortemCandidates(['2026-02-28-a.md', '2026-03-01-b.md'], '2026-03-01T09:00:00Z'),
    ).toEqual(['2026-02-28-a.md', '2026-03-01-b.md']);
  });
});

describe('isPostmortemOf', () => {
  const of = (incident: string) =>
    isPostmortemOf({
      path: 'pm/2026-11-20-x.md',
      text: `---\ntitle: x\nincident: ${incident}\n---\n`,
      incident: 12,
      repo: 'acme/payments',
    });
  test.each([
    ['12', true],
    ['"#12"', true],
    ['acme/payments#12', true],
    ['ACME/Payments#12', true],
    ['https://github.com/acme/payments/issues/12', true],
    ['120', false],
    ['acme/other#12', false],
    ['https://github.com/acme/other/issues/12', false],
    ['"twelve"', false],
    ['', false],
  ])('incident: %s → %s', (value, expected) => {
    expect(of(value)).toBe(expected);
  });

  test('no front matter, or no incident field, is not a match', () => {
    expect(
      isPostmortemOf({
        path: 'a.md',
        text: '# Notes about #12\n',
        incident: 12,
        repo: 'acme/payments',
      }),
    ).toBe(false);
    expect(
      isPostmortemOf({
        path: 'a.md',
        text: '---\ntitle: x\n---\n',
        incident: 12,
        repo: 'acme/payments',
      }),
    ).toBe(false);
  });
});
