import { loadTemplates } from '../files/templates.js';
import { hindsightApp } from './app.js';

/** The app for `probot run ./dist/app.js` (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, GHE_HOST, PORT). */
export default hindsightApp({ templates: () => loadTemplates() });
