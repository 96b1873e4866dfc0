import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  lintChunk
} from "./chunks/chunk-Q67A3YWJ.js";
import {
  loadSetup
} from "./chunks/chunk-UWJPLAJ6.js";
import "./chunks/chunk-6HZON45K.js";
import "./chunks/chunk-K5AHS4EK.js";
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
