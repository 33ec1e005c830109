import type { ApiRequest } from '../shared/http/api.ts';
import { json } from '../shared/http/responses.ts';
import { notFound } from '../shared/http/errors.ts';
import { entityStore } from '../adapters/entity-store.ts';
import { accountInsights, refreshInsights } from '../adapters/account-insights.ts';
import { toApiAccountDetail, toApiContactDetail } from '../core/entities/api-shape.ts';

/** The accounts API's single items (an account's page with its insights, a contact, the ideal-customer profile): nothing to validate (handler.ts loads this module on their first request). */

export async function getAccount(req: ApiRequest) {
  const view = await entityStore.read(req.principal.tenantId);
  const account = view.account(req.params.accountId ?? '');
  if (!account) throw notFound('Account');
  return json(200, toApiAccountDetail(account, view.contactsOf(account.accountId), await accountInsights(req.principal.tenantId, account)));
}

export async function refreshAccountInsights(req: ApiRequest) {
  const view = await entityStore.read(req.principal.tenantId);
  const account = view.account(req.params.accountId ?? '');
  if (!account) throw notFound('Account');
  return json(200, await refreshInsights(req.principal.tenantId, account));
}

export async function getContact(req: ApiRequest) {
  const contact = (await entityStore.read(req.principal.tenantId)).contact(req.params.contactId ?? '');
  if (!contact) throw notFound('Contact');
  return json(200, toApiContactDetail(contact));
}

export async function getIcp(req: ApiRequest) {
  return json(200, { text: (await entityStore.getSetting<string>(req.principal.tenantId, 'icp')) ?? null });
}
