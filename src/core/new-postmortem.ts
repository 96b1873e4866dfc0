import { yamlScalar } from './yaml-scalar.js';
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

/**
 * Adds `template: <name>` as the last front-matter field, unless the text already names one.
 * Text without front matter gets none: the template's author chose that shape.
 */
export function withTemplate(text: string, name: string): string {
  if (!text.startsWith('---\n')) return text;
  const close = text.indexOf('\n---', 3);
  if (close < 0) return text;
  const header = text.slice(0, close + 1);
  if (/^template:/m.test(header)) return text;
  return `${header}template: ${yamlScalar(name)}\n${text.slice(close + 1)}`;
}
