import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  lintChunk
} from "./chunks/chunk-BE7JJQHM.js";
import {
  loadSetup
} from "./chunks/chunk-KVBLCWMT.js";
import "./chunks/chunk-6HZON45K.js";
import "./chunks/chunk-75Z4BDBJ.js";
import "./chunks/chunk-HSOKINQF.js";
import "./chunks/chunk-366W3JI3.js";
import "./chunks/chunk-HANBNIMK.js";

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
