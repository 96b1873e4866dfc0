import { describe, expect, test } from 'vitest';
import { isPostmortemPath, postmortemFolder } from '../../src/core/index.js';

describe('isPostmortemPath: the one filter for "a postmortem in the configured folder"', () => {
  const config = { directory: 'postmortems/' };
  test.each([
    ['postmortems/2026-11-20-db.md', true],
    ['postmortems/2026/2026-11-20-db.md', true],
    ['postmortems/2026-11-20-db.MD', true],
    ['postmortems/README.md', false], // the index `hindsight index` keeps
    ['postmortems/2026/readme.md', false],
    ['postmortems/notes.txt', false],
    ['docs/2026-11-20-db.md', false],
    ['postmortems-old/2026-11-20-db.md', false],
    ['postmortems/../src/index.md', false], // a path from an issue marker that climbs out
  ])('%s → %s', (path, expected) => {
    expect(isPostmortemPath(config, path)).toBe(expected);
  });

  test('the folder is written without its trailing slash', () => {
    expect(postmortemFolder(config)).toBe('postmortems');
  });
});
