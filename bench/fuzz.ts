// Fuzz pass of `npm run bench` (issue 8): for every rule and every parser of user text, fast-check
// builds adversarial inputs (runs of the characters and tokens that made regular expressions
// blow up: spaces, tabs, digits, `(`, `<`, `<!--`, `#`, `|`, `why`, handles, CRs…), up to a few
// hundred KB, for about FUZZ_SECONDS (default 10) per target. It prints the slowest input per
// target and checks the promise: no input of up to 100 KB takes more than 0.5 s. Not in
// `npm test`: it is minutes of CPU.
import fc from 'fast-check';
import {
  isPostmortemOf,
  lintPostmortem,
  loadConfig,
  markerOf,
  parsePostmortem,
  parseTemplate,
  sectionKey,
} from '../src/core/index.js';
import { parseTimeAt } from '../src/core/time.js';
import { RULES } from '../src/core/rules/index.js';
import type { RuleContext } from '../src/core/rules/rule.js';
import { loadTemplates } from '../src/files/templates.js';

const SECONDS = Number(process.env.FUZZ_SECONDS ?? 10);
const SMALL = 100_000;
const BUDGET_MS = 500;

const TOKENS = [
  ' ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\u2028',
  'x',
  'a',
  '0',
  '1',
  ',',
  '.',
  ':',
  '#',
  '(',
  ')',
  '<',
  '>',
  '=',
  '|',
  '\\|',
  '`',
  '*',
  '**',
  '_',
  '-',
  '@',
  '@a',
  '@a-',
  '<!--',
  '-->',
  '<a',
  'why',
  'Why #',
  'why?',
  'he ',
  'they ',
  'forgot',
  'human error',
  'TODO',
  '<describe it>',
  'YYYY-MM-DD',
  'users',
  '%',
  'k',
  '$',
  'UTC',
  '14:30',
  '2026-11-20',
  'Oct 21',
  'times in',
  'P1',
  '#12',
  'a/b#',
  '- ',
  '1. ',
  '- [ ] ',
  '## ',
  '### ',
  '---',
  '&a ',
  '*a',
  'key: ',
  '"',
  "'",
  '\u202e',
  '\u0000',
  'é',
  '🎉',
];

const HEADS = [
  '',
  '## Summary\n\n',
  '## Impact\n\n',
  '## Timeline\n\n',
  '## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n| ',
  '## Root cause\n\n',
  '## Root cause\n\n1. Why? ',
  '## Action items\n\n- [ ] ',
  '## Action items\n\n| ID | Action | Owner | Priority | Due | Status | Issue |\n|---|---|---|---|---|---|---|\n| A1 | ',
  '## Lessons learned\n\n### ',
  '## ',
];

/** Runs of tokens: `[token, times]` pairs, so one input can be `why` + 30,000 spaces + `x`. */
const runs = fc.array(
  fc.tuple(
    fc.constantFrom(...TOKENS),
    fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 100, max: 40_000 })),
  ),
  { minLength: 1, maxLength: 6 },
);
const text = runs.map((pieces) => ({
  text: pieces.map(([token, times]) => token.repeat(times)).join(''),
  shape: pieces.map(([token, times]) => `${JSON.stringify(token)}×${times}`).join(' + '),
}));
const documentArb = fc
  .record({
    frontMatter: fc.oneof(
      fc.constant('---\ntitle: x\nstatus: in-review\ndate: 2026-11-20\n---\n'),
      fc.constant(''),
      text.map(({ text }) => `---\ntitle: x\nstatus: draft\n${text}\n---\n`),
    ),
    head: fc.constantFrom(...HEADS),
    body: text,
    tail: fc.constantFrom('', '\n', 'x\n', ' |\n'),
  })
  .map(({ frontMatter, head, body, tail }) => ({
    text: `${frontMatter}${head}${body.text}${tail}`,
    shape: `${JSON.stringify((frontMatter + head).slice(0, 40))} + ${body.shape}`,
  }));

interface Slowest {
  ms: number;
  size: number;
  shape: string;
}
const results: {
  target: string;
  runs: number;
  slowest: Slowest;
  slowestSmall: Slowest;
  overBudget: Slowest[];
}[] = [];

/** Fuzzes one target for SECONDS, timing each call on each generated input. */
function fuzz<T extends { text: string; shape: string }>(
  target: string,
  arbitrary: fc.Arbitrary<T>,
  call: (input: T) => void,
): void {
  let count = 0;
  let slowest: Slowest = { ms: 0, size: 0, shape: '' };
  let slowestSmall: Slowest = { ms: 0, size: 0, shape: '' };
  const overBudget: Slowest[] = [];
  fc.check(
    fc.property(arbitrary, (input) => {
      const start = performance.now();
      call(input);
      const ms = performance.now() - start;
      count++;
      const seen = { ms, size: input.text.length, shape: input.shape };
      if (ms > slowest.ms) slowest = seen;
      if (seen.size <= SMALL && ms > slowestSmall.ms) slowestSmall = seen;
      if (seen.size <= SMALL && ms > BUDGET_MS) overBudget.push(seen);
      return true;
    }),
    { numRuns: 1_000_000, interruptAfterTimeLimit: SECONDS * 1000, seed: 20261126 },
  );
  results.push({ target, runs: count, slowest, slowestSmall, overBudget });
  const verdict = overBudget.length === 0 ? 'ok' : `${overBudget.length} over ${BUDGET_MS} ms`;
  console.log(
    `${target.padEnd(28)} ${String(count).padStart(6)} inputs  slowest ${slowest.ms.toFixed(1).padStart(7)} ms on ${String(slowest.size).padStart(7)} chars: ${slowest.shape.slice(0, 90)}  [${verdict}]`,
  );
}

const templates = await loadTemplates();
const { config, ruleOptions } = loadConfig(null);
const template = templates.get(config.template) ?? null;
console.log(
  `\nFuzz: adversarial inputs for ${SECONDS} s per target (fast-check, seed 20261126); budget: inputs up to ${SMALL.toLocaleString('en-US')} characters lint in ${BUDGET_MS} ms.`,
);

// 1. The whole lint of a document (parse and every rule), then the parsers of user text.
const loaded = loadConfig(null);
fuzz('lint (whole document)', documentArb, ({ text }) => {
  lintPostmortem({
    path: 'postmortems/2026-11-20-x.md',
    text,
    config: loaded.config,
    ruleOptions: loaded.ruleOptions,
    templates,
    now: new Date('2026-11-23T12:00:00Z'),
  });
});
fuzz('parse (postmortem)', documentArb, ({ text }) => void parsePostmortem('p.md', text));
fuzz('parse (template)', text, ({ text }) => {
  try {
    parseTemplate('t', text);
  } catch {
    // A template error is an answer, not a hang.
  }
});
fuzz('marker (issue body)', text, ({ text }) => void markerOf(text));
fuzz('heading (section key)', text, ({ text }) => void sectionKey(text));
fuzz('time (timeline entry)', text, ({ text }) => void parseTimeAt(text));
fuzz('incident value', text, ({ text }) =>
  isPostmortemOf({
    path: 'p.md',
    text: `---\nincident: ${JSON.stringify(text)}\n---\n`,
    incident: 1,
    repo: 'a/b',
  }),
);

// 2. Each rule on its own, on a model parsed outside the timing.
for (const rule of RULES) {
  const options = ruleOptions.get(rule.id) ?? {};
  const parsed = documentArb.map((input) => ({
    ...input,
    model: parsePostmortem('postmortems/2026-11-20-x.md', input.text),
  }));
  fuzz(`rule ${rule.id}`, parsed, ({ model }) => {
    const context: RuleContext = {
      postmortem: model,
      config,
      template,
      options,
      status: 'in-review',
      today: '2026-11-23',
      report() {},
    };
    rule.check(context);
  });
}

const failures = results.filter((result) => result.overBudget.length > 0);
const worstSmall = results.reduce((worst, result) =>
  result.slowestSmall.ms > worst.slowestSmall.ms ? result : worst,
);
console.log(
  `Fuzz: ${results.reduce((n, r) => n + r.runs, 0)} inputs; the slowest up to ${SMALL.toLocaleString('en-US')} characters took ${worstSmall.slowestSmall.ms.toFixed(0)} ms (${worstSmall.target}, ${worstSmall.slowestSmall.size} characters: ${worstSmall.slowestSmall.shape.slice(0, 80)}).`,
);
console.log(
  failures.length === 0
    ? `Fuzz: every target stayed under ${BUDGET_MS} ms on every input up to ${SMALL.toLocaleString('en-US')} characters.`
    : `Fuzz: FAILED: ${failures.map((f) => f.target).join(', ')} took over ${BUDGET_MS} ms on an input up to ${SMALL.toLocaleString('en-US')} characters.`,
);
if (failures.length > 0) process.exitCode = 1;
