import { availableParallelism } from 'node:os';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SHARE_ENV, Worker } from 'node:worker_threads';

/**
 * Worker threads for the pipeline's heaviest handler (Enrich). On AWS each Lambda
 * invocation has a sandbox of its own; in one Node process they would share one thread,
 * so a big Enrich would use one core and stall the API and WebSocket servers running
 * beside it. Here each invocation runs in a worker thread, at most `size` at a time
 * (default: the machine's cores, at most 4), the rest queued. Workers share the process environment
 * (endpoints, table names), start on first use and stay for the next invocation, like a
 * warm sandbox. A handler's error comes back with its name and message, so Retry/Catch
 * match on it as on AWS; a worker that dies fails its invocation and is replaced.
 */
export class LambdaWorkerPool {
  private readonly idle: Worker[] = [];
  private readonly queue: { entry: string; input: unknown; resolve: (v: unknown) => void; reject: (e: Error) => void }[] = [];
  private readonly busy = new Map<Worker, { reject: (e: Error) => void }>();
  private started = 0;
  private closed = false;
  private nextId = 0;

  private readonly size: number;

  /**
   * `size`: workers (default: the cores, at most 4); `heapMb`: a
   * worker's old-generation heap limit, the local stand-in for a function's memory size
   * (a handler that needs more dies, as a Lambda would, instead of growing the process);
   * `youngMb`: its young generation (V8's default is sized for one isolate per process).
   */
  constructor(private readonly opts: { size?: number; heapMb?: number; youngMb?: number } = {}) {
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
    for (const running of this.busy.values()) running.reject(stopping());
    const workers = [...this.idle.splice(0), ...this.busy.keys()];
    this.busy.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.started < this.size ? this.spawn() : undefined);
      if (worker === undefined) return;
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
    // A worker that dies (out of memory, a native crash) fails what it was running.
    const lost = (err: Error) => {
      this.started--;
      const pending = this.busy.get(worker);
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at !== -1) this.idle.splice(at, 1);
      pending?.reject(err);
      if (!this.closed) this.dispatch();
    };
    worker.on('error', (err) => {
      // e.g. ERR_WORKER_OUT_OF_MEMORY: to the state machine, the sandbox died
      const died = new Error(`The function's runtime failed: ${err.message}`);
      died.name = 'Runtime.ExitError';
      lost(died);
    });
    worker.on('exit', (code) => {
      if (!this.busy.has(worker) && !this.idle.includes(worker)) return;
      // Lambda's own name for a sandbox that died (out of memory included): not retried, caught as a failure.
      const died = new Error(`The function's runtime exited (code ${code}), e.g. out of memory`);
      died.name = 'Runtime.ExitError';
      lost(died);
    });
    worker.unref();
    return worker;
  }

  private run(worker: Worker, job: (typeof this.queue)[number]): void {
    const id = ++this.nextId;
    this.busy.set(worker, { reject: job.reject });
    const onMessage = (msg: { id: number; result?: unknown; error?: { name: string; message: string; stack?: string } }) => {
      if (msg.id !== id) return;
      worker.off('message', onMessage);
      this.busy.delete(worker);
      if (!this.closed) this.idle.push(worker);
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
}
