// Bundles the Action and the CLI into dist/. `--check` builds into memory and fails when the
// committed dist/ differs, so a stale bundle can never be released.
import { build } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const entries = { index: 'src/action/index.ts', cli: 'src/cli/index.ts' };

const result = await build({
  absWorkingDir: root,
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  write: false,
  legalComments: 'none',
  logLevel: 'warning',
  // Some dependencies still call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});

let stale = [];
for (const file of result.outputFiles) {
  const relative = file.path.slice(root.length + 1);
  const wanted = relative.endsWith('cli.js') ? `#!/usr/bin/env node\n${file.text}` : file.text;
  if (check) {
    const current = await readFile(file.path, 'utf8').catch(() => null);
    if (current !== wanted) stale.push(relative);
  } else {
    await mkdir(dirname(file.path), { recursive: true });
    await writeFile(file.path, wanted, { mode: 0o755 });
  }
}
if (stale.length > 0) {
  console.error(`dist/ is stale: ${stale.join(', ')} differ from a fresh build. Run \`npm run build\` and commit dist/.`);
  process.exit(1);
}
if (check) console.log('dist/ is fresh.');
