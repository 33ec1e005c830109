import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { LAMBDA_BUILD_OPTIONS, loadedAtInit } from '../../lib/bundling.ts';
import { PROJECT_ROOT } from '../../lib/project-paths.ts';
import { FUNCTION_NAMES, functionEntry, type FunctionName } from '../../functions/shared/routes.ts';

// Every function in one esbuild call: ~10 s alone, more beside other test files.
const BUILD_TIMEOUT_MS = 180_000;

const CLASSIC_ZOD = 'node_modules/zod/v4/classic/';

/**
 * What each function must not load at cold start (issue 21; `npm run bench:cold` measures the
 * time): code that only some requests need is imported on first use.
 */
const NOT_AT_INIT: Partial<Record<FunctionName, string[]>> = {
  // the health check validates nothing: no zod
  'api-health': ['node_modules/zod/'],
  // Claude is called only when a key is configured and the answer is not cached
  map: ['node_modules/@anthropic-ai/sdk/'],
  'api-templates': ['node_modules/@anthropic-ai/sdk/'],
  'api-accounts': ['node_modules/@anthropic-ai/sdk/'],
  persist: ['node_modules/@anthropic-ai/sdk/'],
};

/**
 * What no function loads at cold start: X-Ray tracing is a deploy option, its Tracer loaded only
 * where it is on (functions/shared/tracer.ts); classic zod costs ~20-30 ms of CPU at init on its
 * own (a fifth to a third of the baseline's), and every contract and core schema is zod/mini
 * (core/zod-mini.ts); classic zod is left to the OpenAPI generator, which runs at build time.
 */
const NOWHERE_AT_INIT = ['node_modules/aws-xray-sdk-core/', 'node_modules/@aws-lambda-powertools/tracer/', CLASSIC_ZOD];

describe('Lambda bundles at cold start', () => {
  it('load neither zod\'s 40 locales, nor the X-Ray SDK, nor what a function only needs on some requests; the health check stays under 600 KB', { timeout: BUILD_TIMEOUT_MS }, async () => {
    const fns = FUNCTION_NAMES;
    const { metafile, outputFiles } = await build({
      ...LAMBDA_BUILD_OPTIONS,
      absWorkingDir: PROJECT_ROOT,
      entryPoints: fns.map((fn) => ({ in: resolve(PROJECT_ROOT, functionEntry(fn)), out: fn })),
      outdir: '/bundle-budget',
      write: false,
      metafile: true,
    });
    for (const fn of fns) {
      const output = Object.keys(metafile.outputs).find((path) => path.endsWith(`/${fn}.mjs`))!;
      const atInit = [...loadedAtInit(metafile, output)];
      // `import { z } from 'zod'` loads every locale (270 KB); `import * as z` lets esbuild keep only English
      expect(atInit.filter((path) => path.includes('node_modules/zod/v4/locales/') && !path.endsWith('/en.js')), fn).toEqual([]);
      for (const banned of [...NOWHERE_AT_INIT, ...(NOT_AT_INIT[fn] ?? [])]) expect(atInit.filter((path) => path.includes(banned)), `${fn}: ${banned}`).toEqual([]);
    }
    const health = outputFiles.find((f) => f.path.endsWith('/api-health.mjs'));
    // 691 KB while the Powertools Tracer (aws-xray-sdk-core, semver, cls-hooked: ~130 KB) was in every bundle
    expect(health?.contents.byteLength).toBeLessThanOrEqual(600_000);
    // a bundle that names its map makes the runtime read it at start (with --enable-source-maps)
    for (const file of outputFiles.filter((f) => f.path.endsWith('.mjs'))) expect(file.text, file.path).not.toContain('sourceMappingURL');
    expect(outputFiles.filter((f) => f.path.endsWith('.mjs.map'))).toHaveLength(fns.length);
  });
});
