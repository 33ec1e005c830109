import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalStack } from '../local/stack.ts';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { objectStore } from '../functions/adapters/object-store.ts';
import { s3 } from '../functions/adapters/s3.ts';
import { jobStore } from '../functions/adapters/job-store.ts';
import { expirySchedule } from '../functions/adapters/expiry-schedule.ts';
import { uploadQuota } from '../functions/adapters/upload-quota.ts';
import { admissionStore } from '../functions/adapters/admission-store.ts';
import { runRetentionSweep } from '../functions/adapters/retention-sweeper.ts';
import { uploadStore } from '../functions/adapters/upload-store.ts';
import { jobRetention, recordExpiryEpoch } from '../functions/core/retention/retention.ts';
import { expiryEntriesFor } from '../functions/core/retention/sweep.ts';
import { jobKeys } from '../functions/core/jobs/keys.ts';
import type { JobRecord } from '../functions/core/jobs/job.ts';

/*
 * npm run bench:retention [-- --jobs 500]
 *
 * The retention sweep on the local stack: `--jobs` jobs of one tenant with a 1/2/3-day
 * retention (an upload of 4 KiB and three output objects each) and as many of another tenant
 * with the defaults, then the sweep at creation + 1 day 1 minute (uploads), + 2 days (outputs),
 * + 3 days (records), each timed, and checked: the other tenant keeps everything.
 */

const { values } = parseArgs({ options: { jobs: { type: 'string', default: '500' } } });
const N = Number(values.jobs);
const DAY = 86_400_000;
const dataDir = await mkdtemp(join(tmpdir(), 'afp-bench-retention-'));
const stack = await startLocalStack({ dataDir });
try {
  const createdAt = new Date().toISOString();
  const body = Buffer.alloc(4096, 'a');
  const make = async (tenantId: string, i: number, retention: Parameters<typeof jobRetention>[1]) => {
    const jobId = `job_bench${String(i).padStart(6, '0')}`;
    const key = `uploads/${tenantId}/s${i}/calls.csv`;
    await objectStore.put(stack.bucket, key, body, 'text/csv');
    for (const part of ['records/part-00000.ndjson', 'errors/part-00000.ndjson', 'manifest.json']) await objectStore.put(stack.bucket, `${jobKeys.prefix(tenantId, jobId)}/a1/${part}`, '{}\n');
    const r = jobRetention(createdAt, retention);
    // the completed session, as upload complete leaves it: the file counted and held until the job's upload expiry
    const sessionId = `s${i}`;
    await uploadStore.create({
      tenantId, sessionId, uploadId: sessionId, bucket: stack.bucket, key, filename: 'calls.csv', contentType: 'text/csv', size: body.length, partSize: 0,
      status: 'completed', jobId, fileExpiresAt: r.uploadExpiresAt, storedBytes: body.length, createdAt, expiresAt: r.recordExpiresAt, expiresAtEpoch: recordExpiryEpoch(r),
    });
    await uploadQuota.noteStored(tenantId, body.length);
    const job = {
      tenantId, jobId, status: 'succeeded', attempt: 1, schema: 'call_record', options: {},
      source: { sessionId, bucket: stack.bucket, key, filename: 'calls.csv', size: body.length },
      progress: { rowsRead: 0, rowsWritten: 0, rowsRejected: 0, rowsSkipped: 0, bytesRead: 0 }, stages: {},
      retention: r, expiresAtEpoch: recordExpiryEpoch(r), createdAt, updatedAt: createdAt,
    } satisfies JobRecord;
    await expirySchedule.add(expiryEntriesFor(job));
    await jobStore.create(job);
  };
  const seedStarted = Date.now();
  for (let i = 0; i < N; i += 20) {
    await Promise.all(Array.from({ length: Math.min(20, N - i) }, (_, k) => make('bench-short', i + k, { uploadsDays: 1, outputsDays: 2, jobRecordsDays: 3 })));
    await Promise.all(Array.from({ length: Math.min(20, N - i) }, (_, k) => make('bench-kept', i + k, { uploadsDays: 30, outputsDays: 90, jobRecordsDays: 400 })));
  }
  process.stdout.write(`seeded ${2 * N} jobs in ${Date.now() - seedStarted} ms\n`);
  const t0 = Date.parse(createdAt);
  const rows: string[] = [];
  for (const [label, at] of [['nothing due', t0 + 60_000], ['uploads', t0 + DAY + 60_000], ['outputs', t0 + 2 * DAY + 60_000], ['records', t0 + 3 * DAY + 60_000]] as const) {
    const started = performance.now();
    const report = await runRetentionSweep(new Date(at));
    const ms = performance.now() - started;
    rows.push(`${label.padEnd(12)} ${String(Math.round(ms)).padStart(7)} ms  ${JSON.stringify(report)}`);
  }
  process.stdout.write(rows.join('\n') + '\n');
  const kept = await admissionStore.bytes({ pk: 'STORED', sk: 'bench-kept' });
  const short = await admissionStore.bytes({ pk: 'STORED', sk: 'bench-short' });
  const keptJobs = (await jobStore.list('bench-kept', { limit: N + 1 })).items.length;
  // per job: the local S3 answers an internal error to a listing of more than 1,000 keys
  const left = async (tenantId: string) => {
    let count = 0;
    for (let i = 0; i < N; i += 20) {
      const counts = await Promise.all(
        Array.from({ length: Math.min(20, N - i) }, async (_, k) => {
          const n = String(i + k).padStart(6, '0');
          const list = async (prefix: string) => (await s3()).client.send(new ListObjectsV2Command({ Bucket: stack.bucket, Prefix: prefix }));
          return ((await list(`jobs/${tenantId}/job_bench${n}/`)).KeyCount ?? 0) + ((await list(`uploads/${tenantId}/s${i + k}/`)).KeyCount ?? 0);
        }),
      );
      count += counts.reduce((a, b) => a + b, 0);
    }
    return count;
  };
  const leftShort = await left('bench-short');
  const leftKept = await left('bench-kept');
  process.stdout.write(`objects left: bench-short ${leftShort}, bench-kept ${leftKept} (of ${4 * N})\n`);
  if (leftShort !== 0 || leftKept !== 4 * N) process.exitCode = 1;
  process.stdout.write(`stored bytes after: bench-short ${short}, bench-kept ${kept} (of ${N * body.length}); bench-kept jobs ${keptJobs} of ${N}\n`);
  if (short !== 0 || kept !== N * body.length || keptJobs !== N) process.exitCode = 1;
} finally {
  await stack.close();
  await rm(dataDir, { recursive: true, force: true });
}
