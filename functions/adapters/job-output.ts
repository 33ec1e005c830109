import { PassThrough } from 'node:stream';
import { createInterface } from 'node:readline';
import { s3 } from './s3.ts';
import { objectStore } from './object-store.ts';
import { jobKeys } from '../core/jobs/keys.ts';
import type { JobRecord } from '../core/jobs/job.ts';
import { assertIsError } from '../core/errors.ts';

/** Presigned download links are short-lived: enough to start the download. */
export const DOWNLOAD_URL_TTL_SECONDS = 300;
const CSV_BATCH_LINES = 5000;

/**
 * The job's records as one downloadable object: the part itself when there is one NDJSON
 * part, else a merged object built once (streamed part by part, never whole in memory)
 * and reused on later requests.
 */
export async function downloadUrl(job: JobRecord, format: 'ndjson' | 'csv'): Promise<{ url: string; expiresAt: string; key: string }> {
  const output = job.output;
  if (!output) throw new Error('job has no output');
  let key: string;
  if (format === 'ndjson' && output.recordsKeys.length === 1) {
    key = output.recordsKeys[0]!;
  } else {
    key = jobKeys.download(job.tenantId, job.jobId, job.attempt, format);
    if (!(await objectStore.head(output.bucket, key))) await buildDownload(job, format, key);
  }
  const url = await objectStore.presignGet(output.bucket, key, DOWNLOAD_URL_TTL_SECONDS);
  return { url, key, expiresAt: new Date(Date.now() + DOWNLOAD_URL_TTL_SECONDS * 1000).toISOString() };
}

async function buildDownload(job: JobRecord, format: 'ndjson' | 'csv', key: string): Promise<void> {
  const output = job.output!;
  const body = new PassThrough();
  const { client, sdk } = await s3();
  // papaparse comes with it: loaded by the first download built, not at every cold start of api-jobs
  const { recordsToCsv } = await import('../core/jobs/csv-output.ts');
  const upload = new sdk.Upload({
    client,
    params: { Bucket: output.bucket, Key: key, Body: body, ContentType: format === 'csv' ? 'text/csv' : 'application/x-ndjson' },
  });
  const done = upload.done();
  try {
    let header = true;
    for (const partKey of output.recordsKeys) {
      const source = await objectStore.stream(output.bucket, partKey);
      if (format === 'ndjson') {
        for await (const chunk of source) if (!body.write(chunk)) await new Promise((r) => body.once('drain', r));
        continue;
      }
      let batch: string[] = [];
      const flush = async () => {
        if (batch.length === 0 && !header) return;
        if (!body.write(recordsToCsv(batch, output.columns ?? [], header))) await new Promise((r) => body.once('drain', r));
        header = false;
        batch = [];
      };
      for await (const line of createInterface({ input: source, crlfDelay: Infinity })) {
        if (line) batch.push(line);
        if (batch.length >= CSV_BATCH_LINES) await flush();
      }
      await flush();
    }
    body.end();
    await done;
  } catch (err) {
    assertIsError(err);
    body.destroy(err);
    await upload.abort().catch(() => undefined);
    throw err;
  }
}
