import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { LineIndex } from './line-index.js';
import type { Field, FrontMatter } from './types.js';

const OPEN = /^---[ \t]*\r?$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*\r?$/;

/**
 * Finds and parses the `---` front matter block. YAML 1.2 core schema keeps `2026-11-20` and
 * `14:30:00+02:00` as the strings the author wrote (YAML 1.1 readers such as js-yaml, which
 * gray-matter uses, turn them into Dates and drop the zone), and gives every node a source range,
 * so findings can point at the exact field.
 */
export function parseFrontMatter(index: LineIndex): FrontMatter {
  const empty: FrontMatter = {
    present: false,
    data: {},
    fields: new Map(),
    startLine: 0,
    endLine: 0,
    bodySpan: { start: 0, end: 0 },
    errors: [],
  };
  const first = index.line(1).replace(/^\uFEFF/, '');
  if (!OPEN.test(first)) return empty;

  let closeLine = 0;
  for (let line = 2; line <= index.lineCount; line++) {
    if (CLOSE.test(index.line(line))) {
      closeLine = line;
      break;
    }
  }
  if (closeLine === 0) {
    return {
      ...empty,
      errors: [
        {
          message: 'The front matter opened on line 1 is never closed: add a line `---` after its last field.',
          position: { line: 1, column: 1 },
        },
      ],
    };
  }

  const bodyStart = index.lineStart(2);
  const bodyEnd = index.lineStart(closeLine);
  const source = index.text.slice(bodyStart, bodyEnd);
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => index.position(bodyStart + offset);
  const result: FrontMatter = {
    present: true,
    data: {},
    fields: new Map(),
    startLine: 1,
    endLine: closeLine,
    bodySpan: { start: bodyStart, end: bodyEnd },
    errors: doc.errors.map((error) => ({
      message: `Front matter is not valid YAML: ${firstLine(error.message)}`,
      position: at(error.pos[0]),
    })),
  };
  if (doc.errors.length > 0) return result;
  if (doc.contents === null) return result;
  if (!isMap(doc.contents)) {
    result.errors.push({
      message: 'Front matter must be a set of `key: value` fields.',
      position: at(doc.contents.range?.[0] ?? 0),
    });
    return result;
  }

  let data: Record<string, unknown>;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  } catch {
    result.errors.push({ message: 'Front matter expands too many YAML aliases (&anchor/*alias); write the values out.', position: at(0) });
    return result;
  }
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const value = data[key] ?? null;
    const keyStart = pair.key.range?.[0] ?? 0;
    const field: Field = { key, value, position: at(keyStart) };
    if (isScalar(pair.value) && pair.value.range) {
      field.valueSpan = { start: bodyStart + pair.value.range[0], end: bodyStart + pair.value.range[1] };
    }
    result.fields.set(key, field);
    result.data[key] = value;
  }
  return result;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
