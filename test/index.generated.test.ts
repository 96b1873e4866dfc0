import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../src/cli/run.js';
import {
  expectedPercentile,
  type Facts,
  generateRepository,
  HOSTILE_TITLES,
} from './helpers/generated-repo.js';

const TODAY = '2026-11-23';
const { facts, files } = generateRepository(200);
let cwd: string;

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd,
    now: new Date(`${TODAY}T10:00:00Z`),
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'hindsight-index-'));
  for (const [path, text] of files) {
    await mkdir(dirname(join(cwd, path)), { recursive: true });
    await writeFile(join(cwd, path), text);
  }
});

/** What the JSON index holds, typed for the assertions below. */
interface Json {
  postmortems: {
    file: string;
    title: string;
    date: string;
    severity: string | null;
    status: string;
    services: string[];
    tags: string[];
    timeToDetect: number | null;
    timeToMitigate: number | null;
    timeToResolve: number | null;
    actionItems: { open: number; done: number; overdue: number };
    reviewOverdue: boolean;
  }[];
  stats: {
    count: number;
    timeToDetect: { median: number | null; p90: number | null };
    timeToResolve: { median: number | null; p90: number | null };
    bySeverity: Record<
      string,
      {
        count: number;
        timeToDetect: { median: number | null; p90: number | null };
        timeToResolve: { median: number | null; p90: number | null };
      }
    >;
    byMonth: { month: string; count: number; bySeverity: Record<string, number> }[];
    byQuarter: { quarter: string; count: number; timeToResolve: { median: number | null } }[];
    actionItems: {
      open: number;
      done: number;
      overdue: number;
      byMonth: { month: string; opened: number; done: number }[];
    };
    services: { name: string; count: number }[];
    repeats: { file: string; earlier: { file: string }; days: number }[];
    reviewOverdue: { file: string }[];
  };
}

async function jsonIndex(): Promise<Json> {
  const result = await cli('index', '--format', 'json');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Json;
}

const spreadOf = (values: (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return { median: expectedPercentile(known, 0.5), p90: expectedPercentile(known, 0.9) };
};

describe('hindsight index on a generated repository of 200 postmortems', () => {
  test('one row per postmortem, newest first (ties by path), with its own numbers', async () => {
    const json = await jsonIndex();
    const expected = [...facts].sort((a, b) =>
      a.date < b.date ? 1 : a.date > b.date ? -1 : a.file < b.file ? -1 : 1,
    );
    expect(json.postmortems.map((row) => row.file)).toEqual(expected.map((f) => f.file));
    for (const [n, fact] of expected.entries()) {
      const row = json.postmortems[n]!;
      const open = fact.items.filter((item) => !item.done);
      expect(row).toMatchObject({
        title: fact.title,
        date: fact.date,
        severity: fact.severity,
        status: fact.status,
        services: fact.services,
        tags: fact.tags,
        timeToDetect: fact.detect,
        timeToResolve: fact.resolve,
        actionItems: {
          open: open.length,
          done: fact.items.length - open.length,
          overdue: open.filter((item) => item.due < TODAY).length,
        },
        reviewOverdue: fact.status === 'draft' && fact.due < TODAY,
      });
    }
  });

  test('counts per month and per severity, and medians and p90s overall, per severity and per quarter', async () => {
    const { stats } = await jsonIndex();
    expect(stats.count).toBe(200);
    expect(stats.timeToDetect).toEqual(spreadOf(facts.map((f) => f.detect)));
    expect(stats.timeToResolve).toEqual(spreadOf(facts.map((f) => f.resolve)));

    const severities = ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'none'];
    expect(Object.keys(stats.bySeverity)).toEqual(severities);
    for (const severity of severities) {
      const mine = facts.filter((f) => (f.severity ?? 'none') === severity);
      expect(mine.length).toBeGreaterThan(0);
      expect(stats.bySeverity[severity]).toMatchObject({
        count: mine.length,
        timeToDetect: spreadOf(mine.map((f) => f.detect)),
        timeToResolve: spreadOf(mine.map((f) => f.resolve)),
      });
    }

    // Months from 2025-01 to 2026-10, none skipped.
    const months: string[] = [];
    for (let y = 2025; y <= 2026; y++)
      for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}`);
    expect(stats.byMonth.map((m) => m.month)).toEqual(months.slice(0, 22));
    for (const month of stats.byMonth) {
      const mine = facts.filter((f) => f.date.startsWith(month.month));
      expect(month.count).toBe(mine.length);
      for (const severity of severities)
        expect(month.bySeverity[severity]).toBe(
          mine.filter((f) => (f.severity ?? 'none') === severity).length,
        );
    }
    expect(stats.byMonth.reduce((sum, m) => sum + m.count, 0)).toBe(200);

    for (const quarter of stats.byQuarter) {
      const [year, q] = quarter.quarter.split('-Q').map(Number) as [number, number];
      const mine = facts.filter(
        (f) =>
          Number(f.date.slice(0, 4)) === year && Math.ceil(Number(f.date.slice(5, 7)) / 3) === q,
      );
      expect(quarter.count).toBe(mine.length);
      expect(quarter.timeToResolve.median).toBe(spreadOf(mine.map((f) => f.resolve)).median);
    }
    expect(stats.byQuarter).toHaveLength(8);
  });

  test('action items: open includes overdue, done are finished; opened and done per month', async () => {
    const { stats } = await jsonIndex();
    const all = facts.flatMap((f) =>
      f.items.map((item) => ({ ...item, month: f.date.slice(0, 7) })),
    );
    expect(stats.actionItems).toMatchObject({
      open: all.filter((i) => !i.done).length,
      done: all.filter((i) => i.done).length,
      overdue: all.filter((i) => !i.done && i.due < TODAY).length,
    });
    for (const month of stats.actionItems.byMonth) {
      const mine = all.filter((i) => i.month === month.month);
      expect(month).toEqual({
        month: month.month,
        opened: mine.length,
        done: mine.filter((i) => i.done).length,
      });
    }
  });

  test('repeat incidents: same service and a shared tag or root-cause keyword within 90 days, each linked to the latest it repeats', async () => {
    const { stats } = await jsonIndex();
    const day = (f: Facts) => Date.parse(`${f.date}T00:00:00Z`) / 86_400_000;
    const precedes = (a: Facts, b: Facts) =>
      a.date < b.date || (a.date === b.date && a.file < b.file);
    const expected: string[] = [];
    for (const b of facts) {
      const matches = facts.filter(
        (a) =>
          precedes(a, b) &&
          day(b) - day(a) <= 90 &&
          a.services.some((s) => b.services.includes(s)) &&
          (a.tags.some((t) => b.tags.includes(t)) ||
            a.keywords.some((k) => b.keywords.includes(k))),
      );
      let latest: Facts | null = null;
      for (const a of matches) if (latest === null || precedes(latest, a)) latest = a;
      if (latest) expected.push(`${latest.file} -> ${b.file} ${day(b) - day(latest)}`);
    }
    expect(expected.length).toBeGreaterThan(20);
    expect(stats.repeats.map((r) => `${r.earlier.file} -> ${r.file} ${r.days}`).sort()).toEqual(
      expected.sort(),
    );
    // Newest first.
    const dates = stats.repeats.map((r) => r.file.slice(12, 22));
    expect(dates).toEqual([...dates].sort().reverse());
  });

  test('the Markdown index: README.md of the folder, rows and links in order, hostile titles inert', async () => {
    const result = await cli('index');
    expect(result.code).toBe(0);
    const text = await readFile(join(cwd, 'postmortems/README.md'), 'utf8');
    // Exactly one start and one end marker: no title produced another.
    expect(text.match(/<!-- hindsight:/g)).toHaveLength(2);
    expect(text.startsWith('<!-- hindsight:index:start -->\n')).toBe(true);
    expect(text.endsWith('<!-- hindsight:index:end -->\n')).toBe(true);
    expect(text).not.toContain('<script>');
    const rows = text.split('\n').filter((line) => /^\| \d{4}-\d{2}-\d{2} \| \[/.test(line));
    expect(rows).toHaveLength(200);
    const links = rows.map((row) => /\]\(\.\/([^)]+)\)/.exec(row)?.[1]);
    const json = await jsonIndex();
    expect(links).toEqual(json.postmortems.map((p) => p.file.slice('postmortems/'.length)));
    // Every row has the nine columns: no title's `|` split a cell.
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2).toBe(9);
    for (const title of HOSTILE_TITLES) expect(facts.some((f) => f.title === title)).toBe(true);
    // The month chart's axis names every month from the first incident to the last, in full.
    const months = [...new Set(facts.map((f) => f.date.slice(0, 7)))].sort();
    expect(months).toHaveLength(22);
    expect(text).toContain(`x-axis [${months.map((m) => `"${m}"`).join(', ')}]`);
    // Mermaid blocks hold no user quote, `%%` outside the init line, `#`, `;` or `-->`.
    const blocks = [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    for (const block of blocks) {
      // The init line and the y axis range (`0 --> max`) are Hindsight's own, with numbers only.
      expect(block).toMatch(/^ {2}y-axis "[^"]*" 0 --> \d+$|^pie /m);
      const body = block.replace(/^%%\{init:.*\}%%\n/, '').replace(/^ {2}y-axis .*$/m, '');
      expect(body).not.toMatch(/-->|%%|;|#/);
    }
  });

  test('marker handling: text around the markers stays byte for byte; a second run changes nothing', async () => {
    const before =
      'Our postmortems\r\n\r\nRead these first.\r\n\r\n<!-- hindsight:index:start -->\r\nold\r\n<!-- hindsight:index:end -->\r\n\r\nFooter <!-- hindsight:index:end --> text\r\n';
    await writeFile(join(cwd, 'postmortems/README.md'), before);
    expect((await cli('index')).code).toBe(0);
    const after = await readFile(join(cwd, 'postmortems/README.md'), 'utf8');
    const head = 'Our postmortems\r\n\r\nRead these first.\r\n\r\n<!-- hindsight:index:start -->\n';
    const tail = '<!-- hindsight:index:end -->\r\n\r\nFooter <!-- hindsight:index:end --> text\r\n';
    expect(after.startsWith(head)).toBe(true);
    expect(after.endsWith(tail)).toBe(true);
    expect(after).not.toContain('\nold\r\n');
    // `hindsight lint` over the folder leaves the index alone; named, it is linted like any file.
    const lint = await cli('lint', '--format', 'json');
    const linted = new Set((JSON.parse(lint.stdout) as { file: string }[]).map((r) => r.file));
    expect(linted.size).toBeGreaterThan(100);
    expect(linted.has('postmortems/README.md')).toBe(false);
    const named = await cli('lint', 'postmortems/README.md', '--format', 'json');
    expect(new Set((JSON.parse(named.stdout) as { file: string }[]).map((r) => r.file))).toEqual(
      new Set(['postmortems/README.md']),
    );
    const second = await cli('index');
    expect(second.stderr).toContain('up to date');
    expect(await readFile(join(cwd, 'postmortems/README.md'), 'utf8')).toBe(after);

    // A file with text and no markers: the index is appended after it.
    await writeFile(join(cwd, 'postmortems/README.md'), '# Ours\n\nKeep me.');
    await cli('index');
    const appended = await readFile(join(cwd, 'postmortems/README.md'), 'utf8');
    expect(appended.startsWith('# Ours\n\nKeep me.\n\n<!-- hindsight:index:start -->\n')).toBe(
      true,
    );

    // A start marker with no end: an error that names the file and line, and nothing written.
    await writeFile(
      join(cwd, 'postmortems/README.md'),
      'Intro\n<!-- hindsight:index:start -->\nrest\n',
    );
    const broken = await cli('index');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('postmortems/README.md:2');
    expect(await readFile(join(cwd, 'postmortems/README.md'), 'utf8')).toBe(
      'Intro\n<!-- hindsight:index:start -->\nrest\n',
    );
  });

  test('--out writes elsewhere with links relative to it; --format json --out writes the JSON', async () => {
    expect((await cli('index', '--out', 'docs/INCIDENTS.md')).code).toBe(0);
    const text = await readFile(join(cwd, 'docs/INCIDENTS.md'), 'utf8');
    expect(text).toContain('](../postmortems/');
    expect((await cli('index', '--format', 'json', '--out', 'index.json')).code).toBe(0);
    const json = JSON.parse(await readFile(join(cwd, 'index.json'), 'utf8')) as Json;
    expect(json.postmortems).toHaveLength(200);
    expect((await cli('index', '--format', 'yaml')).code).toBe(2);
  });
});
