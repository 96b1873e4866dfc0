import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  hindsightApp
} from "./chunks/chunk-UR6ZU4CH.js";
import "./chunks/chunk-7SQQWQYT.js";
import "./chunks/chunk-QCO3RIMU.js";
import {
  loadTemplates
} from "./chunks/chunk-F42AUMMB.js";

// src/app/index.ts
var app_default = hindsightApp({ templates: () => loadTemplates() });
export {
  app_default as default
};
