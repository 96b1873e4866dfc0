import { build } from 'esbuild';
const root = process.cwd();
await build({ absWorkingDir: root, entryPoints: ['bench/sync-scale.ts'], bundle: true, platform: 'node', format: 'esm', outfile: `${root}/.bench/sync-scale.mjs`, logLevel: 'warning', banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
