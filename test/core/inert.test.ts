import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import {
  defuseMarkers,
  inertTitleLine,
  escapeMarkdown,
  inertMarkdown,
  inertTitle,
  oneLine,
  slugify,
} from '../../src/core/index.js';

const WJ = '\u2060';

describe('user text made inert', () => {
  test.each([
    ['a plain title', 'Checkout down', 'Checkout down'],
    ['bidi override (U+202E) and isolates', 'evil\u202Etxt.exe\u2066x\u2069', 'eviltxt.exex'],
    ['NUL, DEL and C1 controls', 'a\u0000b\u007fc\u0085d', 'abcd'],
    ['line breaks and tabs', 'one\r\ntwo\u2028three\tfour', 'one two three four'],
    ['leading and trailing space', '  x  ', 'x'],
  ])('oneLine: %s', (_name, input, expected) => {
    expect(oneLine(input)).toBe(expected);
  });

  test.each([
    ['a link', '[link](https://evil.example)', '\\[link\\](https://evil.example)'],
    ['an image', '![](https://evil.example/x.png)', '!\\[\\](https://evil.example/x.png)'],
    ['HTML', '<details open>x</details>', '\\<details open\\>x\\</details\\>'],
    ['an autolink', '<https://evil.example>', '\\<https://evil.example\\>'],
    ['emphasis and code', '*a* _b_ `c` ~d~', '\\*a\\* \\_b\\_ \\`c\\` \\~d\\~'],
    ['a table pipe', 'a | b', 'a \\| b'],
    ['a leading heading', '# big', '\\# big'],
    ['a leading list number', '1. item', '1\\. item'],
    ['a marker', '<!-- hindsight:incident 3 -->', '&lt;!-- hindsight:incident 3 --\\>'],
  ])('escapeMarkdown: %s', (_name, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  test.each([
    [
      'a marker, a mention and a link',
      'First <!-- hindsight:incident 3 --> @acme/everyone [x](y)',
      `First &lt;!-- hindsight:incident 3 --\\> @${WJ}acme/everyone \\[x\\](y)`,
    ],
    ['bidi and NUL', 'a\u202Eb\u0000c', 'abc'],
    ['an e-mail address keeps its @ readable', 'ops@acme.example', `ops@${WJ}acme.example`],
  ])('inertMarkdown: %s', (_name, input, expected) => {
    expect(inertMarkdown(input)).toBe(expected);
  });

  test.each([
    ['a marker', 'First <!-- hindsight:incident 3 -->', `First <${WJ}!-- hindsight:incident 3 -->`],
    ['a team mention', 'ping @acme/everyone', `ping @${WJ}acme/everyone`],
    ['bidi, NUL and a newline', 'a\u202Eb\u0000\nc', 'ab c'],
    ['Markdown stays as typed (titles render none)', '[x](y) <b>', '[x](y) <b>'],
  ])('inertTitle: %s', (_name, input, expected) => {
    expect(inertTitle(input)).toBe(expected);
  });

  test.each([
    ['text', 'a <!-- b', `a <${WJ}!-- b`],
    ['markdown', 'a <!-- b', 'a &lt;!-- b'],
  ] as const)('defuseMarkers as %s', (form, input, expected) => {
    expect(defuseMarkers(input, form)).toBe(expected);
    expect(defuseMarkers(input, form)).not.toContain('<!--');
  });

  test.each([
    ['bidi override', 'a\u202Eb', 'ab'],
    ['NUL', 'a\u0000b', 'ab'],
    ['a marker', '<!-- hindsight:incident 3 -->', 'hindsight-incident-3'],
    ['path traversal', '../../etc/passwd', 'etc-passwd'],
  ])('slugify: %s gives a safe file name', (_name, input, expected) => {
    expect(slugify(input)).toBe(expected);
  });
});

describe('inertTitleLine', () => {
  test.each([
    ['a link and HTML', 'title: "A [x](http://e) <b>"', 'A [x](http://e) <b>'],
    ['a mention, plain scalar', 'title: Outage @acme/everyone', 'Outage @acme/everyone'],
    ['a single-quoted value', "title: 'it''s ![](i.png)'", "it's ![](i.png)"],
  ])(
    '%s: no Markdown, HTML or mention characters left, the same value read back',
    (_n, line, value) => {
      const inert = inertTitleLine(line, parse);
      expect(inert).not.toMatch(/[[\]()<>@!]/);
      expect((parse(inert) as { title: string }).title).toBe(value);
    },
  );

  test.each([
    ['another key', 'owner: "@bob"'],
    ['a title that is not a string', 'title: 12'],
    ['a line YAML cannot read', 'title: "unclosed'],
  ])('%s is left as it is', (_n, line) => {
    expect(inertTitleLine(line, parse)).toBe(line);
  });
});
