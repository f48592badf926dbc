import { defineConfig } from 'vitest/config';

/** Unit tests: every `*.test.ts(x)` beside the code; browser end-to-end tests live in e2e/ with their own config. */
export default defineConfig({
  test: {
    include: ['{core,data,cli,electron,renderer,scripts}/**/*.test.{ts,tsx}'],
    pool: 'forks',
    testTimeout: 30_000,
  },
});
