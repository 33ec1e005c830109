// Mutation testing of the pure core (docs/testing.md). `npm run test:mutation` mutates all of
// functions/core; `npm run test:mutation -- --mutate functions/core/enrich/money.ts` one module.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  mutate: ['functions/core/**/*.ts', '!functions/core/**/data/**', '!functions/core/schemas/lexicon/**'],
  checkers: [],
  // Two shared cores: one test runner keeps the machine usable (raise with --concurrency).
  concurrency: 1,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['cdk.out', '.local-stack', 'console/dist', 'test/e2e/artifacts', 'reports', '.bench'],
  thresholds: { high: 85, low: 75, break: null },
};
