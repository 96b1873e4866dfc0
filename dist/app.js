import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  requireWebhookSecret
} from "./chunks/chunk-26HLYVI2.js";
import {
  createSharedState,
  hindsightApp
} from "./chunks/chunk-VRCQJUTV.js";
import "./chunks/chunk-F3YPPC6J.js";
import "./chunks/chunk-T6FHGAW3.js";
import "./chunks/chunk-SKIUU6EG.js";
import {
  loadTemplates
} from "./chunks/chunk-DGLEHWAS.js";
import "./chunks/chunk-HANBNIMK.js";

// src/app/index.ts
requireWebhookSecret(process.env);
var app_default = hindsightApp({
  templates: () => loadTemplates(),
  state: createSharedState(process.env.REDIS_URL || void 0)
});
export {
  app_default as default
};
