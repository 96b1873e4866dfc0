import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { configSchema, type Config } from './config-schema.js';
import { RULES } from './rules/index.js';

/** A configuration problem: which file, which key, which line, and what is allowed. */
export interface ConfigError {
  file: string;
  key: string;
  line: number;
  column: number;
  message: string;
}

export interface LoadedConfig {
  config: Config;
  /** Rule options after each rule's own schema applied its defaults. */
  ruleOptions: Map<string, Record<string, unknown>>;
  errors: ConfigError[];
}

/**
 * Reads `.github/postmortem.yml` text (null: no file, all defaults). Never throws: a broken
 * file gives errors that say where and what to write instead, and the defaults to go on with.
 */
export function loadConfig(
  text: string | null,
  file = '.github/postmortem.yml',
  knownTemplates?: readonly string[],
): LoadedConfig {
  const counter = new LineCounter();
  const doc = parseDocument(text ?? '', {
    lineCounter: counter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const errors: ConfigError[] = [];
  const at = (offset: number | undefined) => counter.linePos(offset ?? 0);

  for (const error of doc.errors) {
    const { line, col } = at(error.pos[0]);
    errors.push({
      file,
      key: '',
      line,
      column: col,
      message: `not valid YAML: ${error.message.split('\n')[0]}`,
    });
  }
  if (errors.length > 0) return withDefaults(errors);

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch {
    return withDefaults([
      {
        file,
        key: '',
        line: 1,
        column: 1,
        message: 'expands too many YAML aliases; write the values out',
      },
    ]);
  }
  const locate = (path: PropertyKey[]) => {
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
      if (node && typeof node === 'object' && 'range' in node && node.range) {
        const { line, col } = at(keyOffset(doc, path.slice(0, n)) ?? node.range[0]);
        return { line, column: col };
      }
    }
    return { line: 1, column: 1 };
  };
  return validateConfig(raw, { file, knownTemplates, locate });
}

/**
 * Validates settings already read as an object (from our YAML reader, or Probot's config loader
 * with its `_extends` and organisation defaults). `locate` maps a key path to its line when the
 * text is at hand; without it, errors name the key only.
 */
export function validateConfig(
  raw: unknown,
  input: {
    file: string;
    knownTemplates?: readonly string[] | undefined;
    locate?: (path: PropertyKey[]) => { line: number; column: number };
  },
): LoadedConfig {
  const { file, knownTemplates } = input;
  const errors: ConfigError[] = [];
  const locate = input.locate ?? (() => ({ line: 1, column: 1 }));
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return withDefaults([
      {
        file,
        key: '',
        line: 1,
        column: 1,
        message: 'must be a mapping of settings (directory:, template:, rules: …)',
      },
    ]);
  }
  const push = (path: PropertyKey[], message: string) => {
    const { line, column } = locate(path);
    errors.push({ file, key: path.map(String).join('.'), line, column, message });
  };

  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) push(issue.path, describe(issue));
    return withDefaults(errors);
  }
  const config = parsed.data;
  if (knownTemplates && !knownTemplates.includes(config.template)) {
    push(
      ['template'],
      `unknown template "${config.template}"; known: ${knownTemplates.join(', ')}`,
    );
  }

  const ruleOptions = new Map<string, Record<string, unknown>>();
  for (const rule of RULES) {
    const setting = config.rules[rule.id];
    const given = Array.isArray(setting) ? setting[1] : {};
    if (!rule.options) {
      if (Array.isArray(setting) && Object.keys(given).length > 0)
        push(['rules', rule.id, 1], `rule ${rule.id} takes no options`);
      continue;
    }
    const options = rule.options.safeParse(given);
    if (options.success) ruleOptions.set(rule.id, options.data as Record<string, unknown>);
    else
      for (const issue of options.error.issues)
        push(['rules', rule.id, 1, ...issue.path], describe(issue));
  }
  for (const id of Object.keys(config.rules)) {
    if (!RULES.some((rule) => rule.id === id)) {
      push(
        ['rules', id],
        `unknown rule "${id}"; rules are ${RULES.map((rule) => rule.id).join(', ')}`,
      );
    }
  }
  if (errors.length > 0) return withDefaults(errors);
  return { config, ruleOptions, errors };
}

/** Formats a config error the way every front end prints it. */
export function formatConfigError(error: ConfigError): string {
  return `${error.file}:${error.line}:${error.column}: ${error.key ? `${error.key}: ` : ''}${error.message}`;
}

function withDefaults(errors: ConfigError[]): LoadedConfig {
  const config = configSchema.parse({});
  const ruleOptions = new Map<string, Record<string, unknown>>();
  for (const rule of RULES)
    if (rule.options) ruleOptions.set(rule.id, rule.options.parse({}) as Record<string, unknown>);
  return { config, ruleOptions, errors };
}

/** Where a key is written (better than where its value starts, for "unknown key" errors). */
function keyOffset(doc: ReturnType<typeof parseDocument>, path: PropertyKey[]): number | undefined {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return isSeq(parent) ? undefined : undefined;
  const pair = parent.items.find(
    (item) => String((item.key as { value?: unknown })?.value) === String(path[path.length - 1]),
  );
  return (pair?.key as Node | undefined)?.range?.[0];
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_value')
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'invalid_type')
    return `must be ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`}`;
  if (issue.code === 'invalid_union') return 'must be off, warn, error, or [level, { options }]';
  return issue.message;
}
