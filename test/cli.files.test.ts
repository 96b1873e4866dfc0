import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, realpath, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { runCli } from '../src/cli/run.js';

// What `hindsight lint` reads and `hindsight new` writes, when the repository is hostile: links
// out of it, devices, pipes, huge files, links in a loop. Each is a finding naming the file, or a
// usage error, never a hang, a quote of a file outside the repository, or a stack trace.
let cwd: string;
let outside: string;
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'hindsight-files-'));
  outside = await mkdtemp(join(tmpdir(), 'hindsight-outside-'));
  await mkdir(join(cwd, '.git'));
  await mkdir(join(cwd, 'postmortems'));
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

async function lintJson(...paths: string[]) {
  const run = await cli('lint', '--format', 'json', ...paths);
  const records = JSON.parse(run.stdout) as {
    kind: string;
    file: string;
    rule: string;
    message: string;
    level: string;
  }[];
  const results = records
    .filter((r) => r.kind === 'metrics')
    .map(({ file }) => ({
      file,
      findings: records.filter((r) => r.kind === 'finding' && r.file === file),
    }));
  return { code: run.code, results, stdout: run.stdout };
}

const GOOD = '---\ntitle: x\nstatus: draft\ndate: 2026-11-20\n---\n## Summary\n\nok\n';

describe('hindsight lint reads only regular files inside the repository', () => {
  test('a link to /dev/zero is refused at once, named, and the others are still linted', async () => {
    await symlink('/dev/zero', join(cwd, 'postmortems/2026-11-20-zero.md'));
    await writeFile(join(cwd, 'postmortems/2026-11-20-ok.md'), GOOD);
    const started = Date.now();
    const { code, results } = await lintJson('postmortems');
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(code).toBe(1);
    const zero = results.find((r) => r.file === 'postmortems/2026-11-20-zero.md');
    expect(zero?.findings).toEqual([
      expect.objectContaining({
        rule: 'file-read',
        level: 'error',
        message: `postmortems/2026-11-20-zero.md resolves to /dev/zero, outside the repository (${await realpath(cwd)}); it was not read. Postmortems must be files inside the repository, not links out of it.`,
      }),
    ]);
    expect(results.find((r) => r.file === 'postmortems/2026-11-20-ok.md')).toBeDefined();
  }, 30_000);

  test('a link to a file outside the repository is not read, and its text is never quoted', async () => {
    const secret = join(outside, 'secret.md');
    await writeFile(secret, '---\ntitle: TOP-SECRET-TOKEN\nstatus: nonsense\n---\nTODO\n');
    await symlink(secret, join(cwd, 'postmortems/2026-11-20-leak.md'));
    await symlink(outside, join(cwd, 'postmortems/linked-folder'));
    const { code, results, stdout } = await lintJson('postmortems');
    expect(code).toBe(1);
    expect(stdout).not.toContain('TOP-SECRET-TOKEN');
    expect(stdout).not.toContain('nonsense');
    const leak = results.find((r) => r.file === 'postmortems/2026-11-20-leak.md');
    expect(leak?.findings.map((f) => f.rule)).toEqual(['file-read']);
    expect(leak?.findings[0]?.message).toContain('outside the repository');
    for (const result of results) expect(result.findings.map((f) => f.rule)).toEqual(['file-read']);
  });

  test('a named pipe is refused without waiting for a writer', async () => {
    execFileSync('mkfifo', [join(cwd, 'postmortems/2026-11-20-pipe.md')]);
    const { code, results } = await lintJson('postmortems/2026-11-20-pipe.md');
    expect(code).toBe(1);
    expect(results[0]?.findings[0]?.message).toBe(
      'postmortems/2026-11-20-pipe.md is not a regular file (a named pipe); it was not read. Only Markdown files are linted.',
    );
  }, 30_000);

  test('a file over 2 MB is not read and says so; read errors are findings, not stack traces', async () => {
    await writeFile(
      join(cwd, 'postmortems/2026-11-20-big.md'),
      `${GOOD}${'word '.repeat(500_000)}\n`,
    );
    await symlink('2026-11-20-b.md', join(cwd, 'postmortems/2026-11-20-a.md'));
    await symlink('2026-11-20-a.md', join(cwd, 'postmortems/2026-11-20-b.md'));
    await symlink('2026-11-20-gone.md', join(cwd, 'postmortems/2026-11-20-dangling.md'));
    // Named explicitly: a folder search (tinyglobby) passes over dangling links and loops.
    const { code, results } = await lintJson(
      'postmortems',
      'postmortems/2026-11-20-a.md',
      'postmortems/2026-11-20-dangling.md',
    );
    expect(code).toBe(1);
    const by = (file: string) =>
      results.find((r) => r.file === `postmortems/${file}`)?.findings.map((f) => f.message);
    expect(by('2026-11-20-big.md')).toEqual([
      'postmortems/2026-11-20-big.md is 2,500,064 bytes; files over 2,000,000 bytes are not checked. Split it, or move data (logs, dumps) to linked files.',
    ]);
    expect(by('2026-11-20-a.md')?.[0]).toMatch(
      /^postmortems\/2026-11-20-a\.md could not be read \(ELOOP: .*\); it was not linted\.$/,
    );
    expect(by('2026-11-20-dangling.md')?.[0]).toMatch(
      /^postmortems\/2026-11-20-dangling\.md could not be read \(ENOENT: .*\); it was not linted\.$/,
    );
  });
});

describe('hindsight new', () => {
  test('does not write through a symbolic link to a folder', async () => {
    await mkdir(join(cwd, 'docs'));
    await symlink(outside, join(cwd, 'docs/postmortems'));
    await writeFile(join(cwd, '.github-postmortem.yml'), 'directory: docs/postmortems\n');
    const run = await cli('new', '--config', '.github-postmortem.yml', '--title', 'Outage');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'hindsight: docs/postmortems is a symbolic link; hindsight new does not write through links. Make it a real folder, or set `directory` in the config to one.\n',
    );
    expect(await readdir(outside)).toEqual([]);
  });

  test('a real folder still works', async () => {
    const run = await cli('new', '--title', 'Outage');
    expect(run.code).toBe(0);
    expect(await readFile(join(cwd, 'postmortems/2026-11-23-outage.md'), 'utf8')).toContain(
      'title: "Outage"',
    );
  });
});
