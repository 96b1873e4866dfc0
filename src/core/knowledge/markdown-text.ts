import { oneLine } from '../inert.js';

/**
 * User text written into the index's Markdown, made inert: one line without bidi or control
 * characters (inert.ts), no HTML (so no comment, and no Hindsight marker), no table break, no
 * emphasis or link syntax.
 */
export function markdownText(text: string): string {
  return oneLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~#!]/g, '\\$&')
    .trim();
}

/**
 * The link from the index file to a postmortem: relative, each segment percent-encoded (spaces,
 * parentheses and `#` in names included), so it works on GitHub and in a clone.
 */
export function relativeLink(from: string, to: string): string {
  const fromDir = from.split('/').slice(0, -1);
  const target = to.split('/');
  let common = 0;
  while (
    common < fromDir.length &&
    common < target.length - 1 &&
    fromDir[common] === target[common]
  )
    common++;
  const up = fromDir.slice(common).map(() => '..');
  const parts = [...up, ...target.slice(common)].map((part) =>
    part === '..'
      ? part
      : encodeURIComponent(part).replace(
          /[()'!*]/g,
          (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
        ),
  );
  return up.length === 0 ? `./${parts.join('/')}` : parts.join('/');
}
