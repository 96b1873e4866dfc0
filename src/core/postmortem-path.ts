/**
 * Whether a path is a postmortem of the configured folder: Markdown under it, never its
 * `README.md` (where `hindsight index` writes the index, which is no postmortem to lint or sync).
 */
export function isPostmortemPath(path: string, directory: string): boolean {
  const folder = `${directory.replace(/\/+$/, '')}/`;
  return (
    path.startsWith(folder) &&
    path.toLowerCase().endsWith('.md') &&
    !isIndexReadme(path) &&
    !path.split('/').includes('..')
  );
}

/** A folder's `README.md` (any case): the index's home, not a postmortem. */
export function isIndexReadme(path: string): boolean {
  return /(^|\/)readme\.md$/i.test(path);
}
