import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  hindsightApp
} from "./chunks/chunk-XUEKHPZ7.js";
import "./chunks/chunk-U6JVP6QZ.js";
import "./chunks/chunk-625J6HFC.js";
import {
  loadTemplates
} from "./chunks/chunk-MG5ONYHR.js";

// src/app/index.ts
var app_default = hindsightApp({ templates: () => loadTemplates() });
export {
  app_default as default
};
