import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { functionEntry, type FunctionName } from '../functions/shared/routes.ts';
import { LambdaWorkerPool } from './lambda-workers.ts';
import type { TaskHandler } from './stepfunctions/local-sfn.ts';

/**
 * The pipeline functions that run in worker threads locally, and in which pool. Each reads
 * file bytes, which on the stack's main thread would stall the API beside it.
 *
 * - `chunks` (Enrich): reads, parses and writes every row, in chunks of bounded size, so
 *   its workers stay warm (one per core, at most 4, started with the first job) with a
 *   bounded heap (LOCAL_LAMBDA_HEAP_MB, default 256; a 16 MiB young generation,
 *   LOCAL_LAMBDA_YOUNG_MB: ~45 MiB less RSS for two workers than V8's default).
 * - `readers` (Classify, Parse): read whatever was uploaded, a whole XLSX, DOCX or PDF
 *   included, so a hostile file lands here. Each invocation may take LOCAL_READER_MEMORY_MB
 *   (default 1024, Classify's memory size on AWS): its heap limit, and how far the process
 *   may grow while it runs, which covers what a decompressor inflates outside the heap.
 *   Readers start with a job's Classify and stop after a second without work, so what a
 *   file took goes back to the system instead of staying with the stack.
 *
 * Measured on the 1M-row bench (2026-12-06): the readers sharing the warm Enrich workers
 * (which then need the readers' 1 GiB heap and hold all three handlers) took the peak RSS
 * from ~420 to ~585 MiB; readers of their own, started per job, cost their start instead
 * (~0.5 - 1.5 s of CPU per job, loading the handlers and the AWS SDK).
 */
const POOL_OF: Readonly<Partial<Record<FunctionName, 'chunks' | 'readers'>>> = { classify: 'readers', parse: 'readers', enrich: 'chunks' };
const READER_IDLE_MS = 1000;

export interface PipelineWorkers {
  /** the task handler that runs `fn` in a worker, or undefined for a function of the main thread */
  taskHandler(fn: FunctionName): TaskHandler | undefined;
  /** bundle the worker functions and start the Enrich workers; idempotent, retried after a failure */
  prepare(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The worker pools of the local stack, or undefined when LOCAL_LAMBDA_WORKERS=0 asks for
 * every handler on the main thread (for debugging); LOCAL_LAMBDA_WORKERS=n sets the size
 * of each pool.
 */
export function createPipelineWorkers(projectRoot: string): PipelineWorkers | undefined {
  const workers = process.env.LOCAL_LAMBDA_WORKERS;
  if (workers === '0') return undefined;
  const size = Number(workers) > 0 ? Number(workers) : undefined;
  const readerMb = Number(process.env.LOCAL_READER_MEMORY_MB) || 1024;
  const pools = {
    chunks: new LambdaWorkerPool({
      ...(size ? { size } : {}),
      heapMb: Number(process.env.LOCAL_LAMBDA_HEAP_MB) || 256,
      youngMb: Number(process.env.LOCAL_LAMBDA_YOUNG_MB) || 16,
    }),
    readers: new LambdaWorkerPool({
      size: size ?? Math.min(2, availableParallelism()),
      heapMb: readerMb,
      youngMb: 16,
      memoryMb: readerMb,
      memorySetting: 'LOCAL_READER_MEMORY_MB',
      idleMs: READER_IDLE_MS,
    }),
  };

  let bundles: Promise<Map<FunctionName, string>> | undefined;
  const prepare = () =>
    (bundles ??= (async () => {
      const fns = Object.keys(POOL_OF) as FunctionName[];
      const built = await Promise.all(fns.map(async (fn) => [fn, await LambdaWorkerPool.bundle(join(projectRoot, functionEntry(fn)), projectRoot)] as const));
      const entries = new Map(built);
      pools.chunks.warm(fns.filter((fn) => POOL_OF[fn] === 'chunks').map((fn) => entries.get(fn)!));
      return entries;
    })().catch((err: unknown) => {
      bundles = undefined; // tried again by the next task
      throw err;
    }));

  return {
    taskHandler(fn) {
      const pool = POOL_OF[fn];
      if (pool === undefined) return undefined;
      return async (input) => pools[pool].invoke((await prepare()).get(fn)!, input);
    },
    async prepare() {
      await prepare();
    },
    async close() {
      await Promise.all([pools.chunks.close(), pools.readers.close()]);
    },
  };
}
