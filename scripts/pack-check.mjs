// What a user gets from `npm install @hindsight-postmortems/cli`, checked offline: packs this
// repository, installs the tarball into a fresh temporary "user" repository from the local cache
// only, runs the README's commands there as a user types them, and reports the installed size.
// Everything the CLI needs is bundled into dist/, so the package must install no dependencies.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const LIMIT_MB = 20;
const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const work = await mkdtemp(join(tmpdir(), 'hindsight-pack-'));

/** Runs a command and returns its output; any failure stops the check with what it printed. */
function run(command, args, cwd, { allowExit = [0] } = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: cleanEnv() });
  if (!allowExit.includes(result.status)) {
    console.error(`pack check: \`${command} ${args.join(' ')}\` exited ${result.status} in ${cwd}`);
    console.error(result.stdout, result.stderr);
    process.exit(1);
  }
  return result;
}

/** No npm_* variables from the outer `npm test`: the user's npm must see only its own project. */
function cleanEnv() {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')),
  );
}

async function sizeOf(path) {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const entry of await readdir(path)) total += await sizeOf(join(path, entry));
  return total;
}

try {
  // 1. The tarball, exactly as `npm publish` would upload it.
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: root,
      encoding: 'utf8',
      env: cleanEnv(),
    }),
  )[0];
  const tarball = join(work, packed.filename);

  // 2. A user's repository, and an install from the tarball that may not touch the network.
  const user = join(work, 'user-repo');
  run('git', ['init', '--quiet', user], work);
  await writeFile(join(user, 'package.json'), '{ "private": true }\n');
  const install = run(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--save-dev', tarball],
    user,
  );
  if (/EBADENGINE/.test(install.stderr)) {
    console.error(`pack check: install warned about engines:\n${install.stderr}`);
    process.exit(1);
  }

  // 3. The README's commands, as written.
  const npx = (args, options) => run('npx', ['--offline', manifest.name, ...args], user, options);
  const created = npx(['new', '--title', 'Payments API outage', '--severity', 'SEV2']);
  const path = created.stdout.match(/postmortems\/\S+\.md/)?.[0];
  if (!path) {
    console.error(`pack check: \`new\` did not name the file it wrote:\n${created.stdout}`);
    process.exit(1);
  }
  const lint = npx(['lint'], { allowExit: [0, 1] });
  if (!lint.stdout.includes(path.split('/').pop())) {
    console.error(`pack check: \`lint\` did not report ${path}:\n${lint.stdout}${lint.stderr}`);
    process.exit(1);
  }
  npx(['demo']);

  // 4. What it cost.
  const installed = await readdir(join(user, 'node_modules'), { recursive: true });
  const packages = installed.filter((entry) => /(^|\/)package\.json$/.test(entry)).length;
  const bytes = await sizeOf(join(user, 'node_modules'));
  const mb = (bytes / 1e6).toFixed(1);
  console.log(
    `pack check: ${packed.filename} (${(packed.size / 1e3).toFixed(0)} kB packed) installs ` +
      `${mb} MB, ${packages} package (itself: no dependencies); new, lint and demo ran in a fresh repository.`,
  );
  if (bytes > LIMIT_MB * 1e6) {
    console.error(`pack check: ${mb} MB installed is over the ${LIMIT_MB} MB limit.`);
    process.exit(1);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
