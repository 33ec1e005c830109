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
