import { upsertMarkedComment } from '../flows/upsert-marked-comment.js';
import { CONFIG_PATH, isPostmortemPath, postmortemFolder } from '../core/postmortem-paths.js';
import {
  defuseMarkers,
  formatConfigError,
  VALIDATION_MARKER,
  lintPostmortem,
  loadConfig,
  missingApprovals,
  parsePostmortem,
  parseTemplate,
  type Finding,
  type LoadedConfig,
  type Template,
} from '../core/index.js';
import type { LintResult } from '../core/lint.js';
import type { Gateway } from '../github/gateway.js';
import { COMMENT_LIMIT, renderSummary, SUMMARY_LIMIT } from './summary.js';

export const CONFIG_FILE = CONFIG_PATH;
export const COMMENT_MARKER = VALIDATION_MARKER;
const TEMPLATE_DIR = '.github/postmortem/templates';

export interface ActionInputs {
  configPath: string;
  comment: boolean;
  maxWarnings: number | null;
}

/** How the Action speaks to the runner; @actions/core in production, a recorder in tests. */
export interface Reporter {
  info(message: string): void;
  warning(message: string): void;
  annotate(finding: Finding): void;
  summary(markdown: string): Promise<void>;
  output(name: string, value: string | number): void;
  fail(message: string): void;
}

export interface ActionRun {
  inputs: ActionInputs;
  event: { name: string; payload: any };
  gateway: Gateway;
  builtinTemplates: Map<string, Template>;
  now: Date;
  reporter: Reporter;
}

interface Target {
  pull: number | null;
  head: string;
  /** Where the config and templates are read: the base of a PR, so a PR cannot switch its own checks off. */
  configRef: string;
  baseRef: string | null;
  fork: boolean;
}

/**
 * Validates the postmortems an event touched.
 * 1. Work out the commits and changed files from the event.
 * 2. Load the config (from the PR base); templates come from the base too.
 * 3. Read and lint each changed postmortem at the head; check approvals for ones being published.
 * 4. Report: annotations, job summary, outputs, sticky comment, and the step's result.
 */
export async function runAction(
  run: ActionRun,
): Promise<{ errors: number; warnings: number; files: number }> {
  const { inputs, gateway, reporter } = run;
  // 1.
  const target = targetOf(run.event);
  if (!target) {
    reporter.info(
      `Nothing to validate on a "${run.event.name}" event; Hindsight checks pull_request and push.`,
    );
    return finish(run, [], 0);
  }
  const changed =
    target.pull !== null
      ? await gateway.listPullFiles(target.pull)
      : await gateway.listPushFiles(target.baseRef, target.head);

  // 2.
  const loaded = loadConfig(
    await gateway.readFile(inputs.configPath, target.configRef),
    inputs.configPath,
  );
  if (loaded.errors.length > 0) {
    for (const error of loaded.errors) {
      reporter.annotate({
        file: error.file,
        line: error.line,
        column: error.column,
        endLine: error.line,
        rule: 'config',
        level: 'error',
        message: formatConfigError(error),
      });
    }
    reporter.fail(
      `${inputs.configPath} is not valid; fix it first:\n${loaded.errors.map(formatConfigError).join('\n')}`,
    );
    return { errors: loaded.errors.length, warnings: 0, files: 0 };
  }
  const paths = changed
    .filter((file) => file.status !== 'removed' && isPostmortemPath(loaded.config, file.path))
    .map((file) => file.path);
  if (paths.length === 0) {
    reporter.info(`No postmortems under ${postmortemFolder(loaded.config)}/ changed.`);
    return finish(run, [], 0);
  }

  // 3.
  const texts = await mapLimit(paths, 8, (path) => gateway.readFile(path, target.head));
  // Templates decide the required sections, so, like the config, they come from the base: a PR
  // that adds a lax template and names it is checked against the base's templates.
  const templates = await withRepositoryTemplates(run, loaded, texts, target.configRef);
  const results: LintResult[] = [];
  for (const [n, path] of paths.entries()) {
    const text = texts[n];
    if (text === null || text === undefined) continue;
    const result = lintPostmortem({
      path,
      text,
      config: loaded.config,
      ruleOptions: loaded.ruleOptions,
      templates,
      now: run.now,
    });
    if (target.pull !== null && result.status === 'published' && !isOff(loaded.config)) {
      result.findings.push(...(await approvalFindings(run, target, result, loaded.config)));
    }
    results.push(result);
  }

  // 4.
  return finish(run, results, paths.length, target);
}

async function finish(run: ActionRun, results: LintResult[], files: number, target?: Target) {
  const { reporter, inputs } = run;
  const findings = results.flatMap((result) => result.findings);
  const errors = findings.filter((finding) => finding.level === 'error').length;
  const warnings = findings.length - errors;
  for (const finding of findings) reporter.annotate(finding);
  // One line per file checked and a total, so a green run still says what it looked at.
  for (const result of results) reporter.info(fileLine(result));
  reporter.info(
    `Checked ${files} postmortem${files === 1 ? '' : 's'}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`,
  );
  if (results.length > 0) await reporter.summary(renderSummary(results, SUMMARY_LIMIT));
  reporter.output('errors', errors);
  reporter.output('warnings', warnings);
  reporter.output('files', files);
  if (target && inputs.comment && target.pull !== null) await stickyComment(run, target, results);
  if (errors > 0)
    reporter.fail(
      `${errors} error${errors === 1 ? '' : 's'} in ${results.filter((r) => r.findings.some((f) => f.level === 'error')).length} postmortem(s); see the annotations and the job summary.`,
    );
  else if (inputs.maxWarnings !== null && warnings > inputs.maxWarnings)
    reporter.fail(`${warnings} warnings, more than max-warnings ${inputs.maxWarnings}.`);
  return { errors, warnings, files };
}

function fileLine(result: LintResult): string {
  const errors = result.findings.filter((finding) => finding.level === 'error').length;
  const warnings = result.findings.length - errors;
  const status = result.status ?? 'no status';
  if (result.findings.length === 0) return `✓ ${result.file} (${status}): clean`;
  return `${errors > 0 ? '✗' : '!'} ${result.file} (${status}): ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function targetOf(event: { name: string; payload: any }): Target | null {
  const { name, payload } = event;
  if ((name === 'pull_request' || name === 'pull_request_target') && payload.pull_request) {
    const pr = payload.pull_request;
    return {
      pull: pr.number,
      head: pr.head.sha,
      configRef: pr.base.sha,
      baseRef: pr.base.sha,
      fork: !pr.head.repo || pr.head.repo.full_name !== pr.base.repo.full_name,
    };
  }
  if (name === 'push' && payload.after && !payload.deleted) {
    const before =
      typeof payload.before === 'string' && !/^0+$/.test(payload.before) ? payload.before : null;
    return {
      pull: null,
      head: payload.after,
      configRef: payload.after,
      baseRef: before,
      fork: false,
    };
  }
  return null;
}

/** Adds `.github/postmortem/templates/*.md` from the repository only when a file asks for one we lack. */
async function withRepositoryTemplates(
  run: ActionRun,
  loaded: LoadedConfig,
  texts: (string | null)[],
  ref: string,
): Promise<Map<string, Template>> {
  const wanted = new Set([loaded.config.template]);
  for (const text of texts) {
    const match = text ? /^template:\s*["']?([\w-]+)/m.exec(text.slice(0, 4096)) : null;
    if (match) wanted.add(match[1] as string);
  }
  if ([...wanted].every((name) => run.builtinTemplates.has(name))) return run.builtinTemplates;
  const templates = new Map(run.builtinTemplates);
  for (const { path } of await run.gateway.listMarkdown(TEMPLATE_DIR, ref)) {
    const name = path.slice(path.lastIndexOf('/') + 1, -3);
    if (!wanted.has(name)) continue;
    const text = await run.gateway.readFile(path, ref);
    if (text !== null) templates.set(name, parseTemplate(name, text));
  }
  for (const name of wanted)
    if (!templates.has(name))
      run.reporter.warning(
        `Template "${name}" is neither built in nor in ${TEMPLATE_DIR}/ on ${ref.slice(0, 12)}; files naming it are checked against "${loaded.config.template}".`,
      );
  return templates;
}

/** `review-approved`: a postmortem that becomes published here needs each listed reviewer's approval. */
async function approvalFindings(
  run: ActionRun,
  target: Target,
  result: LintResult,
  config: LoadedConfig['config'],
): Promise<Finding[]> {
  const before = target.baseRef ? await run.gateway.readFile(result.file, target.baseRef) : null;
  if (
    before !== null &&
    parsePostmortem(result.file, before).frontMatter.data.status === 'published'
  )
    return [];
  const reviews = await run.gateway.listReviews(target.pull as number);
  const teamMembers = new Map<string, string[] | null>();
  const reviewers = result.postmortem.frontMatter.data.reviewers;
  for (const reviewer of Array.isArray(reviewers) ? reviewers : []) {
    const handle = String(reviewer).replace(/^@/, '');
    const [org, team] = handle.split('/');
    if (org && team && !teamMembers.has(handle.toLowerCase()))
      teamMembers.set(handle.toLowerCase(), await run.gateway.listTeamMembers(org, team));
  }
  return missingApprovals({ postmortem: result.postmortem, reviews, teamMembers }).map(
    (missing) => ({
      file: result.file,
      line: missing.position.line,
      column: missing.position.column,
      endLine: missing.position.line,
      rule: 'review-approved',
      level: reviewLevel(config),
      message: `Publishing needs approval from ${missing.reviewer}: ${missing.reason}.`,
      suggestion: `Ask ${missing.reviewer} to approve this pull request.`,
    }),
  );
}

function isOff(config: LoadedConfig['config']): boolean {
  const setting = config.rules['review-approved'];
  return (Array.isArray(setting) ? setting[0] : setting) === 'off';
}

function reviewLevel(config: LoadedConfig['config']): 'warn' | 'error' {
  const setting = config.rules['review-approved'];
  const level = Array.isArray(setting) ? setting[0] : setting;
  return level === 'warn' ? 'warn' : 'error';
}

/** One comment per PR, found by its marker and edited in place. Fork PRs get none (their token is read-only). */
async function stickyComment(run: ActionRun, target: Target, results: LintResult[]): Promise<void> {
  if (target.fork) {
    run.reporter.info(
      'Pull request from a fork: its token cannot comment, so the result is in the job summary only.',
    );
    return;
  }
  const body = `${VALIDATION_MARKER}\n${renderSummary(results, COMMENT_LIMIT - VALIDATION_MARKER.length - 1)}`;
  try {
    // Only the comment this token's account wrote, starting with the marker, is ours to edit.
    await upsertMarkedComment({
      gateway: run.gateway,
      issue: target.pull as number,
      marker: COMMENT_MARKER,
      body,
      self: await run.gateway.whoAmI(),
    });
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 403 || status === 404)
      run.reporter.warning(
        `Could not comment on the pull request (HTTP ${status}); give the workflow \`pull-requests: write\`, or set comment: false.`,
      );
    else throw error;
  }
}

async function mapLimit<T, R>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      out[index] = await work(items[index] as T);
    }
  });
  await Promise.all(workers);
  return out;
}
