import { loadTemplates } from '../files/templates.js';
import { hindsightApp } from './app.js';
import { requireWebhookSecret } from './webhook-secret.js';

// Probot has applied .env by the time it imports this module.
requireWebhookSecret(process.env);

/** The app for `probot run ./dist/app.js` (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, GHE_HOST, PORT). */
export default hindsightApp({ templates: () => loadTemplates() });
