import type { LineIndex } from './line-index.js';
import type { Token } from './markdown.js';
import type { Section } from './types.js';

/** What the extractors share: the text, its block tokens and where the Markdown body starts. */
export interface ParsedBody {
  index: LineIndex;
  tokens: Token[];
  /** Add to a token's 0-based `map` line to get the document's 1-based line. */
  lineBase: number;
}

/** 1-based first line of a token, or 0 for tokens without a map. */
export function tokenLine(body: ParsedBody, token: Token): number {
  return token.map ? token.map[0] + body.lineBase : 0;
}

/** Tokens whose first line falls inside a section's body, in order. */
export function tokensIn(body: ParsedBody, section: Section): { token: Token; i: number }[] {
  const out: { token: Token; i: number }[] = [];
  for (let i = 0; i < body.tokens.length; i++) {
    const token = body.tokens[i] as Token;
    if (!token.map) continue;
    const line = tokenLine(body, token);
    if (line > section.bodyEndLine) break;
    if (line >= section.bodyStartLine) out.push({ token, i });
  }
  return out;
}

/** A list item's first line with its marker, checkbox and emphasis stripped. */
export function itemText(line: string): { text: string; column: number; checked: boolean | null } {
  const match = /^(\s*(?:[-*+]|\d+[.)])\s+)(\[([ xX])\]\s+)?/.exec(line);
  const prefix = match ? match[0].length : line.length - line.trimStart().length;
  const checked = match?.[3] === undefined ? null : match[3] !== ' ';
  return { text: line.slice(prefix), column: prefix + 1, checked };
}

/** Text with Markdown emphasis and surrounding separators removed, for reading values. */
export function plain(text: string): string {
  return text
    .replace(/\*\*|__|`/g, '')
    .replace(/^[\s\-–—:|]+/, '')
    .trim();
}
