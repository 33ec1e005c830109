import type { ApiRequest } from '../shared/http/api.ts';
import { json } from '../shared/http/responses.ts';
import { toApiJob } from '../core/jobs/job.ts';
import { requireJob } from './find-job.ts';

/** A job as it is now: the route a client polls, which validates nothing (handler.ts loads this module on its first request). */
export async function getJob(req: ApiRequest) {
  return json(200, toApiJob(await requireJob(req)));
}
