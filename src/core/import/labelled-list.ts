import { parseTimeAt } from '../time.js';
import { sectionMatch, SECTION_NAMES } from '../sections.js';
import { originalWords } from './headings.js';

/**
 * Some teams write a whole postmortem as one list of bold labels: `- **Impact**: …`,
 * `- **Context**:` over timestamped sub-bullets, `- **Review actions**:` over actions. This turns
 * each labelled item into a `##` section (named by meaning where the label has one, the label's
 * words kept), its text and sub-items under it, dedented. Other lines stay as they are.
 */
export function sectionsFromLabelledList(lines: string[]): string[] | null {
  const labelled = lines.filter((line) => labelOf(line) !== null).length;
  if (labelled < 3) return null;
  const out: string[] = [];
  let inFence = false;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] as string;
    if (/^\s{0,3}(?:```|~~~)/.test(line)) inFence = !inFence;
    const label = inFence ? null : labelOf(line);
    if (!label) {
      if (line.trim() !== '' || out[out.length - 1] !== '') out.push(line);
      continue;
    }
    // The item's own lines: up to the next top-level line that is not indented or blank.
    let end = n + 1;
    while (end < lines.length && (/^\s+\S/.test(lines[end] as string) || lines[end] === '')) end++;
    while (end > n + 1 && lines[end - 1] === '') end--;
    const children = lines.slice(n + 1, end);
    const indent = Math.min(
      ...children.filter((child) => child.trim()).map((child) => child.search(/\S/)),
    );
    const body = children.map((child) => (child.trim() ? child.slice(indent) : ''));
    const name = sectionName(label.label, body);
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
    out.push(`## ${name}`, '');
    if (name !== label.label) out.push(originalWords(label.label), '');
    if (label.rest) out.push(label.rest, '');
    out.push(...body);
    if (out[out.length - 1] !== '') out.push('');
    n = end - 1;
  }
  return out;
}

/** `- **Impact**: text` or `- **Impact:** text` at the top level: the label and the text after it. */
function labelOf(line: string): { label: string; rest: string } | null {
  if (!line.startsWith('- **') && !line.startsWith('* **')) return null;
  const close = line.indexOf('**', 4);
  if (close < 0 || close > 80) return null;
  const label = line.slice(4, close).replace(/:$/, '').trim();
  let rest = line.slice(close + 2);
  if (rest.startsWith(':')) rest = rest.slice(1);
  else if (!line.slice(4, close).endsWith(':') && rest.trim() !== '') return null;
  return label ? { label, rest: rest.trim() } : null;
}

/** A label's standard section name, or the label; sub-items that are mostly times make a timeline. */
function sectionName(label: string, body: string[]): string {
  const match = sectionMatch(label);
  if (match) return SECTION_NAMES[match.key];
  const items = body.filter((line) => /^[-*+]\s/.test(line));
  const timed = items.filter((line) => parseTimeAt(line.slice(2).trim()) !== null).length;
  return items.length >= 2 && timed * 2 > items.length ? SECTION_NAMES.timeline : label;
}
