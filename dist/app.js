import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  hindsightApp
} from "./chunks/chunk-RIRC24YQ.js";
import "./chunks/chunk-UPYORYWB.js";
import "./chunks/chunk-FXFEAUJ2.js";
import {
  loadTemplates
} from "./chunks/chunk-HTBQFMGA.js";

// src/app/index.ts
var app_default = hindsightApp({ templates: () => loadTemplates() });
export {
  app_default as default
};
