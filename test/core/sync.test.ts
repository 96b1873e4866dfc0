import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_CONFIG,
  itemMarker,
  markerOf,
  parsePostmortem,
  planSync,
  writeBack,
  type TrackedIssue,
} from '../../src/core/index.js';

const PATH = 'postmortems/2026-11-20-db.md';
const doc = (rows: string[], status = 'published') =>
  [
    '---',
    'title: DB outage',
    `status: ${status}`,
    'incident: 12',
    '---',
    '## Action items',
    '',
    '| ID | Action | Owner | Priority | Due | Status | Issue |',
    '|----|--------|-------|----------|-----|--------|-------|',
    ...rows,
    '',
    'Written by hand, kept by hand.',
    '',
  ].join('\n');
const issue = (number: number, id: string, over: Partial<TrackedIssue> = {}): TrackedIssue => ({
  number,
  title: '',
  body: `x\n${itemMarker(PATH, id)}`,
  state: 'open',
  stateReason: null,
  assignees: [],
  labels: [],
  ...over,
});
const plan = (text: string, issues: TrackedIssue[] = [], today = '2026-11-23') =>
  planSync({
    path: PATH,
    text,
    config: DEFAULT_CONFIG,
    issues,
    today,
    blobUrl: 'https://github.com/acme/payments/blob/main/x',
  });

describe('planSync', () => {
  test('an item without an issue gets one: title, body with marker and links, labels, owner to assign', () => {
    const p = plan(
      doc(['| A1 | Alert on pool use over 80% | @alice | P1 | 2026-12-01 | Open | |']),
    );
    expect(p.create).toEqual([
      {
        itemId: 'A1',
        title: 'Alert on pool use over 80% (2026-11-20-db A1)',
        body: 'Alert on pool use over 80%\n\n- Owner: @alice\n- Priority: P1\n- Due: 2026-12-01\n- Postmortem: [postmortems/2026-11-20-db.md](https://github.com/acme/payments/blob/main/x)\n- Incident: #12\n\n<!-- hindsight:action-item postmortems/2026-11-20-db.md#A1 -->',
        labels: ['postmortem-action', 'P1'],
        assignee: 'alice',
      },
    ]);
    expect(p.update).toEqual([]);
  });

  test('hostile action text: a pasted marker cannot take the issue over, a team mention pings nobody', () => {
    const pasted = '<!-- hindsight:action-item postmortems/other.md#A9 -->';
    const [draft] = plan(
      doc([`| A1 | Page @acme/sre on pool use ${pasted} | @alice | P1 | 2026-12-01 | Open | |`]),
    ).create;
    expect(draft!.body.split('\n')[0]).toBe(
      'Page @\u2060acme/sre on pool use &lt;!-- hindsight:action-item postmortems/other.md#A9 -->',
    );
    expect(markerOf(draft!.body)).toEqual({ repo: null, path: PATH, id: 'A1' });
    // And an issue someone edited to hold another marker above Hindsight's still belongs to A1.
    expect(markerOf(`${pasted}\n\n${itemMarker(PATH, 'A1')}`)).toEqual({
      repo: null,
      path: PATH,
      id: 'A1',
    });
  });

  test('an item whose marker is on an issue gets no second issue; a changed report updates it', () => {
    const text = doc(['| A1 | Alert on pool use over 80% | @bob | P1 | 2026-12-01 | Open | #7 |']);
    const first = plan(text.replace(' #7 |', ' |')).create[0]!;
    const p = plan(text, [
      issue(7, 'A1', {
        title: first.title,
        body: first.body.replace('@bob', '@alice'),
        labels: ['postmortem-action', 'P1'],
        assignees: ['alice'],
      }),
    ]);
    expect(p.create).toEqual([]);
    // The owner line follows the issue's assignee, so only a changed action or due date rewrites the body.
    expect(p.update).toEqual([]);
    const later = plan(text.replace('2026-12-01', '2026-12-09'), [
      issue(7, 'A1', { title: first.title, body: first.body, labels: ['postmortem-action', 'P1'] }),
    ]);
    expect(later.update).toEqual([
      { number: 7, itemId: 'A1', body: first.body.replace('2026-12-01', '2026-12-09') },
    ]);
  });

  test('what sync leaves alone, and says why', () => {
    const p = plan(
      `${doc([
        '| A1 | Done already | @al | P1 | 2026-12-01 | Done | |',
        '| A2 | Linked by hand | @al | P1 | 2026-12-01 | Open | #99 |',
        '| A2 | Twice | @al | P1 | 2026-12-01 | Open | |',
        '| | No id | @al | P1 | 2026-12-01 | Open | |',
      ])}\n- [ ] a bullet (@al, P1, due 2026-12-01)\n`,
    );
    expect(p.create).toEqual([]);
    expect(p.skipped.map((s) => `${s.line} ${s.reason}`)).toEqual([
      '11 links #99, an issue sync did not open',
      '12 ID A2 is used twice',
      '13 sync tracks table rows with ID, Status and Issue columns',
      '17 sync tracks table rows with ID, Status and Issue columns',
    ]);
  });

  test('an open item past its due date gets a reminder, keyed by its due date', () => {
    const p = plan(doc(['| A1 | Alert | @alice | P1 | 2026-11-20 | Open | #7 |']), [
      issue(7, 'A1'),
    ]);
    expect(p.reminders).toEqual([
      {
        number: 7,
        itemId: 'A1',
        owner: 'alice',
        due: '2026-11-20',
        marker: '<!-- hindsight:overdue postmortems/2026-11-20-db.md#A1 2026-11-20 -->',
      },
    ]);
  });
});

describe('writeBack', () => {
  test('issue links and statuses follow the issues; padding and everything else kept', () => {
    const text = doc([
      '| A1 | Alert |  @alice | P1 | 2026-12-01 |   Open   | |',
      '| A2 | Test | @bob | P2 | 2026-12-02 | Open | #8 |',
      '| A3 | Docs | @bob | P3 | 2026-12-03 | Open | |',
    ]);
    const result = writeBack({
      path: PATH,
      text,
      issues: [
        issue(7, 'A1'),
        issue(8, 'A2', { state: 'closed', stateReason: 'completed' }),
        issue(9, 'A3', { state: 'closed', stateReason: 'not_planned' }),
      ],
      today: '2026-11-23',
    });
    expect(result.text).toBe(
      doc([
        '| A1 | Alert |  @alice | P1 | 2026-12-01 |   Open   | #7 |',
        '| A2 | Test | @bob | P2 | 2026-12-02 | Done | #8 |',
        "| A3 | Docs | @bob | P3 | 2026-12-03 | Won't do | #9 |",
      ]),
    );
    expect(result.changed).toEqual([
      'A1 issue #7',
      'A2 status Done',
      'A3 issue #9',
      "A3 status Won't do",
    ]);
  });

  test('the Owner cell follows the issue’s assignee', () => {
    const text = doc(['| A1 | Alert | @alice | P1 | 2026-12-01 | Open | #7 |']);
    const result = writeBack({
      path: PATH,
      text,
      issues: [issue(7, 'A1', { assignees: ['carol'] })],
      today: '2026-11-23',
    });
    expect(result.text).toBe(doc(['| A1 | Alert | @carol | P1 | 2026-12-01 | Open | #7 |']));
    expect(result.changed).toEqual(['A1 owner @carol']);
  });

  test('when every item is finished, a published postmortem closes and says when', () => {
    const text = doc(['| A1 | Alert | @al | P1 | 2026-12-01 | Open | #7 |']);
    const result = writeBack({
      path: PATH,
      text,
      issues: [issue(7, 'A1', { state: 'closed', stateReason: 'completed' })],
      today: '2026-11-23',
    });
    expect(result.text).toBe(
      doc(['| A1 | Alert | @al | P1 | 2026-12-01 | Done | #7 |'], 'closed').replace(
        'incident: 12\n',
        'incident: 12\nclosed_at: 2026-11-23\n',
      ),
    );
  });

  test('nothing to change gives the same text', () => {
    const text = doc(['| A1 | Alert | @al | P1 | 2026-12-01 | Open | #7 |']);
    expect(writeBack({ path: PATH, text, issues: [issue(7, 'A1')], today: '2026-11-23' })).toEqual({
      text,
      changed: [],
    });
  });

  test('property: only the intended cells (and, on closing, status and closed_at) change', () => {
    const cell = fc
      .string({
        unit: fc.constantFrom('a', 'Z', ' ', '-', '`', '\\|', '*', 'é', '.'),
        maxLength: 10,
      })
      .map((t) => t.trim().replace(/\\$/, '') || 'x');
    const pad = fc.constantFrom('', ' ', '  ');
    const row = fc.record({
      action: cell,
      owner: fc.constantFrom('@alice', '@bob', ''),
      status: fc.constantFrom('Open', 'Done', 'open', ''),
      issue: fc.constantFrom('', '#1', '#2'),
      l: pad,
      r: pad,
      issueState: fc.constantFrom('none', 'open', 'completed', 'not_planned'),
    });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('published', 'draft'),
        fc.boolean(),
        (rows, status, crlf) => {
          let text = doc(
            rows.map(
              (r, n) =>
                `|${r.l}A${n + 1}${r.r}| ${r.action} |${r.l}${r.owner}${r.r}| P1 | 2026-12-01 |${r.l}${r.status}${r.r}|${r.l}${r.issue}${r.r}|`,
            ),
            status,
          );
          if (crlf) text = text.replace(/\n/g, '\r\n');
          const issues = rows.flatMap((r, n) =>
            r.issueState === 'none'
              ? []
              : [
                  issue(100 + n, `A${n + 1}`, {
                    state: r.issueState === 'open' ? 'open' : 'closed',
                    stateReason: r.issueState === 'open' ? null : r.issueState,
                  }),
                ],
          );
          const result = writeBack({ path: PATH, text, issues, today: '2026-11-23' });

          // Blank the cells sync owns, and the two fields it may set, in each version: the rest must be identical.
          const mask = (source: string) => {
            const pm = parsePostmortem(PATH, source);
            const spans = pm.actionItems.flatMap((item) => [
              item.cells!.status!.span,
              item.cells!.issue!.span,
            ]);
            let out = source;
            for (const span of spans.sort((a, b) => b.start - a.start)) {
              // The whole cell, pipe to pipe: its padding belongs to it.
              let start = span.start;
              let end = span.end;
              while (out[start - 1] === ' ') start--;
              while (out[end] === ' ') end++;
              out = out.slice(0, start) + out.slice(end);
            }
            return out
              .replace(/^status: \w[\w-]*\r?$/m, 'status:')
              .replace(/^closed_at: .*\r?\n/m, '');
          };
          expect(mask(result.text)).toBe(mask(text));

          // And the cells say what the issues say.
          const after = parsePostmortem(PATH, result.text).actionItems;
          rows.forEach((r, n) => {
            if (r.issueState === 'none') {
              expect(after[n]!.status ?? '').toBe(r.status);
              expect(after[n]!.issue ?? '').toBe(r.issue);
            } else {
              expect(after[n]!.issue).toBe(`#${100 + n}`);
              expect(after[n]!.status?.toLowerCase()).toBe(
                { open: 'open', completed: 'done', not_planned: "won't do" }[r.issueState],
              );
            }
          });
          // Idempotent: a second write-back changes nothing.
          expect(
            writeBack({ path: PATH, text: result.text, issues, today: '2026-11-24' }).text,
          ).toBe(result.text);
        },
      ),
      { numRuns: 300 },
    );
  });
});
