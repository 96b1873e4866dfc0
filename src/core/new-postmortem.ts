import slugifyLib from '@sindresorhus/slugify';
import { stripInvisible } from './inert.js';

const MAX_SLUG = 60;

/**
 * A safe file-name slug: lower-case ASCII letters, digits and dashes only, at most 60 characters,
 * never empty. Nothing a title holds (`../`, `/`, NUL, emoji) can reach the path.
 */
export function slugify(title: string): string {
  // Bidi and control characters are dropped, not turned into dashes.
  const slug = slugifyLib(stripInvisible(title), { lowercase: true, decamelize: false }).replace(
    /[^a-z0-9-]/g,
    '',
  );
  const cut =
    slug.length > MAX_SLUG
      ? slug.slice(0, MAX_SLUG).replace(/-[^-]*$/, '') || slug.slice(0, MAX_SLUG)
      : slug;
  return cut.replace(/^-+|-+$/g, '') || 'incident';
}

/** `<directory>/YYYY-MM-DD-<slug>.md`, the file name the `filename` rule expects. */
export function newPostmortemPath(directory: string, date: string, title: string): string {
  return `${directory.replace(/\/+$/, '')}/${date}-${slugify(title)}.md`;
}
