import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { runCli } from '../src/cli/run.js';
import { NODE, ROOT } from './helpers/run-action.js';

let cwd: string;
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'hindsight-cli-'));
});

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd,
    now: new Date('2026-11-23T10:00:00Z'),
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

const example = (name: string) => readFile(join(ROOT, 'examples/postmortems', name), 'utf8');

describe('hindsight new', () => {
  test('writes postmortems/YYYY-MM-DD-slug.md from the template and never overwrites', async () => {
    const first = await cli(
      'new',
      '--title',
      'Payments API: pool exhausted',
      '--severity',
      'SEV2',
      '--incident',
      '123',
      '--owner',
      'octocat',
    );
    expect(first).toMatchObject({
      code: 0,
      stdout: 'postmortems/2026-11-23-payments-api-pool-exhausted.md\n',
    });
    const path = join(cwd, 'postmortems/2026-11-23-payments-api-pool-exhausted.md');
    const text = await readFile(path, 'utf8');
    expect(text).toContain(
      'title: "Payments API: pool exhausted"\nincident: 123\nstatus: draft\nseverity: SEV2\ndate: 2026-11-23\nowner: "@octocat"\n',
    );
    expect(text).toContain('due: 2026-11-25\n');

    await writeFile(path, 'edited by a person\n');
    const again = await cli('new', '--title', 'Payments API: pool exhausted');
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      'hindsight: postmortems/2026-11-23-payments-api-pool-exhausted.md already exists; it was left as it is. Choose another --title or --date.\n',
    );
    expect(await readFile(path, 'utf8')).toBe('edited by a person\n');
  });

  test('--template is written into the front matter, so lint judges the file by that template', async () => {
    const made = await cli('new', '--title', 'Cache miss storm', '--template', 'minimal');
    expect(made.code).toBe(0);
    const text = await readFile(join(cwd, made.stdout.trim()), 'utf8');
    expect(text).toMatch(/\ndue: 2026-11-25\ntemplate: "minimal"\n---\n/);
    const linted = await cli('lint', '--format', 'json', made.stdout.trim());
    const rules = (JSON.parse(linted.stdout) as { rule?: string; message?: string }[])
      .filter((entry) => entry.rule === 'required-sections')
      .map((entry) => entry.message);
    expect(rules.filter((message) => message?.startsWith('Missing section'))).toEqual([]);
  });

  test('a hostile title cannot leave the directory', async () => {
    const { code, stdout } = await cli(
      'new',
      '--title',
      '../../../etc/passwd\n---\n# x',
      '--template',
      'minimal',
    );
    expect(code).toBe(0);
    expect(stdout).toBe('postmortems/2026-11-23-etc-passwd-x.md\n');
    expect(await readdir(cwd)).toEqual(['postmortems']);
  });

  test.each([
    [['new'], 'hindsight: hindsight new needs --title "What happened".\n'],
    [
      ['new', '--title', 'x', '--severity', 'SEV9'],
      'hindsight: --severity must be one of SEV1, SEV2, SEV3, SEV4, not "SEV9".\n',
    ],
    [
      ['new', '--title', 'x', '--template', 'fancy'],
      'hindsight: Unknown template "fancy"; templates: coe, google-sre, minimal, standard.\n',
    ],
    [
      ['new', '--title', 'x', '--incident', '12; rm -rf /'],
      'hindsight: --incident takes an issue number (123) or owner/repo#123, not "12; rm -rf /".\n',
    ],
    [
      ['new', '--title', 'x', '--date', '2026-13-01'],
      'hindsight: --date must be a day written YYYY-MM-DD, not "2026-13-01".\n',
    ],
    [
      ['lint', '--bogus'],
      "hindsight: Unknown option '--bogus'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--bogus\"\nRun `hindsight --help` for usage.\n",
    ],
    [
      ['frobnicate'],
      'hindsight: Unknown command "frobnicate". Commands: new, lint, index, import, templates, sync, sandbox, demo.\n',
    ],
  ])('usage errors exit 2: %j', async (argv, message) => {
    const { code, stderr } = await cli(...argv);
    expect(code).toBe(2);
    expect(stderr).toBe(message);
  });
});

describe('hindsight lint', () => {
  beforeEach(async () => {
    await mkdir(join(cwd, 'postmortems/sub'), { recursive: true });
    await writeFile(
      join(cwd, 'postmortems/2026-11-20-payments-api-pool-exhausted.md'),
      await example('2026-11-20-payments-api-pool-exhausted.md'),
    );
    await writeFile(join(cwd, 'postmortems/sub/notes.txt'), 'not markdown');
    await mkdir(join(cwd, '.github'));
    await writeFile(join(cwd, '.github/postmortem.yml'), 'rules: { action-item-overdue: off }\n');
  });

  test('a clean directory exits 0, with metrics', async () => {
    expect(await cli('lint')).toEqual({
      code: 0,
      stdout:
        'postmortems/2026-11-20-payments-api-pool-exhausted.md: ok  (detect 2m, mitigate 16m, resolve 32m)\n✔ 1 postmortem, no problems\n',
      stderr: '',
    });
  });

  test('errors exit 1; JSON has the findings and per-file metrics', async () => {
    const text = (await example('2026-11-21-search-latency.md')).replace(
      'status: draft',
      'status: in-review',
    );
    await writeFile(join(cwd, 'postmortems/2026-11-21-search-latency.md'), text);
    const { code, stdout } = await cli('lint', 'postmortems', '--format', 'json');
    expect(code).toBe(1);
    const output = JSON.parse(stdout) as Record<string, unknown>[];
    expect(output.filter((r) => r.kind === 'metrics')).toEqual([
      {
        kind: 'metrics',
        file: 'postmortems/2026-11-20-payments-api-pool-exhausted.md',
        status: 'published',
        timeToDetect: 2,
        timeToMitigate: 16,
        timeToResolve: 32,
        errors: 0,
        warnings: 0,
      },
      {
        kind: 'metrics',
        file: 'postmortems/2026-11-21-search-latency.md',
        status: 'in-review',
        timeToDetect: 15,
        timeToMitigate: null,
        timeToResolve: null,
        errors: 10,
        warnings: 0,
      },
    ]);
    expect(output).toContainEqual({
      kind: 'finding',
      file: 'postmortems/2026-11-21-search-latency.md',
      line: 29,
      column: 59,
      endLine: 29,
      endColumn: 70,
      rule: 'no-human-error-root-cause',
      level: 'error',
      message:
        '"human error" names a person, not a cause. Say what in the system let the error happen or reach users.',
      suggestion: 'e.g. "The CLI accepted a destructive flag without confirmation."',
    });
  });

  test('github and sarif formats', async () => {
    await writeFile(
      join(cwd, 'postmortems/2026-11-21-search-latency.md'),
      await example('2026-11-21-search-latency.md'),
    );
    const github = await cli(
      'lint',
      '--format',
      'github',
      'postmortems/2026-11-21-search-latency.md',
    );
    expect(github.code).toBe(0);
    expect(github.stdout.split('\n')).toContain(
      '::warning file=postmortems/2026-11-21-search-latency.md,line=23,endLine=23,col=3,endColumn=8,title=timeline-timezone::Timeline time "09:10" has no time zone.%0ASuggestion: 09:10 UTC, or declare the zone once in the header: | Time (UTC) | Event |',
    );
    const sarif = JSON.parse(
      (await cli('lint', '--format', 'sarif', 'postmortems/2026-11-21-search-latency.md')).stdout,
    );
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain(
      'blameless-language',
    );
    expect(sarif.runs[0].results[0]).toEqual({
      ruleId: 'required-sections',
      level: 'warning',
      message: {
        text: 'Missing section "Contributing factors". Suggestion: ## Contributing factors',
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'postmortems/2026-11-21-search-latency.md' },
            region: { startLine: 11, startColumn: 3, endLine: 11 },
          },
        },
      ],
    });
  });

  test('--max-warnings turns warnings into a failure', async () => {
    await writeFile(
      join(cwd, 'postmortems/2026-11-21-search-latency.md'),
      await example('2026-11-21-search-latency.md'),
    );
    expect((await cli('lint', '--max-warnings', '10')).code).toBe(0);
    const over = await cli('lint', '--max-warnings', '3');
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('10 warnings, more than --max-warnings 3.\n');
  });

  test('a file named explicitly is linted whatever its extension; directories only give .md; globs work', async () => {
    await writeFile(join(cwd, 'legacy.html.md.erb'), '---\ntitle: x\n---\n# x\n');
    const erb = await cli('lint', 'legacy.html.md.erb', '--format', 'json');
    expect(
      JSON.parse(erb.stdout)
        .filter((r: { kind: string }) => r.kind === 'metrics')
        .map((r: { file: string }) => r.file),
    ).toEqual(['legacy.html.md.erb']);
    const dir = await cli('lint', 'postmortems', '--format', 'json');
    expect(JSON.parse(dir.stdout).some((r: { file: string }) => r.file.endsWith('.txt'))).toBe(
      false,
    );
    const glob = await cli('lint', 'postmortems/**/2026-*.md', '--format', 'json');
    expect(
      JSON.parse(glob.stdout).filter((r: { kind: string }) => r.kind === 'metrics'),
    ).toHaveLength(1);
  });

  test('a missing path or a bad config exits 2 and says where', async () => {
    expect(await cli('lint', 'nope.md')).toMatchObject({
      code: 2,
      stderr: 'hindsight: No file matches "nope.md".\n',
    });
    await writeFile(
      join(cwd, '.github/postmortem.yml'),
      'directory: postmortems\nseverities: SEV1\n',
    );
    expect(await cli('lint')).toMatchObject({
      code: 2,
      stderr: 'hindsight: .github/postmortem.yml:2:1: severities: must be a list\n',
    });
    expect(await cli('lint', '--format', 'xml')).toMatchObject({
      code: 2,
      stderr: 'hindsight: --format must be one of stylish, json, github, sarif, not "xml".\n',
    });
  });
});

describe('the built CLI (dist/cli.js)', () => {
  test('runs as a program and exits with lint’s code', async () => {
    await mkdir(join(cwd, 'postmortems'));
    await writeFile(
      join(cwd, 'postmortems/2026-11-21-search-latency.md'),
      (await example('2026-11-21-search-latency.md')).replace('status: draft', 'status: published'),
    );
    const result = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(
        NODE,
        [join(ROOT, 'dist/cli.js'), 'lint', '--format', 'json'],
        { cwd },
        (error, stdout) => resolve({ code: error ? Number(error.code) : 0, stdout }),
      ),
    );
    expect(result.code).toBe(1);
    expect(
      JSON.parse(result.stdout).find((r: { kind: string }) => r.kind === 'metrics'),
    ).toMatchObject({ status: 'published', timeToDetect: 15 });
  });
});

test('--version matches package.json', async () => {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
  expect((await cli('--version')).stdout).toBe(`${pkg.version}\n`);
});

test('the built CLI gives the same output with worker threads as with one thread', async () => {
  await mkdir(join(cwd, 'postmortems'));
  const base = await example('2026-11-21-search-latency.md');
  for (let n = 0; n < 40; n++)
    await writeFile(
      join(cwd, `postmortems/2026-11-${String((n % 28) + 1).padStart(2, '0')}-case-${n}.md`),
      n % 3 ? base : base.replace('status: draft', 'status: in-review'),
    );
  const run = (jobs: string) =>
    new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(
        NODE,
        [join(ROOT, 'dist/cli.js'), 'lint', '--format', 'json', '--jobs', jobs],
        { cwd, maxBuffer: 1 << 26 },
        (error, stdout) => resolve({ code: error ? Number(error.code) : 0, stdout }),
      ),
    );
  const [one, three] = await Promise.all([run('1'), run('3')]);
  expect(one.code).toBe(1);
  expect(three).toEqual(one);
  expect(JSON.parse(one.stdout).filter((r: { kind: string }) => r.kind === 'metrics')).toHaveLength(
    40,
  );
});

describe('hindsight import', () => {
  const wiki = [
    '# Checkout outage, 2024-05-14',
    '',
    'All times listed in PDT.',
    '',
    '## Issue Summary',
    '',
    'Card payments failed for 1,200 customers during the deploy window.',
    '',
    '## Timeline and Response',
    '',
    '- **09:12** - Deploy of the payments service started',
    '- **09:20** - Alert fired for card authorisation errors',
    '- **09:41** - Incident resolved by rolling back',
    '',
    "## What we're doing about it",
    '',
    '- Add a canary stage to the payments deploy (@alice, P1)',
    '- Page the payments on-call for authorisation errors',
    '',
  ].join('\n');

  test('writes format v1 files into the configured directory and says what it could not determine', async () => {
    await mkdir(join(cwd, 'old'));
    await writeFile(join(cwd, 'old/checkout.md'), wiki);
    const { code, stdout } = await cli('import', 'old/checkout.md');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'old/checkout.md → postmortems/2024-05-14-checkout-outage.md',
        '  could not determine: no owner for A2',
        '  could not determine: no severity',
        '  could not determine: no mitigated_at from the timeline',
        '  could not determine: status: draft (published needs an owner and reviewers, which are not written)',
        '1 file imported. Check them with: hindsight lint postmortems',
        '',
      ].join('\n'),
    );
    const text = await readFile(join(cwd, 'postmortems/2024-05-14-checkout-outage.md'), 'utf8');
    expect(text).toContain(
      '---\ntitle: "Checkout outage, 2024-05-14"\nstatus: draft\ndate: 2024-05-14\nstarted_at: 2024-05-14T16:12:00Z\ndetected_at: 2024-05-14T16:20:00Z\nresolved_at: 2024-05-14T16:41:00Z\ndue: 2026-11-25\nimported_from: "old/checkout.md"\n---\n',
    );
    expect(text).toContain('## Summary\n\n(Originally: Issue Summary)\n\nCard payments failed');
    expect(text).toContain(
      '| Time | Event |\n| --- | --- |\n| 09:12 | Deploy of the payments service started |',
    );
    expect(text).toContain(
      "## Action items\n\n(Originally: What we're doing about it)\n\n| ID | Action | Owner | Priority | Due | Status | Issue |\n| --- | --- | --- | --- | --- | --- | --- |\n| A1 | Add a canary stage to the payments deploy (@alice, P1) | @alice | P1 |  |  |  |",
    );
    const linted = await cli('lint', '--format', 'json', 'postmortems');
    const rules = (JSON.parse(linted.stdout) as { rule?: string; level?: string }[]).filter(
      (entry) =>
        entry.rule === 'filename' || (entry.rule === 'frontmatter' && entry.level === 'error'),
    );
    expect(rules).toEqual([]);
  });

  test('never overwrites: the same import again is left alone, another file takes a new name', async () => {
    await mkdir(join(cwd, 'old'));
    await writeFile(join(cwd, 'old/a.md'), wiki);
    await writeFile(join(cwd, 'old/b.md'), wiki.replace('1,200', '1,300'));
    expect((await cli('import', 'old/a.md')).code).toBe(0);
    const again = await cli(
      'import',
      '--format',
      'json',
      'old/a.md',
      'old/b.md',
      '--out',
      'postmortems',
    );
    expect(again.code).toBe(0);
    const results = JSON.parse(again.stdout) as {
      source: string;
      output: string;
      unchanged: boolean;
    }[];
    expect(results.map(({ source, output, unchanged }) => ({ source, output, unchanged }))).toEqual(
      [
        {
          source: 'old/a.md',
          output: 'postmortems/2024-05-14-checkout-outage.md',
          unchanged: true,
        },
        {
          source: 'old/b.md',
          output: 'postmortems/2024-05-14-checkout-outage-2.md',
          unchanged: false,
        },
      ],
    );
  });

  test.each([
    [
      ['import'],
      'hindsight: hindsight import needs the files to import: hindsight import old/*.md\n',
    ],
    [
      ['import', '--format', 'sarif', 'x.md'],
      'hindsight: --format for import must be stylish or json, not "sarif".\n',
    ],
    [['import', 'missing.md'], 'hindsight: No file matches "missing.md".\n'],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const { code, stderr } = await cli(...argv);
    expect(code).toBe(2);
    expect(stderr).toBe(message);
  });
});
