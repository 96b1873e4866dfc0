import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * What only ever runs on Node 24 in production: the built Action (action.yml: `using: node24`)
 * and the container deployments (Dockerfile: `node:24-slim`). `npm test` runs these on Node 24
 * only; everything else on Node 24 and on Node 22 (the oldest the CLI and `probot run` support).
 */
const NODE24_ONLY = [
  'test/action.e2e.test.ts',
  'test/index.action.test.ts',
  'test/deploy.test.ts',
  'test/scale.redis.test.ts',
];

export default defineConfig({
  test: {
    // End-to-end tests start child processes; on a loaded 2-core machine they need headroom.
    testTimeout: 20_000,
    // At least 4 files at once, whatever the core count (vitest's default on 2 cores is 1): the
    // end-to-end files spend most of their time waiting (Probot's write throttle, retry backoff,
    // child processes starting), so they overlap well. Measured on the 2-core machine: the suite
    // took 250 s one file at a time, 85 s four at a time.
    maxWorkers: Math.max(4, availableParallelism()),
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          include: ['test/core/**/*.test.ts'],
          // src/core is pure (no I/O, clock or env; its only module state is memoised lookups),
          // so its test files share loaded modules within a worker instead of each loading them
          // again: measured, half the CPU time of these files (25 s -> 13 s on the 2-core machine).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'io',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/core/**', ...NODE24_ONLY],
        },
      },
      { extends: true, test: { name: 'node24', include: NODE24_ONLY } },
    ],
  },
});
