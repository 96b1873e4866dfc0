import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  displayPath
} from "./chunk-BSYRE6G4.js";
import {
  lintPostmortem
} from "./chunk-76G57KEG.js";

// src/cli/lint-files.ts
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
var PARALLEL_FROM = 2e3;
function lintChunk(files, cwd, setup, now) {
  return files.map((file) => {
    const text = readFileSync(file, "utf8");
    const { postmortem: _model, ...result } = lintPostmortem({
      path: displayPath(file, cwd),
      text,
      config: setup.config,
      ruleOptions: setup.ruleOptions,
      templates: setup.templates,
      now
    });
    return result;
  });
}
async function lintFiles(input) {
  const { files, cwd, setup, now } = input;
  const jobs = input.jobs > 0 ? input.jobs : Math.min(availableParallelism(), 4);
  const worker = fileURLToPath(new URL("./lint-worker.js", import.meta.url));
  const worthIt = input.jobs > 1 || files.length >= PARALLEL_FROM;
  if (jobs <= 1 || !worthIt || files.length < jobs || !existsSync(worker))
    return lintChunk(files, cwd, setup, now);
  const chunks = Array.from({ length: jobs }, (_, n) => files.filter((_file, i) => i % jobs === n));
  const others = chunks.slice(1).map(
    (chunk) => new Promise((resolve, reject) => {
      const thread = new Worker(worker, {
        workerData: { files: chunk, cwd, configPath: input.configPath, now: now.toISOString() }
      });
      thread.once("message", resolve);
      thread.once("error", reject);
      thread.once(
        "exit",
        (code) => code !== 0 && reject(new Error(`lint worker exited with code ${code}`))
      );
    })
  );
  const parts = [lintChunk(chunks[0] ?? [], cwd, setup, now), ...await Promise.all(others)];
  const results = new Array(files.length);
  for (const [n, part] of parts.entries()) {
    for (const [k, result] of part.entries()) results[k * jobs + n] = result;
  }
  return results;
}

export {
  lintChunk,
  lintFiles
};
