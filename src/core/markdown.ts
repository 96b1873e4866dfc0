import MarkdownIt, { type Token } from 'markdown-it';

/**
 * One shared markdown-it (14.x: its plain-constructor tokens block-parse our documents 2.4×
 * faster than 15.x, whose class-field tokens cost a defineProperty each), block rules only. Rules read line text, never inline trees, so the
 * inline pass (most of markdown-it's time on long documents) is switched off.
 */
const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
md.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);
// Deeply nested lists or quotes in hostile input must not recurse without bound.
(md.options as { maxNesting: number }).maxNesting = 50;

/** Block tokens of a Markdown body. `map` lines are 0-based and relative to the body. */
export function blockTokens(body: string): Token[] {
  return md.parse(body, {});
}

export type { Token };
