import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  lintChunk,
  loadSetup
} from "./chunks/chunk-GFJ6CU6X.js";
import "./chunks/chunk-HR2NRAIG.js";
import "./chunks/chunk-625J6HFC.js";
import "./chunks/chunk-MG5ONYHR.js";

// src/cli/lint-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var { files, cwd, configPath, now } = workerData;
var setup = await loadSetup({ cwd, now: new Date(now), stdout: () => {
}, stderr: () => {
} }, configPath);
parentPort?.postMessage(lintChunk(files, cwd, setup, new Date(now)));
