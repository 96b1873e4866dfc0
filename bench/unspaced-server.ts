// The service (`src/app/server.ts`) with GitHub's write spacing off, for the load bench: the
// sandbox has no secondary limit to stay under, so this measures the app, not the throttle.
import { startServer } from '../src/app/server.js';
import { UnthrottledOctokit } from '../src/app/unthrottled-octokit.js';

const server = await startServer({ Octokit: UnthrottledOctokit });
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
