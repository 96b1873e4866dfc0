// The scheduled sync of a repository with many postmortems, through the real entry points:
// `hindsight sync` (dist/cli.js) and the Action (`command: sync`, dist/index.js), each a fresh
// process against the sandbox, as a cron job or a workflow runs them. The repository is already
// in step (every item has its issue, every report links them): the first run reads everything and
// writes only its sync state, the second finds nothing changed, the third follows one edit and
// one closed issue. Run by `npm run bench`: argv = root, sizes (postmortems), items per postmortem.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { DEFAULT_CONFIG, planSync, writeBack, type TrackedIssue } from '../src/core/index.js';
import { startSandbox } from '../src/sandbox/index.js';

const run = promisify(execFile);
const [root, sizes, perFile] = process.argv.slice(2) as [string, string, string];
const ITEMS = Number(perFile);
const TODAY = '2026-11-24';

function report(n: number): string {
  const rows = Array.from(
    { length: ITEMS },
    (_, k) =>
      `| A${k + 1} | Fix cause ${k + 1} of outage ${n} in the payments path | @alice | P2 | 2099-01-01 | Open | |`,
  );
  return `---\ntitle: "Outage ${n}"\nincident: ${n}\nstatus: published\nseverity: SEV2\ndate: 2026-11-20\nowner: "@alice"\n---\n# Outage ${n}\n\n## Summary\n\nCheckout failed.\n\n## Action items\n\n| ID | Action | Owner | Priority | Due | Status | Issue |\n| --- | --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`;
}

console.log(
  `\n### Scheduled sync at scale (${ITEMS} action items per postmortem; fresh process per run)\n`,
);
console.log(
  '| postmortems | action items | entry point | requests | of which writes | wall time |',
);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const size of sizes.split(',').map(Number))
  for (const which of ['cli', 'action'] as const) {
    // 1. A repository in step: issues made as sync makes them (core's plan), reports linked with
    //    the links this entry point writes (the CLI links the API's host, the Action the server's).
    const sandbox = await startSandbox();
    // The CLI links the repository's own web page (its html_url); the Action, the server's.
    sandbox.state.createRepo({ owner: 'acme', name: 'probe', files: {} });
    const html = await fetch(`${sandbox.url}/repos/acme/probe`, {
      headers: { authorization: `token ${sandbox.userToken('alice')}` },
    }).then((r) => r.json() as Promise<{ html_url: string }>);
    const repoUrl =
      which === 'cli'
        ? html.html_url.replace(/probe$/, 'payments')
        : 'https://github.com/acme/payments';
    const files: Record<string, string> = {
      '.github/postmortem.yml': 'template: standard\n',
    };
    // The issues are the token's own, as if an earlier run of this job had opened them; a fresh
    // repository numbers them 1, 2, 3…
    const bot = sandbox.state.user('alice');
    const issues: TrackedIssue[] = [];
    for (let n = 1; n <= size; n++) {
      const path = `postmortems/2026-11-20-outage-${n}.md`;
      const text = report(n);
      const plan = planSync({
        path,
        text,
        config: DEFAULT_CONFIG,
        issues: [],
        today: TODAY,
        blobUrl: `${repoUrl}/blob/main/${path}`,
        home: null,
      });
      const tracked: TrackedIssue[] = plan.create.map((draft) => ({
        number: issues.length + 1 + plan.create.indexOf(draft),
        title: draft.title,
        body: draft.body,
        state: 'open',
        stateReason: null,
        assignees: draft.assignee ? [draft.assignee] : [],
        labels: draft.labels,
      }));
      issues.push(...tracked);
      files[path] = writeBack({ path, text, issues: tracked, today: TODAY, home: null }).text;
    }
    const repo = sandbox.state.createRepo({
      owner: 'acme',
      name: 'payments',
      collaborators: ['alice'],
      files,
    });
    for (const issue of issues) {
      const at = sandbox.state.timestamp();
      repo.issues.set(issue.number, {
        number: issue.number,
        id: sandbox.state.id(),
        title: issue.title,
        body: issue.body,
        state: 'open',
        state_reason: null,
        user: bot,
        labels: issue.labels,
        assignees: issue.assignees,
        comments: [],
        events: [],
        created_at: at,
        updated_at: at,
        closed_at: null,
      });
    }
    const token = sandbox.userToken('alice');
    await fetch(`${sandbox.url}/repos/acme/payments/labels`, {
      method: 'POST',
      headers: { authorization: `token ${token}` },
      body: JSON.stringify({ name: DEFAULT_CONFIG.labels.actionItem, color: 'ededed' }),
    });
    const dir = await mkdtemp(join(tmpdir(), 'hindsight-sync-bench-'));
    await writeFile(join(dir, 'event.json'), JSON.stringify({ schedule: '0 7 * * *' }));
    await writeFile(join(dir, 'summary.md'), '');
    await writeFile(join(dir, 'output.txt'), '');

    // 2. Each entry point, twice (the second run remembers nothing either: a scheduled run is a
    //    fresh process); requests counted in the sandbox's log.
    const entries: [string, () => Promise<unknown>][] = (
      [
        [
          '`hindsight sync`',
          () =>
            run(process.execPath, [join(root, 'dist/cli.js'), 'sync', '--repo', 'acme/payments'], {
              env: { PATH: process.env.PATH, GITHUB_TOKEN: token, GITHUB_API_URL: sandbox.url },
              maxBuffer: 64 * 1024 * 1024,
            }),
        ],
        [
          'the Action (`command: sync`)',
          () =>
            run(process.execPath, [join(root, 'dist/index.js')], {
              cwd: dir,
              env: {
                PATH: process.env.PATH,
                GITHUB_API_URL: sandbox.url,
                GITHUB_EVENT_NAME: 'schedule',
                GITHUB_EVENT_PATH: join(dir, 'event.json'),
                GITHUB_REPOSITORY: 'acme/payments',
                GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
                GITHUB_OUTPUT: join(dir, 'output.txt'),
                GITHUB_ACTIONS: 'true',
                INPUT_TOKEN: token,
                INPUT_COMMAND: 'sync',
                INPUT_CONFIG: '.github/postmortem.yml',
                INPUT_COMMENT: 'false',
              },
              maxBuffer: 64 * 1024 * 1024,
            }),
        ],
      ] as [string, () => Promise<unknown>][]
    ).filter(([name]) => name.includes('hindsight') === (which === 'cli'));
    // The first run reads everything (no state yet) and leaves what it saw on hindsight/sync-state;
    // the second finds nothing changed; before the third, a person edits one postmortem's action
    // and closes another postmortem's issue, as a day of work would.
    const passes: [string, () => void][] = [
      ['first run (cold: no sync state)', () => {}],
      ['second run (warm, nothing changed)', () => {}],
      [
        'third run (warm: 1 postmortem edited, 1 issue closed)',
        () => {
          const main = repo.refs.get('refs/heads/main')!;
          const path = 'postmortems/2026-11-20-outage-2.md';
          const text = repo.blobs
            .get(repo.commits.get(main)!.tree.get(path)!)!
            .toString('utf8')
            .replace('Fix cause 1 of outage 2', 'Fix the first cause of outage 2');
          const sha = sandbox.state.commit(repo, {
            parent: main,
            message: 'Reword A1',
            changes: { [path]: text },
            author: bot,
          });
          repo.refs.set('refs/heads/main', sha);
          const closed = repo.issues.get(ITEMS * 3 + 1)!;
          closed.state = 'closed';
          closed.state_reason = 'completed';
          closed.closed_at = closed.updated_at = sandbox.state.timestamp();
        },
      ],
    ];
    for (const [name, entry] of entries)
      for (const [pass, before] of passes) {
        before();
        const start = sandbox.log.length;
        const time = performance.now();
        await entry();
        const seconds = (performance.now() - time) / 1000;
        const made = sandbox.log.slice(start);
        console.log(
          `| ${size.toLocaleString('en')} | ${(size * ITEMS).toLocaleString('en')} | ${name}, ${pass} | ${made.length} | ${made.filter((e) => e.method !== 'GET').length} | ${seconds.toFixed(1)} s |`,
        );
      }
    // 3. The index (the Action's `command: index` on a push to main), without a checkout and with
    //    one of main's postmortems (as actions/checkout leaves them in GITHUB_WORKSPACE).
    if (which === 'action') {
      const workspace = await mkdtemp(join(tmpdir(), 'hindsight-checkout-'));
      const tree = repo.commits.get(repo.refs.get('refs/heads/main')!)!.tree;
      for (const [path, blob] of tree) {
        await mkdir(join(workspace, path, '..'), { recursive: true });
        await writeFile(join(workspace, path), repo.blobs.get(blob)!);
      }
      const pushEvent = {
        ref: 'refs/heads/main',
        repository: { full_name: 'acme/payments', default_branch: 'main' },
      };
      await writeFile(join(dir, 'push.json'), JSON.stringify(pushEvent));
      for (const [pass, checkout] of [
        ['`command: index`, no checkout', null],
        ['`command: index`, with a checkout', workspace],
        ['`command: index`, with a checkout, again', workspace],
      ] as const) {
        const start = sandbox.log.length;
        const time = performance.now();
        await run(process.execPath, [join(root, 'dist/index.js')], {
          cwd: dir,
          env: {
            PATH: process.env.PATH,
            GITHUB_API_URL: sandbox.url,
            GITHUB_EVENT_NAME: 'push',
            GITHUB_EVENT_PATH: join(dir, 'push.json'),
            GITHUB_REPOSITORY: 'acme/payments',
            GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
            GITHUB_OUTPUT: join(dir, 'output.txt'),
            GITHUB_ACTIONS: 'true',
            ...(checkout ? { GITHUB_WORKSPACE: checkout } : {}),
            INPUT_TOKEN: token,
            INPUT_COMMAND: 'index',
            INPUT_CONFIG: '.github/postmortem.yml',
            INPUT_COMMENT: 'false',
          },
          maxBuffer: 64 * 1024 * 1024,
        });
        const seconds = (performance.now() - time) / 1000;
        const made = sandbox.log.slice(start);
        console.log(
          `| ${size.toLocaleString('en')} | ${(size * ITEMS).toLocaleString('en')} | the Action (${pass}) | ${made.length} | ${made.filter((e) => e.method !== 'GET').length} | ${seconds.toFixed(1)} s |`,
        );
      }
    }
    await sandbox.close();
  }
