import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  lintChunk,
  loadSetup
} from "./chunks/chunk-6YPYLCVY.js";
import "./chunks/chunk-6HZON45K.js";
import "./chunks/chunk-AEDSAG42.js";
import "./chunks/chunk-2IBW4COC.js";

// src/cli/lint-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var { files, cwd, configPath, now } = workerData;
var setup = await loadSetup(
  { cwd, now: new Date(now), stdout: () => {
  }, stderr: () => {
  } },
  configPath
);
parentPort?.postMessage(lintChunk(files, cwd, setup, new Date(now)));
