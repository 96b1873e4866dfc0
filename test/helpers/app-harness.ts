import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { Octokit } from '@octokit/rest';
import { createNodeMiddleware, Probot } from 'probot';
import { UnthrottledOctokit } from '../../src/app/unthrottled-octokit.js';
import { hindsightApp } from '../../src/app/app.js';
import { loadTemplates } from '../../src/files/templates.js';
import { deliver, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import type { Repository } from '../../src/sandbox/state.js';

const require = createRequire(import.meta.url);
const examples: {
  name: string;
  examples: Record<string, any>[];
}[] = require('@octokit/webhooks-examples/api.github.com/index.json');

/** A real webhook payload from @octokit/webhooks-examples, for an event and (if it has one) action. */
export function example(name: string, action?: string): Record<string, any> {
  const all = examples.find((entry) => entry.name === name)?.examples ?? [];
  const found = all.find((e) => e.action === action) ?? all[0];
  if (!found) throw new Error(`no example for ${name}`);
  return structuredClone(found);
}

export interface Harness {
  sandbox: Sandbox;
  repo: Repository;
  appUrl: string;
  /** An Octokit acting as a person, through the sandbox. */
  as(login: string): Octokit;
  /** Delivers a signed webhook built from the real example, filled with the sandbox's repository, issue, label and sender. */
  send(input: {
    name: string;
    action: string;
    issue: number;
    label?: string;
    sender: string;
    id?: string;
    secret?: string;
  }): Promise<{ status: number; id: string }>;
  close(): Promise<void>;
}

export async function startHarness(
  options: {
    config?: string | null;
    files?: Record<string, string>;
    collaborators?: string[];
    /** Octokit's retries off, so a failure staged with `sandbox.failNext` reaches the app. */
    retries?: boolean;
    /** Probot's Octokit class (default: the sandbox's, with writes not spaced). */
    Octokit?: typeof UnthrottledOctokit;
    /** Collects every line the app logs (warn and above), when given. */
    logs?: string[];
    /** The app's clock (default: the real one). */
    now?: () => Date;
  } = {},
): Promise<Harness> {
  const sandbox = await startSandbox();
  const files: Record<string, string> = { 'README.md': '# payments\n', ...options.files };
  if (options.config !== null)
    files['.github/postmortem.yml'] =
      options.config ?? 'severityLabels: { sev1: SEV1, "severity: critical": SEV1 }\n';
  const repo = sandbox.state.createRepo({
    owner: 'acme',
    name: 'payments',
    files,
    collaborators: options.collaborators ?? ['alice', 'bob', 'carol'],
  });

  // Probot spaces writes a second apart (GitHub's secondary rate limit); tests assert on what is
  // written, not when, so they switch that off. `npm run bench` measures latency both ways.
  const probot = new Probot({
    appId: sandbox.app.id,
    privateKey: sandbox.app.privateKey,
    secret: sandbox.app.webhookSecret,
    baseUrl: sandbox.url,
    logLevel: 'fatal',
    Octokit:
      options.retries === false
        ? (options.Octokit ?? UnthrottledOctokit).defaults({ retry: { enabled: false } })
        : (options.Octokit ?? UnthrottledOctokit),
    ...(options.logs ? { log: recordingLogger(options.logs) as never } : {}),
  });
  const middleware = await createNodeMiddleware(
    hindsightApp({
      templates: () => loadTemplates(),
      ...(options.now ? { now: options.now } : {}),
    }),
    { probot },
  );
  const server = createServer((request, response) => {
    void middleware(request, response, () => {
      response.writeHead(404);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
  const clients = new Map<string, Octokit>();
  const as = (login: string) => {
    let client = clients.get(login);
    if (!client) {
      client = new Octokit({
        auth: sandbox.userToken(login),
        baseUrl: sandbox.url,
        log: { debug() {}, info() {}, warn() {}, error() {} },
      });
      clients.set(login, client);
    }
    return client;
  };

  return {
    sandbox,
    repo,
    appUrl,
    as,
    async send({ name, action, issue, label, sender, id, secret }) {
      const payload = example(name, action);
      const client = as(sender);
      const params = { owner: 'acme', repo: 'payments' };
      payload.action = action;
      payload.repository = (await client.request('GET /repos/{owner}/{repo}', params)).data;
      payload.issue = (
        await client.request('GET /repos/{owner}/{repo}/issues/{issue_number}', {
          ...params,
          issue_number: issue,
        })
      ).data;
      if (label)
        payload.label = (
          await client.request('GET /repos/{owner}/{repo}/labels', params)
        ).data.find((l: { name: string }) => l.name === label) ?? { name: label, color: 'ededed' };
      payload.sender = { ...payload.sender, login: sender };
      payload.installation = { id: repo.installationId, node_id: `MDIz_${repo.installationId}` };
      delete payload.organization;
      const result = await deliver({
        url: appUrl,
        secret: secret ?? sandbox.app.webhookSecret,
        name,
        payload,
        ...(id ? { id } : {}),
      });
      return { status: result.status, id: result.id };
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sandbox.close();
    },
  };
}

/** Writes (non-GET) in the sandbox's request log, as `METHOD route`. */
export function writes(sandbox: Sandbox): string[] {
  return sandbox.log
    .filter((entry) => entry.method !== 'GET')
    .map((entry) => `${entry.method} ${entry.route}`);
}

/** Just enough of pino's interface for Probot: warnings and errors are recorded as text. */
function recordingLogger(lines: string[]): Record<string, unknown> {
  const text = (args: unknown[]) =>
    args
      .map((arg) =>
        arg instanceof Error
          ? arg.message
          : typeof arg === 'object' && arg !== null && 'err' in arg
            ? String((arg as { err: Error }).err?.message)
            : String(arg),
      )
      .join(' ');
  const logger: Record<string, unknown> = {
    level: 'warn',
    trace() {},
    debug() {},
    info() {},
    warn: (...args: unknown[]) => lines.push(`warn: ${text(args)}`),
    error: (...args: unknown[]) => lines.push(`error: ${text(args)}`),
    fatal: (...args: unknown[]) => lines.push(`fatal: ${text(args)}`),
    child: () => logger,
  };
  return logger;
}
