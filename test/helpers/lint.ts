import { lintPostmortem, loadConfig, type Finding } from '../../src/core/index.js';
import { loadTemplates } from '../../src/files/templates.js';

const templates = await loadTemplates();

/** Lints literal text with the default config (or YAML config text) at a fixed "now". */
export function lint(
  text: string,
  options: { path?: string; config?: string; now?: string } = {},
): Finding[] {
  const loaded = loadConfig(options.config ?? null);
  if (loaded.errors.length > 0) throw new Error(loaded.errors.map((e) => e.message).join('; '));
  return lintPostmortem({
    path: options.path ?? 'postmortems/2026-11-20-db-outage.md',
    text,
    config: loaded.config,
    ruleOptions: loaded.ruleOptions,
    templates,
    now: new Date(options.now ?? '2026-11-23T12:00:00Z'),
  }).findings;
}

/** Findings of one rule, as `line: message` strings, for exact assertions. */
export function findingsOf(
  rule: string,
  text: string,
  options: Parameters<typeof lint>[1] = {},
): string[] {
  return lint(text, options)
    .filter((finding) => finding.rule === rule)
    .map((finding) => `${finding.line}: ${finding.message}`);
}

export { templates };
