import { describe, expect, test } from 'vitest';
import { RULES } from '../../src/core/index.js';
import { lint } from '../helpers/lint.js';

// Every rule documents a failing and a passing example; both are checked here so the docs
// (the README is built from the same examples) can never claim what the rule does not do.
describe.each(
  RULES.filter((rule) => !rule.needsPullRequest).map((rule) => [rule.id, rule] as const),
)('%s', (id, rule) => {
  const asFile = id === 'filename';
  const run = (example: string) =>
    lint(
      asFile ? '---\ntitle: x\nstatus: draft\ndate: 2026-11-20\n---\n' : example,
      asFile ? { path: example } : {},
    ).filter((f) => f.rule === id);

  test('flags its bad example', () => {
    expect(run(rule.example.bad).length).toBeGreaterThan(0);
  });
  test('passes its good example', () => {
    expect(run(rule.example.good)).toEqual([]);
  });
});
