import { httpApi } from '../shared/http/api.ts';
import { lazyRoutes } from '../shared/http/lazy-routes.ts';

/*
 * The jobs API. The route table and its roles are all this module loads at init; each group of
 * routes is loaded by its first request (shared/http/lazy-routes.ts): a job's status (the route
 * clients poll), the lists, pages, downloads and stats (the query contracts), and the changes
 * (the body contracts, the schema store, the Step Functions and SQS clients).
 */
const views = lazyRoutes(() => import('./views.ts'));
const queries = lazyRoutes(() => import('./queries.ts'));
const actions = lazyRoutes(() => import('./actions.ts'));

export const handler = httpApi({
  'POST /v1/jobs': { role: 'member', handle: actions('createJob') },
  'GET /v1/jobs': { role: 'viewer', handle: queries('listJobs') },
  'GET /v1/jobs/{jobId}': { role: 'viewer', handle: views('getJob') },
  'GET /v1/jobs/{jobId}/records': { role: 'viewer', handle: queries('jobRecords') },
  'GET /v1/jobs/{jobId}/errors': { role: 'viewer', handle: queries('jobErrors') },
  'GET /v1/jobs/{jobId}/output': { role: 'viewer', handle: queries('jobOutput') },
  'POST /v1/jobs/{jobId}/cancel': { role: 'member', handle: actions('cancelJobRoute') },
  'POST /v1/jobs/{jobId}/retry': { role: 'member', handle: actions('retryJobRoute') },
  'DELETE /v1/jobs/{jobId}': { role: 'member', handle: actions('deleteJobRoute') },
  'POST /v1/jobs/bulk': { role: 'member', handle: actions('bulkJobs') },
  'GET /v1/jobs/stats': { role: 'viewer', handle: queries('jobStats') },
});
