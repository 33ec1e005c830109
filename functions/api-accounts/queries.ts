import type * as z from 'zod/mini';
import type { ApiRequest } from '../shared/http/api.ts';
import { json } from '../shared/http/responses.ts';
import { parseQuery } from '../shared/http/request-input.ts';
import { badRequest } from '../shared/http/errors.ts';
import { entityStore } from '../adapters/entity-store.ts';
import { ACCOUNT_EXPORT_COLUMNS, CONTACT_EXPORT_COLUMNS, toApiAccount, toApiContact } from '../core/entities/api-shape.ts';
import { QueryCursorError, type AccountQuery } from '../core/entities/query.ts';
import { accountExportQuery, accountListQuery, contactExportQuery, contactListQuery, type accountFilters } from '../shared/contract/accounts.ts';

/** The accounts API's lists and exports: the query contracts and the store's indexes (handler.ts loads this module on their first request). */

/** The export writer (with the CSV cell rules and papaparse) on the first export, not with the lists. */
const exportEntities: typeof import('../adapters/entity-export.ts').exportEntities = async (...args) => (await import('../adapters/entity-export.ts')).exportEntities(...args);

function accountQueryOf(q: z.infer<typeof accountFilters>): Omit<AccountQuery, 'limit' | 'cursor'> {
  const descending = q.sort.startsWith('-');
  return { ...q, sort: (descending ? q.sort.slice(1) : q.sort) as AccountQuery['sort'], descending };
}

function listPage<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof QueryCursorError) throw badRequest('Query parameters are invalid', [{ field: 'cursor', message: err.message }]);
    throw err;
  }
}

export async function listAccounts(req: ApiRequest) {
  const q = parseQuery(req.event, accountListQuery);
  const view = await entityStore.read(req.principal.tenantId);
  const res = listPage(() => view.accountsIndex().query({ ...accountQueryOf(q), limit: q.limit, cursor: q.cursor }));
  return json(200, { items: res.items.map(toApiAccount), nextCursor: res.nextCursor, total: res.total, facets: res.facets });
}

export async function exportAccounts(req: ApiRequest) {
  const q = parseQuery(req.event, accountExportQuery);
  const view = await entityStore.read(req.principal.tenantId);
  const items = view.accountsIndex().filter(accountQueryOf(q));
  return json(200, await exportEntities(req.principal.tenantId, 'accounts', q.format, items, ACCOUNT_EXPORT_COLUMNS));
}

export async function listContacts(req: ApiRequest) {
  const q = parseQuery(req.event, contactListQuery);
  const view = await entityStore.read(req.principal.tenantId);
  const res = listPage(() => view.contactsIndex().query(q));
  return json(200, { items: res.items.map(toApiContact), nextCursor: res.nextCursor, total: res.total });
}

export async function exportContacts(req: ApiRequest) {
  const q = parseQuery(req.event, contactExportQuery);
  const view = await entityStore.read(req.principal.tenantId);
  return json(200, await exportEntities(req.principal.tenantId, 'contacts', q.format, view.contactsIndex().filter(q), CONTACT_EXPORT_COLUMNS));
}
