import { availableParallelism } from 'node:os';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SHARE_ENV, Worker } from 'node:worker_threads';

export interface LambdaWorkerPoolOptions {
  /** workers at most (default: the cores, at most 4) */
  size?: number;
  /**
   * a worker's old-generation heap limit, the local stand-in for a function's memory size:
   * a handler that needs more dies, as a Lambda would, instead of growing the process
   */
  heapMb?: number;
  /** a worker's young generation (V8's default is sized for one isolate per process) */
  youngMb?: number;
  /**
   * How much the process's resident memory may grow while one invocation runs (measured
   * from when its handler was loaded). The heap limit does not cover ArrayBuffers and
   * native memory, which is where a decompressor puts what it inflates: past this the
   * worker is stopped and the invocation fails as out of memory. Unset: not watched.
   */
  memoryMb?: number;
  /** stop a worker idle for this long, so what it grew to goes back to the system (unset: stay warm) */
  idleMs?: number;
  /** said in the out-of-memory message: the setting that holds `memoryMb` */
  memorySetting?: string;
}

interface Invocation {
  entry: string;
  input: unknown;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

interface Running {
  job: Invocation;
  /** the process's RSS once the handler was loaded and started */
  rssAtStart?: number;
}

/** How often the memory of running invocations is checked. */
const MEMORY_CHECK_MS = 50;
const MiB = 1024 * 1024;

/**
 * Worker threads for the pipeline's handlers that read files (Classify, Parse, Enrich). On
 * AWS each Lambda invocation has a sandbox of its own; in one Node process they would share
 * one thread, so a big or hostile file would stall the API and WebSocket servers running
 * beside it, and whatever memory it took would stay with the process. Here each invocation
 * runs in a worker thread, at most `size` at a time, the rest queued. Workers share the
 * process environment (endpoints, table names), start on first use and stay for the next
 * invocation, like a warm sandbox (unless `idleMs` retires them). A handler's error comes
 * back with its name and message, so Retry/Catch match on it as on AWS; a worker that dies
 * or runs out of memory fails its invocation and is replaced.
 */
export class LambdaWorkerPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Invocation[] = [];
  private readonly busy = new Map<Worker, Running>();
  private readonly idleTimers = new Map<Worker, NodeJS.Timeout>();
  private memoryCheck: NodeJS.Timeout | undefined;
  private started = 0;
  private closed = false;
  private nextId = 0;

  private readonly size: number;

  constructor(private readonly opts: LambdaWorkerPoolOptions = {}) {
    this.size = opts.size ?? Math.min(4, availableParallelism());
  }

  /** Run `handler` exported by the entry file `entry` (absolute path) with `input`. */
  invoke(entry: string, input: unknown): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('The local worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, input, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * The handler as Lambda would run it: bundled by esbuild into one ES module (packages
   * left to node_modules, so the file sits in the project's node_modules/.cache). Workers
   * then load plain JavaScript, without a TypeScript loader and its extra thread per
   * worker. Without esbuild (not installed), the TypeScript entry is used as it is.
   */
  static async bundle(entry: string, projectRoot: string): Promise<string> {
    let esbuild: typeof import('esbuild');
    try {
      esbuild = await import('esbuild');
    } catch {
      return entry;
    }
    const outfile = join(projectRoot, 'node_modules/.cache/ai-file-parser-local', `${basename(dirname(entry))}.mjs`);
    await mkdir(dirname(outfile), { recursive: true });
    const built = await esbuild.build({ entryPoints: [entry], outfile, write: false, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' });
    // Written aside and renamed: another stack (a parallel test file) may be loading the same file.
    const temp = `${outfile}.${process.pid}.${Date.now()}`;
    await writeFile(temp, built.outputFiles[0]!.contents);
    await rename(temp, outfile);
    return outfile;
  }

  /**
   * Start every worker and load `entries` in each, in the background (like provisioned
   * concurrency): the first job then does not wait for workers to compile the handlers.
   */
  warm(entries: readonly string[]): void {
    while (this.started < this.size) this.idle.push(this.spawn());
    for (const worker of [...this.idle]) worker.postMessage({ id: 0, warm: entries });
  }

  async close(): Promise<void> {
    this.closed = true;
    const stopping = () => new Error('The local stack is shutting down');
    for (const job of this.queue.splice(0)) job.reject(stopping());
    for (const { job } of this.busy.values()) job.reject(stopping());
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    clearInterval(this.memoryCheck);
    const workers = [...this.idle.splice(0), ...this.busy.keys()];
    this.busy.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.started < this.size ? this.spawn() : undefined);
      if (worker === undefined) return;
      clearTimeout(this.idleTimers.get(worker));
      this.idleTimers.delete(worker);
      this.run(worker, this.queue.shift()!);
    }
  }

  private spawn(): Worker {
    this.started++;
    const worker = new Worker(join(import.meta.dirname, 'lambda-worker.mjs'), {
      env: SHARE_ENV,
      resourceLimits: {
        ...(this.opts.heapMb ? { maxOldGenerationSizeMb: this.opts.heapMb } : {}),
        ...(this.opts.youngMb ? { maxYoungGenerationSizeMb: this.opts.youngMb } : {}),
      },
    });
    worker.on('error', (err: Error & { code?: string }) => {
      this.lose(worker, err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? this.outOfMemory(worker, `its ${this.opts.heapMb ?? 'default'} MiB heap`) : runtimeFailed(err));
    });
    worker.on('exit', (code) => {
      // Lambda's own name for a sandbox that died: not retried, caught as a failure.
      const died = new Error(`The function's runtime exited (code ${code})`);
      died.name = 'Runtime.ExitError';
      this.lose(worker, died);
    });
    worker.unref();
    return worker;
  }

  /** A worker that is gone (died, or stopped by the pool) fails what it was running; a new one takes its place. */
  private lose(worker: Worker, err: Error): void {
    const running = this.busy.get(worker);
    const at = this.idle.indexOf(worker);
    if (running === undefined && at === -1) return; // already accounted for (retired, or reported twice)
    this.started--;
    this.busy.delete(worker);
    if (at !== -1) this.idle.splice(at, 1);
    clearTimeout(this.idleTimers.get(worker));
    this.idleTimers.delete(worker);
    running?.job.reject(err);
    if (!this.closed) this.dispatch();
  }

  private run(worker: Worker, job: Invocation): void {
    const id = ++this.nextId;
    const running: Running = { job };
    this.busy.set(worker, running);
    const onMessage = (msg: { id: number; started?: boolean; result?: unknown; error?: { name: string; message: string; stack?: string } }) => {
      if (msg.id !== id) return;
      if (msg.started) {
        running.rssAtStart = process.memoryUsage.rss();
        this.watchMemory();
        return;
      }
      worker.off('message', onMessage);
      if (this.busy.get(worker) !== running) return; // stopped meanwhile; its invocation has failed already
      this.busy.delete(worker);
      if (!this.closed) this.rest(worker);
      if (msg.error) {
        const err = new Error(msg.error.message);
        err.name = msg.error.name;
        if (msg.error.stack) err.stack = msg.error.stack;
        job.reject(err);
      } else {
        job.resolve(msg.result);
      }
      this.dispatch();
    };
    worker.on('message', onMessage);
    worker.postMessage({ id, entry: job.entry, input: job.input });
  }

  /** Back to the idle list; retired after `idleMs` without work. */
  private rest(worker: Worker): void {
    this.idle.push(worker);
    if (this.opts.idleMs === undefined) return;
    const timer = setTimeout(() => {
      const at = this.idle.indexOf(worker);
      if (at === -1) return;
      this.idle.splice(at, 1);
      this.idleTimers.delete(worker);
      this.started--;
      void worker.terminate();
    }, this.opts.idleMs);
    timer.unref();
    this.idleTimers.set(worker, timer);
  }

  /**
   * While invocations run, compare the process's RSS with what it was when each started.
   * Memory is the process's, not a thread's, so with several invocations running the one
   * that started lowest (the most growth) is taken for the cause.
   */
  private watchMemory(): void {
    const limit = this.opts.memoryMb;
    if (limit === undefined || this.memoryCheck !== undefined) return;
    this.memoryCheck = setInterval(() => {
      if (this.busy.size === 0) {
        clearInterval(this.memoryCheck);
        this.memoryCheck = undefined;
        return;
      }
      const rss = process.memoryUsage.rss();
      let culprit: [Worker, number] | undefined;
      for (const [worker, { rssAtStart }] of this.busy) {
        const grown = rssAtStart === undefined ? 0 : rss - rssAtStart;
        if (grown > limit * MiB && grown > (culprit?.[1] ?? 0)) culprit = [worker, grown];
      }
      if (culprit === undefined) return;
      const [worker, grown] = culprit;
      const setting = this.opts.memorySetting ? `; ${this.opts.memorySetting} sets the limit` : '';
      this.lose(worker, this.outOfMemory(worker, `${limit} MiB (it took ${Math.round(grown / MiB)} MiB${setting})`));
      void worker.terminate();
    }, MEMORY_CHECK_MS);
    this.memoryCheck.unref();
  }

  /** What a Lambda that runs out of memory reports (Runtime.OutOfMemory), worded for the person whose file it was. */
  private outOfMemory(worker: Worker, limit: string): Error {
    const entry = this.busy.get(worker)?.job.entry;
    const fn = entry === undefined ? 'The function' : `The ${functionNameOf(entry)} stage`;
    const err = new Error(
      `${fn} ran out of memory reading the file: it needed more than ${limit}. A file that inflates to far more than its size (a compressed stream or archive, a compression bomb) does this; export the data as CSV, or split the file`,
    );
    err.name = 'Runtime.OutOfMemory';
    return err;
  }
}

/** A worker that failed without a handler error (a native crash, a module that would not load). */
function runtimeFailed(err: Error): Error {
  const died = new Error(`The function's runtime failed: ${err.message}`);
  died.name = 'Runtime.ExitError';
  return died;
}

/** `functions/parse/handler.ts` and its bundle `parse.mjs` are both "parse". */
function functionNameOf(entry: string): string {
  const file = basename(entry);
  return /^handler\.[cm]?[jt]s$/.test(file) ? basename(dirname(entry)) : file.replace(/\.[cm]?[jt]s$/, '');
}
