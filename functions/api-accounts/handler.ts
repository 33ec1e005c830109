import { httpApi, type Route } from '../shared/http/api.ts';
import { lazyRoutes } from '../shared/http/lazy-routes.ts';

/*
 * The accounts and contacts store's API. The route table and its roles are all this module
 * loads at init; each group of routes (the lists and exports, the single items, the edits) is
 * loaded by its first request (shared/http/lazy-routes.ts), so a listing never compiles the
 * edits' body schemas nor a page the list queries' (docs/performance.md, bench:cold).
 */
const queries = lazyRoutes(() => import('./queries.ts'));
const views = lazyRoutes(() => import('./views.ts'));
const edits = lazyRoutes(() => import('./edits.ts'));

/** The route table, exported so unit tests can call it without the auth middleware. */
export const accountRoutes: Record<string, Route> = {
  'GET /v1/accounts': { role: 'viewer', handle: queries('listAccounts') },
  'GET /v1/accounts/export': { role: 'viewer', handle: queries('exportAccounts') },
  'GET /v1/accounts/{accountId}': { role: 'viewer', handle: views('getAccount') },
  'PATCH /v1/accounts/{accountId}': { role: 'member', handle: edits('patchAccount') },
  'DELETE /v1/accounts/{accountId}': { role: 'admin', handle: edits('deleteAccount') },
  'POST /v1/accounts/{accountId}/merge': { role: 'member', handle: edits('mergeAccount') },
  'POST /v1/accounts/{accountId}/insights/refresh': { role: 'member', handle: views('refreshAccountInsights') },
  'GET /v1/settings/icp': { role: 'viewer', handle: views('getIcp') },
  'PUT /v1/settings/icp': { role: 'admin', handle: edits('putIcp') },
  'GET /v1/contacts': { role: 'viewer', handle: queries('listContacts') },
  'GET /v1/contacts/export': { role: 'viewer', handle: queries('exportContacts') },
  'GET /v1/contacts/{contactId}': { role: 'viewer', handle: views('getContact') },
  'PATCH /v1/contacts/{contactId}': { role: 'member', handle: edits('patchContact') },
  'DELETE /v1/contacts/{contactId}': { role: 'admin', handle: edits('deleteContact') },
};

export const handler = httpApi(accountRoutes);
