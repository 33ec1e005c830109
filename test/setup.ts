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
