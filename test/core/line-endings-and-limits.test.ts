import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LIMITS } from '../../src/core/limits.js';
import { RULES } from '../../src/core/rules/index.js';
import { lint } from '../helpers/lint.js';

const ROOT = join(import.meta.dirname, '../..');
const examples = async () => {
  const dir = join(ROOT, 'examples/postmortems');
  const names = await readdir(dir);
  return Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
};

/**
 * The text with its line breaks rewritten: all CRLF, all CR, or a cycle of LF, CR and CRLF (in that
 * order, so a CR is never followed by an LF, which would read as one CRLF break).
 */
function withBreaks(text: string, style: 'crlf' | 'cr' | 'mixed'): string {
  let n = 0;
  const mixed = ['\n', '\r', '\r\n'];
  return text.replace(/\n/g, () =>
    style === 'crlf' ? '\r\n' : style === 'cr' ? '\r' : (mixed[n++ % 3] as string),
  );
}

const summary = (text: string) =>
  lint(text).map((f) => `${f.line}:${f.column} ${f.rule} ${f.level} ${f.message}`);

describe('line endings: CR-only, CRLF and mixed files read like LF files', () => {
  test.each(['crlf', 'cr', 'mixed'] as const)(
    '%s: the examples get the same findings',
    async (style) => {
      for (const text of await examples()) {
        expect(summary(withBreaks(text, style))).toEqual(summary(text));
      }
    },
  );

  test.each(['crlf', 'cr', 'mixed'] as const)(
    '%s: every rule example gets the same findings',
    (style) => {
      for (const rule of RULES) {
        for (const text of [rule.example.bad, rule.example.good]) {
          expect(summary(withBreaks(text, style))).toEqual(summary(text));
        }
      }
    },
  );

  test('mixed endings in front matter: timestamps-ordered reads every field (no TypeError)', () => {
    const text = `---\ntitle: x\r\nstatus: published\rdate: 2026-11-20\rstarted_at: 2026-11-20T10:00:00Z\rdetected_at: 2026-11-20T09:00:00Z\nmitigated_at: 2026-11-20T10:10:00Z\r\nresolved_at: 2026-11-20T10:20:00Z\r---\n## Timeline\r\n\r\n- 2026-11-20 10:05 UTC detected\r`;
    const findings = lint(text);
    expect(findings.filter((f) => f.rule === 'internal-error')).toEqual([]);
    expect(findings.filter((f) => f.rule === 'timestamps-ordered').map((f) => f.line)).toEqual([
      6, 6,
    ]);
  });
});

describe('size caps are reported, never silent', () => {
  test('a YAML alias bomb in reviewers is refused as a frontmatter finding, cheaply', () => {
    const bomb = [
      '---',
      'title: x',
      'status: published',
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'reviewers: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      '---',
      '',
    ].join('\n');
    const findings = lint(bomb).filter((f) => f.rule === 'frontmatter');
    expect(findings.map((f) => `${f.line}: ${f.message}`)).toEqual([
      '2: Front matter holds more than 10,000 values once its YAML aliases are expanded; write the values out instead of repeating aliases.',
    ]);
  });

  test('a long aliased string is refused by its expanded length', () => {
    const long = 'y'.repeat(40_000);
    const text = `---\ntitle: &t "${long}"\nservices: [*t, *t, *t, *t, *t, *t, *t, *t]\n---\n`;
    expect(
      lint(text)
        .filter((f) => f.rule === 'frontmatter')
        .map((f) => f.message),
    ).toEqual([
      'Front matter values add up to more than 262,144 characters once its YAML aliases are expanded; write them out, shorter.',
    ]);
  });

  test('front matter over 64 KB is not read, and says so', () => {
    const text = `---\ntitle: "${'t'.repeat(LIMITS.frontMatterChars)}"\nstatus: draft\n---\n## Summary\n\nok\n`;
    const findings = lint(text).filter((f) => f.rule === 'frontmatter');
    expect(findings.map((f) => f.message)).toEqual([
      'Front matter is 65,560 characters long; front matter over 65,536 characters is not read. Keep it to the fields, and move long text to the body.',
    ]);
  });

  test('a 20 MB table row: one size-limit finding for the file, at once', () => {
    const text = `---\ntitle: x\nstatus: draft\n---\n## Action items\n\n| ID | Action |\n|---|---|\n| A1 | ${'a|'.repeat(10_000_000)}\n`;
    const started = performance.now();
    const findings = lint(text);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(findings.map((f) => `${f.line} ${f.rule} ${f.level}: ${f.message}`)).toEqual([
      '1 size-limit error: This file is 20,000,082 characters long; files over 2,000,000 characters are not checked. Split it, or move data (logs, dumps) to linked files.',
    ]);
  });

  test('a line over 20,000 characters is not read; the rest of the file is', () => {
    const text = `---\ntitle: x\nstatus: draft\ndate: 2026-11-20\n---\n## Summary\n\nTODO\n\n${'<describe it> '.repeat(2_000)}\n`;
    const findings = lint(text);
    expect(
      findings.filter((f) => f.rule === 'size-limit').map((f) => `${f.line}: ${f.message}`),
    ).toEqual([
      '10: Line 10 is 28,000 characters long; lines over 20,000 characters are not checked.',
    ]);
    // Line 8's TODO is still found; line 10's placeholders are not read.
    expect(findings.filter((f) => f.rule === 'no-placeholders').map((f) => f.line)).toEqual([8]);
  });

  test('more than 20,000 table cells: the file is not checked, and says where', () => {
    const rows = Array.from(
      { length: 2_100 },
      (_, n) => `| A${n} | a | b | c | d | e | f | g | h |`,
    );
    const text = `---\ntitle: x\nstatus: draft\n---\n## Action items\n\n| ID | Action | a | b | c | d | e | f | g |\n|---|---|---|---|---|---|---|---|---|\n${rows.join('\n')}\n`;
    expect(lint(text).map((f) => `${f.line} ${f.rule}: ${f.message}`)).toEqual([
      '2007 size-limit: This file has more than 20,000 table cells (`|`) by line 2007; files with more are not checked. Split its tables, or link the data.',
    ]);
  });
});
