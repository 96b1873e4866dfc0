import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  lintChunk
} from "./chunks/chunk-2H2EFDTC.js";
import {
  loadSetup
} from "./chunks/chunk-37YUTOTX.js";
import "./chunks/chunk-6HZON45K.js";
import "./chunks/chunk-OE7ZO5F5.js";
import "./chunks/chunk-FAQZJHEL.js";
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
