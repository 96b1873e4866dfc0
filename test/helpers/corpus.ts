import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The real-world corpus: `../shared/corpus` next to the repository (HINDSIGHT_CORPUS overrides it,
 * for a worktree that lives elsewhere). Absent, the corpus tests skip and say so once.
 */
export const CORPUS =
  process.env.HINDSIGHT_CORPUS ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');

export const corpusPresent = existsSync(CORPUS);
if (!corpusPresent) console.log(`Corpus tests skipped: ${CORPUS} is absent.`);

/** Every corpus file, as `team/name`. */
export const corpusFiles: string[] = corpusPresent
  ? readdirSync(CORPUS)
      .filter((dir) => statSync(join(CORPUS, dir)).isDirectory())
      .flatMap((dir) => readdirSync(join(CORPUS, dir)).map((name) => `${dir}/${name}`))
  : [];
