import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/index.js';
import {
  generateIndex,
  mermaidText,
  percentile,
  placeIndex,
  relativeLink,
} from '../../src/core/knowledge/index.js';

describe('the index core', () => {
  test.each([
    [[], 0.5, null],
    [[7], 0.9, 7],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9.1],
  ])('percentile(%j, %d) = %j', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  test.each([
    ['Quotes "a" [b] {c}', 'Quotes a b c'],
    ['A --> B %% c; #d', 'A - B c d'],
    ['', '(untitled)'],
    ['x'.repeat(60), `${'x'.repeat(39)}…`],
  ])('mermaidText(%j) = %j', (text, expected) => {
    expect(mermaidText(text)).toBe(expected);
  });

  test.each([
    ['postmortems/README.md', 'postmortems/a b(1).md', './a%20b%281%29.md'],
    ['docs/INDEX.md', 'postmortems/x.md', '../postmortems/x.md'],
    ['INDEX.md', 'postmortems/x.md', './postmortems/x.md'],
  ])('relativeLink(%j, %j) = %j', (from, to, expected) => {
    expect(relativeLink(from, to)).toBe(expected);
  });

  test('placeIndex keeps the text outside the markers byte for byte and appends when there are none', () => {
    const file = 'postmortems/README.md';
    expect(placeIndex({ existing: null, index: 'X', file })).toBe(
      '<!-- hindsight:index:start -->\nX\n<!-- hindsight:index:end -->\n',
    );
    expect(
      placeIndex({
        existing: 'a\n  <!-- hindsight:index:start -->\nold\n<!-- hindsight:index:end -->  \nb',
        index: 'X',
        file,
      }),
    ).toBe('a\n  <!-- hindsight:index:start -->\nX\n<!-- hindsight:index:end -->  \nb');
    // A marker inside a line of text is not a marker line.
    expect(
      placeIndex({ existing: 'see <!-- hindsight:index:start --> here', index: 'X', file }),
    ).toBe(
      'see <!-- hindsight:index:start --> here\n\n<!-- hindsight:index:start -->\nX\n<!-- hindsight:index:end -->\n',
    );
  });

  test('severities named __proto__ or constructor are counted like any other', () => {
    const file = (n: number, severity: string) => ({
      path: `postmortems/2026-01-0${n}-x.md`,
      text: `---\ntitle: X\nseverity: ${severity}\ndate: 2026-01-0${n}\n---\n# X\n`,
    });
    const { index } = generateIndex({
      files: [file(1, '__proto__'), file(2, 'constructor'), file(3, 'SEV1')],
      config: DEFAULT_CONFIG,
      today: '2026-02-01',
      indexFile: 'postmortems/README.md',
      existing: null,
    });
    const json = JSON.parse(JSON.stringify(index));
    expect(Object.keys(json.stats.bySeverity)).toEqual([
      'SEV1',
      'SEV2',
      'SEV3',
      'SEV4',
      '__proto__',
      'constructor',
    ]);
    expect(json.stats.bySeverity.__proto__.count).toBe(1);
    expect(json.stats.byMonth[0].bySeverity.__proto__).toBe(1);
  });
});
