// Bundles the Action and the CLI into dist/. `--check` builds into memory and fails when the
// committed dist/ differs, so a stale bundle can never be released.
import { build } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const entries = { index: 'src/action/index.ts', cli: 'src/cli/index.ts', 'lint-worker': 'src/cli/lint-worker.ts' };

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

// The config's JSON schema comes from the same zod schema the code validates with.
const schemaBuild = await build({
  absWorkingDir: root,
  entryPoints: ['scripts/config-schema-entry.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  logLevel: 'warning',
});
const schemaModule = await import(`data:text/javascript;base64,${Buffer.from(schemaBuild.outputFiles[0].text).toString('base64')}`);
result.outputFiles.push({ path: join(root, 'schema', 'postmortem-config.schema.json'), text: `${schemaModule.jsonSchema}\n` });

let stale = [];
for (const file of result.outputFiles) {
  const relative = file.path.slice(root.length + 1);
  const wanted = relative.endsWith('cli.js') ? `#!/usr/bin/env node\n${file.text}` : file.text;
  const mode = relative.endsWith('.json') ? 0o644 : 0o755;
  if (check) {
    const current = await readFile(file.path, 'utf8').catch(() => null);
    if (current !== wanted) stale.push(relative);
  } else {
    await mkdir(dirname(file.path), { recursive: true });
    await writeFile(file.path, wanted, { mode });
  }
}
if (stale.length > 0) {
  console.error(`Generated files are stale: ${stale.join(", ")} differ from a fresh build. Run \`npm run build\` and commit the result.`);
  process.exit(1);
}
if (check) console.log('dist/ and schema/ are fresh.');
