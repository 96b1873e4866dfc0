import module from 'node:module';

// Node ≥ 22.1 keeps the bundle's compiled code between runs (in the OS temp directory): measured
// by `npm run bench`, it trims a fifth of the CLI's start-up CPU. It must come before the bundle
// loads, hence the dynamic import. (Not in the Action: a hosted runner starts with an empty cache.)
// (A default import: Node 20, which lacks it, still runs the CLI.)
module.enableCompileCache?.();
const { runCli } = await import('./run.js');

const code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  now: new Date(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
process.exitCode = code;
