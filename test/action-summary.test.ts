import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderSummary, SUMMARY_LIMIT } from '../src/action/summary.js';
import { lintPostmortem, loadConfig } from '../src/core/index.js';
import { templates } from './helpers/lint.js';

const PATH = 'postmortems/2026-11-20-payments-api-pool-exhausted.md';
const clean = readFileSync(
  join(
    import.meta.dirname,
    '..',
    'examples',
    'postmortems',
    '2026-11-20-payments-api-pool-exhausted.md',
  ),
  'utf8',
);

function summaryOf(text: string): string {
  const loaded = loadConfig('rules: { review-due: off, action-item-overdue: off }');
  const result = lintPostmortem({
    path: PATH,
    text,
    config: loaded.config,
    ruleOptions: loaded.ruleOptions,
    templates,
    now: new Date('2026-11-23T12:00:00Z'),
  });
  return renderSummary([result], SUMMARY_LIMIT);
}

/** The checklist lines, `[x] label` or `[ ] label`. */
const checklist = (summary: string) => summary.split('\n').filter((line) => line.startsWith('- ['));

describe('the job summary checklist', () => {
  test('ticks every line of the clean example', () => {
    expect(checklist(summaryOf(clean)).filter((line) => line.startsWith('- [ ]'))).toEqual([]);
  });

  test('does not tick "Lessons learned" when the section is missing', () => {
    const text = clean.slice(0, clean.indexOf('## Lessons learned'));
    const summary = summaryOf(text);
    expect(summary).toContain('Missing section');
    expect(checklist(summary)).toContain('- [ ] Lessons learned');
  });

  test('does not tick "Impact quantified" when the Impact section is empty', () => {
    const start = clean.indexOf('## Impact');
    const next = clean.indexOf('\n## ', start + 1);
    const summary = summaryOf(`${clean.slice(0, start)}## Impact\n${clean.slice(next)}`);
    expect(summary).toContain('is empty');
    expect(checklist(summary)).toContain('- [ ] Impact quantified');
    expect(checklist(summary)).toContain('- [x] Lessons learned');
  });
});
