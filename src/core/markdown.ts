import MarkdownIt, { type Token } from 'markdown-it';

/**
 * One shared markdown-it, block rules only. Rules read line text, never inline trees, so the
 * inline pass (most of markdown-it's time on long documents) is switched off.
 */
const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
md.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);
// Deeply nested lists or quotes in hostile input must not recurse without bound.
md.set({ maxNesting: 50 });

/** Block tokens of a Markdown body. `map` lines are 0-based and relative to the body. */
export function blockTokens(body: string): Token[] {
  return md.parse(body, {});
}

export type { Token };
