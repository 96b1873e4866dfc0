/**
 * What "the same words" means when checking that an import dropped nothing: Markdown syntax
 * (emphasis, headings, list markers and checkboxes, table pipes, link brackets, escapes, quotes) and line breaks
 * are layout, not words, so they are removed before comparing.
 */
export function normaliseMarkdown(text: string): string {
  return text
    .replace(/\\([\s\S])/g, '$1')
    .replace(/(^|\s)\[[ xX]\](?=\s)/g, ' ')
    .replace(/[*_`#>|[\]()~"“”]/g, ' ')
    .replace(/(^|\s)[-+](?=\s)/g, ' ')
    .replace(/:(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * The sentences of a Markdown document with four words or more, normalised: blocks (paragraphs,
 * list items, headings, table cells) are split at sentence ends.
 */
export function sentencesOf(text: string): string[] {
  const units: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) units.push(current.join(' '));
    current = [];
  };
  const lines = text.split(/\r?\n/);
  // Front-matter fields are one unit each.
  const fieldsEnd = lines[0] === '---' ? lines.indexOf('---', 1) : -1;
  for (const [n, line] of lines.entries()) {
    const trimmed = line.trim();
    if (n <= fieldsEnd) {
      flush();
      current.push(trimmed);
      continue;
    }
    if (trimmed === '' || /^(?:[-*+]\s|\d+[.)]\s|#|\||---)/.test(trimmed)) flush();
    if (trimmed.startsWith('|')) {
      units.push(...trimmed.split('|'));
      continue;
    }
    if (trimmed !== '') current.push(trimmed);
  }
  flush();
  return units
    .flatMap((unit) => normaliseMarkdown(unit).split(/(?<=[.!?])\s+/))
    .filter((sentence) => sentence.split(' ').length >= 4);
}
