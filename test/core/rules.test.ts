import { describe, expect, test } from 'vitest';
import { missingApprovals, parsePostmortem } from '../../src/core/index.js';
import { findingsOf, lint } from '../helpers/lint.js';
import { cases } from './rules.cases.js';

const fm = (fields: string) => `---\n${fields}\n---\n`;

describe.each(cases)('$rule: $name', ({ rule, text, path, config, expected }) => {
  test('gives exactly the expected findings', () => {
    expect(findingsOf(rule, text, { path, config })).toEqual(expected);
  });
});

describe('levels', () => {
  const doc = (status: string) => `${fm(`title: x\nstatus: ${status}`)}@bob broke prod.\n`;
  test('a draft warns, in-review fails', () => {
    expect(lint(doc('draft')).find((f) => f.rule === 'blameless-language')?.level).toBe('warn');
    expect(lint(doc('in-review')).find((f) => f.rule === 'blameless-language')?.level).toBe(
      'error',
    );
  });
  test('config overrides the status, and off silences', () => {
    expect(
      lint(doc('in-review'), { config: 'rules: { blameless-language: warn }' }).find(
        (f) => f.rule === 'blameless-language',
      )?.level,
    ).toBe('warn');
    expect(
      lint(doc('in-review'), { config: 'rules: { blameless-language: off }' }).some(
        (f) => f.rule === 'blameless-language',
      ),
    ).toBe(false);
  });
  test("with no status (no front matter, or another tool's), the file is a draft: warnings only", () => {
    for (const text of [
      '# x\n@bob broke prod.\n',
      '---\ntitle: x\nlayout: post\n---\n@bob broke prod.\n',
    ]) {
      const findings = lint(text);
      expect(findings.find((f) => f.rule === 'frontmatter')?.level).toBe('warn');
      expect(findings.find((f) => f.rule === 'blameless-language')?.level).toBe('warn');
    }
  });
  test('an unknown status or a broken header keeps front-matter findings at error', () => {
    for (const text of ['---\ntitle: x\nstatus: done\n---\n', '---\ntitle: [x\n---\n']) {
      expect(lint(text).find((f) => f.rule === 'frontmatter')?.level).toBe('error');
    }
  });
});

describe('review-approved (missingApprovals)', () => {
  const postmortem = parsePostmortem(
    'p.md',
    fm('title: x\nstatus: published\nreviewers: ["@alice", "@acme/sre", "@carol", "@acme/dba"]'),
  );
  test('approval per person, the latest decisive review counting; a team by any member; unreadable teams named', () => {
    const missing = missingApprovals({
      postmortem,
      reviews: [
        { login: 'Alice', state: 'APPROVED' },
        { login: 'bob', state: 'APPROVED' },
        { login: 'carol', state: 'APPROVED' },
        { login: 'carol', state: 'CHANGES_REQUESTED' },
        { login: 'carol', state: 'COMMENTED' },
      ],
      teamMembers: new Map([
        ['acme/sre', ['bob', 'dan']],
        ['acme/dba', null],
      ]),
    });
    expect(missing.map((m) => `${m.position.line}: ${m.reason}`)).toEqual([
      '4: @carol has not approved',
      '4: cannot read the members of team @acme/dba with this token (it needs organization members: read)',
    ]);
  });
});
