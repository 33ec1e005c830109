import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCallRecordCsv } from './call-records.ts';
import { duckdbToNdjson, papaparseStream, readNdjsonHead, type Measured } from './baselines.ts';
import { mib, readProcMemory } from './proc-memory.ts';
import type { ChildResult } from './pipeline-child.ts';
import { fmtInt, fmtMs, fmtRatio, loadNow, machineBusyPercent, machineLine, perSecond, printTable, printVerdicts, type Verdict } from './report.ts';

/*
 * npm run bench [-- --rows N | --quick] [--seed S]
 *
 * One run, one file, side by side (SPEC §7, issue 6):
 *   (a) papaparse streaming the CSV (the parse alone)
 *   (b) DuckDB: CSV -> normalised NDJSON (what a user might use instead)
 *   (c) our whole job on the local stack, upload-complete -> succeeded, in a child
 *       process whose peak RSS is the pipeline's (the stack runs in-process), at N/10
 *       and N rows to see whether memory stays flat.
 * Prints rows/s, the ratios and PASS/MISS per target; exits 0 either way (a benchmark
 * reports, it does not gate), except when it could not measure at all.
 */

const TARGETS = { vsPapaparse: 0.5, vsDuckdb: 1.0, peakRssMiB: 512, flatness: 1.2 };
const PARITY_FIELDS = ['started_at', 'direction', 'counterpart_number', 'duration_seconds', 'record_type', 'cost_minor', 'currency', 'account_number'];

const { values } = parseArgs({
  options: {
    rows: { type: 'string' },
    quick: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
  },
});
const rows = values.quick ? 100_000 : Number(values.rows ?? 1_000_000);
if (!Number.isInteger(rows) || rows < 1000) throw new Error('--rows must be an integer >= 1000');
const seed = Number(values.seed);
const smallRows = Math.max(1000, Math.round(rows / 10));

const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(ROOT, '.bench'); // git-ignored

/** The seeded file, generated once and reused (written under a temp name, then renamed). */
async function ensureFile(n: number): Promise<{ path: string; bytes: number }> {
  const path = join(WORK, `call-records-${n}-seed${seed}.csv`);
  if (!existsSync(path)) {
    const t0 = performance.now();
    await writeCallRecordCsv(`${path}.tmp`, n, seed);
    await rename(`${path}.tmp`, path);
    console.log(`  generated ${path} in ${fmtMs(performance.now() - t0)}`);
  }
  return { path, bytes: (await stat(path)).size };
}

/** The item of least cost (the first of equals). */
function fastest<T>(items: readonly T[], cost: (item: T) => number): T {
  return items.reduce((top, item) => (cost(item) < cost(top) ? item : top));
}

async function best<T extends Measured>(runs: number, measure: () => Promise<T>): Promise<T> {
  const all: T[] = [];
  for (let i = 0; i < runs; i++) all.push(await measure());
  return fastest(all, (m) => m.ms);
}

interface PipelineRun extends ChildResult {
  sampledMaxRssBytes: number;
}

/** Run the ingest in a child process; sample its RSS from here while the job runs. */
async function runPipeline(file: string, n: number): Promise<PipelineRun> {
  const dataDir = join(WORK, `stack-${n}-${process.pid}`);
  await rm(dataDir, { recursive: true, force: true });
  const child = fork(join(ROOT, 'bench/pipeline-child.ts'), ['--file', file, '--data-dir', dataDir], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  // The child's stderr (SDK warnings, stack notices) is shown only when it fails.
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-20_000);
  });
  let sampledMax = 0;
  let sampler: NodeJS.Timeout | undefined;
  try {
    const result = await new Promise<ChildResult>((resolveResult, reject) => {
      child.on('message', (raw) => {
        const msg = raw as { type: string; pid?: number; result?: ChildResult; message?: string };
        if (msg.type === 'pipeline-start' && msg.pid) {
          const pid = msg.pid;
          sampler = setInterval(() => {
            const m = readProcMemory(pid);
            if (m) sampledMax = Math.max(sampledMax, m.rssBytes);
          }, 50);
        } else if (msg.type === 'result' && msg.result) resolveResult(msg.result);
        else if (msg.type === 'error') reject(new Error(`pipeline child failed: ${msg.message}\n--- child stderr (tail) ---\n${stderr.slice(-4000)}`));
      });
      child.on('exit', (code) => reject(new Error(`pipeline child exited with ${code}\n--- child stderr (tail) ---\n${stderr.slice(-4000)}`)));
    });
    return { ...result, sampledMaxRssBytes: sampledMax };
  } finally {
    clearInterval(sampler);
    if (child.exitCode === null) child.kill();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** How many of our first records agree with DuckDB's, field by field. */
function parity(ours: Record<string, unknown>[], theirs: Record<string, unknown>[]) {
  const n = Math.min(ours.length, theirs.length);
  const mismatches: string[] = [];
  let agree = 0;
  for (let i = 0; i < n; i++) {
    const bad = PARITY_FIELDS.filter((f) => (ours[i]![f] ?? null) !== (theirs[i]![f] ?? null));
    if (bad.length === 0) agree++;
    else if (mismatches.length < 3) mismatches.push(`row ${i + 1}: ${bad.map((f) => `${f} ours=${JSON.stringify(ours[i]![f])} duckdb=${JSON.stringify(theirs[i]![f])}`).join(', ')}`);
  }
  return { n, agree, mismatches };
}

async function main() {
  await mkdir(WORK, { recursive: true });
  console.log(`ai-file-parser bench: ${fmtInt(rows)} call records (seed ${seed})`);
  console.log(`  ${machineLine()}; machine ${await machineBusyPercent()} busy before the run`);
  console.log('  (other work on this machine slows every column alike; the ratios are what to read)');

  const big = await ensureFile(rows);
  const small = await ensureFile(smallRows);
  console.log(`  file: ${big.path} (${mib(big.bytes).toFixed(1)} MiB); flatness file ${fmtInt(smallRows)} rows (${mib(small.bytes).toFixed(1)} MiB)`);

  console.log(`\n(a) papaparse streaming parse, best of 2 [load ${loadNow()}]`);
  const papaObjects = await best(2, () => papaparseStream(big.path, true));
  const papaArrays = await best(2, () => papaparseStream(big.path, false));
  console.log(`    header:true  ${fmtInt(papaObjects.rows)} rows in ${fmtMs(papaObjects.ms)}`);
  console.log(`    header:false ${fmtInt(papaArrays.rows)} rows in ${fmtMs(papaArrays.ms)}`);

  console.log(`\n(b) DuckDB read_csv -> COPY TO NDJSON, best of 2 [load ${loadNow()}]`);
  const duckOut = join(WORK, `duckdb-${rows}.ndjson`);
  const duckPlain = await best(2, () => duckdbToNdjson(big.path, duckOut, false));
  const duck = await best(2, () => duckdbToNdjson(big.path, duckOut, true));
  console.log(`    as read      ${fmtInt(duckPlain.rows)} rows in ${fmtMs(duckPlain.ms)} (${duckPlain.threads} threads)`);
  console.log(`    normalised   ${fmtInt(duck.rows)} rows in ${fmtMs(duck.ms)}`);
  const duckHead = await readNdjsonHead(duckOut, 200);
  await rm(duckOut, { force: true });

  // (c) at the full size runs twice and the faster run counts, as (a) and (b) take their
  // best of 2 (the VM's speed moves between runs); memory counts the larger peak of the two.
  console.log(`\n(c) our job on the local stack, upload-complete -> succeeded (child process), ${fmtInt(rows)} rows best of 2`);
  const runs: PipelineRun[] = [];
  for (const [f, n] of [[small, smallRows], [big, rows], [big, rows]] as const) {
    console.log(`    ${fmtInt(n)} rows... [load ${loadNow()}]`);
    const run = await runPipeline(f.path, n);
    runs.push(run);
    const p = run.job.progress;
    console.log(
      `      ${run.job.status}: read ${fmtInt(p.rowsRead)}, written ${fmtInt(p.rowsWritten)}, rejected ${fmtInt(p.rowsRejected)}; wall ${fmtMs(run.wallMs)}, CPU ${fmtMs(run.cpuMs)} (upload before it: ${fmtMs(run.uploadMs)})`,
    );
  }
  const smallRun = runs[0]!;
  const bigRuns = runs.slice(1);
  // a failed run is never the one that counts
  const bigRun = fastest(bigRuns, (r) => (r.job.status === 'succeeded' ? r.wallMs : Infinity));
  if (bigRun.job.status !== 'succeeded') console.log(`    the job did not succeed: ${JSON.stringify(bigRun.job.error)}`);

  // ---- results -------------------------------------------------------------------------
  const rate = {
    a: perSecond(papaObjects.rows, papaObjects.ms),
    aRaw: perSecond(papaArrays.rows, papaArrays.ms),
    b: perSecond(duck.rows, duck.ms),
    bPlain: perSecond(duckPlain.rows, duckPlain.ms),
    c: perSecond(bigRun.rows, bigRun.wallMs),
    cStages: perSecond(bigRun.rows, bigRun.stagesMs),
    cSmall: perSecond(smallRun.rows, smallRun.wallMs),
  };
  console.log(`\nThroughput (${fmtInt(rows)} rows, ${mib(big.bytes).toFixed(1)} MiB)`);
  printTable(
    ['', 'rows/s', 'time'],
    [
      ['(a)  papaparse stream, header:true', fmtInt(rate.a), fmtMs(papaObjects.ms)],
      ['(a\') papaparse stream, header:false', fmtInt(rate.aRaw), fmtMs(papaArrays.ms)],
      ['(b)  DuckDB -> normalised NDJSON', fmtInt(rate.b), fmtMs(duck.ms)],
      ['(b\') DuckDB -> NDJSON as read', fmtInt(rate.bPlain), fmtMs(duckPlain.ms)],
      ['(c)  our job, wall (complete -> succeeded)', fmtInt(rate.c), fmtMs(bigRun.wallMs)],
      ['(c)  our job, first stage start -> last stage end', fmtInt(rate.cStages), fmtMs(bigRun.stagesMs)],
      [`(c)  our job at ${fmtInt(smallRows)} rows, wall`, fmtInt(rate.cSmall), fmtMs(smallRun.wallMs)],
    ],
  );
  console.log(`  ratios: (c)/(a) = ${fmtRatio(rate.c / rate.a)}, (c)/(b) = ${fmtRatio(rate.c / rate.b)}, (c)/(a') = ${fmtRatio(rate.c / rate.aRaw)}`);
  // CPU time does not depend on what else the machine runs: the figure to compare across runs
  console.log(
    `  CPU of the pipeline process (all threads) for the job: ${fmtMs(bigRun.cpuMs)} = ${(bigRun.cpuMs * 1000 / bigRun.rows).toFixed(1)} µs/row` +
      ` (${fmtInt(smallRows)} rows: ${fmtMs(smallRun.cpuMs)})`,
  );

  console.log('\nWhere the job spends its time (stage durations from the job)');
  const stageRows = (['classify', 'parse', 'map', 'enrich', 'persist'] as const).map((s) => {
    const t = (r: PipelineRun) => r.job.stages[s]?.durationMs ?? NaN;
    return [s, fmtMs(t(smallRun)), fmtMs(t(bigRun)), `${Math.round((t(bigRun) / bigRun.wallMs) * 100)}%`, fmtInt(perSecond(bigRun.rows, t(bigRun)))];
  });
  const gaps = (r: PipelineRun) => r.wallMs - Object.values(r.job.stages).reduce((sum, t) => sum + (t.durationMs ?? 0), 0);
  stageRows.push(['(between stages: SFN, API, polling)', fmtMs(gaps(smallRun)), fmtMs(gaps(bigRun)), `${Math.round((gaps(bigRun) / bigRun.wallMs) * 100)}%`, '']);
  printTable(['stage', `${fmtInt(smallRows)} rows`, `${fmtInt(rows)} rows`, 'share', 'rows/s alone'], stageRows);
  console.log(`  output: ${bigRun.job.output?.records.length ?? 0} record file(s), ${bigRun.job.output?.errors.length ?? 0} error file(s)`);

  console.log('\nPeak RSS of the pipeline process (stack + handlers, from just before upload-complete)');
  printTable(
    ['rows', 'at start', 'VmHWM peak', 'sampled max', 'peak - start'],
    runs.map((r) => [
      fmtInt(r.rows),
      `${mib(r.startRssBytes).toFixed(0)} MiB`,
      `${mib(r.peakRssBytes).toFixed(0)} MiB`,
      `${mib(r.sampledMaxRssBytes).toFixed(0)} MiB`,
      `${mib(r.peakRssBytes - r.startRssBytes).toFixed(0)} MiB`,
    ]),
  );
  console.log(
    `\nEvent loop: the stack's API shares the process with the stages; longest stall ${fmtMs(smallRun.maxLoopStallMs)} at ${fmtInt(smallRun.rows)} rows, ${fmtMs(bigRun.maxLoopStallMs)} at ${fmtInt(bigRun.rows)} rows` +
      ` (status polls that failed: ${smallRun.pollErrors} / ${bigRun.pollErrors})`,
  );
  if (bigRuns.some((r) => !r.peakResetWorked)) console.log('  (the kernel refused to reset VmHWM: the peak includes the upload)');

  const agreement = parity(bigRun.sample, duckHead);
  console.log(
    `\nParity: ${agreement.agree}/${agreement.n} of the first records agree with DuckDB's on ${PARITY_FIELDS.join(', ')}` +
      (agreement.mismatches.length ? `\n  ${agreement.mismatches.join('\n  ')}` : ''),
  );

  const peak = Math.max(...bigRuns.map((r) => Math.max(r.peakRssBytes, r.sampledMaxRssBytes)));
  const growth = peak / Math.max(smallRun.peakRssBytes, smallRun.sampledMaxRssBytes);
  const verdicts: Verdict[] = [
    { target: `(c)/(a) >= ${TARGETS.vsPapaparse}`, measured: `${fmtRatio(rate.c / rate.a)}  (${fmtInt(rate.c)} vs ${fmtInt(rate.a)} rows/s)`, pass: rate.c / rate.a >= TARGETS.vsPapaparse },
    { target: `(c)/(b) >= ${TARGETS.vsDuckdb}`, measured: `${fmtRatio(rate.c / rate.b)}  (${fmtInt(rate.c)} vs ${fmtInt(rate.b)} rows/s)`, pass: rate.c / rate.b >= TARGETS.vsDuckdb },
    { target: `peak RSS < ${TARGETS.peakRssMiB} MiB`, measured: `${mib(peak).toFixed(0)} MiB at ${fmtInt(rows)} rows`, pass: mib(peak) < TARGETS.peakRssMiB },
    {
      target: `RSS flat ${fmtInt(smallRows)} -> ${fmtInt(rows)} (<= +${Math.round((TARGETS.flatness - 1) * 100)}%)`,
      measured: `x${growth.toFixed(2)}`,
      pass: growth <= TARGETS.flatness,
    },
    { target: 'every row accounted for (each run)', measured: bigRuns.map((r) => `read ${fmtInt(r.job.progress.rowsRead)} of ${fmtInt(rows)}, written + rejected ${fmtInt(r.job.progress.rowsWritten + r.job.progress.rowsRejected)}`).join('; '), pass: bigRuns.every((r) => r.job.status === 'succeeded' && r.job.progress.rowsRead === rows && r.job.progress.rowsRead === r.job.progress.rowsWritten + r.job.progress.rowsRejected) },
  ];
  printVerdicts(`Targets (SPEC §7, issue 6) [load at end ${loadNow()}]`, verdicts);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
