import type { Config } from './config-schema.js';
import { computeMetrics } from './metrics.js';
import { parsePostmortem } from './parse-postmortem.js';
import { RULES } from './rules/index.js';
import type { Rule } from './rules/rule.js';
import type { Template } from './template.js';
import {
  STATUSES,
  type Finding,
  type Level,
  type Metrics,
  type Postmortem,
  type Status,
} from './types.js';

export interface LintInput {
  path: string;
  text: string;
  config: Config;
  ruleOptions: Map<string, Record<string, unknown>>;
  templates: ReadonlyMap<string, Template>;
  /** The current time, from the caller: the core never reads the clock. */
  now: Date;
}

export interface LintResult {
  file: string;
  findings: Finding[];
  metrics: Metrics;
  postmortem: Postmortem;
  status: Status | null;
}

/**
 * Lints one postmortem: parse once, run every rule on the model, resolve each finding's level
 * from config and the postmortem's status. A rule that throws becomes an `internal-error`
 * finding naming the rule, so one bug never hides the other findings.
 */
export function lintPostmortem(input: LintInput): LintResult {
  const postmortem = parsePostmortem(input.path, input.text);
  const raw = postmortem.frontMatter.data.status;
  const status =
    typeof raw === 'string' && (STATUSES as readonly string[]).includes(raw)
      ? (raw as Status)
      : null;
  const templateName =
    typeof postmortem.frontMatter.data.template === 'string'
      ? postmortem.frontMatter.data.template
      : input.config.template;
  const template =
    input.templates.get(templateName) ?? input.templates.get(input.config.template) ?? null;
  const today = input.now.toISOString().slice(0, 10);
  const findings: Finding[] = postmortem.unread.map(({ position, message }) => ({
    file: input.path,
    line: position.line,
    column: position.column,
    endLine: position.line,
    rule: 'size-limit',
    level: 'error',
    message,
  }));
  // A header Hindsight cannot read, or a status it does not know, must never pass as a draft;
  // a header that simply has no status (another tool's front matter, or none) is a draft.
  const brokenHeader =
    postmortem.frontMatter.errors.length > 0 || (raw !== undefined && raw !== null && !status);
  // A document a cap left unread gets that finding alone: no rule could judge it.
  const rules = postmortem.unread.some((note) => note.whole) ? [] : RULES;

  for (const rule of rules) {
    const level = levelFor(rule, input.config, status, brokenHeader);
    if (level === 'off') continue;
    const options =
      input.ruleOptions.get(rule.id) ??
      (rule.options ? (rule.options.parse({}) as Record<string, unknown>) : {});
    try {
      rule.check({
        postmortem,
        config: input.config,
        template,
        options,
        status,
        today,
        report: ({ position, message, suggestion }) => {
          findings.push({
            file: input.path,
            line: position.line,
            column: position.column,
            endLine: position.endLine ?? position.line,
            ...(position.endColumn === undefined ? {} : { endColumn: position.endColumn }),
            rule: rule.id,
            level,
            message,
            ...(suggestion === undefined ? {} : { suggestion }),
          });
        },
      });
    } catch (error) {
      findings.push({
        file: input.path,
        line: 1,
        column: 1,
        endLine: 1,
        rule: 'internal-error',
        level: 'error',
        message: `Rule ${rule.id} crashed on this file (${error instanceof Error ? error.message : String(error)}). Please report it with the file.`,
      });
    }
  }
  findings.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
  return { file: input.path, findings, metrics: computeMetrics(postmortem), postmortem, status };
}

/**
 * The level a rule reports at: the config's, else its default. `status` rules warn on drafts and
 * fail from in-review on. A file with no status (no front matter, or another tool's) is a draft;
 * a file whose header is broken or whose status is unknown is judged as a draft too, except
 * that its front-matter findings are errors, so a broken header can never pass as a draft.
 */
export function levelFor(
  rule: Rule<unknown>,
  config: Config,
  status: Status | null,
  brokenHeader = false,
): Level {
  const setting = config.rules[rule.id];
  if (setting !== undefined) return Array.isArray(setting) ? setting[0] : setting;
  if (rule.defaultLevel !== 'status') return rule.defaultLevel;
  if (status === null) return rule.id === 'frontmatter' && brokenHeader ? 'error' : 'warn';
  return status === 'draft' ? 'warn' : 'error';
}
