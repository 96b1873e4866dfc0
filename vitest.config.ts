import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/app-key.global.ts'],
    setupFiles: ['test/setup/one-app-key.ts'],
    // End-to-end tests start child processes; on a loaded 2-core machine they need headroom.
    testTimeout: 20_000,
    // At least 4 files at once, whatever the core count (vitest's default on 2 cores is 1): the
    // end-to-end files spend most of their time waiting (Probot's write throttle, retry backoff,
    // child processes starting), so they overlap well. Measured on the 2-core machine: the suite
    // took 250 s one file at a time, 85 s four at a time.
    maxWorkers: Math.max(4, availableParallelism()),
  },
});
