import { objectStore } from '../adapters/object-store.ts';
import { jobStore, StaleJobError } from '../adapters/job-store.ts';
import { meterUsage } from '../adapters/usage-meter.ts';
import { emitJobEvent } from '../adapters/event-queue.ts';
import { isEntitySchema } from '../core/entities/entity-schemas.ts';
import { succeededBefore } from '../core/webhooks/job-event-claims.ts';
import { publishStatus } from '../adapters/progress-notifier.ts';
import { runStage } from '../shared/pipeline/stage.ts';
import { maybeInjectFault } from '../shared/pipeline/fault-injection.ts';
import { jobKeys } from '../core/jobs/keys.ts';
import { DomainError, LayoutChangedError, NoDataRowsError } from '../core/errors.ts';
import type { EnrichChunkResult, PipelineState, RowError } from '../core/pipeline-types.ts';
import type { JobRecord } from '../core/jobs/job.ts';
import { mergeWarnings } from '../core/jobs/warnings.ts';
import { readQualityCounts } from '../adapters/quality-parts.ts';
import { buildQualityReport } from '../core/quality/quality-report.ts';
import { mappingJobWarnings, qualityWarnings } from '../core/quality/self-checks.ts';
import { schemaForMapping } from '../core/schemas/index.ts';
import { observedHandler } from '../shared/observability.ts';
import { countJobOutcome, emitMetrics } from '../shared/metrics.ts';
import { METRIC } from '../shared/metric-names.ts';

/** Every row read must be written or reported; anything else is a bug we refuse to hide. */
export class RowAccountingError extends DomainError {}

/**
 * Persist: check the counts add up, write the manifest, and commit the job summary.
 * The commit is a conditional write on (attempt, running), so a retried Persist
 * commits once. A company_account or contact job commits with its accounts store `pending`
 * and the state machine's next stage (accounts-store) brings its records in; `accountsStore`
 * in the answer tells the state machine whether there is such a stage to run. A Persist retried after its commit (the event could not be queued) finds
 * this attempt succeeded and announces it again, so the completion event goes out once the
 * queue takes it within the retries (see emitJobEvent for what that does not cover).
 */
export async function persist(state: PipelineState) {
  try {
    return await commit(state);
  } catch (err) {
    if (!(err instanceof StaleJobError)) throw err;
    const job = await jobStore.get(state.tenantId, state.jobId);
    if (job?.status !== 'succeeded' || job.attempt !== state.attempt) throw err;
    await announceSuccess(job);
    const { rowsRead, rowsWritten, rowsRejected } = job.progress;
    return { rowsRead, rowsWritten, rowsRejected, accountsStore: job.accountsStore?.state ?? 'none' };
  }
}

async function commit(state: PipelineState) {
  return runStage(state, 'persist', async (job) => {
    const parsed = state.parsed;
    let chunks = [...(state.enriched ?? [])].sort((a, b) => a.index - b.index);
    if (!parsed) throw new Error('Persist needs the result of Parse');
    const changed = chunks.find((c) => c.layoutChanged);
    if (changed) throw new LayoutChangedError(`Chunk ${changed.index} met a later section with other columns; the file is read again in one pass`);
    const rowsWritten = chunks.reduce((n, c) => n + c.rowsWritten, 0);
    const rowsRejected = chunks.reduce((n, c) => n + c.rowsRejected, 0);
    // A split file's rows were counted where they were parsed, range by range.
    const rowsRead = parsed.split ? chunks.reduce((n, c) => n + c.rowsRead, 0) : parsed.rowsRead;
    if (parsed.split && rowsRead === 0) throw new NoDataRowsError('No data rows after the header');
    if (rowsRead !== rowsWritten + rowsRejected) {
      throw new RowAccountingError(`rows read (${rowsRead}) != written (${rowsWritten}) + rejected (${rowsRejected})`);
    }
    if (parsed.split) chunks = await renumberErrorRows(state, chunks);
    if (!state.mapping) throw new Error('Persist needs the result of Map');
    const mapping = state.mapping;
    // The chunks' counts, added up: the job's data-quality report and what it says about itself.
    const quality = buildQualityReport(await readQualityCounts(state.bucket, chunks), schemaForMapping(mapping), mapping);
    const enrichStarted = job.stages.enrich?.startedAt;
    if (enrichStarted) await jobStore.exitStage(state.tenantId, state.jobId, state.attempt, 'enrich', enrichStarted);
    const output = {
      bucket: state.bucket,
      recordsKeys: chunks.map((c) => c.recordsKey),
      errorsKeys: chunks.map((c) => c.errorsKey),
      manifestKey: jobKeys.manifest(state.tenantId, state.jobId, state.attempt),
      columns: [...new Set(chunks.flatMap((c) => c.columns ?? []))],
    };
    const counts = { rowsRead, rowsWritten, rowsRejected };
    const manifest = { jobId: state.jobId, attempt: state.attempt, schema: state.mapping?.schema, counts, records: output.recordsKeys, errors: output.errorsKeys, mapping: state.mapping };
    await objectStore.put(state.bucket, output.manifestKey, JSON.stringify(manifest, null, 2), 'application/json');
    const persistStarted = job.stages.persist?.startedAt ?? new Date().toISOString();
    await jobStore.exitStage(state.tenantId, state.jobId, state.attempt, 'persist', persistStarted);
    const rowsSkipped = parsed.split ? chunks.reduce((n, c) => n + (c.rowsSkipped ?? 0), 0) : undefined;
    // Each stage's and chunk's warnings, once (a retried chunk's result replaced its first one), then the mapping's and the self-checks'.
    const warnings = mergeWarnings(
      state.classification?.warnings,
      parsed.warnings,
      ...chunks.map((c) => c.warnings),
      mappingJobWarnings(mapping),
      qualityWarnings(quality, mapping, { read: rowsRead, rejected: rowsRejected }),
    );
    // Accounts and contacts reach the tenant's store in the next stage; until then the job says so.
    const accountsStore = isEntitySchema(mapping.schema) ? { state: 'pending' as const, attempt: state.attempt, updatedAt: new Date().toISOString() } : undefined;
    const { job: finished, committed } = await jobStore.finish(state.tenantId, state.jobId, state.attempt, { status: 'succeeded', output, counts, rowsSkipped, warnings, quality, accountsStore });
    // metered and counted by the commit itself, so a retried Persist does not count the rows twice;
    // nor does a new attempt of a job that succeeded before (retried for its accounts store)
    if (committed) {
      if (!succeededBefore(finished?.outcomes, state.attempt)) await meterUsage(state.tenantId, { rowsProcessed: counts.rowsRead, rowsRejected: counts.rowsRejected });
      countCommittedRows(state, counts);
    }
    if (finished?.status === 'succeeded' && finished.attempt === state.attempt) {
      maybeInjectFault('persist', state.tenantId, 'committed');
      await announceSuccess(finished);
    }
    return { ...counts, accountsStore: finished?.accountsStore?.state ?? 'none' };
  });
}

/** The job's rows and its success, as metrics (its ids as metadata). */
function countCommittedRows(job: { tenantId: string; jobId: string; attempt: number }, counts: { rowsRead: number; rowsWritten: number; rowsRejected: number }): void {
  const ids = { tenantId: job.tenantId, jobId: job.jobId, attempt: job.attempt };
  emitMetrics({ [METRIC.rowsRead]: counts.rowsRead, [METRIC.rowsWritten]: counts.rowsWritten, [METRIC.rowsRejected]: counts.rowsRejected }, {}, ids);
  countJobOutcome('succeeded', ids);
}

/**
 * The completion event and the WebSocket push for an attempt that stands succeeded. The
 * event is at-least-once, and its id (fixed per job, attempt and type) lets receivers drop
 * repeats. A queue that cannot take it fails the stage as transient, so the state machine
 * retries Persist, which then comes back here.
 */
async function announceSuccess(job: JobRecord): Promise<void> {
  await emitJobEvent('job.succeeded', job);
  await publishStatus(job);
}

/**
 * A byte-range chunk numbers its rows from 1 (it cannot know how many rows the ranges
 * before it hold): a chunk's error report with rows in it is rewritten here with the
 * file's row numbers, once the counts are known, into the key a whole-file read would
 * have used (empty reports were written there already). Idempotent: the chunk's own
 * report is left as it is.
 */
async function renumberErrorRows(state: PipelineState, chunks: readonly EnrichChunkResult[]): Promise<EnrichChunkResult[]> {
  let before = 0;
  const out: EnrichChunkResult[] = [];
  for (const chunk of chunks) {
    const offset = before;
    before += chunk.rowsRead;
    if (!chunk.errorLines) {
      out.push(chunk);
      continue;
    }
    const errorsKey = jobKeys.errorsPart(state.tenantId, state.jobId, state.attempt, chunk.index);
    const text = (await objectStore.readAll(state.bucket, chunk.errorsKey)).toString('utf8');
    const lines = text.split('\n').filter((l) => l.length > 0);
    const body = lines.map((line) => {
      const entry = JSON.parse(line) as RowError;
      return JSON.stringify({ ...entry, row: entry.row + offset });
    });
    await objectStore.put(state.bucket, errorsKey, body.join('\n') + '\n');
    out.push({ ...chunk, errorsKey });
  }
  return out;
}

export const handler = observedHandler(persist);
