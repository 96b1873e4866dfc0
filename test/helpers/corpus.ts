import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The real-world corpus, as test/corpus.test.ts finds it: `../shared/corpus` beside the
 * repository, or where HINDSIGHT_CORPUS says. CI sets HINDSIGHT_CORPUS_REQUIRED so it cannot go
 * missing; elsewhere its absence skips the corpus tests with one line.
 */
export const CORPUS =
  process.env.HINDSIGHT_CORPUS ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');

export const corpusPresent = existsSync(CORPUS);

/** Whether the corpus tests run: the corpus is there, or it is required (and then they fail). */
export const runCorpus = corpusPresent || Boolean(process.env.HINDSIGHT_CORPUS_REQUIRED);

// The one line that says why, printed once per test file that imports this module (a skipped
// test's name alone is folded away by vitest's default reporter).
if (!runCorpus)
  console.warn(
    `corpus tests skipped: ${CORPUS} is absent (clone with ../shared beside it, or set HINDSIGHT_CORPUS; see README, "Tests")`,
  );

/** Every corpus file, as `team/name`. */
export const corpusFiles: string[] = corpusPresent
  ? readdirSync(CORPUS)
      .filter((dir) => statSync(join(CORPUS, dir)).isDirectory())
      .flatMap((dir) => readdirSync(join(CORPUS, dir)).map((name) => `${dir}/${name}`))
  : [];
