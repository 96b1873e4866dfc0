import { describe, expect, test } from 'vitest';
import {
  incidentMarker,
  itemMarker,
  lastBodyMarker,
  leadingMarker,
  linkMarker,
  markerOf,
  marker,
  parseMarkerLine,
  reminderMarker,
  startsWithMarker,
  VALIDATION_MARKER,
  writtenBy,
} from '../../src/core/index.js';

describe('Hindsight markers', () => {
  test.each([
    [incidentMarker(3), '<!-- hindsight:incident 3 -->'],
    [linkMarker(12), '<!-- hindsight:postmortem-link 12 -->'],
    [VALIDATION_MARKER, '<!-- hindsight:validation -->'],
    [itemMarker('postmortems/a.md', 'A1'), '<!-- hindsight:action-item postmortems/a.md#A1 -->'],
    [
      itemMarker('postmortems/a.md', 'A1', 'acme/payments'),
      '<!-- hindsight:action-item acme/payments:postmortems/a.md#A1 -->',
    ],
    [
      reminderMarker('postmortems/a.md', 'A1', '2026-12-01'),
      '<!-- hindsight:overdue postmortems/a.md#A1 2026-12-01 -->',
    ],
  ])('%s is built as written', (built, expected) => {
    expect(built).toBe(expected);
  });

  test('a value cannot close the comment or open another', () => {
    const built = marker('action-item', 'x --> <!-- hindsight:incident 3 -->');
    expect(built.match(/-->/g)).toHaveLength(1);
    expect(built.match(/<!--/g)).toHaveLength(1);
  });

  test.each([
    ['<!-- hindsight:incident 3 -->', { kind: 'incident', value: '3' }],
    ['  <!-- hindsight:validation -->  ', { kind: 'validation', value: '' }],
    ['text <!-- hindsight:incident 3 -->', null],
    ['<!-- hindsight:incident 3 --> text', null],
    ['<!-- hindsight:Incident 3 -->', null],
    ['<!-- hindsight:incident 3 --> <!-- x -->', null],
    ['<!--hindsight:incident 3 -->', null],
  ])('parseMarkerLine(%j)', (line, expected) => {
    expect(parseMarkerLine(line)).toEqual(expected);
  });

  test('a comment marker counts on the first line only', () => {
    expect(leadingMarker(`${linkMarker(3)}\ntext`)).toEqual({
      kind: 'postmortem-link',
      value: '3',
    });
    expect(leadingMarker(`quoted:\n${linkMarker(3)}`)).toBeNull();
    expect(startsWithMarker(`${linkMarker(3)}\nx`, linkMarker(3))).toBe(true);
    expect(startsWithMarker(`${linkMarker(31)}\nx`, linkMarker(3))).toBe(false);
    expect(startsWithMarker(`> ${linkMarker(3)}`, linkMarker(3))).toBe(false);
  });

  test('an issue marker counts alone on a line; the last one wins', () => {
    const body = `Title with ${incidentMarker(3)} inline\n\n${incidentMarker(9)}`;
    expect(lastBodyMarker(body, 'incident')).toBe('9');
    expect(lastBodyMarker('First <!-- hindsight:incident 3 -->', 'incident')).toBeNull();
  });

  test.each([
    [itemMarker('postmortems/a.md', 'A1'), { repo: null, path: 'postmortems/a.md', id: 'A1' }],
    [
      itemMarker('postmortems/a.md', 'A1', 'acme/pay.ments'),
      { repo: 'acme/pay.ments', path: 'postmortems/a.md', id: 'A1' },
    ],
    ['<!-- hindsight:action-item nohash -->', null],
    [`inline ${itemMarker('postmortems/a.md', 'A1')}`, null],
  ])('markerOf(%j)', (body, expected) => {
    expect(markerOf(body)).toEqual(expected);
  });

  test('markerOf is linear on a 64 KB body of near-markers', () => {
    const body = `${'<!-- hindsight:action-item '.repeat(2500)}\n`.repeat(1);
    expect(markerOf(body)).toBeNull();
  });

  test.each([
    ['hindsight[bot]', { login: 'hindsight[bot]' }, true],
    ['Hindsight[bot]', { login: 'hindsight[bot]' }, true],
    ['mallory', { login: 'hindsight[bot]' }, false],
    ['other[bot]', { login: 'hindsight[bot]' }, false],
    ['github-actions[bot]', { login: null }, true],
    ['mallory', { login: null }, false],
    [null, { login: null }, false],
  ])('writtenBy(%j, %j) is %s', (author, self, expected) => {
    expect(writtenBy(author, self)).toBe(expected);
  });
});
