import { defineConfig } from 'vitest/config';

// Mutation testing runs only the pure-core tests: unit and property tests, no local stack,
// no console build. MUTATION_TESTS (comma-separated test files) narrows the set to a module's
// own tests: Stryker runs every test it has for each static mutant (a module-level constant),
// and its own --testFiles leaves static mutants inactive (stryker-js#6144), so narrowing
// here is the way to measure one module cheaply.
const only = process.env.MUTATION_TESTS?.split(',').filter((file) => file.length > 0);

export default defineConfig({
  test: {
    include: only ?? ['test/unit/**/*.test.ts', 'test/property/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
  },
});
