import type { ApiRequest } from '../shared/http/api.ts';
import { json } from '../shared/http/responses.ts';
import { parseBody } from '../shared/http/request-input.ts';
import { badRequest } from '../shared/http/errors.ts';
import { retentionOverridesSchema } from '../shared/contract/admin.ts';
import { DEFAULT_RETENTION, type TenantRetention } from '../core/retention/retention.ts';
import { RetentionSettingError, setTenantRetention, tenantRetention } from '../adapters/tenant-retention.ts';

/* The tenant's retention settings (handler.ts loads this module on its first request). */

const retentionAnswer = (tenantId: string, r: { retention: TenantRetention; overrides: Partial<TenantRetention> }) =>
  json(200, { tenantId, ...r.retention, defaults: DEFAULT_RETENTION, overrides: r.overrides });

/** PUT /v1/settings/retention: some of the tenant's retention; jobs created from now on get it. */
export async function setRetention(req: ApiRequest) {
  const change = parseBody(req.event, retentionOverridesSchema);
  try {
    return retentionAnswer(req.principal.tenantId, await setTenantRetention(req.principal.tenantId, change));
  } catch (err) {
    if (err instanceof RetentionSettingError) throw badRequest('Retention is inconsistent', [{ field: err.field, message: err.message }]);
    throw err;
  }
}

/** GET /v1/settings/retention: the tenant's retention, with the defaults and what it overrides. */
export async function getRetention(req: ApiRequest) {
  return retentionAnswer(req.principal.tenantId, await tenantRetention(req.principal.tenantId));
}
