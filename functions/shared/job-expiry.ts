import { HttpError } from './http/errors.ts';
import { expiredPart, type ExpiringPart } from '../core/retention/retention.ts';
import type { JobRecord } from '../core/jobs/job.ts';

const WHAT_EXPIRED: Record<ExpiringPart, string> = { record: 'The job', outputs: 'The job\'s records, error report and downloads', upload: 'The job\'s uploaded file' };

/**
 * 410 when the part of the job a request needs has passed its retention: deleted by the
 * sweep, or due and not yet deleted (the sweep runs hourly; DynamoDB TTL takes days). Every
 * route that reads a job by id asks this, so an expired job answers the same everywhere.
 */
export function refuseExpired(job: JobRecord, needs: ExpiringPart): void {
  const gone = expiredPart(job, needs, Date.now());
  if (!gone) return;
  throw new HttpError(410, 'job_expired', `${WHAT_EXPIRED[gone.part]} expired on ${gone.expiredAt} (the tenant's retention) and is no longer kept`, {
    expired: gone.part,
    expiredAt: gone.expiredAt,
  });
}
