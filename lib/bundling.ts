import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync, type BuildOptions, type Metafile } from 'esbuild';

/*
 * How every Lambda is bundled: the CDK app (lib/constructs/app-function.ts) and
 * `npm run bench:cold` both build with these options, so the benchmark measures the code
 * that is deployed.
 */

/**
 * esbuild's ESM output turns CommonJS `require` calls of bundled dependencies into a shim that
 * throws "Dynamic require of ... is not supported" unless a real `require` exists in scope.
 */
const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/**
 * Minified, but class and function names kept: errors are told apart by `name` (the
 * Lambda runtime's errorType, which the state machine's Retry and Catch match), and
 * DomainError takes its name from its class (test/infra/bundle-names.test.ts).
 */
export const MINIFY = { minify: true, keepNames: true } as const;

/**
 * The runtime's NODE_OPTIONS (none): part of what a cold start costs, so the benchmark sets it
 * too. Not `--enable-source-maps`: with it Node reads a bundle's whole map when it compiles the
 * bundle, and decodes it the first time anything reads an `Error`'s `stack`, which bluebird
 * (under exceljs) does at import: 0.5 of api-accounts' 1.1 s of import CPU (2026-12-06).
 */
export const LAMBDA_NODE_OPTIONS: string = '';

/** The Lambda's handler module inside its bundle directory: `index.mjs` (ESM), handler `index.handler`. */
export const BUNDLE_NAME = 'index';
export const BUNDLE_FILE = `${BUNDLE_NAME}.mjs`;

export const LAMBDA_BUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  mainFields: ['module', 'main'],
  banner: { js: ESM_REQUIRE_BANNER },
  ...MINIFY,
  // An external map file, beside the bundle and named by nothing in it: the runtime never loads
  // it (see LAMBDA_NODE_OPTIONS), and a minified position from a log maps to file:line with it.
  sourcemap: 'external',
  sourcesContent: false,
  // The AWS SDK is bundled, not taken from the runtime: we ship the version the tests ran against.
  external: [],
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
} as const satisfies BuildOptions;

export interface LambdaBundles {
  /** <outdir>/<name>/index.mjs (and its .map) for each entry */
  outdir: string;
  /** esbuild's metafile of the whole build: which inputs each output holds */
  metafile: Metafile;
}

/**
 * Bundle several Lambdas in one esbuild call, each to `<outdir>/<name>/index.mjs`. One call
 * parses a module that many functions share once, not once per function (and starts one
 * esbuild process, not one each). Entries are paths relative to `root`. Synchronous: CDK's
 * local bundling hook is.
 */
export function bundleLambdas(root: string, entries: Record<string, string>, outdir = mkdtempSync(join(tmpdir(), 'lambda-bundles-'))): LambdaBundles {
  const result = buildSync({
    ...LAMBDA_BUILD_OPTIONS,
    absWorkingDir: root,
    entryPoints: Object.entries(entries).map(([name, entry]) => ({ in: resolve(root, entry), out: `${name}/${BUNDLE_NAME}` })),
    outdir,
    metafile: true,
  });
  return { outdir, metafile: result.metafile };
}

/**
 * The inputs a bundle evaluates when it is imported: what its entry reaches through static
 * imports and requires (not through `import()`) and esbuild kept in `output` (the import graph
 * lists modules that tree shaking then drops). A module reached only by a dynamic import is in
 * the file but runs on first use, so it costs a cold start little beyond its bytes.
 */
export function loadedAtInit(metafile: Metafile, output: string): Set<string> {
  const entryPoint = metafile.outputs[output]?.entryPoint;
  const kept = metafile.outputs[output]?.inputs ?? {};
  if (!entryPoint) throw new Error(`${output} is not an entry point's output`);
  const seen = new Set<string>([entryPoint]);
  const queue = [entryPoint];
  for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
    for (const imported of metafile.inputs[path]?.imports ?? []) {
      if (imported.kind === 'dynamic-import' || imported.external || seen.has(imported.path)) continue;
      seen.add(imported.path);
      queue.push(imported.path);
    }
  }
  return new Set([...seen].filter((path) => (kept[path]?.bytesInOutput ?? 0) > 0));
}
