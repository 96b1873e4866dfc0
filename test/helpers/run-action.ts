import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
/** Run the bundle under this Node, or another one (HINDSIGHT_TEST_NODE=/path/to/node24). */
export const NODE = process.env.HINDSIGHT_TEST_NODE || process.execPath;

/** Runs the built Action (dist/index.js) as the runner would: env inputs, event file, summary and output files. */
export async function runBuiltAction(options: {
  apiUrl: string;
  token: string;
  eventName: string;
  payload: unknown;
  repository: string;
  inputs?: Record<string, string>;
  /** GITHUB_WORKSPACE: a checkout of the repository, when the workflow made one. */
  workspace?: string;
}) {
  const dir = await mkdtemp(join(tmpdir(), 'hindsight-action-'));
  const eventPath = join(dir, 'event.json');
  const summaryPath = join(dir, 'summary.md');
  const outputPath = join(dir, 'output.txt');
  await writeFile(eventPath, JSON.stringify(options.payload));
  await writeFile(summaryPath, '');
  await writeFile(outputPath, '');
  const inputs = {
    token: options.token,
    config: '.github/postmortem.yml',
    comment: 'false',
    'max-warnings': '',
    ...options.inputs,
  };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_API_URL: options.apiUrl,
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: options.repository,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_ACTIONS: 'true',
    ...(options.workspace ? { GITHUB_WORKSPACE: options.workspace } : {}),
    ...Object.fromEntries(
      Object.entries(inputs).map(([key, value]) => [`INPUT_${key.toUpperCase()}`, value]),
    ),
  };
  const { code, stdout, stderr } = await new Promise<{
    code: number;
    stdout: string;
    stderr: string;
  }>((resolve) => {
    execFile(
      NODE,
      [join(ROOT, 'dist', 'index.js')],
      { env, cwd: dir, timeout: 30_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
  return {
    code,
    stdout,
    stderr,
    summary: await readFile(summaryPath, 'utf8'),
    outputs: parseOutputs(await readFile(outputPath, 'utf8')),
  };
}

/** GITHUB_OUTPUT uses `name<<delimiter` heredocs. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const re = /^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(re)) outputs[match[1]!] = match[3]!;
  return outputs;
}
