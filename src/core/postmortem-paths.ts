import type { Config } from './config-schema.js';

/** Where a repository keeps its configuration. */
export const CONFIG_PATH = '.github/postmortem.yml';

/** The configured postmortem folder, without a trailing slash (`postmortems`). */
export function postmortemFolder(config: Pick<Config, 'directory'>): string {
  return config.directory.replace(/\/+$/, '');
}

/**
 * Whether a repository path is a postmortem: a Markdown file in the configured folder, not the
 * folder's README.md (the index `hindsight index` keeps), and never a path that climbs out of it
 * (paths also come from issue markers, which anyone can write).
 */
export function isPostmortemPath(config: Pick<Config, 'directory'>, path: string): boolean {
  return (
    path.startsWith(`${postmortemFolder(config)}/`) &&
    path.toLowerCase().endsWith('.md') &&
    !isIndexReadme(path) &&
    !path.split('/').includes('..')
  );
}

/** A folder's `README.md` (any case): the index's home, not a postmortem. */
export function isIndexReadme(path: string): boolean {
  return /(^|\/)readme\.md$/i.test(path);
}
