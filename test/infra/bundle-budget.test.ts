import { readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_FILE, ESM_REQUIRE_BANNER, bundleLambdas, filesAtInit, loadedAtInit } from '../../lib/bundling.ts';
import { PROJECT_ROOT } from '../../lib/project-paths.ts';
import { FUNCTION_NAMES, functionEntry, type FunctionName } from '../../functions/shared/routes.ts';

// Every function, bundled as the CDK app bundles it: ~15 s alone, more beside other test files.
const BUILD_TIMEOUT_MS = 180_000;

const CLASSIC_ZOD = 'node_modules/zod/v4/classic/';

/**
 * The S3 part of the SDK is loaded on a function's first object call (functions/adapters/s3.ts),
 * never at init: ~36 ms of import CPU on its own, a third of a one-table function's.
 */
const S3_SDK = ['node_modules/@aws-sdk/client-s3/', 'node_modules/@aws-sdk/s3-request-presigner/', 'node_modules/@aws-sdk/lib-storage/', 'node_modules/@aws-sdk/s3-presigned-post/'];

/**
 * The readers of ranges and units: their scale words are folded (NFKC, which loads ICU's
 * normaliser) when the module loads, ~3 ms of CPU. Only running a template's transforms needs
 * them; validating a schema or a template does not (core/templates/transform-rules.ts).
 */
const UNITS = 'functions/core/map/units.ts';

/** zod (mini), for the functions that validate only in some of their requests. */
const ZOD = 'node_modules/zod/';

/**
 * What each function must not load at cold start (issue 21; `npm run bench:cold` measures the
 * time): code that only some requests need is imported on first use.
 */
const NOT_AT_INIT: Partial<Record<FunctionName, string[]>> = {
  // the health check validates nothing: no zod
  'api-health': [ZOD],
  // Claude is called only when a key is configured and the answer is not cached
  map: ['node_modules/@anthropic-ai/sdk/'],
  // starting a job's attempt (a confirmed mapping resumes one) loads the Step Functions and SQS clients on first use;
  // the jobs, accounts and templates APIs load each group of routes (its contracts, zod) on its first request
  'api-templates': ['node_modules/@anthropic-ai/sdk/', UNITS, 'node_modules/@aws-sdk/client-sfn/', 'node_modules/@aws-sdk/client-sqs/', ZOD],
  'api-accounts': ['node_modules/@anthropic-ai/sdk/', ZOD],
  persist: ['node_modules/@anthropic-ai/sdk/', UNITS],
  'api-jobs': [UNITS, ZOD, 'node_modules/@aws-sdk/client-sfn/', 'node_modules/@aws-sdk/client-sqs/'],
  // Claude's answer for account insights is read (zod) only when one comes back
  'accounts-store': [ZOD],
  'api-uploads': [UNITS],
  // the admin API loads each group of routes on its first request (the keys, the reports with the
  // SQS client, the retention settings), the companion routes load behind the upload token's
  // checks, and the inbox loads the job request's checks (the job options' schema, the schema
  // and template stores) on its first event that names an object
  'api-admin': [ZOD, 'node_modules/@aws-sdk/client-sqs/'],
  'api-companion': [ZOD, UNITS],
  inbox: [ZOD, UNITS, 'functions/adapters/schema-store.ts', 'functions/adapters/template-store.ts'],
};

/**
 * What no function loads at cold start: X-Ray tracing is a deploy option, its Tracer loaded only
 * where it is on (functions/shared/tracer.ts); classic zod costs ~20-30 ms of CPU at init on its
 * own (a fifth to a third of the baseline's), and every contract and core schema is zod/mini
 * (core/zod-mini.ts); classic zod is left to the OpenAPI generator, which runs at build time.
 */
const NOWHERE_AT_INIT = ['node_modules/aws-xray-sdk-core/', 'node_modules/@aws-lambda-powertools/tracer/', CLASSIC_ZOD, ...S3_SDK];

describe('Lambda bundles at cold start', () => {
  it('load neither zod\'s 40 locales, nor the X-Ray SDK, nor the S3 client, nor what a function only needs on some requests; the health check reads under 600 KB at init', { timeout: BUILD_TIMEOUT_MS }, () => {
    const fns = FUNCTION_NAMES;
    const { outdir, metafile } = bundleLambdas(PROJECT_ROOT, Object.fromEntries(fns.map((fn) => [fn, functionEntry(fn)])));
    try {
      // metafile paths are relative to the project root
      const outputOf = (fn: FunctionName) => Object.keys(metafile.outputs).find((path) => resolve(PROJECT_ROOT, path) === join(outdir, fn, BUNDLE_FILE))!;
      for (const fn of fns) {
        const atInit = [...loadedAtInit(metafile, outputOf(fn))];
        // `import { z } from 'zod'` loads every locale (270 KB); `import * as z` lets esbuild keep only English
        expect(atInit.filter((path) => path.includes('node_modules/zod/v4/locales/') && !path.endsWith('/en.js')), fn).toEqual([]);
        for (const banned of [...NOWHERE_AT_INIT, ...(NOT_AT_INIT[fn] ?? [])]) expect(atInit.filter((path) => path.includes(banned)), `${fn}: ${banned}`).toEqual([]);
      }
      // the files Node reads to import the health check: its bundle and the chunks it imports statically
      const healthBytes = filesAtInit(metafile, outputOf('api-health')).reduce((sum, path) => sum + statSync(resolve(PROJECT_ROOT, path)).size, 0);
      // 691 KB while the Powertools Tracer (aws-xray-sdk-core, semver, cls-hooked: ~130 KB) was in every bundle
      expect(healthBytes).toBeLessThanOrEqual(600_000);
      // each file read at init is a module load of its own; the templates API read 20 (62 ms of
      // import CPU) with one import() per lazily loaded module, 11 (52 ms) with one for all of them,
      // 13 with one per route group (the schemas, the templates, the mappings: 65 -> 56 ms, the
      // route groups' code and zod out of init, 2026-12-07)
      expect(filesAtInit(metafile, outputOf('api-templates')).length).toBeLessThanOrEqual(13);
      const code = Object.keys(metafile.outputs).filter((path) => path.endsWith('.mjs'));
      // a bundle that names its map makes the runtime read it at start (with --enable-source-maps)
      for (const path of code) expect(readFileSync(resolve(PROJECT_ROOT, path), 'utf8'), path).not.toContain('sourceMappingURL');
      // the createRequire banner only in the files whose code calls require: in the others it
      // linked `module` and made a require function at import for nothing (most chunks)
      const banners = code.map((path) => {
        const text = readFileSync(resolve(PROJECT_ROOT, path), 'utf8');
        const body = text.startsWith(ESM_REQUIRE_BANNER) ? text.slice(ESM_REQUIRE_BANNER.length) : text;
        return { path, banner: text.startsWith(ESM_REQUIRE_BANNER), requires: /\brequire\b/.test(body) };
      });
      expect(banners.filter((file) => file.banner !== file.requires)).toEqual([]);
      expect(banners.filter((file) => file.requires).length).toBeGreaterThan(0);
      for (const path of code) expect(metafile.outputs[`${path}.map`], path).toBeDefined();
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
