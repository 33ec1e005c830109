import { defineConfig } from 'vitest/config';

// Mutation testing runs only the pure-core tests: unit and property tests, no local stack,
// no console build. Stryker starts this config once per mutant batch, so it must stay cheap.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/property/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
  },
});
