import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/app-key.global.ts'],
    setupFiles: ['test/setup/one-app-key.ts'],
    // End-to-end tests start child processes; on a loaded 2-core machine they need headroom.
    testTimeout: 20_000,
  },
});
