import { spawn } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Metafile } from 'esbuild';
import { BUNDLE_FILE, LAMBDA_NODE_OPTIONS, SPLIT_MODULES, bundleLambdas, filesAtInit, isSplit } from '../lib/bundling.ts';
import { ENV } from '../functions/shared/env-names.ts';
import { FUNCTION_NAMES, HTTP_ROUTES, WS_FUNCTION, functionEntry, type FunctionName } from '../functions/shared/routes.ts';
import { fmtRatio, machineBusyPercent, machineLine, printTable, printVerdicts, type Verdict } from './report.ts';

/*
 * npm run bench:cold [-- --runs N] [--only fn,fn] [--top K]
 *
 * Cold starts, measured in one run (issue 21): every function bundled exactly as the CDK app
 * bundles it (lib/bundling.ts: one esbuild call for most, one split build each for the functions that load modules lazily), next to a baseline bundled the same way (one
 * DynamoDBClient + GetItemCommand, bench/cold/baseline-handler.ts). Each bundle is imported in
 * a fresh Node process with the runtime's NODE_OPTIONS, N times, round-robin over the bundles
 * so the machine's load falls on all of them alike. Prints the bytes read at init (the bundle and
 * the chunks it imports statically), median and max import CPU and wall time, the ratio of the
 * median CPU times to the baseline's, the target and the modules that weigh most in each bundle
 * (esbuild's metafile). Where a function loads a split module (the S3 SDK, lib/bundling.ts
 * SPLIT_MODULES) on first use, the same process then imports that chunk too, and its CPU is
 * printed apart: the cost moved from init to the first request that touches an object.
 * Exits 0 either way: a benchmark reports, it does not gate.
 */

const ROOT = resolve(import.meta.dirname, '..');
const BASELINE = 'baseline';
/**
 * The same baseline built with code splitting, as the functions that load a split module are
 * (lib/bundling.ts): splitting alone moves the SDK's credential providers out of the bundle, so
 * each function is compared with the baseline built the way it is.
 */
const BASELINE_SPLIT = 'baseline-split';
const BASELINES = new Set([BASELINE, BASELINE_SPLIT]);

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    only: { type: 'string' },
    top: { type: 'string', default: '4' },
  },
});
const runs = Number(values.runs);
const top = Number(values.top);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
const only = values.only?.split(',').map((s) => s.trim());
const unknown = only?.filter((fn) => !(FUNCTION_NAMES as readonly string[]).includes(fn));
if (unknown?.length) throw new Error(`--only: no function named ${unknown.join(', ')}`);
const functions = FUNCTION_NAMES.filter((fn) => !only || only.includes(fn));

const API_FUNCTIONS = new Set<FunctionName>([...HTTP_ROUTES.map((r) => r.fn), WS_FUNCTION]);
/** The stages that read and rewrite whole files: their work needs the readers and the lexicon. */
const HEAVY_STAGES = new Set<FunctionName>(['classify', 'parse', 'map', 'enrich']);
const TARGETS = { ratio: 1.5, heavyRatio: 3, apiBytes: 600_000 };

/** What a function is held to: a ratio to the baseline, and for API functions a size. */
function targetOf(fn: FunctionName): { ratio: number; maxBytes?: number } {
  if (HEAVY_STAGES.has(fn)) return { ratio: TARGETS.heavyRatio };
  return API_FUNCTIONS.has(fn) ? { ratio: TARGETS.ratio, maxBytes: TARGETS.apiBytes } : { ratio: TARGETS.ratio };
}

/**
 * What the CDK app sets on a function (values shaped like AWS's, nothing is called): a handler
 * that reads its configuration at init must find it. The local-only switches stay unset.
 */
function deployedEnv(): Record<string, string> {
  const localOnly = new Set<string>([ENV.anthropicApiKey, ENV.anthropicBaseUrl, ENV.allowLoopbackWebhooks, ENV.s3ForcePathStyle]);
  const env: Record<string, string> = {};
  for (const name of Object.values(ENV)) {
    if (localOnly.has(name)) continue;
    if (name.endsWith('_URL')) env[name] = 'https://sqs.us-east-1.amazonaws.com/123456789012/bench';
    else if (name.endsWith('_ENDPOINT')) env[name] = 'https://abc123.execute-api.us-east-1.amazonaws.com/dev';
    else if (name.endsWith('_ARN')) env[name] = 'arn:aws:states:us-east-1:123456789012:stateMachine:bench';
    else env[name] = 'bench';
  }
  return env;
}

/**
 * Import one bundle in a fresh Node process: the wall time from before the import to after it,
 * and the CPU time the process spent meanwhile (all threads). On a shared machine the wall time
 * includes waiting for a core; the CPU time does not, so the ratios are taken from it.
 */
const IMPORT_SCRIPT = [
  'const t0 = performance.now(), c0 = process.cpuUsage();',
  'await import(process.argv[1]);',
  'const c = process.cpuUsage(c0);',
  'const c1 = process.cpuUsage();',
  'for (const later of process.argv.slice(2)) await import(later);',
  'const l = process.cpuUsage(c1);',
  'process.stdout.write(JSON.stringify({ wallMs: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, laterCpuMs: (l.user + l.system) / 1000 }));',
].join(' ');

interface ImportTime {
  wallMs: number;
  cpuMs: number;
  /** the split modules' chunks, imported after the bundle (what the first request that needs them reads) */
  laterCpuMs: number;
}

function importOnce(file: string, later: string[]): Promise<ImportTime> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', IMPORT_SCRIPT, pathToFileURL(file).href, ...later.map((f) => pathToFileURL(f).href)], {
      // What the function gets on Lambda: no tsx loader or test settings leak in.
      env: { ...deployedEnv(), PATH: process.env.PATH, NODE_OPTIONS: LAMBDA_NODE_OPTIONS, AWS_REGION: 'us-east-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      // the last line: the handler's own logs (its init line) come first on the same stdout
      if (code === 0) resolveRun(JSON.parse(out.trimEnd().split('\n').at(-1)!) as ImportTime);
      else reject(new Error(`importing ${file} failed (exit ${code}): ${err.trim().slice(0, 500)}`));
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** "node_modules/@aws-sdk/client-s3/dist-es/x.js" -> "@aws-sdk/client-s3"; project files stay paths. */
function moduleOf(input: string): string {
  const parts = input.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return input;
  const name = parts[at + 1] ?? input;
  return name.startsWith('@') ? `${name}/${parts[at + 2] ?? ''}` : name;
}

/** The heaviest modules (npm packages whole, project files one by one) in the files read at init (metafile keys). */
function heaviest(metafile: Metafile, outputs: string[], k: number): string {
  const bytes = new Map<string, number>();
  for (const output of outputs) {
    for (const [input, { bytesInOutput }] of Object.entries(metafile.outputs[output]?.inputs ?? {})) {
      const mod = moduleOf(input);
      bytes.set(mod, (bytes.get(mod) ?? 0) + bytesInOutput);
    }
  }
  return [...bytes.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([mod, n]) => `${mod} ${Math.round(n / 1000)}k`)
    .join(', ');
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(2);

/** Bytes of code shipped beside a bundle and read on first use only: split chunks not imported at init, lazy packages; maps not counted. */
function lazyBytes(bundleDir: string, atInit: Set<string>): number {
  return readdirSync(bundleDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.c?m?js$/.test(e.name) && !atInit.has(join(e.parentPath, e.name)))
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}

async function main(): Promise<void> {
  console.log(`bench:cold, ${runs} imports per bundle; ${machineLine()}; CPU busy before start ${await machineBusyPercent()}`);
  const entries: Record<string, string> = { [BASELINE]: 'bench/cold/baseline-handler.ts', [BASELINE_SPLIT]: 'bench/cold/baseline-handler.ts' };
  for (const fn of functions) entries[fn] = functionEntry(fn);
  const t0 = performance.now();
  const { outdir, metafile } = bundleLambdas(ROOT, entries, undefined, [BASELINE_SPLIT]);
  console.log(`bundled ${Object.keys(entries).length} entries (as the app bundles them: one esbuild call, one split build per function that loads modules lazily, the lazy packages from their cache): ${Math.round(performance.now() - t0)} ms (${outdir})\n`);

  try {
    const names = Object.keys(entries);
    const fileOf = (name: string) => join(outdir, name, BUNDLE_FILE);
    // metafile paths are relative to the working directory of the build
    const outputKey = (name: string) => Object.keys(metafile.outputs).find((path) => resolve(ROOT, path) === fileOf(name))!;
    const initFiles = new Map(names.map((n) => [n, new Set(filesAtInit(metafile, outputKey(n)).map((path) => resolve(ROOT, path)))]));
    const initBytes = (name: string) => [...initFiles.get(name)!].reduce((sum, file) => sum + statSync(file).size, 0);
    const splitChunks = (name: string) =>
      Object.entries(metafile.outputs)
        .filter(([path, o]) => o.entryPoint && SPLIT_MODULES.includes(o.entryPoint) && resolve(ROOT, path).startsWith(join(outdir, name) + '/'))
        .map(([path]) => resolve(ROOT, path));
    const times = new Map<string, ImportTime[]>(names.map((n) => [n, []]));
    for (let i = 0; i < runs; i++) {
      for (const name of names) times.get(name)!.push(await importOnce(fileOf(name), splitChunks(name)));
    }

    const cpu = (name: string) => times.get(name)!.map((t) => t.cpuMs);
    const wall = (name: string) => times.get(name)!.map((t) => t.wallMs);
    const baseOf = (name: string) => median(cpu(isSplit(metafile, outputKey(name)) ? BASELINE_SPLIT : BASELINE));
    const verdicts: Verdict[] = [];
    const rows = names.map((name) => {
      const bytes = initBytes(name);
      const ratio = median(cpu(name)) / baseOf(name);
      let target = '';
      if (!BASELINES.has(name)) {
        const t = targetOf(name as FunctionName);
        target = `<= ${t.ratio}x${t.maxBytes ? `, <= ${t.maxBytes / 1000} KB` : ''}`;
        const pass = ratio <= t.ratio && (!t.maxBytes || bytes <= t.maxBytes);
        verdicts.push({ target: `${name} ${target}`, measured: `${fmtRatio(ratio)}x, ${Math.round(bytes / 1000)} KB`, pass });
      }
      const ms = (x: number) => Math.round(x).toString();
      const later = splitChunks(name).length ? ms(median(times.get(name)!.map((t) => t.laterCpuMs))) : '';
      return [name, isSplit(metafile, outputKey(name)) ? 'yes' : '', mb(bytes), mb(lazyBytes(join(outdir, name), initFiles.get(name)!)), ms(median(cpu(name))), ms(Math.max(...cpu(name))), fmtRatio(ratio), ms(median(wall(name))), ms(Math.max(...wall(name))), later, target];
    });
    printTable(['function', 'split', 'init MB', 'lazy MB', 'import CPU ms (median)', 'max', 'ratio', 'wall ms (median)', 'max', 'S3 on first use, CPU ms', 'target'], rows);

    console.log('\nheaviest modules read at init (bytes in the minified bundle and its chunks)');
    for (const name of names) console.log(`  ${name.padEnd(16)} ${heaviest(metafile, filesAtInit(metafile, outputKey(name)), top)}`);

    printVerdicts('targets (ratio of the median import CPU time to the baseline\'s built the same way, split or not, in this run)', verdicts);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

await main();
