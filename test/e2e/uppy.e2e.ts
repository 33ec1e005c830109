import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import { bundlePage, launchChromium, servePage, type PageServer } from './browser.ts';
import type { UploadOptions, UploadOutcome } from './upload-page-api.ts';
import { callLog } from './call-log.ts';

/*
 * Uppy 6 (@uppy/core + @uppy/aws-s3 from node_modules, bundled by esbuild) in headless
 * Chromium, with nothing but the companion endpoint of an upload token: the upload goes to
 * the local S3 in Uppy's default 5 MiB parts, and completing it starts the job.
 */

let stack: TestStack;
let browser: Browser;
let site: PageServer;

beforeAll(async () => {
  const [started, script, launched] = await Promise.all([startTestStack(), bundlePage('uppy-companion'), launchChromium()]);
  stack = started;
  browser = launched;
  site = await servePage(script);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await stack?.stop();
});

/** Open the page, choose the file as a person would, and run the page's upload. */
async function uploadInPage(context: Awaited<ReturnType<Browser['newContext']>>, file: { name: string; bytes: Buffer }, opts: UploadOptions) {
  const page: Page = await context.newPage();
  const partPuts: number[] = [];
  page.on('request', (req) => {
    const partNumber = new URL(req.url()).searchParams.get('partNumber');
    if (req.method() === 'PUT' && partNumber) partPuts.push(Number(partNumber));
  });
  await page.goto(site.url);
  // a path, as a person picks a file: the browser reads it itself (a buffer goes through the protocol, ~20 s for 16 MiB)
  await page.setInputFiles('#file', await stack.writeScratch(file.name, file.bytes));
  // runs in the page, where the page script set window.uploadSelected
  const outcome = await page.evaluate(
    (o) => (globalThis as unknown as { uploadSelected(o: UploadOptions): Promise<UploadOutcome> }).uploadSelected(o),
    opts,
  );
  return { page, outcome, partPuts };
}

const jobIdOf = (location: string | undefined) => /\/v1\/jobs\/(job_[A-Za-z0-9]+)$/.exec(location ?? '')?.[1];

describe('Uppy 6 in a browser, with an upload token', () => {
  it('uploads a multi-part CSV with AwsS3({ companionEndpoint, shouldUseMultipart: true }) and the job succeeds', async () => {
    const { api } = await stack.tenant('member');
    const { companionEndpoint } = await api.post<{ companionEndpoint: string }>('/v1/upload-tokens', { schema: 'call_record' });
    const { bytes, rows } = callLog(11);
    const context = await browser.newContext();
    try {
      const { outcome, partPuts } = await uploadInPage(context, { name: 'calls.csv', bytes }, { companionEndpoint });
      expect(outcome.error).toBeUndefined();
      // Uppy's default: 5 MiB parts, so three for 11 MiB
      expect(outcome.partsUploaded).toEqual([1, 2, 3]);
      expect(partPuts).toEqual([1, 2, 3]);
      const jobId = jobIdOf(outcome.location);
      expect(outcome.location).toBe(`${stack.httpUrl}/v1/jobs/${jobId}`);
      const job = await waitForJob(api, jobId!, 60_000);
      expect(job).toMatchObject({ status: 'succeeded', schema: 'call_record', source: { filename: 'calls.csv', size: bytes.length } });
      expect(job.progress).toMatchObject({ rowsRead: rows, rowsWritten: rows, rowsRejected: 0 });
    } finally {
      await context.close();
    }
  });

  it('uploads a small file in one form POST (shouldUseMultipart: false), and its job starts from the bucket\'s event', async () => {
    const { api, tenantId } = await stack.tenant('member');
    const { companionEndpoint } = await api.post<{ companionEndpoint: string }>('/v1/upload-tokens', { schema: 'call_record' });
    const { bytes, rows } = callLog(0.5);
    const context = await browser.newContext();
    try {
      const { outcome, partPuts } = await uploadInPage(context, { name: 'small.csv', bytes }, { companionEndpoint, multipart: false });
      expect(outcome.error).toBeUndefined();
      expect(partPuts).toEqual([]);
      expect(outcome.key).toMatch(new RegExp(`^inbox/${tenantId}/`));
      let jobs: { jobId: string }[] = [];
      for (let i = 0; i < 200 && jobs.length === 0; i++) {
        jobs = (await api.get<{ items: { jobId: string }[] }>('/v1/jobs')).items;
        if (jobs.length === 0) await new Promise((r) => setTimeout(r, 100));
      }
      const job = await waitForJob(api, jobs[0]!.jobId, 60_000);
      expect(job).toMatchObject({ status: 'succeeded', source: { filename: 'small.csv' }, progress: { rowsWritten: rows } });
    } finally {
      await context.close();
    }
  });

  it('uploads a multi-part CSV in signRequest mode (every S3 call presigned by {companionEndpoint}/s3/sign), and its job starts from the bucket\'s event', async () => {
    const { api, tenantId } = await stack.tenant('member');
    const { companionEndpoint } = await api.post<{ companionEndpoint: string }>('/v1/upload-tokens', { schema: 'call_record', options: { timezone: 'America/Chicago' } });
    const { bytes, rows } = callLog(11);
    const context = await browser.newContext();
    try {
      const { outcome, partPuts } = await uploadInPage(context, { name: 'signed.csv', bytes }, { companionEndpoint, mode: 'signRequest' });
      expect(outcome.error).toBeUndefined();
      expect(partPuts).toEqual([1, 2, 3]);
      expect(outcome.key?.startsWith(`inbox/${tenantId}/upt_`)).toBe(true);
      expect(outcome.key).toMatch(/\/signed\.csv$/);
      let jobs: { jobId: string }[] = [];
      for (let i = 0; i < 200 && jobs.length === 0; i++) {
        jobs = (await api.get<{ items: { jobId: string }[] }>('/v1/jobs')).items;
        if (jobs.length === 0) await new Promise((r) => setTimeout(r, 100));
      }
      const job = await waitForJob(api, jobs[0]!.jobId, 60_000);
      expect(job).toMatchObject({
        status: 'succeeded',
        schema: 'call_record',
        options: { timezone: 'America/Chicago' },
        source: { filename: 'signed.csv' },
        progress: { rowsWritten: rows },
      });
    } finally {
      await context.close();
    }
  });

  it('resumes after the page is closed mid-upload: a new page uploads only the missing parts', async () => {
    const { api } = await stack.tenant('member');
    const { companionEndpoint } = await api.post<{ companionEndpoint: string }>('/v1/upload-tokens', { schema: 'call_record' });
    const { bytes, rows } = callLog(16);
    const file = { name: 'resumed.csv', bytes };
    // one browser profile for both pages, as a person reopening the tab would have
    const context = await browser.newContext();
    try {
      const first = await uploadInPage(context, file, { companionEndpoint, stopAfterParts: 2 });
      expect(first.outcome.partsUploaded).toEqual([1, 2]);
      expect(first.partPuts).toEqual([1, 2]);
      await first.page.close();

      const second = await uploadInPage(context, file, { companionEndpoint });
      expect(second.outcome.error).toBeUndefined();
      // 16 MiB in 5 MiB parts is four; the first page sent two of them
      expect(second.outcome.partsUploaded).toEqual([3, 4]);
      expect(second.partPuts).toEqual([3, 4]);
      const job = await waitForJob(api, jobIdOf(second.outcome.location)!, 60_000);
      expect(job.status).toBe('succeeded');
      expect(job.progress).toMatchObject({ rowsRead: rows, rowsWritten: rows });
    } finally {
      await context.close();
    }
  });
});
