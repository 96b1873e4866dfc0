import type { z } from 'zod';
import type { Config } from '../config-schema.js';
import type { Template } from '../template.js';
import type { Position, Postmortem, Status } from '../types.js';

/** What a rule sees. Everything is an argument: no clock, no file system. */
export interface RuleContext<Options = Record<string, unknown>> {
  postmortem: Postmortem;
  config: Config;
  template: Template | null;
  options: Options;
  status: Status | null;
  /** Today's date, `YYYY-MM-DD`, in UTC. */
  today: string;
  report(finding: { position: Position; message: string; suggestion?: string }): void;
}

/**
 * A rule: a public id, how strict it is by default, its options and docs.
 * `status` levels follow the postmortem: warnings for a draft, errors from `in-review` on.
 */
export interface Rule<Options = Record<string, unknown>> {
  id: string;
  description: string;
  defaultLevel: 'status' | 'warn' | 'error';
  options?: z.ZodType<Options>;
  /** A failing and a passing example, for the docs and the rule's own tests. */
  example: { bad: string; good: string };
  /** Only the Action can check it (it needs the pull request). */
  needsPullRequest?: boolean;
  check(context: RuleContext<Options>): void;
}

/** Identity with types: lets each rule file infer its option type from its schema. */
export function defineRule<Options>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

/** The line a front-matter finding should point at when the field is missing: the closing `---`. */
export function frontMatterEnd(postmortem: Postmortem): Position {
  return { line: Math.max(postmortem.frontMatter.endLine, 1), column: 1 };
}

/** Prose lines of a section, with inline code spans blanked so quoted text is not judged. */
export function proseIn(
  postmortem: Postmortem,
  from = 1,
  to = Infinity,
): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  for (const line of postmortem.proseLines) {
    if (line < from || line > to) continue;
    out.push({ line, text: blankCode(postmortem.lines[line - 1] ?? '') });
  }
  return out;
}

function blankCode(text: string): string {
  return text.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
}
