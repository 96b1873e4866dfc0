import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  lintChunk,
  loadSetup
} from "./chunks/chunk-LVQOAGZR.js";
import "./chunks/chunk-QOWQHA6S.js";
import "./chunks/chunk-AQH5GKVO.js";
import "./chunks/chunk-HTBQFMGA.js";

// src/cli/lint-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var { files, cwd, configPath, now } = workerData;
var setup = await loadSetup({ cwd, now: new Date(now), stdout: () => {
}, stderr: () => {
} }, configPath);
parentPort?.postMessage(lintChunk(files, cwd, setup, new Date(now)));
