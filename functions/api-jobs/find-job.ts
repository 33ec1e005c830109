import type { ApiRequest } from '../shared/http/api.ts';
import { notFound } from '../shared/http/errors.ts';
import { jobStore } from '../adapters/job-store.ts';
import type { JobRecord } from '../core/jobs/job.ts';
import { refuseExpired } from '../shared/job-expiry.ts';

/** The tenant's job, unless it is missing (404, also for another tenant's id, never 403) or its record expired (410). */
export async function findJob(tenantId: string, jobId: string): Promise<JobRecord> {
  const job = await jobStore.get(tenantId, jobId);
  if (!job) throw notFound('Job');
  refuseExpired(job, 'record');
  return job;
}

export const requireJob = (req: ApiRequest): Promise<JobRecord> => findJob(req.principal.tenantId, req.params.jobId ?? '');
