import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { buildSync, version as esbuildVersion, type BuildOptions, type Metafile } from 'esbuild';

/*
 * How every Lambda is bundled: the CDK app (lib/constructs/app-function.ts) and
 * `npm run bench:cold` both build with these options, so the benchmark measures the code
 * that is deployed.
 */

/**
 * esbuild's ESM output turns CommonJS `require` calls of bundled dependencies into a shim that
 * throws "Dynamic require of ... is not supported" unless a real `require` exists in scope.
 */
export const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/**
 * esbuild writes the banner at the top of every output file, and each file that carries it
 * links `module` and makes a require function when Node imports it, whether its code calls
 * `require` or not: most of a split function's chunks never do (25 of api-jobs' 40 files,
 * 2026-12-07). The banner is the file's first line; a file whose code names no `require` gets
 * that line emptied (not removed, so the source map's lines still match). The banner's
 * `require` is a binding of the file's own scope, so only a `require` written in that file can
 * reach it: a file that names none loses nothing.
 */
function dropUnusedRequireBanner(file: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.startsWith(ESM_REQUIRE_BANNER)) return;
  const code = text.slice(ESM_REQUIRE_BANNER.length);
  if (/\brequire\b/.test(code)) return;
  writeFileSync(file, code);
}

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

/**
 * Packages the functions load with `import()` on the first request that needs them, never at
 * init, each bundled once into a file of its own: the function's bundle keeps `import('<package>')`
 * (external to it), and the file is shipped beside the bundle as `node_modules/<package>/...`,
 * where Node resolves that import. A module reached by `import()` inside one bundle stays in the
 * file and is still read and compiled at init; a file of its own is not (pdfjs-dist, exceljs,
 * mammoth and the Anthropic SDK: ~1.3 MB of classify's 3.7 MB, 2026-12-06). Only packages whose
 * module state no project module shares: the project's own modules are never split off, so
 * there is one copy of each class and singleton. The value: other files the package loads by a
 * computed path at run time, shipped with it (pdfjs imports its worker from `./pdf.worker.mjs`
 * beside itself when it runs in Node).
 */
export const LAZY_PACKAGES: Record<string, string[]> = {
  exceljs: [],
  mammoth: [],
  'pdfjs-dist/legacy/build/pdf.mjs': ['pdfjs-dist/legacy/build/pdf.worker.mjs'],
  // the DOMMatrix pdfjs needs in Node, installed before pdfjs loads (functions/core/parse/pdfjs.ts)
  '@thednp/dommatrix': [],
  '@anthropic-ai/sdk': [],
  // X-Ray tracing, loaded only where a function is deployed with it (functions/shared/tracer.ts)
  '@aws-lambda-powertools/tracer': [],
  '@aws-lambda-powertools/tracer/middleware': [],
};

/**
 * Packages (or a package's JSON file) a project module loads synchronously on first use, through
 * a `createRequire` of its own (which esbuild leaves alone), keyed to that module: a package is
 * bundled once as CommonJS into `node_modules/<package>/index.cjs`, a JSON file is copied as it
 * is, and either is shipped beside every bundle that holds the module.
 */
export const REQUIRED_LAZILY: Record<string, string> = {
  'iconv-lite': 'functions/core/detect/encoding.ts',
  'email-providers/all.json': 'functions/core/entities/normalize.ts',
  'libphonenumber-js/metadata.max.json': 'functions/core/enrich/phone.ts',
};
const REQUIRED_FILE = 'index.cjs';

/**
 * Data files of the project that a module reads synchronously on first use, through a
 * `createRequire` of its own (`require('./<file>')`, the file beside the module in the source
 * tree), keyed to that module: each is copied from the project (never cached: it changes with
 * the code) to the root of every bundle that holds the module, beside the bundle and its chunks,
 * where that require finds it. A JSON file imported the usual way is compiled into the bundle as
 * an object literal and built at every cold start: the technologies dictionary (31 KB) was ~4 ms
 * of import CPU (2026-12-07).
 */
export const PROJECT_DATA_REQUIRED_LAZILY: Record<string, string> = {
  'functions/core/entities/technologies.json': 'functions/core/entities/technologies.ts',
};
const isJson = (specifier: string) => specifier.endsWith('.json');

/** The files shipped for a package in REQUIRED_LAZILY, relative to the bundle's directory. */
const requiredFilesOf = (specifier: string): string[] =>
  isJson(specifier) ? [join('node_modules', specifier)] : [REQUIRED_FILE, `${REQUIRED_FILE}.map`, 'package.json'].map((f) => join('node_modules', specifier, f));

/** A specifier's path inside its package: `legacy/build/pdf.mjs`, `middleware`, or '' for the package itself. */
const subpathOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** A lazy file's path inside its package: the subpath as it is when it names a module file, with `.mjs` when it names an export. */
const fileInPackage = (specifier: string) => {
  const subpath = subpathOf(specifier);
  return !subpath ? BUNDLE_FILE : /\.m?js$/.test(subpath) ? subpath : `${subpath}.mjs`;
};

/**
 * Where a lazy package's file lives beside a bundle: `node_modules/<name>/<subpath>` for a
 * subpath import (`.mjs` added to an export's name, e.g. `tracer/middleware.mjs`),
 * `node_modules/<name>/index.mjs` for the package. The package.json written beside them maps
 * each specifier to its file (`exports`).
 */
export function lazyFileOf(specifier: string): string {
  return join('node_modules', packageNameOf(specifier), fileInPackage(specifier));
}

const packageNameOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

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
  // The lazy packages are bundled too, each into a file of its own beside the bundle (below).
  external: Object.keys(LAZY_PACKAGES),
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
 * A function whose own code loads a project module with `import()` (the S3 part of the SDK in
 * functions/adapters/s3.ts, the readers of XLSX, DOCX and PDF, the accounts store...) is built
 * on its own with esbuild's code splitting: that module, and what only it reaches, become a
 * chunk beside `index.mjs` that is read by the first call that imports it; what it shares with
 * the rest of the function (the SDK's core) is a chunk both import, one copy, loaded at init.
 * Without splitting esbuild inlines a dynamically imported module into the bundle, where it is
 * still compiled at init and costs tree shaking (api-health grew from 571 to 640 KB with the S3
 * SDK inlined, 2026-12-07). The S3 SDK's module, named here for the benchmark, which times its
 * chunk apart (the cost moved to a function's first object call).
 */
export const SPLIT_MODULES: readonly string[] = ['functions/adapters/s3-sdk.ts'];

/**
 * Bundle several Lambdas, each to `<outdir>/<name>/index.mjs` (and, where its code loads a
 * project module with `import()`, the chunks beside it). One esbuild call for the functions
 * that load none: it parses a module that many functions share once, not once per function. The others
 * (and those named in `alwaysSplit`) are built each on its own, with splitting. Not one split
 * build for all of them: a build with several entries shares chunks between them and keeps a
 * shared module whole for all of them (api-jobs then read 726 KB at init, against 555 KB built
 * alone, 2026-12-07). Which functions load a project module with `import()` is read from the
 * project's own import graph first (packages left out: about a second), so none is built twice. Entries are paths
 * relative to `root`. Synchronous: CDK's local bundling hook is (esbuild's async builds side by
 * side were slower on 2 cores, not faster: 38 s for all functions split, against 27 s one by one).
 */
export function bundleLambdas(
  root: string,
  entries: Record<string, string>,
  outdir = mkdtempSync(join(tmpdir(), 'lambda-bundles-')),
  alwaysSplit: readonly string[] = [],
): LambdaBundles {
  const reaching = loadingProjectModulesLazily(root, entries);
  const split = Object.keys(entries).filter((name) => alwaysSplit.includes(name) || reaching.has(name));
  const whole = Object.entries(entries).filter(([name]) => !split.includes(name));
  const metafile: Metafile = { inputs: {}, outputs: {} };
  const add = (built: Metafile) => {
    Object.assign(metafile.inputs, built.inputs);
    Object.assign(metafile.outputs, built.outputs);
  };
  if (whole.length > 0) {
    add(
      buildSync({
        ...LAMBDA_BUILD_OPTIONS,
        absWorkingDir: root,
        entryPoints: whole.map(([name, entry]) => ({ in: resolve(root, entry), out: `${name}/${BUNDLE_NAME}` })),
        outdir,
        metafile: true,
      }).metafile,
    );
  }
  for (const name of split) {
    add(
      buildSync({
        ...LAMBDA_BUILD_OPTIONS,
        absWorkingDir: root,
        entryPoints: [{ in: resolve(root, entries[name]!), out: BUNDLE_NAME }],
        outdir: join(outdir, name),
        splitting: true,
        metafile: true,
      }).metafile,
    );
  }
  for (const output of Object.keys(metafile.outputs).filter((path) => path.endsWith('.mjs'))) dropUnusedRequireBanner(resolve(root, output));
  const lazyDir = cachedLazyPackages(root, outdir);
  for (const name of Object.keys(entries)) shipLazyPackages(root, metafile, join(outdir, name), lazyDir);
  return { outdir, metafile };
}

/** The entries whose project code loads a project module with `import()` (packages' own `import()` calls not counted). */
function loadingProjectModulesLazily(root: string, entries: Record<string, string>): Set<string> {
  // the project's modules only: every package external, nothing written, no minifying
  const { metafile } = buildSync({
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    absWorkingDir: root,
    entryPoints: Object.values(entries).map((entry) => resolve(root, entry)),
    outdir: join(tmpdir(), 'split-scan'),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const reaches = (from: string): boolean => {
    const seen = new Set([from]);
    const queue = [from];
    for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
      for (const imported of metafile.inputs[path]?.imports ?? []) {
        if (imported.external) continue;
        if (imported.kind === 'dynamic-import') return true;
        if (seen.has(imported.path)) continue;
        seen.add(imported.path);
        queue.push(imported.path);
      }
    }
    return false;
  };
  return new Set(Object.entries(entries).filter(([, entry]) => reaches(relative(root, resolve(root, entry)))).map(([name]) => name));
}

/** Whether a function's bundle was built with code splitting (it has chunks beside it). */
export function isSplit(metafile: Metafile, output: string): boolean {
  return (metafile.outputs[output]?.imports ?? []).some((i) => !i.external);
}

/** A function's bundle (`<bundleDir>/index.mjs`) in esbuild's metafile: its key (relative to `root`) and what it holds. */
function entryOutputOf(root: string, metafile: Metafile, bundleDir: string): [string, Metafile['outputs'][string]] {
  // output paths in the metafile are relative to the working directory
  const output = Object.entries(metafile.outputs).find(([path]) => resolve(root, path) === join(bundleDir, BUNDLE_FILE));
  if (!output) throw new Error(`no bundle ${join(bundleDir, BUNDLE_FILE)} in esbuild's metafile`);
  return output;
}

/** Every file of code in a function's bundle directory: the bundle and the chunks beside it. */
function outputsIn(root: string, metafile: Metafile, bundleDir: string): Metafile['outputs'][string][] {
  return Object.entries(metafile.outputs)
    .filter(([path]) => path.endsWith('.mjs') && dirname(resolve(root, path)) === bundleDir)
    .map(([, output]) => output);
}

/**
 * The files of code Node reads when it imports `output` (a metafile key): the bundle and the
 * chunks it imports statically, transitively; not the chunks it loads with `import()`.
 */
export function filesAtInit(metafile: Metafile, output: string): string[] {
  const seen = new Set<string>([output]);
  const queue = [output];
  for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
    for (const imported of metafile.outputs[path]?.imports ?? []) {
      if (imported.external || imported.kind !== 'import-statement' || seen.has(imported.path)) continue;
      seen.add(imported.path);
      queue.push(imported.path);
    }
  }
  return [...seen];
}

/**
 * The lazy packages' build depends on nothing of the project's code: only on the installed
 * packages (package-lock.json), the lists above, the build options and esbuild. It is kept under
 * node_modules/.cache by a hash of those and reused, so a second `cdk synth` (or a test or bench
 * run) skips the esbuild call that bundles exceljs, pdfjs-dist and the rest (about 40 % of the
 * bundling time, 2026-12-07). Built beside the cache and renamed into it, so two processes
 * building at once never read a half-written one.
 */
function cachedLazyPackages(root: string, outdir: string): string {
  const cached = lazyPackagesCacheDir(root);
  if (existsSync(cached)) return cached;
  const built = bundleLazyPackages(root, outdir);
  mkdirSync(dirname(cached), { recursive: true });
  const staged = mkdtempSync(`${cached}.`);
  cpSync(built, staged, { recursive: true });
  try {
    renameSync(staged, cached);
  } catch {
    rmSync(staged, { recursive: true, force: true }); // another process cached it first
  }
  return built;
}

/** Where the lazy packages' build for the installed packages and these options is kept. */
export function lazyPackagesCacheDir(root: string): string {
  const key = createHash('sha256')
    .update(JSON.stringify({ esbuildVersion, LAMBDA_BUILD_OPTIONS, LAZY_PACKAGES, REQUIRED_LAZILY, REQUIRED_FILE }))
    .update(readFileSync(join(root, 'package-lock.json')))
    .digest('hex')
    .slice(0, 16);
  return join(root, 'node_modules', '.cache', 'lambda-lazy-packages', key);
}

/**
 * Every lazy package (and the files it loads by path) bundled once, into `<outdir>/.lazy/node_modules/...`,
 * with the same options as the functions but nothing external: a second esbuild call, as the
 * functions' call marks these packages external.
 */
function bundleLazyPackages(root: string, outdir: string): string {
  const lazyDir = join(outdir, '.lazy');
  const specifiers = Object.entries(LAZY_PACKAGES).flatMap(([specifier, companions]) => [specifier, ...companions]);
  buildSync({
    ...LAMBDA_BUILD_OPTIONS,
    external: [],
    absWorkingDir: root,
    // esbuild resolves a bare specifier as an entry point like an import from `root`
    entryPoints: specifiers.map((specifier) => ({ in: specifier, out: lazyFileOf(specifier).replace(/\.m?js$/, '') })),
    outdir: lazyDir,
  });
  // ESM whatever the extension; `exports` maps each specifier the bundles import to its file
  const exportsOf = new Map<string, Record<string, string>>();
  for (const specifier of Object.keys(LAZY_PACKAGES)) {
    const exports = exportsOf.get(packageNameOf(specifier)) ?? {};
    const subpath = subpathOf(specifier);
    exports[subpath ? `./${subpath}` : '.'] = `./${fileInPackage(specifier)}`;
    exportsOf.set(packageNameOf(specifier), exports);
  }
  for (const [name, exports] of exportsOf) writeFileSync(join(lazyDir, 'node_modules', name, 'package.json'), JSON.stringify({ type: 'module', exports }));
  const required = Object.keys(REQUIRED_LAZILY).filter((specifier) => !isJson(specifier));
  for (const json of Object.keys(REQUIRED_LAZILY).filter(isJson)) {
    mkdirSync(dirname(join(lazyDir, 'node_modules', json)), { recursive: true });
    cpSync(createRequire(join(root, 'package.json')).resolve(json), join(lazyDir, 'node_modules', json));
  }
  buildSync({
    ...LAMBDA_BUILD_OPTIONS,
    format: 'cjs',
    banner: {},
    external: [],
    absWorkingDir: root,
    entryPoints: required.map((name) => ({ in: name, out: join('node_modules', name, REQUIRED_FILE.replace(/\.cjs$/, '')) })),
    outExtension: { '.js': '.cjs' },
    outdir: lazyDir,
  });
  for (const name of required) writeFileSync(join(lazyDir, 'node_modules', name, 'package.json'), JSON.stringify({ main: REQUIRED_FILE }));
  return lazyDir;
}

/** Copy into a function's bundle directory the lazy packages its bundle (or a chunk of it) imports, with their companions, and the data its modules require on first use. */
function shipLazyPackages(root: string, metafile: Metafile, bundleDir: string, lazyDir: string): void {
  entryOutputOf(root, metafile, bundleDir); // throws when the function was not built
  const outputs = outputsIn(root, metafile, bundleDir);
  const holds = (input: string) => outputs.some((output) => input in output.inputs);
  for (const [file, requiredBy] of Object.entries(PROJECT_DATA_REQUIRED_LAZILY)) {
    if (holds(relative(root, resolve(root, requiredBy)))) cpSync(join(root, file), join(bundleDir, basename(file)));
  }
  for (const [name, requiredBy] of Object.entries(REQUIRED_LAZILY)) {
    if (!holds(relative(root, resolve(root, requiredBy)))) continue;
    for (const file of requiredFilesOf(name)) {
      mkdirSync(dirname(join(bundleDir, file)), { recursive: true });
      cpSync(join(lazyDir, file), join(bundleDir, file));
    }
  }
  const imported = new Set(outputs.flatMap((output) => output.imports.filter((i) => i.external && i.path in LAZY_PACKAGES).map((i) => i.path)));
  for (const specifier of imported) {
    for (const file of [specifier, ...LAZY_PACKAGES[specifier]!].map(lazyFileOf)) {
      mkdirSync(dirname(join(bundleDir, file)), { recursive: true });
      cpSync(join(lazyDir, file), join(bundleDir, file));
      cpSync(join(lazyDir, `${file}.map`), join(bundleDir, `${file}.map`));
    }
    const packageJson = join('node_modules', packageNameOf(specifier), 'package.json');
    cpSync(join(lazyDir, packageJson), join(bundleDir, packageJson));
  }
}

/**
 * The inputs a bundle evaluates when it is imported: what its entry reaches through static
 * imports and requires (not through `import()`) and esbuild kept in `output` (the import graph
 * lists modules that tree shaking then drops). A module reached only by a dynamic import is in
 * the file but runs on first use, so it costs a cold start little beyond its bytes.
 */
export function loadedAtInit(metafile: Metafile, output: string): Set<string> {
  const entryPoint = metafile.outputs[output]?.entryPoint;
  // with code splitting, what the bundle shares with a lazily loaded chunk is in a chunk of its own
  const kept = Object.assign({}, ...filesAtInit(metafile, output).map((file) => metafile.outputs[file]?.inputs ?? {})) as Record<string, { bytesInOutput: number }>;
  if (!entryPoint) throw new Error(`${output} is not an entry point's output`);
  const seen = new Set<string>([entryPoint]);
  const queue = [entryPoint];
  const lazyAtInit = new Set<string>();
  for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
    for (const imported of metafile.inputs[path]?.imports ?? []) {
      if (imported.kind === 'dynamic-import' || seen.has(imported.path)) continue;
      // a lazy package imported statically is loaded from its own file at init
      if (imported.external) {
        if (imported.path in LAZY_PACKAGES) lazyAtInit.add(lazyFileOf(imported.path));
        continue;
      }
      seen.add(imported.path);
      queue.push(imported.path);
    }
  }
  return new Set([...[...seen].filter((path) => (kept[path]?.bytesInOutput ?? 0) > 0), ...lazyAtInit]);
}
