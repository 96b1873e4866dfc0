// npm run bench: speed and memory, never asserted in tests. Prints medians of several runs on
// this (shared, noisy) machine, next to markdownlint-cli2 on the same files in the same run.
//
// 1. Lint a generated corpus of 1,000 and 10,000 realistic postmortems with `hindsight lint`
//    (Node 22 and Node 24, the versions package.json claims) and with markdownlint-cli2 (Node 24):
//    wall time (median, with the range of the runs), files/s, peak RSS (GNU time), and the ratio.
//    Then `hindsight index` on the same corpora (Markdown with every chart, and JSON): wall time,
//    files/s and peak RSS; the target is 10,000 postmortems in under 3 s.
// 2. Run the built Action on a 10-file pull request against a loopback API: wall time minus
//    a bare `node -e ""` start and peak RSS, median of 9, with and without Node's compile cache.
// 3. The app and 4. action-item sync against the sandbox (bench/app.ts, bench/sync.ts).
// 6. Load (bench/load.ts): two app processes on a real redis-server, mixed deliveries, 1% of the
//    app's requests failing; once with writes spaced as against GitHub (dist/server.js), once
//    with them not spaced (the app's own throughput). BENCH_LOAD=incidents,postmortems,triage.
// 7. Scheduled no-change sync of 10/100/1,000 postmortems (10 items each) through `hindsight
//    sync` and the Action (bench/sync-scale.ts). BENCH_SYNC_SIZES to change the sizes.
// 5. Fuzz: adversarial inputs for every rule and parser, ~10 s each (bench/fuzz.ts); fails when
//    an input of up to 100 KB takes over 0.5 s.
// Progress goes to stderr, results to stdout. BENCH_ONLY=lint,index,action,app,sync,fuzz,load,scale runs some parts.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const work = join(root, '.bench');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const ONLY = new Set(
  (process.env.BENCH_ONLY ?? 'lint,index,action,app,sync,fuzz,load,scale').split(','),
);
const progress = (text) => process.stderr.write(`bench: ${text}\n`);

// A seeded generator, so every run lints the same bytes.
let seed = 20261120;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = (items) => items[Math.floor(random() * items.length)];
const WORDS =
  'database connection pool exhausted retry deploy canary latency cache queue worker node cluster ingress certificate expired timeout dns replica failover rollback alert dashboard customers requests checkout payments search index migration schema config flag region'.split(
    ' ',
  );
const sentence = (n = 12) => {
  const words = Array.from({ length: n }, () => pick(WORDS));
  return `${words[0][0].toUpperCase()}${words.join(' ').slice(1)}.`;
};
const paragraph = () =>
  Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
    sentence(8 + Math.floor(random() * 10)),
  ).join(' ');

function postmortem(n) {
  const day = String(1 + (n % 28)).padStart(2, '0');
  const date = `2026-${String(1 + (n % 12)).padStart(2, '0')}-${day}`;
  const status = pick(['draft', 'in-review', 'published', 'published', 'closed']);
  const rows = Array.from(
    { length: 8 + Math.floor(random() * 22) },
    (_, k) =>
      `| ${date} ${String(8 + Math.floor((k * 3) / 60)).padStart(2, '0')}:${String((k * 3) % 60).padStart(2, '0')} | ${sentence(6 + Math.floor(random() * 10))} |`,
  );
  const items = Array.from(
    { length: 3 + Math.floor(random() * 6) },
    (_, k) =>
      `| A${k + 1} | ${random() < 0.1 ? 'Improve monitoring' : sentence(8)} | @${pick(['alice', 'bob', 'carol'])} | P${1 + (k % 3)} | 2026-12-${String(1 + k).padStart(2, '0')} | ${pick(['Open', 'Done'])} | ${random() < 0.7 ? `#${100 + k}` : ''} |`,
  );
  return `---
title: "${sentence(5).slice(0, -1)}"
incident: ${n + 1}
status: ${status}
severity: SEV${1 + (n % 4)}
date: ${date}
owner: "@octocat"
reviewers: ["@alice", "@acme/sre"]
tags: [${pick(WORDS)}, ${pick(WORDS)}]
services: [${pick(WORDS)}-api]
started_at: ${date}T08:00:00Z
detected_at: ${date}T08:${String(5 + (n % 20)).padStart(2, '0')}:00Z
mitigated_at: ${date}T09:30:00Z
resolved_at: ${date}T10:45:00Z
due: ${date}
---
# ${sentence(6).slice(0, -1)}

## Summary

${paragraph()}

## Impact

About ${100 + (n % 5000)} customers saw errors. ${paragraph()}

## Timeline

| Time (UTC) | Event |
| --- | --- |
${rows.join('\n')}

## Root cause

${Array.from({ length: 2 + Math.floor(random() * 4) }, (_, k) => `${k + 1}. Why? ${sentence(10)}`).join('\n')}

## Contributing factors

- ${sentence()}
- ${sentence()}${random() < 0.05 ? '\n- The engineer was careless.' : ''}

## Detection and response

${paragraph()}

${random() < 0.3 ? '```\nERROR pool timed out while waiting for an open connection\n```\n' : ''}
## Action items

| ID | Action | Owner | Priority | Due | Status | Issue |
| --- | --- | --- | --- | --- | --- | --- |
${items.join('\n')}

## Lessons learned

### What went well

${paragraph()}

### What went wrong

${paragraph()}

### Where we got lucky

${paragraph()}
`;
}

function corpus(size) {
  const dir = join(work, `corpus-${size}`, 'postmortems');
  if (existsSync(join(dir, '..', 'done'))) return dir;
  rmSync(join(dir, '..'), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  seed = 20261120;
  let bytes = 0;
  for (let n = 0; n < size; n++) {
    const text = postmortem(n);
    bytes += text.length;
    writeFileSync(join(dir, `2026-01-01-incident-${n}.md`), text);
  }
  writeFileSync(join(dir, '..', 'done'), String(bytes));
  return dir;
}

/** Wall seconds, CPU seconds (user + system) and peak RSS (KB) of a command, from GNU time. */
function timed(command, args, cwd) {
  const result = spawnSync('/usr/bin/time', ['-f', 'BENCH %e %M %U %S', command, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const line = result.stderr
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('BENCH '));
  if (!line)
    throw new Error(`could not time ${command} ${args.join(' ')}: ${result.stderr.slice(-500)}`);
  const [, seconds, kb, user, system] = line.split(' ');
  return {
    seconds: Number(seconds),
    kb: Number(kb),
    cpu: Number(user) + Number(system),
    status: result.status,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** `median (min–max)`: one number is not a result on a shared machine. */
const spread = (values, digits = 2) =>
  `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;

function measure(label, command, args, cwd) {
  const runs = [];
  for (let n = 1; n <= RUNS; n++) {
    progress(`${label}, run ${n}/${RUNS}…`);
    runs.push(timed(command, args, cwd));
  }
  return {
    label,
    seconds: median(runs.map((r) => r.seconds)),
    all: runs.map((r) => r.seconds),
    kb: median(runs.map((r) => r.kb)),
    cpu: median(runs.map((r) => r.cpu)),
    status: runs[0].status,
  };
}

const node22 = execFileSync('npx', ['-y', '-p', 'node@22', 'node', '-p', 'process.execPath'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'ignore'],
}).trim();
const node24 = execFileSync('npx', ['-y', '-p', 'node@24', 'node', '-p', 'process.execPath'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'ignore'],
}).trim();
const mdlVersion = JSON.parse(
  readFileSync(join(root, 'node_modules/markdownlint-cli2/package.json'), 'utf8'),
).version;
const cli = join(root, 'dist/cli.js');
const mdl = join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
console.log(
  `hindsight bench — ${RUNS} runs each, medians (range); Node ${execFileSync(node22, ['--version'], { encoding: 'utf8' }).trim()} and ${execFileSync(node24, ['--version'], { encoding: 'utf8' }).trim()}; markdownlint-cli2 ${mdlVersion}\n`,
);

if (ONLY.has('lint')) {
  console.log(
    '| corpus | tool | wall (s), median (range) | files/s | peak RSS (MB) | time vs markdownlint-cli2 |',
  );
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const size of SIZES) {
    progress(`generating ${size} postmortems (once; kept in .bench/)…`);
    const dir = corpus(size);
    const cwd = join(dir, '..');
    const mb = (Number(readFileSync(join(cwd, 'done'), 'utf8')) / 1e6).toFixed(1);
    const results = [
      measure(
        'hindsight lint (Node 22)',
        node22,
        [cli, 'lint', 'postmortems', '--format', 'json'],
        cwd,
      ),
      measure(
        'hindsight lint (Node 24)',
        node24,
        [cli, 'lint', 'postmortems', '--format', 'json'],
        cwd,
      ),
      measure('markdownlint-cli2 (Node 24)', node24, [mdl, 'postmortems/**/*.md'], cwd),
    ];
    const baseline = results[2].seconds;
    for (const r of results) {
      console.log(
        `| ${size} files, ${mb} MB | ${r.label} | ${spread(r.all)} | ${Math.round(size / r.seconds)} | ${(r.kb / 1024).toFixed(0)} | ${r === results[2] ? '1×' : `${(r.seconds / baseline).toFixed(2)}× (${(baseline / r.seconds).toFixed(1)}× faster)`} |`,
      );
    }
  }
}

if (ONLY.has('index')) {
  console.log(
    '\n| corpus | `hindsight index` | wall (s), median (range) | CPU, user + sys (s) | files/s | peak RSS (MB) |',
  );
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const size of SIZES) {
    const cwd = join(corpus(size), '..');
    // Written beside the folder, not into it, so the lint runs above never read it.
    for (const [label, args] of [
      ['Markdown (Node 22)', [cli, 'index', '--out', 'INDEX.md']],
      ['JSON (Node 22)', [cli, 'index', '--format', 'json', '--out', 'index.json']],
      ['Markdown (Node 24)', [cli, 'index', '--out', 'INDEX.md']],
    ]) {
      const r = measure(
        `hindsight index ${label}`,
        label.includes('24') ? node24 : node22,
        args,
        cwd,
      );
      if (r.status !== 0) throw new Error(`hindsight index failed in ${cwd}`);
      console.log(
        `| ${size} files | ${label} | ${spread(r.all)} | ${r.cpu.toFixed(2)} | ${Math.round(size / r.seconds)} | ${(r.kb / 1024).toFixed(0)} |`,
      );
    }
  }
}

// 2. The Action on a 10-file PR, against a loopback API.
if (ONLY.has('action')) {
  const files = Array.from({ length: 10 }, (_, n) => [
    `postmortems/2026-01-0${(n % 9) + 1}-incident-${n}.md`,
    postmortem(n),
  ]);
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    if (!url.pathname.includes('/contents/'))
      response.setHeader('content-type', 'application/json; charset=utf-8');
    if (url.pathname.endsWith('/pulls/2/files'))
      return response.end(
        JSON.stringify(files.map(([filename]) => ({ filename, status: 'added' }))),
      );
    if (url.pathname.endsWith('/pulls/2/reviews'))
      return response.end(JSON.stringify([{ user: { login: 'alice' }, state: 'APPROVED' }]));
    if (url.pathname.includes('/teams/')) return response.end(JSON.stringify([{ login: 'alice' }]));
    const path = decodeURIComponent(url.pathname.split('/contents/')[1] ?? '');
    const file = files.find(([name]) => name === path);
    response.writeHead(file ? 200 : 404, {
      'content-type': file ? 'text/plain' : 'application/json',
    });
    response.end(file ? file[1] : '{"message":"Not Found"}');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  mkdirSync(work, { recursive: true });
  const event = join(work, 'event.json');
  writeFileSync(
    event,
    JSON.stringify({
      pull_request: {
        number: 2,
        head: { sha: 'h'.repeat(40), repo: { full_name: 'o/r' } },
        base: { sha: 'b'.repeat(40), repo: { full_name: 'o/r' } },
      },
    }),
  );
  const env = {
    ...process.env,
    GITHUB_API_URL: `http://127.0.0.1:${server.address().port}`,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'o/r',
    INPUT_TOKEN: 't',
    INPUT_COMMENT: 'false',
    GITHUB_STEP_SUMMARY: join(work, 'summary.md'),
    GITHUB_OUTPUT: join(work, 'output.txt'),
  };
  /** Wall seconds and peak RSS (MB) of one run, with the step's result checked: a bench of a failing run measures nothing. */
  const run = async (node, args, childEnv) => {
    // @actions/core appends to the summary file and refuses one that does not exist.
    writeFileSync(env.GITHUB_STEP_SUMMARY, '');
    writeFileSync(env.GITHUB_OUTPUT, '');
    const start = process.hrtime.bigint();
    const result = await new Promise((resolve) => {
      const child = spawn('/usr/bin/time', ['-f', 'BENCH %M', node, ...args], {
        env: childEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => (out += chunk));
      child.on('exit', (code) => resolve({ code, out }));
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const mb = Number(/BENCH (\d+)/.exec(result.out)?.[1] ?? 0) / 1024;
    if (args[0] !== '-e') {
      const outputs = readFileSync(env.GITHUB_OUTPUT, 'utf8');
      if (!/files<<[^\n]*\n10\n/.test(outputs) || /Unable to access/.test(result.out))
        throw new Error(`the Action did not check the 10 files:\n${result.out.slice(-2000)}`);
    }
    return { seconds, mb };
  };
  const cacheDir = join(work, 'compile-cache');
  const variants = [
    ['Node 24', node24, env],
    ['Node 24, compile cache', node24, { ...env, NODE_COMPILE_CACHE: cacheDir }],
    ['Node 22', node22, env],
  ];
  console.log(
    '\n| Action on a 10-file PR (loopback API, 9 runs) | wall (s), median (range) | beyond bare Node (s) | peak RSS (MB) | bare Node RSS (MB) |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: |');
  rmSync(cacheDir, { recursive: true, force: true });
  for (const [label, node, childEnv] of variants) {
    const actionRuns = [];
    const bareRuns = [];
    for (let n = 1; n <= 9; n++) {
      progress(`Action on a 10-file PR (${label}), run ${n}/9…`);
      bareRuns.push(await run(node, ['-e', ''], childEnv));
      actionRuns.push(await run(node, [join(root, 'dist/index.js')], childEnv));
    }
    const seconds = actionRuns.map((r) => r.seconds);
    const bare = median(bareRuns.map((r) => r.seconds));
    console.log(
      `| ${label} | ${spread(seconds, 3)} | ${(median(seconds) - bare).toFixed(3)} | ${median(actionRuns.map((r) => r.mb)).toFixed(0)} | ${median(bareRuns.map((r) => r.mb)).toFixed(0)} |`,
    );
  }
  server.close();
}

// 3. The app: API requests per opened postmortem and webhook-to-PR latency (bench/app.ts).
const { build } = await import('esbuild');
if (ONLY.has('app')) {
  progress('the app against the sandbox (bench/app.ts)…');
  await build({
    absWorkingDir: root,
    entryPoints: ['bench/app.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: join(work, 'app-bench.mjs'),
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  execFileSync(node24, [join(work, 'app-bench.mjs'), root], { stdio: 'inherit' });
}

// 4. Action-item sync: requests for no-change syncs of 10, 100 and 1,000 items, and after k changes (bench/sync.ts).
if (ONLY.has('sync')) {
  progress('action-item sync against the sandbox (bench/sync.ts)…');
  await build({
    absWorkingDir: root,
    entryPoints: ['bench/sync.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: join(work, 'sync-bench.mjs'),
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  execFileSync(node24, [join(work, 'sync-bench.mjs')], { stdio: 'inherit' });
}

// 5. Fuzz: adversarial inputs for every rule and parser, about 10 s each (bench/fuzz.ts, issue 8).
if (ONLY.has('fuzz')) {
  progress('fuzzing every rule and parser (bench/fuzz.ts)…');
  await build({
    absWorkingDir: root,
    entryPoints: ['bench/fuzz.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: join(work, 'fuzz-bench.mjs'),
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  execFileSync(node24, [join(work, 'fuzz-bench.mjs')], { stdio: 'inherit' });
}

// 6-7. Load on two processes with Redis, and the scheduled sync at scale (bench/load.ts,
// bench/sync-scale.ts, bundled like the others; the load runs `dist/server.js` as deployed).
if (ONLY.has('load') || ONLY.has('scale')) {
  progress('load on two app processes with Redis, and the sync at scale…');
  for (const [entry, out] of [
    ['bench/load.ts', 'load-bench.mjs'],
    ['bench/unspaced-server.ts', 'unspaced-server.mjs'],
    ['bench/sync-scale.ts', 'sync-scale.mjs'],
  ])
    await build({
      absWorkingDir: root,
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: join(work, out),
      logLevel: 'warning',
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
    });
  const machine = `${execFileSync('nproc', { encoding: 'utf8' }).trim()} cores (${/model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU'}), ${Math.round(Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1]) / 1024 / 1024)} GB, load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} at the start`;
  console.log(
    `\nMachine: ${machine}; Node ${execFileSync(node24, ['--version'], { encoding: 'utf8' }).trim()}`,
  );
}
if (ONLY.has('load')) {
  // Writes spaced a second apart cap the app at about one write a second per deployment, so the
  // production-throttle run is small; the unspaced run shows what the app itself sustains.
  execFileSync(
    node24,
    [
      join(work, 'load-bench.mjs'),
      root,
      join(root, 'dist/server.js'),
      'production throttle (writes 1 s apart, shared through Redis)',
      process.env.BENCH_LOAD_THROTTLED ?? '6,2,12',
    ],
    { stdio: 'inherit' },
  );
  execFileSync(
    node24,
    [
      join(work, 'load-bench.mjs'),
      root,
      join(work, 'unspaced-server.mjs'),
      'writes not spaced',
      process.env.BENCH_LOAD ?? '100,25,300',
    ],
    { stdio: 'inherit' },
  );
}
if (ONLY.has('scale')) {
  execFileSync(
    node24,
    [join(work, 'sync-scale.mjs'), root, process.env.BENCH_SYNC_SIZES ?? '10,100,1000', '10'],
    { stdio: 'inherit' },
  );
}
