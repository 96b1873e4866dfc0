import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  hindsightApp
} from "./chunks/chunk-KABIUIMU.js";
import "./chunks/chunk-PONK6TBV.js";
import "./chunks/chunk-YKLG4RO5.js";
import {
  loadTemplates
} from "./chunks/chunk-HTBQFMGA.js";

// src/app/index.ts
var app_default = hindsightApp({ templates: () => loadTemplates() });
export {
  app_default as default
};
