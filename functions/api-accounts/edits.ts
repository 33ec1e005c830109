import type { ApiRequest } from '../shared/http/api.ts';
import { json, noContent } from '../shared/http/responses.ts';
import { parseBody } from '../shared/http/request-input.ts';
import { badRequest, conflict, notFound } from '../shared/http/errors.ts';
import { entityStore } from '../adapters/entity-store.ts';
import { toApiAccount, toApiContact } from '../core/entities/api-shape.ts';
import { deleteAccount as deleteAccountIn, deleteContact as deleteContactIn, EntityEditError, mergeAccounts, patchAccount as patchAccountIn, patchContact as patchContactIn } from '../core/entities/edits.ts';
import { accountPatchBody, contactPatchBody, icpBody, mergeBody } from '../shared/contract/accounts.ts';

/** The accounts API's edits: the body contracts and the edit rules (handler.ts loads this module on their first request). */

/** Store edits that contradict the store (a domain another account holds) are conflicts naming the field. */
async function edit<R>(tenantId: string, change: Parameters<typeof entityStore.change<R>>[1]): Promise<R> {
  try {
    return (await entityStore.change(tenantId, change)).result;
  } catch (err) {
    if (err instanceof EntityEditError) throw conflict(err.message, [{ field: err.field, message: err.message }]);
    throw err;
  }
}

const now = () => new Date().toISOString();
const accountId = (req: ApiRequest) => req.params.accountId ?? '';
const contactId = (req: ApiRequest) => req.params.contactId ?? '';

export async function patchAccount(req: ApiRequest) {
  const body = parseBody(req.event, accountPatchBody);
  const updated = await edit(req.principal.tenantId, (book) => patchAccountIn(book, accountId(req), body, now()));
  if (!updated) throw notFound('Account');
  return json(200, toApiAccount(updated));
}

export async function deleteAccount(req: ApiRequest) {
  if (!(await edit(req.principal.tenantId, (book) => deleteAccountIn(book, accountId(req), now())))) throw notFound('Account');
  return noContent();
}

export async function mergeAccount(req: ApiRequest) {
  const { otherId } = parseBody(req.event, mergeBody);
  if (otherId === accountId(req)) throw badRequest('Request body is invalid', [{ field: 'otherId', message: 'an account cannot be merged into itself' }]);
  const view = await entityStore.read(req.principal.tenantId);
  if (!view.account(accountId(req))) throw notFound('Account');
  if (!view.account(otherId)) throw notFound('Account otherId');
  const merged = await edit(req.principal.tenantId, (book) => mergeAccounts(book, accountId(req), otherId, now()));
  if (!merged) throw notFound('Account');
  return json(200, toApiAccount(merged));
}

export async function putIcp(req: ApiRequest) {
  const body = parseBody(req.event, icpBody);
  await entityStore.putSetting(req.principal.tenantId, 'icp', body.text);
  return json(200, { text: body.text });
}

export async function patchContact(req: ApiRequest) {
  const body = parseBody(req.event, contactPatchBody);
  const updated = await edit(req.principal.tenantId, (book) => patchContactIn(book, contactId(req), body, now()));
  if (!updated) throw notFound('Contact');
  return json(200, toApiContact(updated));
}

export async function deleteContact(req: ApiRequest) {
  if (!(await edit(req.principal.tenantId, (book) => deleteContactIn(book, contactId(req))))) throw notFound('Contact');
  return noContent();
}
