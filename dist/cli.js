#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/cli/index.ts
import module from "node:module";
module.enableCompileCache?.();
var { runCli } = await import("./chunks/run-XVVWTODR.js");
var code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  now: /* @__PURE__ */ new Date(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text)
});
process.exitCode = code;
