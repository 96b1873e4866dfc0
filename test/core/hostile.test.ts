import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { lint } from '../helpers/lint.js';

// "Never a crash or a hang": each case must finish inside vitest's timeout and yield findings.
function check(text: string) {
  const findings = lint(text);
  const lines = text.split('\n').length;
  expect(findings.filter((f) => f.rule === 'internal-error')).toEqual([]);
  for (const finding of findings) {
    expect(finding.line).toBeGreaterThanOrEqual(1);
    expect(finding.line).toBeLessThanOrEqual(lines);
  }
  return findings;
}

describe('hostile input gives findings, never a crash', () => {
  test('binary bytes', () => {
    const bytes = Buffer.from(Array.from({ length: 65_536 }, (_, n) => (n * 7919 + 13) % 256));
    expect(check(bytes.toString('utf8')).some((f) => f.rule === 'frontmatter')).toBe(true);
    check(bytes.toString('latin1'));
  });

  const timeline =
    '## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n' +
    Array.from(
      { length: 2000 },
      (_, n) =>
        `| 2026-11-20 ${String(n % 24).padStart(2, '0')}:${String(n % 60).padStart(2, '0')} | event ${n} with some words |`,
    ).join('\n');

  test('a 1.9 MB postmortem, just under the size cap, is linted whole', () => {
    const body = `---\ntitle: big\nstatus: draft\n---\n## Summary\n\n${'All work and no play.\n'.repeat(80_000)}\n${timeline}\n`;
    expect(body.length).toBeGreaterThan(1_800_000);
    expect(body.length).toBeLessThan(2_000_000);
    const findings = check(body);
    expect(findings.filter((f) => f.rule === 'size-limit')).toEqual([]);
    expect(findings.some((f) => f.rule === 'required-sections')).toBe(true);
  }, 60_000);

  test('a 5 MB postmortem gets one size-limit finding, not a parse', () => {
    const body = `---\ntitle: big\nstatus: draft\n---\n## Summary\n\n${'All work and no play. '.repeat(240_000)}\n\n${timeline}\n`;
    expect(body.length).toBeGreaterThan(5_000_000);
    expect(check(body).map((f) => `${f.line} ${f.rule}`)).toEqual(['1 size-limit']);
  }, 60_000);

  test('unclosed front matter', () => {
    expect(
      check('---\ntitle: x\nstatus: published\n# Body\n').map((f) => `${f.line}: ${f.message}`),
    ).toContain(
      '1: The front matter opened on line 1 is never closed: add a line `---` after its last field.',
    );
  });

  test('10,000 nested list items', () => {
    const nested = Array.from({ length: 10_000 }, (_, n) => `${'  '.repeat(n)}- item ${n}`).join(
      '\n',
    );
    check(`---\ntitle: x\nstatus: draft\n---\n## Action items\n\n${nested}\n`);
    check(`${'>'.repeat(10_000)} quote\n`);
    check(`${'- '.repeat(10_000)}x\n`);
  }, 60_000);

  test('YAML bombs and odd front matter', () => {
    const bomb = `---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\n`;
    // js-yaml shares aliased nodes instead of expanding them, so a "billion laughs" costs nothing.
    check(bomb);
    check('---\n- a list\n---\n');
    check('---\n---\n');
    check('---\ntitle: x\ntitle: y\n---\n');
    check('\uFEFF---\ntitle: x\n---\n');
  });

  test('random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        check(text);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '---',
            '## Timeline',
            '## Action items',
            '## Root cause',
            '| a | b |',
            '|---|---|',
            '- [ ] x',
            '1. why',
            '```',
            '<!--',
            '-->',
            '### 14:30',
            'Why #1: x',
            'title: x',
            '',
          ),
          { maxLength: 40 },
        ),
        (lines) => {
          check(lines.join('\n'));
        },
      ),
      { numRuns: 300 },
    );
  });
});
