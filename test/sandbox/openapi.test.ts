import { createSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Octokit } from '@octokit/rest';
import { Ajv, type ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROUTES, startSandbox, type Sandbox } from '../../src/sandbox/index.js';

// The sandbox must not drift from GitHub: every route it serves is checked against the OpenAPI
// description GitHub publishes (@octokit/openapi): the path and method exist, every required
// body field is enforced, and every success response validates against GitHub's schema.
const require = createRequire(import.meta.url);
const spec = JSON.parse(
  readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8'),
);
const ajv = new Ajv({
  strict: false,
  allErrors: true,
  validateFormats: false,
  validateSchema: false,
});
ajv.addSchema({ $id: 'gh', components: jsonSchema(spec.components) });

/** OpenAPI 3.0's `nullable: true` as plain JSON Schema: `type: [t, "null"]`, or `anyOf` with null. */
function jsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(jsonSchema);
  if (!node || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest))
    out[key] = key === 'example' || key === 'examples' ? value : jsonSchema(value);
  if (nullable !== true) return out;
  if (typeof out.type === 'string')
    return {
      ...out,
      type: [out.type, 'null'],
      ...(Array.isArray(out.enum) ? { enum: [...out.enum, null] } : {}),
    };
  return { anyOf: [out, { type: 'null' }] };
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
const operation = (path: string, method: string) =>
  spec.paths[path]?.[method.toLowerCase() as Method];
const validators = new Map<string, ValidateFunction | null>();

/** The JSON schema GitHub gives for a route's response with this status, or null when it has none. */
function validatorFor(path: string, method: string, status: number): ValidateFunction | null {
  const key = `${method} ${path} ${status}`;
  if (!validators.has(key)) {
    let response = operation(path, method)?.responses?.[String(status)];
    if (response?.$ref) response = spec.components.responses[response.$ref.split('/').pop()];
    const schema = response?.content?.['application/json']?.schema;
    validators.set(
      key,
      schema
        ? ajv.compile(
            JSON.parse(
              JSON.stringify(jsonSchema(schema)).replace(/"#\/components\//g, '"gh#/components/'),
            ),
          )
        : null,
    );
  }
  return validators.get(key) ?? null;
}

/** An RS256 JWT for the sandbox's app, as @octokit/auth-app makes one. */
function appJwt(sandbox: Sandbox): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode({ iat: now - 30, exp: now + 540, iss: sandbox.app.id })}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(sandbox.app.privateKey, 'base64url')}`;
}

let sandbox: Sandbox;
const responses: { route: string; method: string; status: number; data: unknown }[] = [];

beforeAll(async () => {
  sandbox = await startSandbox();
  const repo = sandbox.state.createRepo({
    owner: 'acme',
    name: 'payments',
    files: { 'README.md': '# hi\n', 'docs/a.md': 'a\n' },
    collaborators: ['alice', 'bob'],
  });
  sandbox.state.teams.set('acme/sre', { org: 'acme', slug: 'sre', members: ['bob'] });
  const record = (octokit: Octokit) => {
    octokit.hook.after('request', (response, options) => {
      responses.push({
        route: String(options.url),
        method: String(options.method),
        status: response.status,
        data: response.data,
      });
    });
    return octokit;
  };
  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  const alice = record(
    new Octokit({ auth: sandbox.userToken('alice'), baseUrl: sandbox.url, log: quiet }),
  );
  const bob = record(
    new Octokit({ auth: sandbox.userToken('bob'), baseUrl: sandbox.url, log: quiet }),
  );
  const app = record(new Octokit({ auth: appJwt(sandbox), baseUrl: sandbox.url, log: quiet }));
  const P = { owner: 'acme', repo: 'payments' };

  // A scenario that calls every route at least once.
  await alice.request('GET /user');
  await app.request('GET /app');
  const { data: installation } = await app.request('GET /repos/{owner}/{repo}/installation', P);
  const { data: token } = await app.request(
    'POST /app/installations/{installation_id}/access_tokens',
    { installation_id: installation.id },
  );
  const bot = record(new Octokit({ auth: token.token, baseUrl: sandbox.url, log: quiet }));
  await bot.request('GET /repos/{owner}/{repo}', P);
  const main = (
    await bot.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { ...P, ref: 'heads/main' })
  ).data.object.sha;
  await bot.request('POST /repos/{owner}/{repo}/git/refs', {
    ...P,
    ref: 'refs/heads/feature',
    sha: main,
  });
  await bot.request('GET /repos/{owner}/{repo}/contents/{path}', { ...P, path: 'README.md' });
  await bot.request('GET /repos/{owner}/{repo}/contents/{path}', { ...P, path: 'docs' });
  const put = await bot.request('PUT /repos/{owner}/{repo}/contents/{path}', {
    ...P,
    path: 'postmortems/x.md',
    branch: 'feature',
    message: 'add',
    content: Buffer.from('x\n').toString('base64'),
  });
  await bot.request('PUT /repos/{owner}/{repo}/contents/{path}', {
    ...P,
    path: 'postmortems/x.md',
    branch: 'feature',
    message: 'edit',
    sha: put.data.content!.sha,
    content: Buffer.from('y\n').toString('base64'),
  });
  const feature = (
    await bot.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { ...P, ref: 'heads/feature' })
  ).data.object.sha;
  await bot.request('GET /repos/{owner}/{repo}/commits/{ref}', { ...P, ref: feature });
  await bot.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
    ...P,
    basehead: `main...feature`,
  });
  await bot.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
    ...P,
    tree_sha: feature,
    recursive: 'true',
  });
  const { data: issue } = await alice.request('POST /repos/{owner}/{repo}/issues', {
    ...P,
    title: 'Outage',
    body: 'x',
  });
  await bot.request('GET /repos/{owner}/{repo}/issues', { ...P, state: 'all' });
  await bot.request('GET /repos/{owner}/{repo}/issues/{issue_number}', {
    ...P,
    issue_number: issue.number,
  });
  await alice.request('POST /repos/{owner}/{repo}/labels', {
    ...P,
    name: 'incident',
    color: 'ff0000',
  });
  await bot.request('GET /repos/{owner}/{repo}/labels', P);
  await alice.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
    ...P,
    issue_number: issue.number,
    labels: ['incident', 'sev1'],
  });
  await alice.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', {
    ...P,
    issue_number: issue.number,
    name: 'sev1',
  });
  await alice.request('POST /repos/{owner}/{repo}/issues/{issue_number}/assignees', {
    ...P,
    issue_number: issue.number,
    assignees: ['bob'],
  });
  const { data: comment } = await bob.request(
    'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    { ...P, issue_number: issue.number, body: 'on it' },
  );
  await bob.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
    ...P,
    comment_id: comment.id,
    body: 'on it!',
  });
  await bot.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    ...P,
    issue_number: issue.number,
  });
  await bot.request('GET /repos/{owner}/{repo}/issues/{issue_number}/events', {
    ...P,
    issue_number: issue.number,
  });
  await bot.request('GET /repos/{owner}/{repo}/issues/{issue_number}/timeline', {
    ...P,
    issue_number: issue.number,
  });
  await bot.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
    ...P,
    issue_number: issue.number,
    state: 'closed',
    state_reason: 'not_planned',
  });
  await bot.request('GET /repos/{owner}/{repo}/assignees/{assignee}', { ...P, assignee: 'alice' });
  await bot.request('GET /orgs/{org}/teams/{team_slug}/members', { org: 'acme', team_slug: 'sre' });
  const { data: pull } = await bot.request('POST /repos/{owner}/{repo}/pulls', {
    ...P,
    title: 'PM',
    head: 'feature',
    base: 'main',
    body: 'b',
    draft: true,
  });
  await bot.request('GET /repos/{owner}/{repo}/pulls', { ...P, head: 'acme:feature' });
  await bot.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
    ...P,
    pull_number: pull.number,
  });
  await bot.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
    ...P,
    pull_number: pull.number,
  });
  await bot.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', {
    ...P,
    pull_number: pull.number,
    reviewers: ['alice'],
    team_reviewers: ['sre'],
  });
  await alice.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
    ...P,
    pull_number: pull.number,
    event: 'APPROVE',
  });
  await bot.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
    ...P,
    pull_number: pull.number,
  });
  const { data: run } = await bot.request('POST /repos/{owner}/{repo}/check-runs', {
    ...P,
    name: 'postmortem',
    head_sha: feature,
    status: 'in_progress',
  });
  await bot.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
    ...P,
    check_run_id: run.id,
    conclusion: 'success',
    output: { title: 'ok', summary: 'ok' },
  });
  await alice.request('PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge', {
    ...P,
    pull_number: pull.number,
  });
  await bot.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
    ...P,
    ref: 'heads/feature',
    sha: sandbox.state.resolve(repo, 'main')!,
    force: true,
  });
  await bot.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', { ...P, ref: 'heads/feature' });
});

afterAll(async () => {
  await sandbox?.close();
});

describe('every sandbox route against the OpenAPI description', () => {
  test.each(ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s exists in api.github.com',
    (_name, route) => {
      expect(operation(route.path, route.method), `${route.method} ${route.path}`).toBeDefined();
    },
  );

  test('the scenario called every route', () => {
    const called = new Set(responses.map((r) => `${r.method} ${r.route}`));
    expect(
      ROUTES.map((route) => `${route.method} ${route.path}`).filter((name) => !called.has(name)),
    ).toEqual([]);
  });

  test.each(ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s: success responses match GitHub’s schema',
    (_name, route) => {
      const mine = responses.filter(
        (r) => r.method === route.method && r.route === route.path && r.status < 300,
      );
      expect(mine.length).toBeGreaterThan(0);
      for (const response of mine) {
        const documented = operation(route.path, route.method)?.responses?.[
          String(response.status)
        ];
        expect(documented, `${response.status} is a documented status`).toBeDefined();
        const validate = validatorFor(route.path, route.method, response.status);
        if (!validate) continue;
        const ok = validate(response.data);
        if (!ok && process.env.SHOW)
          console.log(
            route.method,
            route.path,
            JSON.stringify(
              validate
                .errors!.slice(0, 10)
                .map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`),
            ),
          );
        expect(
          ok
            ? []
            : validate
                .errors!.slice(0, 8)
                .map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`),
        ).toEqual([]);
      }
    },
  );

  test.each(
    ROUTES.flatMap((route) => {
      const required: string[] =
        operation(route.path, route.method)?.requestBody?.content?.['application/json']?.schema
          ?.required ?? [];
      return required.map(
        (field) => [`${route.method} ${route.path} without "${field}"`, route, field] as const,
      );
    }),
  )('%s is refused', async (_name, route, field) => {
    const token = sandbox.userToken('alice');
    const url = `${sandbox.url}${route.path
      .replace('{owner}', 'acme')
      .replace('{repo}', 'payments')
      .replace(
        /\{[a-z_]+\}/g,
        (name) =>
          ({
            '{path}': 'README.md',
            '{issue_number}': '1',
            '{pull_number}': '2',
            '{comment_id}': '1',
            '{ref}': 'heads/main',
            '{check_run_id}': '1',
          })[name] ?? '1',
      )}`;
    const body: Record<string, unknown> = {
      message: 'm',
      content: 'eA==',
      ref: 'refs/heads/x',
      sha: 'abc',
      title: 't',
      body: 'b',
      name: 'n',
      head: 'main',
      base: 'main',
      head_sha: 'abc',
      labels: ['x'],
      event: 'APPROVE',
    };
    delete body[field];
    const response = await fetch(url, {
      method: route.method,
      headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect([400, 404, 409, 422]).toContain(response.status);
  });
});
