import { jobStore } from '../adapters/job-store.ts';
import { announceEntityRun, upsertJobEntities } from '../adapters/entity-sync.ts';
import { generateJobInsights } from '../adapters/account-insights.ts';
import { logger } from '../shared/logger.ts';
import { maybeInjectFault } from '../shared/pipeline/fault-injection.ts';
import { observedHandler } from '../shared/observability.ts';
import { executionNameFor, type AccountsStoreRun, type JobRecord } from '../core/jobs/job.ts';
import { describeFailure } from '../core/jobs/stage-failure.ts';

/**
 * The state after Persist, and on the Catch path (`storeError`, Step Functions' `{ Error,
 * Cause }`) what made the update give up after its retries.
 */
export interface AccountsStoreInput {
  tenantId: string;
  jobId: string;
  attempt: number;
  storeError?: { Error?: string; Cause?: string };
}

/**
 * UpdateAccountsStore, the stage after Persist for a company_account or contact job: merge
 * its records into the tenant's accounts store, then say so on the job (`accountsStore`),
 * send `accounts.updated` and ask for insights. After the commit rather than before it, so
 * a company file's job is done when its records are (the merge of 10,000 companies costs
 * about as much as the rest of the job); the job says `pending` until the store has caught
 * up. Idempotent: a retried update merges the same records again, which changes nothing.
 */
export async function updateAccountsStore(input: AccountsStoreInput): Promise<{ state: AccountsStoreRun['state'] | 'not-applicable' }> {
  logger.appendKeys({ tenantId: input.tenantId, jobId: input.jobId, attempt: input.attempt, stage: 'accounts-store' });
  logger.setCorrelationId(executionNameFor(input.jobId, input.attempt));
  const job = await jobStore.get(input.tenantId, input.jobId);
  // Deleted, retried into a newer attempt, or never an entity job: nothing of this attempt to bring in.
  if (!job || job.status !== 'succeeded' || job.attempt !== input.attempt || !job.output || !job.accountsStore) return { state: 'not-applicable' };
  if (input.storeError) return recordFailure(job, input.storeError);
  maybeInjectFault('persist', input.tenantId, 'accounts-store');
  const run = await upsertJobEntities(job, job.output, job.progress.rowsWritten);
  if (!run) return { state: 'not-applicable' };
  const updated = await jobStore.setAccountsStore(job.tenantId, job.jobId, job.attempt, {
    state: run.status,
    attempt: job.attempt,
    ...(run.counts && { counts: run.counts }),
    ...(run.reason !== undefined && { reason: run.reason }),
    durationMs: run.durationMs,
    updatedAt: new Date().toISOString(),
  });
  if (!updated) return { state: 'not-applicable' };
  await announceEntityRun(updated);
  // Best effort once the store has the records: a slow or failing AI costs nothing here.
  await generateJobInsights(updated);
  return { state: run.status };
}

async function recordFailure(job: JobRecord, storeError: { Error?: string; Cause?: string }): Promise<{ state: 'failed' }> {
  const error = describeFailure(storeError);
  logger.error('accounts store not updated', { error });
  await jobStore.failAccountsStore(job.tenantId, job.jobId, job.attempt, error);
  return { state: 'failed' };
}

export const handler = observedHandler(updateAccountsStore);
