import { startServer } from './server.js';

/** `node dist/server.js`: the app as a service (see docs/deploy.md). */
const server = await startServer();
for (const signal of ['SIGTERM', 'SIGINT'] as const)
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
