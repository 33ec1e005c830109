/** A job as the jobs table stores it, for tests that mock DynamoDB: attempt 1 of job_1 of tenant t1. */
export const jobItem = (status: string, extra: Record<string, unknown> = {}) => ({
  tenantId: 't1',
  jobId: 'job_1',
  attempt: 1,
  status,
  stage: 'enrich',
  source: { bucket: 'b', key: 'k', filename: 'f.csv', size: 10 },
  progress: { rowsRead: 0, rowsWritten: 0, rowsRejected: 0, rowsSkipped: 0, bytesRead: 0 },
  stages: {},
  createdAt: '2026-11-21T00:00:00Z',
  updatedAt: '2026-11-21T00:00:00Z',
  ...extra,
});
