import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { LambdaWorkerPool } from '../../local/lambda-workers.ts';

const ECHO = join(import.meta.dirname, '../fixtures/lambda/echo.mjs');
const pool = new LambdaWorkerPool({ size: 2, heapMb: 64, youngMb: 8 });
afterAll(() => pool.close());

describe('LambdaWorkerPool', () => {
  it('runs the handler in another thread, with the process environment', async () => {
    process.env.POOL_TEST_VALUE = 'shared';
    const out = (await pool.invoke(ECHO, { value: 42 })) as { echo: number; threadId: number; env: string };
    expect(out.echo).toBe(42);
    expect(out.threadId).not.toBe(threadId);
    expect(out.env).toBe('shared');
  });

  it('runs at most `size` invocations at once and queues the rest', async () => {
    const started = Date.now();
    const outs = (await Promise.all(Array.from({ length: 4 }, (_, i) => pool.invoke(ECHO, { value: i, waitMs: 150 })))) as { echo: number; threadId: number }[];
    expect(outs.map((o) => o.echo)).toEqual([0, 1, 2, 3]);
    expect(new Set(outs.map((o) => o.threadId)).size).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290); // two rounds of 150 ms
  });

  it("returns a handler's error with its name, as the Lambda runtime reports errorType", async () => {
    await expect(pool.invoke(ECHO, { fail: 'NoDataRowsError' })).rejects.toMatchObject({ name: 'NoDataRowsError', message: 'failed on purpose: NoDataRowsError' });
  });

  it('fails the invocation of a worker that dies (Runtime.ExitError) and carries on with a new one', async () => {
    await expect(pool.invoke(ECHO, { die: true })).rejects.toMatchObject({ name: 'Runtime.ExitError' });
    await expect(pool.invoke(ECHO, { value: 'after' })).resolves.toMatchObject({ echo: 'after' });
  });
});

describe('LambdaWorkerPool memory', () => {
  const capped = new LambdaWorkerPool({ size: 1, heapMb: 48, youngMb: 8, memoryMb: 96, memorySetting: 'TEST_MEMORY_MB', idleMs: 300 });
  afterAll(() => capped.close());

  it('fails an invocation past its heap limit as Runtime.OutOfMemory, and the next one runs in a new worker', async () => {
    const before = (await capped.invoke(ECHO, { value: 1 })) as { threadId: number };
    await expect(capped.invoke(ECHO, { heapHog: true })).rejects.toMatchObject({ name: 'Runtime.OutOfMemory', message: expect.stringMatching(/^The echo stage ran out of memory .*48 MiB heap/) });
    const after = (await capped.invoke(ECHO, { value: 2 })) as { echo: number; threadId: number };
    expect(after.echo).toBe(2);
    expect(after.threadId).not.toBe(before.threadId);
  });

  it('stops an invocation that grows the process past memoryMb outside the heap (ArrayBuffers), as Runtime.OutOfMemory', async () => {
    const started = Date.now();
    await expect(capped.invoke(ECHO, { bufferMb: 256, holdMs: 10_000 })).rejects.toMatchObject({
      name: 'Runtime.OutOfMemory',
      message: expect.stringMatching(/more than 96 MiB \(it took \d+ MiB; TEST_MEMORY_MB sets the limit\)/),
    });
    expect(Date.now() - started).toBeLessThan(9000); // stopped, not waited out
    await expect(capped.invoke(ECHO, { value: 'after' })).resolves.toMatchObject({ echo: 'after' });
    // under the limit is fine
    await expect(capped.invoke(ECHO, { bufferMb: 32 })).resolves.toMatchObject({ echo: 2 });
  });

  it('retires a worker idle for idleMs, and keeps it between invocations closer together', async () => {
    const first = (await capped.invoke(ECHO, { value: 1 })) as { threadId: number };
    const soon = (await capped.invoke(ECHO, { value: 2 })) as { threadId: number };
    expect(soon.threadId).toBe(first.threadId);
    await new Promise((r) => setTimeout(r, 600));
    const later = (await capped.invoke(ECHO, { value: 3 })) as { threadId: number };
    expect(later.threadId).not.toBe(first.threadId);
  });
});
