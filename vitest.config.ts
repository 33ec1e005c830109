import { defineConfig } from 'vitest/config';

// Two cores: integration files each boot a local stack, so keep to two forks.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    poolOptions: { forks: { minForks: 1, maxForks: 2 } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/build-console.ts'],
  },
});
