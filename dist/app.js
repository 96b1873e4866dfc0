import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  hindsightApp
} from "./chunks/chunk-QZIYZ4YC.js";
import "./chunks/chunk-ZOE3BEW7.js";
import "./chunks/chunk-AQH5GKVO.js";
import {
  loadTemplates
} from "./chunks/chunk-HTBQFMGA.js";

// src/app/index.ts
var app_default = hindsightApp({ templates: () => loadTemplates() });
export {
  app_default as default
};
