import { loadTemplates } from '../files/templates.js';
import { createSharedState } from '../state/index.js';
import { hindsightApp } from './app.js';
import { requireWebhookSecret } from './webhook-secret.js';

// Probot has applied .env by the time it imports this module.
requireWebhookSecret(process.env);

/**
 * The app for `probot run ./dist/app.js` (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, GHE_HOST, PORT;
 * REDIS_URL shares locks and memory between processes). `node dist/server.js` adds a queue.
 */
export default hindsightApp({
  templates: () => loadTemplates(),
  state: createSharedState(process.env.REDIS_URL || undefined),
});
