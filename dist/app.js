import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  requireWebhookSecret
} from "./chunks/chunk-26HLYVI2.js";
import {
  createSharedState,
  hindsightApp
} from "./chunks/chunk-QXVN6WS6.js";
import "./chunks/chunk-OH4BD3DP.js";
import "./chunks/chunk-VWCHJEQG.js";
import "./chunks/chunk-K5AHS4EK.js";
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
