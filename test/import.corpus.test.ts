import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importPostmortem } from '../src/core/index.js';
import { CORPUS, corpusFiles, runCorpus } from './helpers/corpus.js';
import { lint } from './helpers/lint.js';
import { sentencesOf, normaliseMarkdown } from './helpers/sentences.js';

const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

if (!runCorpus)
  test.skip(`hindsight import over the real-world corpus: skipped, ${CORPUS} is absent`);
else describeImports();

function describeImports() {
  describe('hindsight import over the real-world corpus', () => {
    const imported = corpusFiles.map((file) => {
      const text = readFileSync(join(CORPUS, file), 'utf8');
      return {
        file,
        text,
        result: importPostmortem({ path: file, text, severities: SEVERITIES, today: '2026-11-26' }),
      };
    });

    test('every file imports, under a YYYY-MM-DD-slug.md name', () => {
      expect(imported).toHaveLength(110);
      for (const { file, result } of imported) {
        expect(result.fileName, file).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/);
        expect(result.text.startsWith('---\n'), file).toBe(true);
      }
    });

    test.each(corpusFiles)('%s: every sentence of four words or more is in the output', (file) => {
      const { text, result } = imported.find((entry) => entry.file === file)!;
      const output = normaliseMarkdown(result.text);
      const lost = sentencesOf(text).filter((sentence) => !output.includes(sentence));
      expect(lost).toEqual([]);
    });

    test.each(corpusFiles)(
      '%s: the imported file lints with no frontmatter error and no filename finding',
      (file) => {
        const { result } = imported.find((entry) => entry.file === file)!;
        const findings = lint(result.text, { path: `postmortems/${result.fileName}` });
        expect(
          findings
            .filter(
              (finding) =>
                (finding.rule === 'frontmatter' && finding.level === 'error') ||
                finding.rule === 'filename' ||
                finding.rule === 'internal-error',
            )
            .map((finding) => `${finding.line} ${finding.rule}: ${finding.message}`),
        ).toEqual([]);
      },
    );
  });
}
