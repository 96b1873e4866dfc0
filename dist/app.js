import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  requireWebhookSecret
} from "./chunks/chunk-26HLYVI2.js";
import {
  createSharedState,
  hindsightApp
} from "./chunks/chunk-LYJI5S3L.js";
import "./chunks/chunk-BSF2XAJJ.js";
import "./chunks/chunk-YP2ZZUMM.js";
import "./chunks/chunk-OE7ZO5F5.js";
import {
  loadTemplates
} from "./chunks/chunk-FAQZJHEL.js";
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
