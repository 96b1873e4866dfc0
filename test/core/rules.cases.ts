// Each row: a rule, a literal document, and exactly the `line: message` findings it must give.
// Line numbers were checked by hand against the numbered text of each document.
const fm = (fields: string) => `---\n${fields}\n---\n`;

// Each row: a rule, a literal document, and exactly the `line: message` findings it must give.
export const cases: {
  rule: string;
  name: string;
  text: string;
  path?: string;
  config?: string;
  expected: string[];
}[] = [
  {
    rule: 'frontmatter',
    name: 'no front matter at all is an error at line 1',
    text: '# Outage\n',
    expected: [
      '1: No front matter: a postmortem starts with a `---` block (title, status, severity, date, owner).',
    ],
  },
  {
    rule: 'frontmatter',
    name: 'bad status, severity, date and owner point at their own lines',
    text: fm('title: x\nstatus: done\nseverity: P1\ndate: 2026-02-30\nowner: bob'),
    expected: [
      '3: status "done" is not one of draft, in-review, published, closed.',
      '4: severity "P1" is not one of SEV1, SEV2, SEV3, SEV4.',
      '5: `date` must be a real day written YYYY-MM-DD, not "2026-02-30".',
      '6: owner must be a GitHub handle such as "@octocat", not "bob".',
    ],
  },
  {
    rule: 'frontmatter',
    name: 'in-review requires severity, owner and the first timestamps, reported at the closing ---',
    text: fm('title: x\nstatus: in-review\ndate: 2026-11-20\nstarted_at: 2026-11-20T14:00:00'),
    expected: [
      '5: `started_at` has no time zone, so its meaning depends on who reads it.',
      '6: `severity` is required when status is in-review.',
      '6: `owner` is required when status is in-review.',
      '6: `detected_at` is required when status is in-review.',
    ],
  },
  {
    rule: 'frontmatter',
    name: 'unclosed front matter',
    text: '---\ntitle: x\nstatus: draft\n\n# Body\n',
    expected: [
      '1: The front matter opened on line 1 is never closed: add a line `---` after its last field.',
    ],
  },
  {
    rule: 'frontmatter',
    name: 'invalid YAML is located',
    text: '---\ntitle: x\nstatus: [draft\n---\n',
    expected: [
      '4: Front matter is not valid YAML: unexpected end of the stream within a flow collection.',
    ],
  },
  {
    rule: 'frontmatter',
    name: 'invalid YAML is located on its line, with CRLF line endings and a `...` closer',
    text: '---\r\ntitle: x\r\nstatus: draft\r\nowner: : bad\r\n...\r\n',
    expected: ['4: Front matter is not valid YAML: bad indentation of a mapping entry.'],
  },
  {
    rule: 'frontmatter',
    name: 'a line starting with `---` inside the block, which would end it early for gray-matter',
    text: '---\ntitle: x\n----\nstatus: draft\n---\n',
    expected: [
      '3: Front matter line 3 starts with `---`, which front matter readers take as the end of the block: indent or quote it.',
    ],
  },
  {
    rule: 'required-sections',
    name: 'a missing and an empty section',
    text:
      fm('title: x\nstatus: draft\ntemplate: minimal') +
      '# X\n\n## Summary\n\n<!-- later -->\n\n## Timeline\n\n- 14:00 UTC a\n\n## Action items\n\n- [ ] a\n',
    expected: ['6: Missing section "Root cause".', '8: Section "Summary" is empty.'],
  },
  {
    rule: 'required-sections',
    name: 'aliases and case match ("Root Cause Analysis", "Follow-ups")',
    text:
      fm('title: x\nstatus: draft\ntemplate: minimal') +
      '## Overview\n\nx\n\n## Timeline\n\n- 14:00 UTC a\n\n## Root Cause Analysis\n\ny\n\n## Follow-ups\n\n- z\n',
    expected: [],
  },
  {
    rule: 'no-placeholders',
    name: 'markers and guidance, with columns; code spans are ignored',
    text: `${fm('title: x\nstatus: draft')}Impact: TBD, see \`TODO\` later\n<describe the impact>\n`,
    expected: [
      '5: Template marker left in: "TBD".',
      '6: Template guidance left in: "<describe the impact>".',
    ],
  },
  {
    rule: 'no-placeholders',
    name: 'HTML tags and autolinks are not guidance',
    text:
      fm('title: x\nstatus: draft') +
      '<img width="3" alt="graph" src="x.png">\n<https://example.com/a b>\n',
    expected: [],
  },
  {
    rule: 'timestamps-ordered',
    name: 'detected before started, and resolved disagreeing with the timeline',
    text:
      fm(
        'title: x\nstatus: draft\nstarted_at: 2026-11-20T14:30:00Z\ndetected_at: 2026-11-20T14:20:00Z\nresolved_at: 2026-11-20T15:00:00Z',
      ) +
      '## Timeline\n\n| Time (UTC) | Event |\n| --- | --- |\n| 2026-11-20 14:20 | Alert fired |\n| 2026-11-20 16:10 | Incident resolved |\n',
    expected: [
      '5: `detected_at` is earlier than `started_at`; they must run started ≤ detected ≤ mitigated ≤ resolved.',
      '6: `resolved_at` (2026-11-20T15:00:00Z) disagrees with the timeline at line 13 ("2026-11-20 16:10 Incident resolved").',
    ],
  },
  {
    rule: 'timeline-timezone',
    name: 'a bullet without zone; a header-declared zone covers the table',
    text:
      fm('title: x\nstatus: draft') +
      '## Timeline\n\n- 14:30 Alert fired\n- 14:35 UTC Paged\n\n| Time (UTC) | Event |\n|---|---|\n| 14:40 | Rolled back |\n',
    expected: ['7: Timeline time "14:30" has no time zone.'],
  },
  {
    rule: 'timeline-timezone',
    name: '"All times in UTC" declares the zone',
    text: `${fm('title: x\nstatus: draft')}## Timeline\n\nAll times in UTC.\n\n- 14:30 Alert fired\n`,
    expected: [],
  },
  {
    rule: 'timeline-order',
    name: 'an entry earlier than the one before; an unreadable table time',
    text:
      fm('title: x\nstatus: draft') +
      '## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n| 2026-11-20 14:30 | a |\n| 2026-11-20 14:10 | b |\n| soon | c |\n',
    expected: [
      '10: "2026-11-20 14:10" comes after "2026-11-20 14:30" (line 9) but is earlier.',
      '11: Cannot read the time "soon".',
    ],
  },
  {
    rule: 'timeline-order',
    name: 'mybinder-style ### headings: a date heading then times, and a range is not a zone',
    text:
      fm('title: x\nstatus: draft') +
      '## Timeline\n\n### 2018-01-18 4:19 PST\n\nx\n\n### 17:00-18:00\n\ny\n\n### 18:03\n\nz\n',
    expected: [],
  },
  {
    rule: 'impact-quantified',
    name: 'prose without numbers',
    text: `${fm('title: x\nstatus: draft')}## Impact\n\nSome users were sad.\n`,
    expected: [
      '5: The impact gives no numbers: how many users, customers or requests, or how much money?',
    ],
  },
  {
    rule: 'impact-quantified',
    name: 'a percentage or a front-matter count is enough',
    text:
      fm('title: x\nstatus: draft\nimpact: { users_affected: 12 }') +
      '## Impact\n\nSome users were sad.\n',
    expected: [],
  },
  {
    rule: 'root-cause-depth',
    name: 'two whys, the last stopping at a person',
    text:
      fm('title: x\nstatus: draft') +
      '## Root cause\n\nWhy #1: the DB fell over.\nWhy #2: @bob forgot to raise the limit.\n',
    expected: [
      '5: The root cause asks "why" 2 times; ask at least 3 (a numbered list or "Why #n:" lines).',
      '8: The chain of whys stops at a person. Ask once more: what made that action possible or likely?',
    ],
  },
  {
    rule: 'root-cause-depth',
    name: 'the minimum is configurable',
    config: 'rules:\n  root-cause-depth: [error, { min: 5 }]\n',
    text: `${fm('title: x\nstatus: draft')}## Root cause\n\n1. a\n2. b\n3. c\n`,
    expected: [
      '5: The root cause asks "why" 3 times; ask at least 5 (a numbered list or "Why #n:" lines).',
    ],
  },
  {
    rule: 'no-human-error-root-cause',
    name: 'human error in the root cause, not elsewhere',
    text:
      fm('title: x\nstatus: draft') +
      '## Summary\n\nNot human error.\n\n## Root cause\n\nIt was operator error.\n',
    expected: [
      '11: "operator error" names a person, not a cause. Say what in the system let the error happen or reach users.',
    ],
  },
  {
    rule: 'blameless-language',
    name: 'named blame and blame words, with columns',
    text:
      fm('title: x\nstatus: draft') +
      '@bob broke prod.\nA careless change; we should have known.\nLazy-loaded chunks are fine.\n',
    expected: [
      '5: Blaming language: "@bob broke".',
      '6: Blaming language: "careless".',
      '6: Blaming language: "should have known".',
    ],
  },
  {
    rule: 'action-item-fields',
    name: 'table rows and bullets missing fields',
    text:
      fm('title: x\nstatus: draft') +
      '## Action items\n\n| ID | Action | Owner | Priority | Due |\n|---|---|---|---|---|\n| A1 | Add alert | @al | P1 | 2026-12-01 |\n| A2 | Add test | | P2 | |\n\n- [ ] Add dashboard (@al)\n',
    expected: [
      '10: Action item A2 has no owner, no due date.',
      '12: Action item "Add dashboard (@al)" has no priority, no due date.',
    ],
  },
  {
    rule: 'action-item-specific',
    name: 'vague actions only',
    text:
      fm('title: x\nstatus: draft') +
      '## Action items\n\n- [ ] Improve monitoring (@al, P2, due 2026-12-01)\n- [ ] Be more careful\n- [ ] Improve monitoring of certificate expiry (@al, P2, due 2026-12-01)\n',
    expected: [
      '7: "Improve monitoring (@al, P2, due 2026-12-01)" is too vague to finish or to check.',
      '8: "Be more careful" is too vague to finish or to check.',
    ],
  },
  {
    rule: 'action-item-tracked',
    name: 'published items without an issue; done items need none',
    text:
      fm('title: x\nstatus: published') +
      '## Action items\n\n| ID | Action | Status | Issue |\n|---|---|---|---|\n| A1 | a | Open | #12 |\n| A2 | b | Open | |\n| A3 | c | Done | |\n',
    expected: ['10: Action item A2 links no issue.'],
  },
  {
    rule: 'action-item-tracked',
    name: 'in-review waits for sync when createIssues is on',
    text:
      fm('title: x\nstatus: in-review') +
      '## Action items\n\n| ID | Action | Issue |\n|---|---|---|\n| A2 | b | |\n',
    expected: [],
  },
  {
    rule: 'action-item-overdue',
    name: 'open and past due, relative to the given now',
    text:
      fm('title: x\nstatus: draft') +
      '## Action items\n\n- [ ] a (@al, P1, due 2026-11-22)\n- [ ] b (@al, P1, due 2026-11-23)\n- [x] c (@al, P1, due 2026-01-01)\n',
    expected: [
      '7: Action item "a (@al, P1, due 2026-11-22)" was due 2026-11-22 and is still Open (owner @al).',
    ],
  },
  {
    rule: 'lessons-learned',
    name: 'one part missing, one empty',
    text:
      fm('title: x\nstatus: draft') +
      '## Lessons learned\n\n### What went well\n\nx\n\n### What went wrong\n\n',
    expected: [
      '5: Lessons learned has no "Where we got lucky".',
      '11: "What went wrong" is empty.',
    ],
  },
  {
    rule: 'review-due',
    name: 'a draft past date + 2 business days (Fri 2026-11-13 → Tue 2026-11-17)',
    text: fm('title: x\nstatus: draft\ndate: 2026-11-13'),
    expected: ['3: This draft was due for review on 2026-11-17.'],
  },
  {
    rule: 'filename',
    name: 'outside the directory and badly named',
    path: 'docs/Outage.md',
    text: fm('title: x\nstatus: draft'),
    expected: [
      '1: Postmortems live under "postmortems/" (the `directory` setting); this file is "docs/Outage.md".',
      '1: File name "Outage.md" is not YYYY-MM-DD-slug.md (lower-case letters, digits and dashes).',
    ],
  },
  {
    rule: 'filename',
    name: 'date in the name disagrees with front matter',
    path: 'postmortems/2026-11-19-db.md',
    text: fm('title: x\nstatus: draft\ndate: 2026-11-20'),
    expected: ['4: The file name says 2026-11-19 but `date` is 2026-11-20.'],
  },
];
