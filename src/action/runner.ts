import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { EOL } from 'node:os';

/**
 * The runner's side of an Action, as GitHub documents it (workflow commands on stdout, inputs in
 * `INPUT_*`, outputs and the step summary in files). It replaces @actions/core on the postmortem
 * check's path: that package loads undici (about 0.8 MB, 0.15 s of start-up on a runner) for
 * proxies and OIDC, which the check never uses. The output is byte-for-byte what @actions/core
 * writes, so annotations, outputs and summaries look the same.
 */

/** An input as the runner passes it: `INPUT_<NAME>`, trimmed; empty when absent. */
export function getInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** A YAML 1.2 core-schema boolean input (`true`/`True`/`TRUE`, `false`/…), as @actions/core reads it. */
export function getBooleanInput(name: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const value = getInput(name, env);
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new TypeError(
    `Input does not meet YAML 1.2 "Core Schema" specification: ${name}\nSupport boolean input list: \`true | True | TRUE | false | False | FALSE\``,
  );
}

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

/** `::error …::message`, `::warning …::message`, `::notice …::message`. */
export function annotate(
  level: 'error' | 'warning' | 'notice',
  message: string,
  properties: AnnotationProperties = {},
): void {
  const pairs: [string, string | number | undefined][] = [
    ['title', properties.title],
    ['file', properties.file],
    ['line', properties.startLine],
    ['endLine', properties.endLine],
    ['col', properties.startColumn],
    ['endColumn', properties.endColumn],
  ];
  const rendered = pairs
    .filter(([, value]) => value) // as @actions/core: a missing or zero value is left out
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  process.stdout.write(`::${level}${rendered ? ` ${rendered}` : ''}::${escapeData(message)}${EOL}`);
}

export function info(message: string): void {
  process.stdout.write(`${message}${EOL}`);
}

/** Writes `name` to GITHUB_OUTPUT as a heredoc with a random delimiter (values may hold newlines). */
export function setOutput(
  name: string,
  value: string | number,
  env: NodeJS.ProcessEnv = process.env,
): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) {
    process.stdout.write(`${EOL}::set-output name=${name}::${escapeProperty(String(value))}${EOL}`);
    return;
  }
  const delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}

/** Appends Markdown to the step summary; without GITHUB_STEP_SUMMARY (a local run), prints it. */
export function appendSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): void {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, `${markdown}${EOL}`, 'utf8');
  else info(markdown);
}

/** Fails the step: an error annotation and exit code 1. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  annotate('error', message);
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** What @actions/github's `context` gives, read from the runner's environment. */
export function readContext(env: NodeJS.ProcessEnv = process.env) {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const path = env.GITHUB_EVENT_PATH;
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload: path && existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {},
    repo: { owner, repo },
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
  };
}
