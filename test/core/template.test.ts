import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import {
  newPostmortemPath,
  parsePostmortem,
  parseTemplate,
  renderTemplate,
  slugify,
  TemplateError,
} from '../../src/core/index.js';
import { templates } from '../helpers/lint.js';

const HOSTILE = [
  'Payments "API" down',
  "it's: a [test] {x} & *y* !z %q @w `c` | d > e",
  '---\nstatus: published\n---',
  '# Heading\n## Another',
  'a | b | c',
  'line\r\nbreak\u2028sep',
  '../../../etc/passwd',
  '@org/team and @everyone',
  '🎉🔥 émoji ünïcode',
  'x'.repeat(10_000),
  '',
  'yes',
  'null',
  '- list item',
  '1. numbered',
  '<script>alert(1)</script>',
];

describe('renderTemplate escapes every value for where it lands', () => {
  test.each(HOSTILE.map((title) => [JSON.stringify(title).slice(0, 40), title]))(
    '%s',
    (_label, title) => {
      for (const template of templates.values()) {
        const text = renderTemplate(template, {
          title,
          date: '2026-11-20',
          severity: 'SEV2',
          owner: '@octocat',
          incident: 12,
          reviewers: ['@a', '@b/c'],
        });
        const pm = parsePostmortem('p.md', text);
        // The front matter is still one valid block and holds the title exactly (on one line).
        expect(pm.frontMatter.errors).toEqual([]);
        expect(pm.frontMatter.data.title ?? '').toBe(
          title.replace(/[\r\n\u2028\u2029]+/g, ' ').trim(),
        );
        expect(pm.frontMatter.data.status).toBe('draft');
        if (template.body.includes('{{ reviewers }}'))
          expect(pm.frontMatter.data.reviewers).toEqual(['@a', '@b/c']);
        // The title heading stays one heading, and the sections are the template's.
        expect(pm.sections.filter((s) => s.level === 1).length).toBe(1);
        expect(pm.sections.filter((s) => s.level === 2).map((s) => s.heading)).toEqual(
          template.required
            .map((r) => r.name)
            .concat(
              pm.sections.some((s) => s.heading === 'Supporting data') ? ['Supporting data'] : [],
            )
            .sort((a, b) => text.indexOf(`## ${a}`) - text.indexOf(`## ${b}`)),
        );
      }
    },
  );

  test('timeline rows are escaped cell by cell, with safe links only', () => {
    const template = parseTemplate('t', '| Time (UTC) | Event |\n| --- | --- |\n{{ timeline }}\n');
    const text = renderTemplate(template, {
      timeline: [
        {
          time: '2026-11-20 14:28',
          event: 'Issue opened by @alice | with a pipe\n| x | y |',
          link: 'https://github.com/o/r/issues/1',
        },
        { time: '2026-11-20 14:30', event: 'Labeled', link: 'javascript:alert(1)' },
      ],
    });
    expect(text.split('\n')).toEqual([
      '| Time (UTC) | Event |',
      '| --- | --- |',
      '| 2026-11-20 14:28 | Issue opened by @alice \\| with a pipe \\| x \\| y \\| ([link](https://github.com/o/r/issues/1)) |',
      '| 2026-11-20 14:30 | Labeled |',
      '',
    ]);
    expect(() => parseTemplate('t', 'x {{ timeline }}\n')).toThrow(
      '{{ timeline }} must stand alone on a line',
    );
  });

  test('a value in a table row cannot add a cell or a row', () => {
    const template = parseTemplate(
      't',
      '| Time | Event |\n| --- | --- |\n| {{ started_at }} | {{ title }} |\n',
    );
    const text = renderTemplate(template, { title: 'a | b\n| c | d |', started_at: '14:00' });
    expect(text.split('\n')).toHaveLength(4);
    expect(text.split('\n')[2]).toBe('| 14:00 | a \\| b \\| c \\| d \\| |');
  });

  test('unknown placeholders and placeholders inside front-matter strings are template errors with a line', () => {
    expect(() => parseTemplate('t', 'x\n{{ nope }}\n')).toThrowError(
      new TemplateError(
        'Template "t" line 2: unknown placeholder {{ nope }}; known: title, incident, incident_url, date, severity, owner, reviewers, status, started_at, detected_at, mitigated_at, resolved_at, due, services, tags, timeline.',
        2,
      ),
    );
    expect(() => parseTemplate('t', '---\ntitle: "Postmortem: {{ title }}"\n---\n')).toThrow(
      /line 2: in front matter a placeholder must be a field's whole value/,
    );
  });

  test('the built-in templates parse and require what DESIGN.md lists', () => {
    expect([...templates.keys()]).toEqual(['coe', 'google-sre', 'minimal', 'standard']);
    expect(templates.get('standard')!.required.map((s) => s.key)).toEqual([
      'summary',
      'impact',
      'timeline',
      'root-cause',
      'contributing-factors',
      'detection-response',
      'action-items',
      'lessons-learned',
    ]);
    const rendered = renderTemplate(templates.get('standard')!, { title: 't', date: '2026-11-20' });
    expect(parse(rendered.split('---\n')[1]!)).toMatchObject({
      title: 't',
      status: 'draft',
      date: '2026-11-20',
      resolved_at: null,
    });
  });
});

describe('file names', () => {
  test.each([
    ['Payments API: pool exhausted', 'payments-api-pool-exhausted'],
    ['../../etc/passwd', 'etc-passwd'],
    ['', 'incident'],
    ['🎉🔥', 'incident'],
    ['Ünïcode Straße', 'uenicode-strasse'],
    ['a/b\\c\0d', 'a-b-cd'], // NUL is dropped, not a word break
  ])('%j → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
    expect(newPostmortemPath('postmortems', '2026-11-20', title)).toBe(
      `postmortems/2026-11-20-${slug}.md`,
    );
  });
  test('long titles are cut at a word, to at most 60 characters', () => {
    const slug = slugify('word '.repeat(2000));
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^word(-word)*$/);
  });
});
