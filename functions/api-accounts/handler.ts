import type * as z from 'zod/mini';
import { httpApi, type ApiRequest, type Route } from '../shared/http/api.ts';
import { json, noContent } from '../shared/http/responses.ts';
import { parseBody, parseQuery } from '../shared/http/request-input.ts';
import { badRequest, conflict, notFound } from '../shared/http/errors.ts';
import { entityStore } from '../adapters/entity-store.ts';
import { accountInsights, refreshInsights } from '../adapters/account-insights.ts';
import { ACCOUNT_EXPORT_COLUMNS, CONTACT_EXPORT_COLUMNS, toApiAccount, toApiAccountDetail, toApiContact, toApiContactDetail } from '../core/entities/api-shape.ts';
import { deleteAccount, deleteContact, EntityEditError, mergeAccounts, patchAccount, patchContact } from '../core/entities/edits.ts';
import { QueryCursorError, type AccountQuery } from '../core/entities/query.ts';
import { accountExportQuery, accountFilters, accountListQuery, accountPatchBody, contactExportQuery, contactListQuery, contactPatchBody, icpBody, mergeBody } from '../shared/contract/accounts.ts';

/** The export writer (with the CSV cell rules and papaparse) on the first export, not at every cold start. */
const exportEntities: typeof import('../adapters/entity-export.ts').exportEntities = async (...args) => (await import('../adapters/entity-export.ts')).exportEntities(...args);

function accountQueryOf(q: z.infer<typeof accountFilters>): Omit<AccountQuery, 'limit' | 'cursor'> {
  const descending = q.sort.startsWith('-');
  return { ...q, sort: (descending ? q.sort.slice(1) : q.sort) as AccountQuery['sort'], descending };
}

/** Store edits that contradict the store (a domain another account holds) are conflicts naming the field. */
async function edit<R>(tenantId: string, change: Parameters<typeof entityStore.change<R>>[1]): Promise<R> {
  try {
    return (await entityStore.change(tenantId, change)).result;
  } catch (err) {
    if (err instanceof EntityEditError) throw conflict(err.message, [{ field: err.field, message: err.message }]);
    throw err;
  }
}

function listPage<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof QueryCursorError) throw badRequest('Query parameters are invalid', [{ field: 'cursor', message: err.message }]);
    throw err;
  }
}

const now = () => new Date().toISOString();
const accountId = (req: ApiRequest) => req.params.accountId ?? '';
const contactId = (req: ApiRequest) => req.params.contactId ?? '';

/** The route table, exported so unit tests can call it without the auth middleware. */
export const accountRoutes: Record<string, Route> = {
  'GET /v1/accounts': {
    role: 'viewer',
    handle: async (req) => {
      const q = parseQuery(req.event, accountListQuery);
      const view = await entityStore.read(req.principal.tenantId);
      const res = listPage(() => view.accountsIndex().query({ ...accountQueryOf(q), limit: q.limit, cursor: q.cursor }));
      return json(200, { items: res.items.map(toApiAccount), nextCursor: res.nextCursor, total: res.total, facets: res.facets });
    },
  },

  'GET /v1/accounts/export': {
    role: 'viewer',
    handle: async (req) => {
      const q = parseQuery(req.event, accountExportQuery);
      const view = await entityStore.read(req.principal.tenantId);
      const items = view.accountsIndex().filter(accountQueryOf(q));
      return json(200, await exportEntities(req.principal.tenantId, 'accounts', q.format, items, ACCOUNT_EXPORT_COLUMNS));
    },
  },

  'GET /v1/accounts/{accountId}': {
    role: 'viewer',
    handle: async (req) => {
      const view = await entityStore.read(req.principal.tenantId);
      const account = view.account(accountId(req));
      if (!account) throw notFound('Account');
      return json(200, toApiAccountDetail(account, view.contactsOf(account.accountId), await accountInsights(req.principal.tenantId, account)));
    },
  },

  'PATCH /v1/accounts/{accountId}': {
    role: 'member',
    handle: async (req) => {
      const body = parseBody(req.event, accountPatchBody);
      const updated = await edit(req.principal.tenantId, (book) => patchAccount(book, accountId(req), body, now()));
      if (!updated) throw notFound('Account');
      return json(200, toApiAccount(updated));
    },
  },

  'DELETE /v1/accounts/{accountId}': {
    role: 'admin',
    handle: async (req) => {
      if (!(await edit(req.principal.tenantId, (book) => deleteAccount(book, accountId(req), now())))) throw notFound('Account');
      return noContent();
    },
  },

  'POST /v1/accounts/{accountId}/merge': {
    role: 'member',
    handle: async (req) => {
      const { otherId } = parseBody(req.event, mergeBody);
      if (otherId === accountId(req)) throw badRequest('Request body is invalid', [{ field: 'otherId', message: 'an account cannot be merged into itself' }]);
      const view = await entityStore.read(req.principal.tenantId);
      if (!view.account(accountId(req))) throw notFound('Account');
      if (!view.account(otherId)) throw notFound('Account otherId');
      const merged = await edit(req.principal.tenantId, (book) => mergeAccounts(book, accountId(req), otherId, now()));
      if (!merged) throw notFound('Account');
      return json(200, toApiAccount(merged));
    },
  },

  'POST /v1/accounts/{accountId}/insights/refresh': {
    role: 'member',
    handle: async (req) => {
      const view = await entityStore.read(req.principal.tenantId);
      const account = view.account(accountId(req));
      if (!account) throw notFound('Account');
      return json(200, await refreshInsights(req.principal.tenantId, account));
    },
  },

  'GET /v1/settings/icp': {
    role: 'viewer',
    handle: async (req) => json(200, { text: (await entityStore.getSetting<string>(req.principal.tenantId, 'icp')) ?? null }),
  },

  'PUT /v1/settings/icp': {
    role: 'admin',
    handle: async (req) => {
      const body = parseBody(req.event, icpBody);
      await entityStore.putSetting(req.principal.tenantId, 'icp', body.text);
      return json(200, { text: body.text });
    },
  },

  'GET /v1/contacts': {
    role: 'viewer',
    handle: async (req) => {
      const q = parseQuery(req.event, contactListQuery);
      const view = await entityStore.read(req.principal.tenantId);
      const res = listPage(() => view.contactsIndex().query(q));
      return json(200, { items: res.items.map(toApiContact), nextCursor: res.nextCursor, total: res.total });
    },
  },

  'GET /v1/contacts/export': {
    role: 'viewer',
    handle: async (req) => {
      const q = parseQuery(req.event, contactExportQuery);
      const view = await entityStore.read(req.principal.tenantId);
      return json(200, await exportEntities(req.principal.tenantId, 'contacts', q.format, view.contactsIndex().filter(q), CONTACT_EXPORT_COLUMNS));
    },
  },

  'GET /v1/contacts/{contactId}': {
    role: 'viewer',
    handle: async (req) => {
      const contact = (await entityStore.read(req.principal.tenantId)).contact(contactId(req));
      if (!contact) throw notFound('Contact');
      return json(200, toApiContactDetail(contact));
    },
  },

  'PATCH /v1/contacts/{contactId}': {
    role: 'member',
    handle: async (req) => {
      const body = parseBody(req.event, contactPatchBody);
      const updated = await edit(req.principal.tenantId, (book) => patchContact(book, contactId(req), body, now()));
      if (!updated) throw notFound('Contact');
      return json(200, toApiContact(updated));
    },
  },

  'DELETE /v1/contacts/{contactId}': {
    role: 'admin',
    handle: async (req) => {
      if (!(await edit(req.principal.tenantId, (book) => deleteContact(book, contactId(req))))) throw notFound('Contact');
      return noContent();
    },
  },
};

export const handler = httpApi(accountRoutes);
