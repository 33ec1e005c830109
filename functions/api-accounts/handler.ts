import { z } from 'zod';
import { httpApi, json, noContent, parseBody, parseQuery, type ApiRequest, type Route } from '../shared/http.ts';
import { badRequest, conflict, notFound } from '../shared/http-errors.ts';
import { entityStore } from '../adapters/entity-store.ts';
import { exportEntities } from '../adapters/entity-export.ts';
import { accountInsights, refreshInsights } from '../adapters/account-insights.ts';
import { ACCOUNT_EXPORT_COLUMNS, CONTACT_EXPORT_COLUMNS, toApiAccount, toApiAccountDetail, toApiContact, toApiContactDetail } from '../core/entities/api-shape.ts';
import { deleteAccount, deleteContact, EntityEditError, mergeAccounts, patchAccount, patchContact } from '../core/entities/edits.ts';
import { accountDomain, emailKey, normalizeCountry, phoneKey } from '../core/entities/normalize.ts';
import { ACCOUNT_SORTS, QueryCursorError, type AccountQuery } from '../core/entities/query.ts';

const SORT_VALUES = [...ACCOUNT_SORTS, ...ACCOUNT_SORTS.map((s) => `-${s}` as const)] as const;
const text = (max: number) => z.string().trim().min(1).max(max);

const accountFilters = z
  .object({
    q: z.string().max(200).optional(),
    industry: text(200).optional(),
    technology: text(200).optional(),
    country: text(100).optional(),
    minEmployees: z.coerce.number().int().min(0).optional(),
    maxEmployees: z.coerce.number().int().min(0).optional(),
    sort: z.enum(SORT_VALUES).default('name'),
  })
  .refine((f) => f.minEmployees === undefined || f.maxEmployees === undefined || f.minEmployees <= f.maxEmployees, {
    message: 'must be at least minEmployees',
    path: ['maxEmployees'],
  });

const page = { limit: z.coerce.number().int().min(1).max(100).default(25), cursor: z.string().max(2048).optional() };
const accountListQuery = z.intersection(accountFilters, z.object(page));
const exportFormat = { format: z.enum(['csv', 'xlsx']).default('csv') };
const accountExportQuery = z.intersection(accountFilters, z.object(exportFormat));
const contactFilters = { q: z.string().max(200).optional(), accountId: text(128).optional() };
const contactListQuery = z.object({ ...contactFilters, ...page });
const contactExportQuery = z.object({ ...contactFilters, ...exportFormat });

/** A field of a PATCH body: a value, or null to clear it. */
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable().optional();
const atLeastOne = (b: Record<string, unknown>) => Object.values(b).some((v) => v !== undefined);

const accountPatchBody = z
  .object({
    name: nullable(text(300)),
    domain: nullable(
      text(300).transform((d, ctx) => {
        const domain = accountDomain(d);
        if (!domain) ctx.addIssue({ code: 'custom', message: 'not a company domain (a free-mail domain never names an account)' });
        return domain ?? d;
      }),
    ),
    industry: nullable(text(200)),
    employees: nullable(z.number().int().min(0)),
    annualRevenue: nullable(z.number().min(0)),
    country: nullable(text(100).transform((c) => normalizeCountry(c)?.name ?? c)),
    city: nullable(text(200)),
    technologies: z.array(text(100)).max(500).optional(),
  })
  .strict()
  .refine(atLeastOne, { message: 'give at least one field to change', path: ['(body)'] });

const contactPatchBody = z
  .object({
    firstName: nullable(text(200)),
    lastName: nullable(text(200)),
    fullName: nullable(text(300)),
    email: nullable(
      text(320).transform((e, ctx) => {
        const email = emailKey(e);
        if (!email) ctx.addIssue({ code: 'custom', message: 'not an e-mail address' });
        return email ?? e;
      }),
    ),
    phone: nullable(text(40).transform((p) => phoneKey(p) ?? p)),
    title: nullable(text(300)),
    company: nullable(text(300)),
    accountId: nullable(text(128)),
  })
  .strict()
  .refine(atLeastOne, { message: 'give at least one field to change', path: ['(body)'] });

const mergeBody = z.object({ otherId: text(128) });
const icpBody = z.object({ text: text(4000) });

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
