import { objectStore } from '../adapters/object-store.ts';
import { jobStore } from '../adapters/job-store.ts';
import { emitJobEvent } from '../adapters/event-queue.ts';
import { publishStatus } from '../adapters/progress-notifier.ts';
import { runStage } from '../shared/stage.ts';
import { jobKeys } from '../core/jobs/keys.ts';
import { DomainError } from '../core/errors.ts';
import type { PipelineState } from '../core/pipeline-types.ts';

/** Every row read must be written or reported; anything else is a bug we refuse to hide. */
export class RowAccountingError extends DomainError {}

/**
 * Persist: check the counts add up, write the manifest, and commit the job summary.
 * The commit is a conditional write on (attempt, running), so a retried Persist
 * commits once; the completion event is emitted at least once.
 */
export async function persist(state: PipelineState) {
  return runStage(state, 'persist', async (job) => {
    const parsed = state.parsed;
    const chunks = [...(state.enriched ?? [])].sort((a, b) => a.index - b.index);
    if (!parsed) throw new Error('Persist needs the result of Parse');
    const rowsWritten = chunks.reduce((n, c) => n + c.rowsWritten, 0);
    const rowsRejected = chunks.reduce((n, c) => n + c.rowsRejected, 0);
    if (parsed.rowsRead !== rowsWritten + rowsRejected) {
      throw new RowAccountingError(`rows read (${parsed.rowsRead}) != written (${rowsWritten}) + rejected (${rowsRejected})`);
    }
    const enrichStarted = job.stages.enrich?.startedAt;
    if (enrichStarted) await jobStore.exitStage(state.tenantId, state.jobId, state.attempt, 'enrich', enrichStarted);
    const output = {
      bucket: state.bucket,
      recordsKeys: chunks.map((c) => c.recordsKey),
      errorsKeys: chunks.map((c) => c.errorsKey),
      manifestKey: jobKeys.manifest(state.tenantId, state.jobId, state.attempt),
      columns: [...new Set(chunks.flatMap((c) => c.columns ?? []))],
    };
    const counts = { rowsRead: parsed.rowsRead, rowsWritten, rowsRejected };
    const manifest = { jobId: state.jobId, attempt: state.attempt, schema: state.mapping?.schema, counts, records: output.recordsKeys, errors: output.errorsKeys, mapping: state.mapping };
    await objectStore.put(state.bucket, output.manifestKey, JSON.stringify(manifest, null, 2), 'application/json');
    const persistStarted = job.stages.persist?.startedAt ?? new Date().toISOString();
    await jobStore.exitStage(state.tenantId, state.jobId, state.attempt, 'persist', persistStarted);
    const { job: finished } = await jobStore.finish(state.tenantId, state.jobId, state.attempt, { status: 'succeeded', output, counts });
    // Emit whenever this attempt stands succeeded, also on a retry after the commit: the event
    // is at-least-once, and its id (fixed per job, attempt and type) lets receivers drop repeats.
    if (finished?.status === 'succeeded' && finished.attempt === state.attempt) {
      await emitJobEvent('job.succeeded', finished);
      await publishStatus(finished);
    }
    return counts;
  });
}

export const handler = persist;
