import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: tests that drive a real browser against the local stack. Kept out of
// `npm test` (its include is test/**/*.test.ts) so the unit and integration run needs no browser.
export default defineConfig({
  root: resolve(import.meta.dirname, '../..'),
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    pool: 'forks',
    poolOptions: { forks: { minForks: 1, maxForks: 1 } },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    setupFiles: ['test/setup.ts'],
  },
});
