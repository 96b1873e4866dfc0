import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  requireWebhookSecret
} from "./chunks/chunk-26HLYVI2.js";
import {
  createSharedState,
  hindsightApp
} from "./chunks/chunk-WUFYQDLR.js";
import "./chunks/chunk-ZZOLASJL.js";
import "./chunks/chunk-TJBVPCQB.js";
import "./chunks/chunk-75Z4BDBJ.js";
import {
  loadTemplates
} from "./chunks/chunk-HSOKINQF.js";
import "./chunks/chunk-366W3JI3.js";
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
