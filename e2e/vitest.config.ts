import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built renderer (out/renderer, `npm run build:renderer` runs first in `npm run
 * test:e2e`) served by the web-mode server and driven in the system's Chromium through playwright-core.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
