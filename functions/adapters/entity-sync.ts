import { jobEventId } from '../core/webhooks/job-event-claims.ts';
import { setImmediate } from 'node:timers/promises';
import { newAccountId, newContactId } from './entity-ids.ts';
import { emitEvent } from './event-queue.ts';
import { objectStore } from './object-store.ts';
import { logger } from '../shared/logger.ts';
import { positiveIntEnv } from '../shared/config.ts';
import { isEntitySchema } from '../core/entities/entity-schemas.ts';
import type { JobRecordRow, UpsertCounts } from '../core/entities/upsert.ts';
import type { JobOutput, JobRecord } from '../core/jobs/job.ts';

const MERGE_BATCH = 1000;

/*
 * The accounts store and the merge (the entity book, its indexes, the technologies dictionary:
 * ~80 KB of api-jobs' bundle) are loaded by the first job of an accounts or contacts schema, not
 * at init: the accounts-store stage runs only for those jobs, and api-jobs needs them only to delete one.
 * The bundler splits them into a chunk of their own (lib/bundling.ts); one import() for all of
 * them (accounts-store-modules.ts).
 */
const loadStore = () => import('./accounts-store-modules.ts');

/**
 * The most records one job brings into the store. The whole store is held in memory while
 * it changes (entity-store.ts), so a larger file is left out of the store (the job still
 * succeeds and says so in its store run) rather than running the accounts-store stage out of memory.
 */
export const ENTITY_RECORDS_PER_JOB = positiveIntEnv('ENTITY_RECORDS_PER_JOB', 200_000);

/** What one job did to the accounts store: kept per job, sent as the `accounts.updated` event. */
export interface EntityRun {
  jobId: string;
  attempt: number;
  schema: string;
  status: 'applied' | 'skipped';
  reason?: string;
  counts?: UpsertCounts;
  version?: number;
  durationMs: number;
  at: string;
}

/** The schema a job's records are in (the mapping's, which a person may have chosen). */
const schemaOf = (job: JobRecord) => job.mapping?.schema ?? job.schema;

async function readRecords(bucket: string, keys: readonly string[]): Promise<JobRecordRow[]> {
  const rows: JobRecordRow[] = [];
  for (const key of keys) {
    const text = (await objectStore.readAll(bucket, key)).toString('utf8');
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      if (end > start) rows.push({ row: rows.length + 1, record: JSON.parse(text.slice(start, end)) as Record<string, unknown> });
      start = end + 1;
    }
  }
  return rows;
}

/**
 * Upsert a succeeded company_account or contact job's records into the tenant's store
 * (the accounts-store stage, after the commit). Idempotent: a retried stage applies the
 * same records again, which changes nothing and counts the same.
 */
export async function upsertJobEntities(job: JobRecord, output: Pick<JobOutput, 'bucket' | 'recordsKeys'>, rowsWritten: number): Promise<EntityRun | undefined> {
  const schema = schemaOf(job);
  if (!isEntitySchema(schema)) return undefined;
  const started = Date.now();
  const base = { jobId: job.jobId, attempt: job.attempt, schema, at: new Date().toISOString() };
  let run: EntityRun;
  if (rowsWritten > ENTITY_RECORDS_PER_JOB) {
    run = { ...base, status: 'skipped', reason: `${rowsWritten} records are more than the ${ENTITY_RECORDS_PER_JOB} one job may bring into the accounts store`, durationMs: 0 };
    logger.warn('job left out of the accounts store', { reason: run.reason });
  } else {
    const rows = await readRecords(output.bucket, output.recordsKeys);
    const readMs = Date.now() - started;
    let mergeMs = 0;
    const { entityStore, JobMerge } = await loadStore();
    const outcome = await entityStore.change(job.tenantId, async (book) => {
      const mergeStarted = Date.now();
      const merge = new JobMerge(book, { jobId: job.jobId, schema, at: job.createdAt, now: new Date().toISOString(), newAccountId, newContactId });
      // Batches with a turn of the event loop between them: where the stack shares one
      // process (locally), a 50,000-row merge must not hold up the API for seconds.
      for (let i = 0; i < rows.length; i += MERGE_BATCH) {
        merge.apply(rows.slice(i, i + MERGE_BATCH));
        await setImmediate();
      }
      const counts = merge.finish();
      mergeMs = Date.now() - mergeStarted;
      return counts;
    });
    run = { ...base, status: 'applied', counts: outcome.result, version: outcome.version, durationMs: Date.now() - started };
    // Where the time went (the store's load and commit are the rest): what to look at when a job's store update grows.
    logger.info('accounts store updated', { records: rows.length, durationMs: run.durationMs, readMs, mergeMs, loadMs: outcome.loadMs, writeMs: outcome.writeMs, tries: outcome.tries });
  }
  const { entityStore } = await loadStore();
  await entityStore.putJobRun(job.tenantId, job.jobId, { ...run });
  return run;
}

/**
 * The `accounts.updated` event of a succeeded job that brought records into the store. Its
 * id is fixed per job attempt, so a repeat (a retried stage) is dropped by receivers.
 */
export async function announceEntityRun(job: JobRecord): Promise<void> {
  if (!isEntitySchema(schemaOf(job))) return;
  const { entityStore } = await loadStore();
  const run = await entityStore.getJobRun<EntityRun>(job.tenantId, job.jobId);
  if (!run || run.attempt !== job.attempt || !run.counts || run.counts.records - run.counts.skipped === 0) return;
  const { accounts, contacts } = run.counts;
  await emitEvent({
    id: jobEventId(job.jobId, job.attempt, 'accounts.updated'),
    type: 'accounts.updated',
    tenantId: job.tenantId,
    data: { jobId: job.jobId, attempt: job.attempt, schema: run.schema, accounts, contacts, records: run.counts.records, skipped: run.counts.skipped, storeVersion: run.version },
  });
}

/** A job is being deleted: entities keep its values, and their sources say the job is gone. */
export async function noteJobDeleted(job: JobRecord): Promise<void> {
  if (!isEntitySchema(schemaOf(job)) || job.status !== 'succeeded') return;
  const { entityStore, markJobDeleted } = await loadStore();
  await entityStore.change(job.tenantId, (book) => markJobDeleted(book, job.jobId));
}
