import { postmortemFolder } from '../postmortem-paths.js';
import type { Config } from '../config-schema.js';
import { buildIndex, type KnowledgeIndex } from './build-index.js';
import { indexEntry } from './index-entry.js';
import { placeIndex } from './index-region.js';
import { renderIndex } from './render-index.js';

/** The index file of a postmortem folder, unless `--out` says otherwise. */
export function defaultIndexFile(config: Pick<Config, 'directory'>): string {
  return `${postmortemFolder(config)}/README.md`;
}

/** Whether a path is a postmortem the index lists: Markdown in the folder, not the index itself. */
export function isIndexed(path: string, indexFile: string): boolean {
  return (
    path.toLowerCase().endsWith('.md') && path !== indexFile && !/(^|\/)readme\.md$/i.test(path)
  );
}

/**
 * Everything `hindsight index` and the Action's `command: index` produce from the files' text:
 * the index (for JSON), and the index file's new text (the existing file with only the index
 * region replaced).
 */
export function generateIndex(input: {
  files: readonly { path: string; text: string }[];
  config: Pick<Config, 'severities' | 'reviewDueBusinessDays'>;
  today: string;
  indexFile: string;
  /** The index file's current text, or null when it does not exist. */
  existing: string | null;
}): { index: KnowledgeIndex; markdown: string; text: string } {
  const entries = input.files
    .filter((file) => isIndexed(file.path, input.indexFile))
    .map((file) =>
      indexEntry({
        path: file.path,
        text: file.text,
        today: input.today,
        reviewDueBusinessDays: input.config.reviewDueBusinessDays,
      }),
    );
  const index = buildIndex({ entries, severities: input.config.severities, today: input.today });
  const markdown = renderIndex({ index, indexFile: input.indexFile, today: input.today });
  const text = placeIndex({ existing: input.existing, index: markdown, file: input.indexFile });
  return { index, markdown, text };
}
