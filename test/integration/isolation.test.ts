import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import { buildPdfBomb } from '../helpers/pdf-bomb.ts';
import { callLogPdf } from '../fixtures/formats/builders.ts';
import { uploadFile } from '../../local/cli/upload.ts';
import type { ApiClient } from '../../local/cli/api-client.ts';

/*
 * One hostile file cannot stall or bloat the local stack: Classify and Parse read uploads
 * in worker threads with a memory cap, so the API on the main thread keeps answering while
 * a PDF bomb inflates, the bomb's job fails as out of memory, and what a file took goes back
 * to the system once its reader retires. The cap is 512 MiB here (1 GiB by default) to keep
 * the bomb's peak modest on a CI machine; the mechanism is the same.
 */

const MiB = 1024 * 1024;
/** Resting RSS may differ by this much from before the jobs (caches, allocator slack). */
const RSS_TOLERANCE_MIB = 50;
const CSV = join(import.meta.dirname, '../fixtures/call-logs/att-voice.csv');

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The process's resident memory at rest: the least of a few samples, each after a full GC. */
async function restingRss(): Promise<number> {
  let least = Infinity;
  for (let i = 0; i < 6; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 250));
    least = Math.min(least, process.memoryUsage.rss());
  }
  return least;
}

/** Past the reader workers' idle time, so they have retired. */
const afterReadersRetire = () => new Promise((r) => setTimeout(r, 1500));

let stack: TestStack;
let api: ApiClient;
let resting: number;

beforeAll(async () => {
  process.env.LOCAL_READER_MEMORY_MB = '512';
  stack = await startTestStack();
  ({ api } = await stack.tenant());
  // Everything a job loads on the main thread and in the Enrich workers, loaded before the baseline.
  const { jobId } = await uploadFile(api, CSV, { schema: 'call_record' });
  expect((await waitForJob(api, jobId, 90_000)).status).toBe('succeeded');
  await afterReadersRetire();
  resting = await restingRss();
});
afterAll(async () => {
  await stack?.stop();
  delete process.env.LOCAL_READER_MEMORY_MB;
});

describe('a file read in a reader worker', () => {
  it('a PDF statement leaves no memory behind once its job is done', async () => {
    const file = await stack.writeScratch('statement.pdf', await callLogPdf({ pages: 30, rowsPerPage: 40 }));
    const { jobId } = await uploadFile(api, file, { schema: 'call_record' });
    const job = await waitForJob(api, jobId, 120_000);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.progress.rowsRead).toBe(1200);
    await afterReadersRetire();
    // pdfjs on the stack's main thread left ~350 MiB resident after one such file
    expect((await restingRss()) - resting).toBeLessThan(RSS_TOLERANCE_MIB * MiB);
  }, 180_000);

  it('GET /v1/health answers within 1 s throughout a PDF bomb, the bomb fails as out of memory, and the stack carries on', async () => {
    const bomb = await stack.writeScratch('bomb.pdf', await buildPdfBomb(1024));
    const polls: { ms: number; status: number | string }[] = [];
    let done = false;
    const polling = (async () => {
      while (!done) {
        const t = performance.now();
        const status = await fetch(`${stack.httpUrl}/v1/health`, { signal: AbortSignal.timeout(10_000) })
          .then(async (res) => {
            await res.arrayBuffer();
            return res.status;
          })
          .catch((err: unknown) => String(err));
        polls.push({ ms: performance.now() - t, status });
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    let job;
    try {
      const { jobId } = await uploadFile(api, bomb, {});
      job = await waitForJob(api, jobId, 150_000);
    } finally {
      done = true;
      await polling;
    }
    // the polls cover the bomb; a parser that refuses it early (LimitExceededError) ends it in
    // about a second, one that runs out of memory takes several
    expect(polls.length, JSON.stringify(job?.error)).toBeGreaterThan(2);
    expect(polls.filter((p) => p.status !== 200)).toEqual([]);
    expect(Math.max(...polls.map((p) => p.ms))).toBeLessThan(1000);

    // A Lambda out of memory, in words a person can act on. (LimitExceededError is the other
    // clear answer, from a parser that caps what it inflates before memory runs out.)
    expect(job.status).toBe('failed');
    expect(['Runtime.OutOfMemory', 'LimitExceededError']).toContain(job.error?.type);
    expect(job.error?.message).toMatch(/memory|limit/i);

    // the reader was replaced: the next file is read as usual
    const { jobId } = await uploadFile(api, CSV, { schema: 'call_record' });
    expect((await waitForJob(api, jobId, 90_000)).status).toBe('succeeded');
    await afterReadersRetire();
    expect((await restingRss()) - resting).toBeLessThan(RSS_TOLERANCE_MIB * MiB);
  }, 300_000);
});
