/**
 * Mermaid blocks GitHub renders (`xychart-beta`, `pie`). User text only ever appears as a quoted
 * label, reduced to an allow-list of characters first, so a title with quotes, brackets, `%%`,
 * `#`, `;` or `-->` can neither end the label nor become a directive, an entity or a comment.
 */

/** Colours of the series, in order; tables name them, because `xychart-beta` draws no legend. */
export const PALETTE = [
  '#d62728',
  '#ff7f0e',
  '#1f77b4',
  '#2ca02c',
  '#9467bd',
  '#8c564b',
  '#7f7f7f',
];
export const COLOUR_NAMES = ['red', 'orange', 'blue', 'green', 'purple', 'brown', 'grey'];

/** User text as a Mermaid label: letters, digits, spaces and `_ . , : / + & @ ( ) ' -` only, cut to `limit` characters. */
export function mermaidText(text: string, limit = 40): string {
  const safe = text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N} _.,:/+&@()'-]/gu, ' ')
    .replace(/-{2,}/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  const cut = [...safe];
  const label = cut.length > limit ? `${cut.slice(0, limit - 1).join('')}…` : safe;
  return label === '' ? '(untitled)' : label;
}

const quoted = (text: string, limit = 40) => `"${mermaidText(text, limit)}"`;

/** A number as Mermaid reads it: finite, at most one decimal. */
const num = (value: number | null) =>
  value === null || !Number.isFinite(value) ? '0' : String(Math.round(value * 10) / 10);

export interface Series {
  kind: 'bar' | 'line';
  values: (number | null)[];
}

/** An `xychart-beta` block with one colour per series, in PALETTE order. */
export function xyChart(input: {
  title: string;
  categories: string[];
  yLabel: string;
  series: Series[];
}): string {
  const palette = PALETTE.slice(0, Math.max(input.series.length, 1)).join(', ');
  return [
    '```mermaid',
    `%%{init: {"xyChart": {"width": 720, "height": 320}, "themeVariables": {"xyChart": {"plotColorPalette": "${palette}"}}}}%%`,
    'xychart-beta',
    `  title ${quoted(input.title, 100)}`,
    `  x-axis [${input.categories.map((category) => quoted(category)).join(', ')}]`,
    // From zero: Mermaid's automatic range starts at the smallest value, which draws a month
    // with one incident, beside months with three, as an empty bar.
    `  y-axis ${quoted(input.yLabel)} 0 --> ${num(yMax(input.series))}`,
    ...input.series.map((series) => `  ${series.kind} [${series.values.map(num).join(', ')}]`),
    '```',
  ].join('\n');
}

/** The top of the y axis: the largest value (at least 1, so an all-zero chart still has a scale). */
function yMax(series: Series[]): number {
  let max = 1;
  for (const { values } of series)
    for (const value of values) if (value !== null && value > max) max = value;
  return Math.ceil(max);
}

/** A `pie` block; slices of zero are left out (Mermaid refuses them). Null when nothing is left. */
export function pieChart(input: {
  title: string;
  slices: { name: string; count: number }[];
}): string | null {
  const slices = input.slices.filter((slice) => slice.count > 0);
  if (slices.length === 0) return null;
  return [
    '```mermaid',
    `pie title ${mermaidText(input.title, 100)}`,
    ...slices.map((slice) => `  ${quoted(slice.name)} : ${num(slice.count)}`),
    '```',
  ].join('\n');
}
