import { describe, expect, test } from 'vitest';
import {
  isPostmortemOf,
  markerOf,
  parsePostmortem,
  parseTemplate,
  sectionKey,
} from '../../src/core/index.js';
import { indexEntry } from '../../src/core/knowledge/index-entry.js';
import { LIMITS } from '../../src/core/limits.js';
import { lint } from '../helpers/lint.js';

// Every regular expression that reads text from documents, issues, titles or templates must run
// in linear time (DESIGN.md). Each case below is an input shape that made one of them quadratic
// or worse on the old code; those marked "guard" were already linear there (or only slow past
// the line cap) and are kept so they stay linear. Timing is read as a ratio, robustly: the best
// of several runs at 10k, 20k and 40k characters; linear growth gives about 4× from 10k to 40k,
// quadratic 16×, so the bound of 8× leaves room for a loaded machine. A run under FLOOR_MS at the
// largest size is too fast to be a time bomb whatever its ratio (timer noise dominates there);
// CEILING_MS is an absolute bound generous enough for a busy 2-core machine (the old code took
// from 0.3 s to over a minute at 40k on these shapes; these take about 10 ms).
//
// A Markdown line over LIMITS.lineChars (20,000) is not read at all (limits.ts), so a shape that
// puts its characters on one line of the body is timed at 4.75k/9.5k/19k: the longest line that
// is still read, and the same 4× spread.
const SIZES = [10_000, 20_000, 40_000] as const;
const LINE_SIZES = [4_750, 9_500, 19_000] as const;
const RUNS = 5;
const MAX_RATIO = 8;
const FLOOR_MS = 100;
const CEILING_MS = 2_000;

/** Best of RUNS; each run gets its number, for shapes that must differ per run (caches). */
function best(run: (k: number) => void): number {
  let fastest = Infinity;
  for (let k = 1; k <= RUNS; k++) {
    const start = performance.now();
    run(k);
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

function expectLinear(make: (n: number) => (k: number) => void, sizes: readonly number[] = SIZES) {
  const times = sizes.map((n) => {
    const run = make(n);
    run(0); // warm up the JIT on this shape and size
    return best(run);
  });
  const [small, , large] = times as [number, number, number];
  const shown = `${sizes.map((n, i) => `${n}: ${(times[i] as number).toFixed(1)} ms`).join(', ')}`;
  expect(large, shown).toBeLessThan(CEILING_MS);
  if (large >= FLOOR_MS) expect(large / Math.max(small, 0.5), shown).toBeLessThan(MAX_RATIO);
}

/** The sizes for a document shape: LINE_SIZES when its body puts more than a line's cap on one line. */
function sizesFor(shape: (n: number, k: number) => string): readonly number[] {
  const text = shape(40_000, 0);
  const body = text.startsWith('---') ? text.slice(text.indexOf('\n---', 3) + 4) : text;
  const longest = Math.max(...body.split(/\r\n|\r|\n/).map((line) => line.length));
  return longest > LIMITS.lineChars ? LINE_SIZES : SIZES;
}

const FM = '---\ntitle: x\nstatus: draft\ndate: 2026-11-20\n---\n';
/** Lints a shape: a body after a small front matter, or a whole document when it has its own. */
const doc = (shape: (n: number, k: number) => string, n: number) => (k: number) =>
  void lint(`${shape(n, k).startsWith('---') ? '' : FM}${shape(n, k)}\n`);

// Shapes: what each one broke, then the input, n characters long. Headings carry the run number
// `k`: headings are normalised once each (a cache), so a repeated heading would time nothing.
const DOCUMENTS: [string, (n: number, k: number) => string][] = [
  ['why-line: "why", spaces, no colon', (n) => `## Root cause\n\nwhy${' '.repeat(n)}x`],
  [
    'why-line: "Why #", spaces, digits',
    (n) => `## Root cause\n\nWhy #${' '.repeat(n / 2)}1${' '.repeat(n / 2)}x`,
  ],
  ['impact: digits then a letter', (n) => `## Impact\n\n${'1'.repeat(n)}x`],
  ['impact: digits in a word', (n) => `## Impact\n\nR${'0'.repeat(n)}N`],
  ['impact: digits and spaces (guard)', (n) => `## Impact\n\n${'1 '.repeat(n / 2)}x`],
  ['impact: digit words (guard)', (n) => `## Impact\n\n${'1a'.repeat(n / 2)}`],
  ['no-placeholders: "<a" and spaces', (n) => `## Summary\n\n<a${' '.repeat(n)}`],
  ['no-placeholders: "<h" tab-colon runs', (n) => `## Summary\n\n<h${'\t:'.repeat(n / 2)}=`],
  ['no-placeholders: many "<a b" (guard)', (n) => `## Summary\n\n${'<a b'.repeat(n / 4)}`],
  ['headings: "(" runs', (n, k) => `## ${'('.repeat(n)}${k}`],
  ['headings: unclosed comments (guard)', (n, k) => `## ${'<!--'.repeat(n / 4)}${k}`],
  [
    'headings: comment openers over lines (guard)',
    (n, k) => `${'<!--\n'.repeat(n / 5)}-->${k}\n===`,
  ],
  ['front matter: key and spaces', (n) => `---\ntitle: "a\nkey${' '.repeat(n)}x"\n---\n`],
  ['front matter: "-" key and spaces', (n) => `---\ntitle: x\n-a${' '.repeat(n)}x: y\n---\n`],
  [
    'front matter: incident digits',
    (n) => `---\ntitle: x\nincident: "0/s${'0'.repeat(n)}:"\n---\n`,
  ],
  ['root cause: people, no period', (n) => `## Root cause\n\n1. Why? ${'he '.repeat(n / 3)}`],
  [
    'root cause: handles, no period (guard)',
    (n) => `## Root cause\n\n1. Why? ${'@a '.repeat(n / 3)}`,
  ],
  ['blameless: handle and spaces (guard)', (n) => `## Summary\n\n@a${' '.repeat(n)}x`],
  [
    'timeline: declared zone and spaces (guard)',
    (n) => `## Timeline\n\nall times${' '.repeat(n)}x`,
  ],
  ['timeline: a line of emphasis marks', (n) => `## Timeline\n\nnot a time ${'*_'.repeat(n / 2)}x`],
  ['timeline: long time-like bullet (guard)', (n) => `## Timeline\n\n- ${'1'.repeat(n)}:00`],
  [
    'timeline: table of spaces (guard)',
    (n) => `## Timeline\n\n| Time | Event |\n|---|---|\n| ${' '.repeat(n)} | x |`,
  ],
  ['action items: long bullet (guard)', (n) => `## Action items\n\n- ${'@a-'.repeat(n / 3)} P1 #`],
  [
    'action items: table cell of pipes (guard)',
    (n) => `## Action items\n\n| ID | Action |\n|---|---|\n| A1 | ${'\\|'.repeat(n / 2)} |`,
  ],
  ['lines: CR only (guard)', (n) => `## Summary\r\r${'x\r'.repeat(n / 2)}`],
];

describe('every regular expression on document text runs in linear time', () => {
  test.each(DOCUMENTS)(
    '%s',
    (_name, shape) => {
      expectLinear((n) => doc(shape, n), sizesFor(shape));
    },
    120_000,
  );

  test('a heading of tabs in a template', () => {
    expectLinear((n) => () => void parseTemplate('t', `# a${'\t'.repeat(n)}b`));
    expectLinear((n) => () => void parseTemplate('t', `## ${'\t#'.repeat(n / 2)}x`));
  }, 120_000);

  test('the action-item marker regex on a 64 KB issue body', () => {
    expectLinear(
      (n) => () => void markerOf(`<!-- hindsight:action-item /${'-->#g'.repeat(n / 5)}-->`),
    );
    expectLinear((n) => () => void markerOf('<!-- hindsight:action-item a#'.repeat(n / 30)));
    // The real body limit: 65,536 characters, one call well under the ceiling.
    const body = `<!-- hindsight:action-item /${'-->#g'.repeat(13_100)}-->`;
    expect(best(() => markerOf(body))).toBeLessThan(CEILING_MS / 10);
  }, 120_000);

  test('contributing factors in the index of postmortems', () => {
    const entry = (body: string) => () =>
      void indexEntry({ path: 'p.md', text: body, today: '2026-11-23', reviewDueBusinessDays: 2 });
    expectLinear((n) => entry(`## Contributing factors\n\n- a${' '.repeat(n)}x\n`), LINE_SIZES);
    expectLinear(
      (n) => entry(`## Contributing factors\n\n- ${'\t'.repeat(n)}\u2028\n`),
      LINE_SIZES,
    );
    // The index reads headings from the raw text, line by line: no line cap there.
    expectLinear((n) => entry(`# \t${' '.repeat(n)}\u2028\n`));
    expectLinear((n) => entry(`## a${' '.repeat(n)}#x\n`));
  }, 120_000);

  test('section headings and incident values read directly', () => {
    expectLinear((n) => (k) => void sectionKey(`${'('.repeat(n)}x${k}`));
    expectLinear((n) => (k) => void sectionKey(`${'<!--'.repeat(n / 4)}${k}`));
    expectLinear(
      (n) => () =>
        void isPostmortemOf({
          path: 'p.md',
          text: `---\nincident: "a/b${'1'.repeat(n)}x"\n---\n`,
          incident: 1,
          repo: 'a/b',
        }),
    );
    expectLinear((n) => (k) => void parsePostmortem('p.md', `## ${'x'.repeat(n)}${k}`));
  }, 120_000);
});
