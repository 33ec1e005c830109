import '../local/polyfills.ts';

// The SDK's own switch for its Node version notice: worker threads (the local Enrich) copy the
// environment when they start, where the filter below does not reach.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// The AWS SDK warns once per process that releases after early 2027 need Node 22
// (docs/development.md). Keep test output for real problems.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const text = typeof warning === 'string' ? warning : warning.message;
  if (text.startsWith('NodeVersionSupportWarning')) return;
  (emitWarning as (...a: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;

// Powertools Metrics prints an EMF line per published metric outside dev mode; tests that
// check those lines switch it back on themselves (usage-metrics.test.ts).
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';

// Handler logs (the Powertools logger, and each function's init line) stay out of the test
// output: a failing assertion says what went wrong. A test that reads logs asks for them by
// setting the level before the handlers load (fuzz.test.ts, logger-init-duration.test.ts);
// POWERTOOLS_LOG_LEVEL=INFO npm test shows them all. The local stack's worker threads copy
// this environment, so the Enrich workers stay quiet too.
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';

// No X-Ray daemon in tests: the tracer stays off (it also is outside a Lambda runtime).
process.env.POWERTOOLS_TRACE_ENABLED ??= 'false';
