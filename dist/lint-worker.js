import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  lintChunk,
  loadSetup
} from "./chunks/chunk-HAN6MBHJ.js";
import "./chunks/chunk-K3WBLFMC.js";
import "./chunks/chunk-UOMWNANT.js";
import "./chunks/chunk-F42AUMMB.js";

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
