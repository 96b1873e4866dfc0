import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  hindsightApp
} from "./chunks/chunk-KSVX3WWH.js";
import "./chunks/chunk-G3K46AJ5.js";
import "./chunks/chunk-UOMWNANT.js";
import {
  loadTemplates
} from "./chunks/chunk-F42AUMMB.js";

// src/app/index.ts
var app_default = hindsightApp({ templates: () => loadTemplates() });
export {
  app_default as default
};
