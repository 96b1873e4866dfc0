import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  hindsightApp
} from "./chunks/chunk-CLSNMTUX.js";
import "./chunks/chunk-GF2PTO2Y.js";
import "./chunks/chunk-2OO4BKTO.js";
import {
  loadTemplates
} from "./chunks/chunk-HTBQFMGA.js";

// src/app/index.ts
var app_default = hindsightApp({ templates: () => loadTemplates() });
export {
  app_default as default
};
