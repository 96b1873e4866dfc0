import { describe, expect, test } from 'vitest';
import { computeMetrics, parsePostmortem } from '../../src/core/index.js';

const doc = [
  '---', // 1
  'title: "DB outage"',
  'status: draft',
  'date: 2026-11-20',
  'started_at: 2026-11-20T14:28:00Z', // 5
  'detected_at: 2026-11-20T14:30:00Z',
  'mitigated_at: 2026-11-20T14:46:00+00:00',
  'resolved_at: 2026-11-20T17:00:00+02:00',
  '---',
  '# DB outage', // 10
  '',
  '## Timeline',
  '',
  '| Time (UTC) | Event |',
  '| --- | --- |', // 15
  '| 14:28 | Deploy |',
  '',
  '- 2026-11-20 14:30 UTC — Alert fired',
  '- **14:46 UTC** - Rolled back',
  '', // 20
  '## Root cause',
  '',
  '1. Why did checkout fail? Pool exhausted.',
  '2. Why? Retries held connections.',
  '', // 25
  '```',
  'Why #9: inside code, not a why',
  '```',
  '',
  '## Action items', // 30
  '',
  '| ID | Action | Owner | Priority | Due | Status | Issue |',
  '|----|--------|-------|----------|-----|--------|-------|',
  '| A1 | Add `a \\| b` alert |  @alice | P1 | 2026-12-01 | Open |  |',
  '', // 35
  '- [x] Write runbook (@bob, P2, due 2026-12-05) #42',
].join('\n');

describe('parsePostmortem', () => {
  const pm = parsePostmortem('p.md', doc);

  test('front matter fields keep their lines and the author’s strings', () => {
    expect(pm.frontMatter.fields.get('started_at')).toMatchObject({
      value: '2026-11-20T14:28:00Z',
      position: { line: 5, column: 1 },
    });
    expect(pm.frontMatter.data.date).toBe('2026-11-20');
    expect(pm.frontMatter.endLine).toBe(9);
  });

  test('timeline from a table and from bullets, in UTC, with lines and columns', () => {
    expect(
      pm.timeline.map((e) => [
        e.raw,
        e.event,
        e.position.line,
        e.position.column,
        e.zoned,
        new Date(e.instant as number).toISOString(),
      ]),
    ).toEqual([
      ['14:28', 'Deploy', 16, 3, true, '2026-11-20T14:28:00.000Z'],
      ['2026-11-20 14:30 UTC', 'Alert fired', 18, 3, true, '2026-11-20T14:30:00.000Z'],
      ['14:46 UTC', 'Rolled back', 19, 5, true, '2026-11-20T14:46:00.000Z'],
    ]);
  });

  test('whys from the ordered list, code blocks ignored', () => {
    expect(pm.whys.map((w) => [w.position.line, w.text])).toEqual([
      [23, 'Why did checkout fail? Pool exhausted.'],
      [24, 'Why? Retries held connections.'],
    ]);
  });

  test('action items from table rows (escaped pipes kept in one cell) and checklist bullets', () => {
    expect(
      pm.actionItems.map(({ id, action, owner, priority, due, status, issue, form, position }) => ({
        id,
        action,
        owner,
        priority,
        due,
        status,
        issue,
        form,
        line: position.line,
      })),
    ).toEqual([
      {
        id: 'A1',
        action: 'Add a | b alert',
        owner: '@alice',
        priority: 'P1',
        due: '2026-12-01',
        status: 'Open',
        issue: null,
        form: 'table',
        line: 34,
      },
      {
        id: null,
        action: '[x] Write runbook (@bob, P2, due 2026-12-05) #42'.replace('[x] ', ''),
        owner: '@bob',
        priority: 'P2',
        due: '2026-12-05',
        status: 'Done',
        issue: '#42',
        form: 'bullet',
        line: 36,
      },
    ]);
  });

  test('table cells carry exact byte spans', () => {
    const cells = pm.actionItems[0]!.cells!;
    expect(doc.slice(cells.owner!.span.start, cells.owner!.span.end)).toBe('@alice');
    expect(doc.slice(cells.action!.span.start, cells.action!.span.end)).toBe('Add `a \\| b` alert');
    // An empty cell gets a zero-width span one space in, so writing "#12" gives "| #12 |".
    expect(cells.issue!.span.start).toBe(cells.issue!.span.end);
    expect(doc.slice(cells.issue!.span.start - 2, cells.issue!.span.start + 2)).toBe('|  |');
  });

  test('metrics come from timestamps, across zones', () => {
    expect(computeMetrics(pm)).toEqual({ timeToDetect: 2, timeToMitigate: 16, timeToResolve: 32 });
  });

  test('sections by alias, with nesting', () => {
    const parsed = parsePostmortem(
      'q.md',
      '## Root Cause Analysis\n\nx\n\n## Lessons Learnt\n\n### What Didn’t Go Well\n\ny\n',
    );
    expect(parsed.sections.map((s) => [s.heading, s.key, s.position.line, s.bodyEndLine])).toEqual([
      ['Root Cause Analysis', 'root-cause', 1, 4],
      ['Lessons Learnt', 'lessons-learned', 5, 10],
      ['What Didn’t Go Well', 'went-wrong', 7, 10],
    ]);
    expect(parsed.sections[1]!.children.map((s) => s.heading)).toEqual(['What Didn’t Go Well']);
  });

  test('CRLF documents give the same lines and spans that point at the right bytes', () => {
    const crlf = doc.replace(/\n/g, '\r\n');
    const parsed = parsePostmortem('p.md', crlf);
    expect(parsed.timeline.map((e) => e.position.line)).toEqual([16, 18, 19]);
    const owner = parsed.actionItems[0]!.cells!.owner!;
    expect(crlf.slice(owner.span.start, owner.span.end)).toBe('@alice');
  });
});
