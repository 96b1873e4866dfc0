import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, Probot } from 'probot';
import { hindsightApp } from '../app/app.js';
import { UnthrottledOctokit } from '../app/unthrottled-octokit.js';
import { lintPostmortem, loadConfig } from '../core/index.js';
import { examplesDir, loadTemplates } from '../files/templates.js';
import { startSandbox } from '../sandbox/index.js';
import { seedDemo } from '../sandbox/seed.js';
import type { CliContext } from './context.js';
import { formatResults } from './formats.js';
import { VERSION } from './version.js';

/**
 * `npm start`: the whole loop on this machine. A sandbox GitHub with a demo repository, the real
 * Probot app receiving its signed webhooks, an incident that gets labelled, and the draft
 * postmortem the app opens, validated.
 */
export async function demoCommand(context: CliContext): Promise<number> {
  const say = (line = '') => context.stdout(`${line}\n`);
  // 1. The sandbox and the app, both on 127.0.0.1.
  const sandbox = await startSandbox({ webPages: true });
  const repo = seedDemo(sandbox, examplesDir());
  const probot = new Probot({
    appId: sandbox.app.id,
    privateKey: sandbox.app.privateKey,
    secret: sandbox.app.webhookSecret,
    baseUrl: sandbox.url,
    logLevel: 'warn',
    Octokit: UnthrottledOctokit,
  });
  const middleware = await createNodeMiddleware(
    hindsightApp({ templates: () => loadTemplates() }),
    { probot },
  );
  const server = createServer(
    (request, response) => void middleware(request, response, () => response.writeHead(404).end()),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sandbox.setWebhook(
    `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`,
  );
  say(`Sandbox GitHub at ${sandbox.url}, app listening for its webhooks.`);
  try {
    // 2. An incident, as people would report it.
    const call = async (login: string, method: string, path: string, body: unknown) => {
      const response = await fetch(`${sandbox.url}${path}`, {
        method,
        headers: {
          authorization: `token ${sandbox.userToken(login)}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
      return (await response.json()) as Record<string, any>;
    };
    const issue = await call('alice', 'POST', '/repos/acme/payments/issues', {
      title: 'Payments API: checkout failing with 503s',
      body: 'Error rate above 5% since 14:28 UTC.',
    });
    await call('alice', 'POST', `/repos/acme/payments/issues/${issue.number}/assignees`, {
      assignees: ['bob'],
    });
    await call('bob', 'POST', `/repos/acme/payments/issues/${issue.number}/comments`, {
      body: 'Rolled back deploy 4121; errors falling.',
    });
    await call('carol', 'POST', `/repos/acme/payments/issues/${issue.number}/labels`, {
      labels: ['sev1', 'incident'],
    });
    say(
      `@alice opened incident #${issue.number} "${issue.title}"; @carol labelled it sev1 and incident.`,
    );
    await sandbox.settled();

    // 3. What the app did.
    const pull = [...repo.issues.values()].find(
      (candidate) => candidate.pull?.head === `hindsight/incident-${issue.number}`,
    );
    if (!pull) {
      say('The app did not open a pull request; see the log above.');
      return 1;
    }
    const head = repo.commits.get(repo.refs.get(`refs/heads/${pull.pull!.head}`)!)!;
    const path = [...head.tree.keys()].find(
      (file) =>
        file.startsWith('postmortems/') &&
        !repo.commits.get(repo.refs.get('refs/heads/main')!)!.tree.has(file),
    )!;
    const text = repo.blobs.get(head.tree.get(path)!)!.toString('utf8');
    const comment = repo.issues
      .get(issue.number)!
      .comments.find((c) => c.user.login === 'hindsight[bot]');
    say(
      `The app opened draft PR #${pull.number} "${pull.title}" (${sandbox.url}/acme/payments/pull/${pull.number} while the demo runs; \`hindsight sandbox\` keeps one running)`,
    );
    say(
      `  branch ${pull.pull!.head}, file ${path}, label ${pull.labels.join(', ')}, review requested from ${pull.pull!.requestedReviewers.map((l) => `@${l}`).join(', ')}`,
    );
    say(`  and commented on #${issue.number}: ${comment?.body.split('\n')[1] ?? '(no comment)'}`);
    say(
      `  ${sandbox.log.filter((entry) => entry.caller === 'installation' || entry.caller === 'app').length} API requests, ${sandbox.deliveries.length} webhooks delivered.`,
    );
    say();
    say(`The draft's front matter:\n${text.split('---')[1]?.trim()}`);
    say();

    // 4. The postmortem check on the new draft.
    const loaded = loadConfig(
      repo.blobs.get(head.tree.get('.github/postmortem.yml')!)!.toString('utf8'),
    );
    const result = lintPostmortem({
      path,
      text,
      config: loaded.config,
      ruleOptions: loaded.ruleOptions,
      templates: await loadTemplates(),
      now: context.now,
    });
    say('The postmortem check on the new draft (a draft: warnings until it is in review):');
    context.stdout(formatResults('stylish', [result], VERSION));
    return 0;
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await sandbox.close();
  }
}
