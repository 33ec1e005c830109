import { httpApi } from '../shared/http/api.ts';
import { lazyRoutes } from '../shared/http/lazy-routes.ts';

/*
 * The admin API. The route table and its roles are all this module loads at init; each group
 * of routes is loaded by its first request (shared/http/lazy-routes.ts): the API keys, the
 * reports (metrics with the SQS client, usage, the audit trail) and the retention settings,
 * each with its own contract schemas (zod), so no zod is compiled at init.
 */
const keys = lazyRoutes(() => import('./keys.ts'));
const reports = lazyRoutes(() => import('./reports.ts'));
const retention = lazyRoutes(() => import('./retention.ts'));

export const handler = httpApi({
  'GET /v1/api-keys': { role: 'admin', handle: keys('listKeys') },
  'POST /v1/api-keys': { role: 'admin', handle: keys('createKey') },
  'DELETE /v1/api-keys/{keyId}': { role: 'admin', handle: keys('revokeKey') },
  'GET /v1/metrics': { role: 'admin', handle: reports('metrics') },
  'GET /v1/usage': { role: 'admin', handle: reports('usage') },
  'GET /v1/settings/retention': { role: 'viewer', handle: retention('getRetention') },
  'PUT /v1/settings/retention': { role: 'admin', handle: retention('setRetention') },
  'GET /v1/audit': { role: 'admin', handle: reports('audit') },
});
