import type { JobStatus } from '../pipeline-types.ts';
import type { JobRecord } from './job.ts';

/** Which statuses each job action accepts; anything else is a 409 naming the status. */
export const ACTION_ALLOWED: Record<'cancel' | 'retry' | 'delete', JobStatus[]> = {
  cancel: ['queued', 'running', 'needs_mapping'],
  retry: ['failed', 'cancelled'],
  delete: ['succeeded', 'failed', 'cancelled', 'needs_mapping'],
};

/**
 * The statuses a retry of this job may start from: failed and cancelled jobs, and a succeeded
 * company or contact job whose records did not make it into the accounts store (its retry
 * runs Enrich and Persist again and brings them in); empty when it may not be retried.
 */
export function retryFrom(job: Pick<JobRecord, 'status' | 'accountsStore'>): JobStatus[] {
  if (ACTION_ALLOWED.retry.includes(job.status)) return ACTION_ALLOWED.retry;
  return job.status === 'succeeded' && job.accountsStore?.state === 'failed' ? ['succeeded'] : [];
}

/** ISO instant -> the smallest ULID-prefixed job id created at or after it (ULIDs sort by time). */
export function jobIdFloor(isoInstant: string): string {
  const ms = Date.parse(isoInstant);
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let time = '';
  let n = Math.max(0, ms);
  for (let i = 0; i < 10; i++) {
    time = alphabet[n % 32]! + time;
    n = Math.floor(n / 32);
  }
  return `job_${time}`;
}
