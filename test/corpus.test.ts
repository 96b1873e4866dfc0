import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { lint } from './helpers/lint.js';

// The corpus lives beside the repository (../shared/corpus), or where HINDSIGHT_CORPUS says; CI
// fetches it (scripts/fetch-corpus.sh) and sets HINDSIGHT_CORPUS_REQUIRED so it cannot go missing.
const CORPUS =
  process.env.HINDSIGHT_CORPUS ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const present = existsSync(CORPUS);
const files = present
  ? readdirSync(CORPUS)
      .filter((dir) => statSync(join(CORPUS, dir)).isDirectory())
      .flatMap((dir) => readdirSync(join(CORPUS, dir)).map((name) => `${dir}/${name}`))
  : [];

if (!present && !process.env.HINDSIGHT_CORPUS_REQUIRED) {
  test.skip(`the real-world corpus: skipped, ${CORPUS} is absent (see README, "Tests")`);
} else describeCorpus();

function describeCorpus() {
  describe('the real-world corpus', () => {
    test('is there (110 files from four teams)', () => {
      expect(files.length).toBe(110);
    });

    test.each(files)('%s lints without a crash, every finding on a real line', (file) => {
      const text = readFileSync(join(CORPUS, file), 'utf8');
      const lines = text.split('\n');
      const findings = lint(text, { path: file });
      expect(findings.filter((finding) => finding.rule === 'internal-error')).toEqual([]);
      for (const finding of findings) {
        expect(finding.line, `${finding.rule}: ${finding.message}`).toBeGreaterThanOrEqual(1);
        expect(finding.line, `${finding.rule}: ${finding.message}`).toBeLessThanOrEqual(
          lines.length,
        );
        expect(finding.column).toBeGreaterThanOrEqual(1);
        expect(finding.column).toBeLessThanOrEqual((lines[finding.line - 1]?.length ?? 0) + 1);
        expect(finding.endLine).toBeGreaterThanOrEqual(finding.line);
      }
      // None of these teams wrote format v1, so each gets at least one finding (a draft's warnings).
      expect(findings.length).toBeGreaterThan(0);
    });

    test('a legacy file with its own front matter is a draft, told at its closing --- what format v1 needs', () => {
      const file = 'moj-cloud-platform/2023-09-18-lack-of-diskspace.html.md.erb';
      const findings = lint(readFileSync(join(CORPUS, file), 'utf8'), { path: file }).filter(
        (f) => f.rule === 'frontmatter',
      );
      expect(findings.map((f) => `${f.line} ${f.level}: ${f.message}`)).toEqual([
        '4 warn: `status` is required.',
        '4 warn: `date` is required.',
      ]);
    });
  });
}
