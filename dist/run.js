import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  HindsightOctokit,
  run
} from "./chunks/chunk-7Q7FJNKE.js";
import "./chunks/chunk-SHPUXNVC.js";
import "./chunks/chunk-366W3JI3.js";
import "./chunks/chunk-MIFVRYTF.js";
import "./chunks/chunk-I3IYH5EX.js";
import "./chunks/chunk-HANBNIMK.js";

// src/app/run-entry.ts
await run(
  async (app) => {
    const { default: hindsight } = await import("./app.js");
    hindsight(app);
  },
  { Octokit: HindsightOctokit }
);
