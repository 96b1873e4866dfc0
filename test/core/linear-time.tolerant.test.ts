import { describe, expect, test } from 'vitest';
import { importPostmortem } from '../../src/core/index.js';
import { lint } from '../helpers/lint.js';

// The patterns that read other shapes (zones in words, vague openings, counts, unfinished years,
// self-contradictions, import) on adversarial input: linear, read as a ratio of the best of 7 runs
// at 5k and 40k characters. Linear is about 8×, quadratic 64×; the bound of 24× leaves room for a
// machine busy with the rest of the suite.
const SIZES = [5_000, 40_000] as const;
const RUNS = 7;
const MAX_RATIO = 24;
const FLOOR_MS = 100;
const CEILING_MS = 2_000;

function expectLinear(make: (n: number) => () => void) {
  const times = SIZES.map((n) => {
    const run = make(n);
    run();
    let fastest = Infinity;
    for (let k = 0; k < RUNS; k++) {
      const start = performance.now();
      run();
      fastest = Math.min(fastest, performance.now() - start);
    }
    return fastest;
  });
  const [t10, t40] = times as [number, number];
  expect(t40, `40k took ${t40.toFixed(1)} ms`).toBeLessThan(CEILING_MS);
  if (t40 >= FLOOR_MS)
    expect(t40 / Math.max(t10, 0.5), `10k ${t10}, 40k ${t40}`).toBeLessThan(MAX_RATIO);
}

const FM = '---\ntitle: x\nstatus: draft\ndate: 2026-11-20\n---\n';
const SHAPES: [string, (n: number) => string][] = [
  ['impact: comma-separated digits', (n) => `## Impact\n\n${'1,'.repeat(n / 2)}`],
  ['impact: "no" runs', (n) => `## Impact\n\n${'no '.repeat(n / 3)}`],
  ['timeline: "times" runs', (n) => `## Timeline\n\n${'times '.repeat(n / 6)}x\n- 10:00 a`],
  ['timeline: parentheses', (n) => `## Timeline ${'('.repeat(n)}\n\n- 10:00 a`],
  ['timeline: digits before a slash', (n) => `## Timeline\n\n- ${'1'.repeat(n)}/1/2024 - 10:00`],
  ['timeline: a day then digits', (n) => `## Timeline\n\n- 2024-01-01 ${'1'.repeat(n)}`],
  ['timeline: many entries', (n) => `## Timeline\n\n${'- 10:00 PST x\n'.repeat(n / 14)}`],
  ['actions: "we need to" runs', (n) => `## Action items\n\n- ${'we need to '.repeat(n / 11)}x`],
  ['actions: "be more" runs', (n) => `## Action items\n\n- be ${'more '.repeat(n / 5)}`],
  ['placeholders: month-day runs', (n) => `## Summary\n\n${'Jan 1, '.repeat(n / 7)}`],
  ['blame: first person runs', (n) => `## Summary\n\n${"I'm ".repeat(n / 4)}lazy`],
  ['summary: day runs', (n) => `## Summary\n\n${'2024-01-01 '.repeat(n / 11)}`],
];

describe('the tolerant readers run in linear time', () => {
  test.each(SHAPES)(
    'lint: %s',
    (_name, shape) => {
      expectLinear((n) => () => void lint(`${FM}${shape(n)}\n`));
    },
    120_000,
  );

  test.each([
    ['labelled items', (n: number) => '- **Impact**: x\n'.repeat(n / 16)],
    ['timeline bullets', (n: number) => `## Timeline\n\n${'- 10:00 x\n'.repeat(n / 10)}`],
    ['action bullets', (n: number) => `## Action items\n\n${'- fix @a\n'.repeat(n / 9)}`],
  ])(
    'import: %s',
    (_name, shape) => {
      expectLinear(
        (n) => () =>
          void importPostmortem({
            path: 'x.md',
            text: shape(n),
            severities: [],
            today: '2026-11-26',
          }),
      );
    },
    120_000,
  );
});
