import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  applyEdits,
  cellText,
  parsePostmortem,
  setCellEdit,
  setFieldEdit,
  type ActionItemColumn,
} from '../../src/core/index.js';

const COLUMNS: ActionItemColumn[] = ['id', 'action', 'owner', 'priority', 'due', 'status', 'issue'];
const HEADER = ['ID', 'Action', 'Owner', 'Priority', 'Due', 'Status', 'Issue'];

/** Text for one cell as a person might write it: anything on one line, pipes escaped. */
const cellContent = fc
  .string({
    unit: fc.constantFrom('a', 'Z', '0', ' ', '-', '`', '*', '\\|', '#', '@', 'é', '🎉', '<', '.'),
    maxLength: 12,
  })
  .map((text) => text.trim().replace(/\\$/, ''));
const padding = fc.constantFrom('', ' ', '  ', '\t');
const row = fc.tuple(
  fc.array(fc.tuple(padding, cellContent, padding), { minLength: 7, maxLength: 7 }),
  fc.boolean(),
);

/** A random postmortem: front matter (with a comment and an empty field), prose, and an action-item table. */
const documentArb = fc
  .record({
    title: fc.string({ maxLength: 20 }),
    prose: fc.array(
      fc.string({ unit: fc.constantFrom('a', ' ', '.', 'é', '#', '*', '|', '`'), maxLength: 30 }),
      { maxLength: 4 },
    ),
    rows: fc.array(row, { minLength: 1, maxLength: 6 }),
    eol: fc.constantFrom('lf', 'crlf', 'cr', 'mixed'),
  })
  .map(({ title, prose, rows, eol }) => {
    const lines = [
      '---',
      `title: ${JSON.stringify(title)}   # keep this comment`,
      'status: draft',
      'resolved_at:',
      'tags: [a, b]',
      '---',
      '## Summary',
      '',
      ...prose.map((line) => line.replace(/^[#|]+/, 'x')),
      '',
      '## Action items',
      '',
      `| ${HEADER.join(' | ')} |`,
      `|${HEADER.map(() => '---').join('|')}|`,
      ...rows.map(([cells, outer]) => {
        const body = cells
          .map(
            ([l, text, r], n) =>
              `${l}${n === 0 ? `A${text.replace(/[^\w]/g, '')}` : n === 1 ? `act ${text}` : text}${r}`,
          )
          .join('|');
        return outer ? `|${body}|` : `| ${body} |`;
      }),
      '',
      'The end.',
    ];
    // Mixed endings cycle LF, CR, CRLF: a CR is never followed by an LF (that would be one CRLF).
    const breaks = { lf: ['\n'], crlf: ['\r\n'], cr: ['\r'], mixed: ['\n', '\r', '\r\n'] }[eol];
    return lines.reduce(
      (text, line, n) => (n === 0 ? line : `${text}${breaks[(n - 1) % breaks.length]}${line}`),
      '',
    );
  });

const anyValue = fc.string({
  unit: fc.constantFrom(
    'a',
    ' ',
    '|',
    '\n',
    '\r\n',
    '\r',
    '`',
    '#',
    '-',
    '1',
    '.',
    '\\',
    '@',
    '🎉',
    '<',
    '*',
  ),
  maxLength: 20,
});

describe('the document editor changes exactly the intended bytes', () => {
  test('setting a table cell touches only that cell, and the table reads back the same elsewhere', () => {
    fc.assert(
      fc.property(
        documentArb,
        fc.nat(),
        fc.constantFrom(...COLUMNS.slice(1)),
        anyValue,
        (text, pick, column, value) => {
          const before = parsePostmortem('p.md', text);
          fc.pre(before.actionItems.length > 0);
          const index = pick % before.actionItems.length;
          const item = before.actionItems[index]!;
          const edit = setCellEdit(item, column, value);
          const after = applyEdits(text, [edit]);

          // Every byte outside the cell's span is unchanged.
          expect(after.slice(0, edit.span.start)).toBe(text.slice(0, edit.span.start));
          expect(after.slice(edit.span.start + edit.text.length)).toBe(text.slice(edit.span.end));
          expect(edit.text.trim()).toBe(cellText(value));
          expect(edit.text).not.toMatch(/[\r\n]/);

          // Reading it back: same items, the one cell changed, every other cell as it was.
          const reparsed = parsePostmortem('p.md', after);
          expect(reparsed.actionItems.length).toBe(before.actionItems.length);
          reparsed.actionItems.forEach((other, n) => {
            for (const c of COLUMNS) {
              const was = before.actionItems[n]!.cells?.[c]?.text;
              const now = other.cells?.[c]?.text;
              if (n === index && c === column)
                expect(now).toBe(edit.text.trim().replace(/\\\|/g, '|'));
              else expect(now).toBe(was);
            }
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  test('filling a front-matter field changes only its value (or adds one line), never a value a person wrote', () => {
    fc.assert(
      fc.property(
        documentArb,
        fc.constantFrom('resolved_at', 'title', 'severity', 'detected_at'),
        fc.oneof(
          fc.constant('2026-11-20T15:00:00Z'),
          fc.string({ maxLength: 15 }),
          fc.integer({ min: 0, max: 9999 }),
        ),
        (text, key, value) => {
          const before = parsePostmortem('p.md', text);
          const edit = setFieldEdit(before, key, value, { onlyIfEmpty: true });
          const had = before.frontMatter.data[key];
          if (had !== undefined && had !== null && had !== '') {
            expect(edit).toBeNull();
            return;
          }
          expect(edit).not.toBeNull();
          const after = applyEdits(text, [edit!]);
          expect(after.slice(0, edit!.span.start)).toBe(text.slice(0, edit!.span.start));
          expect(after.slice(edit!.span.start + edit!.text.length)).toBe(
            text.slice(edit!.span.end),
          );
          const reparsed = parsePostmortem('p.md', after);
          expect(reparsed.frontMatter.errors).toEqual([]);
          expect(reparsed.frontMatter.data[key]).toEqual(value);
          for (const [other, was] of Object.entries(before.frontMatter.data))
            if (other !== key) expect(reparsed.frontMatter.data[other]).toEqual(was);
          // The body is byte for byte the same, only shifted.
          expect(after.slice(after.length - (text.length - before.frontMatter.bodySpan.end))).toBe(
            text.slice(before.frontMatter.bodySpan.end),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  test('concrete: one status cell, padding kept', () => {
    const text =
      '## Action items\n\n| ID | Action | Status |\n|---|---|---|\n| A1 | Fix   |   Open   |\n';
    const item = parsePostmortem('p.md', text).actionItems[0]!;
    expect(applyEdits(text, [setCellEdit(item, 'status', 'Done')])).toBe(
      '## Action items\n\n| ID | Action | Status |\n|---|---|---|\n| A1 | Fix   |   Done   |\n',
    );
    expect(() => setCellEdit(item, 'issue', '#1')).toThrow(
      'Action item A1 (line 5) has no issue column to write to; add the column to the table.',
    );
  });

  test('concrete: an empty field gets a space after its colon; a missing field goes before the closing ---', () => {
    const text = '---\ntitle: x\nresolved_at:\n---\nbody\n';
    const pm = parsePostmortem('p.md', text);
    expect(applyEdits(text, [setFieldEdit(pm, 'resolved_at', '2026-11-20T15:00:00Z')!])).toBe(
      '---\ntitle: x\nresolved_at: 2026-11-20T15:00:00Z\n---\nbody\n',
    );
    expect(applyEdits(text, [setFieldEdit(pm, 'closed_at', '2026-12-01')!])).toBe(
      '---\ntitle: x\nresolved_at:\nclosed_at: 2026-12-01\n---\nbody\n',
    );
    expect(applyEdits(text, [setFieldEdit(pm, 'title', 'a "quoted" --- title')!])).toBe(
      '---\ntitle: "a \\"quoted\\" --- title"\nresolved_at:\n---\nbody\n',
    );
  });
});
