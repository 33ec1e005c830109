import type { ApiRequest } from '../shared/http/api.ts';
import { json } from '../shared/http/responses.ts';
import { parseQuery } from '../shared/http/request-input.ts';
import { HttpError, conflict } from '../shared/http/errors.ts';
import { listJobsQuery, outputPageQuery, outputQuery, statsQuery } from '../shared/contract/jobs.ts';
import { jobStore } from '../adapters/job-store.ts';
import { downloadUrl } from '../adapters/job-output.ts';
import { decodePageCursor, readNdjsonPage } from '../adapters/ndjson-pages.ts';
import { jobIdFloor } from '../core/jobs/job-actions.ts';
import { computeJobStats } from '../core/jobs/stats.ts';
import { toApiJob } from '../core/jobs/job.ts';
import { refuseExpired } from '../shared/job-expiry.ts';
import { requireJob } from './find-job.ts';

/** The jobs API's lists, output pages, downloads and stats: the query contracts (handler.ts loads this module on their first request). */

export async function listJobs(req: ApiRequest) {
  const q = parseQuery(req.event, listJobsQuery);
  const page = await jobStore.list(req.principal.tenantId, q);
  // the store leaves out records past their retention (see jobStore.list); a job whose files expired is listed with `retention` saying so
  return json(200, { items: page.items.map((job) => toApiJob(job)), nextCursor: page.nextCursor });
}

/** Pages over a finished job's NDJSON output without loading whole files. */
async function pageOutput(req: ApiRequest, which: 'recordsKeys' | 'errorsKeys') {
  const q = parseQuery(req.event, outputPageQuery);
  const job = await requireJob(req);
  if (!job.output) throw conflict(`Job is ${job.status}; output exists once it has succeeded`);
  refuseExpired(job, 'outputs');
  const page = await readNdjsonPage(job.output.bucket, job.output[which], decodePageCursor(q.cursor), q.limit);
  return json(200, page);
}

export const jobRecords = (req: ApiRequest) => pageOutput(req, 'recordsKeys');
export const jobErrors = (req: ApiRequest) => pageOutput(req, 'errorsKeys');

export async function jobOutput(req: ApiRequest) {
  const { format } = parseQuery(req.event, outputQuery);
  const job = await requireJob(req);
  if (!job.output) throw new HttpError(409, 'conflict', `Job is ${job.status}; output exists once it has succeeded`, { status: job.status });
  refuseExpired(job, 'outputs');
  return json(200, { format, ...(await downloadUrl(job, format)) });
}

const STATS_MAX_JOBS = 5000;

export async function jobStats(req: ApiRequest) {
  const q = parseQuery(req.event, statsQuery);
  const to = q.to ?? new Date().toISOString();
  const from = q.from ?? new Date(Date.parse(to) - 24 * 60 * 60 * 1000).toISOString();
  const jobs = (await jobStore.listSince(req.principal.tenantId, jobIdFloor(from), STATS_MAX_JOBS)).filter((j) => j.createdAt <= to);
  return json(200, { ...computeJobStats(jobs, { from, to }), truncated: jobs.length >= STATS_MAX_JOBS });
}
