import { parseArgs } from 'node:util';
import { displayNameSchema } from '../../../functions/shared/contract/common.ts';
import { GLOBAL_OPTIONS, printJson, type Command } from '../target.ts';
import { OPERATOR_OPTIONS, withOperatorTables } from '../operator.ts';
import { resolveQuotas, type TenantQuotas } from '../../../functions/core/quotas/limits.ts';
import { MAX_RETENTION_DAYS, type TenantRetention } from '../../../functions/core/retention/retention.ts';

const USAGE = [
  '  admin tenants create <name> [--stage S]            a new tenant and its first admin API key (printed once)',
  '  admin tenants list [--stage S]                     every tenant, with its status',
  '  admin tenants disable|enable <tenantId> [--stage S] stop or restore a tenant\'s keys and upload tokens',
  '  admin tenants set-quota <tenantId> [--concurrent-jobs N] [--upload-bytes-per-day N] [--stored-bytes N] [--stage S]',
  '                                                     override a tenant\'s quotas (the others keep theirs)',
  '  admin tenants set-retention <tenantId> [--uploads-days N] [--outputs-days N] [--job-records-days N] [--stage S]',
  '                                                     how long a tenant\'s files, outputs and job records are kept (new jobs)',
  '    (operator commands: with --stage they use your AWS credentials on that deployed stage\'s',
  '     tables; without, the local data folder. No API key involved.)',
].join('\n');

/** The service operator's commands: tenants, managed straight in the stack's tables. */
export const adminCommand: Command = {
  usage: USAGE,
  async run(argv) {
    const { values: flags, positionals } = parseArgs({ args: argv, options: { ...GLOBAL_OPTIONS, ...OPERATOR_OPTIONS, ...QUOTA_OPTIONS, ...RETENTION_OPTIONS }, allowPositionals: true, strict: true });
    const [group, sub, arg] = positionals;
    if (group !== 'tenants') throw new Error(`Unknown admin command '${group ?? ''}': use 'admin tenants create|list|disable|enable'`);
    if (sub === 'create') {
      const name = displayNameSchema.safeParse(arg ?? '');
      if (!name.success) throw new Error(`admin tenants create needs a tenant name: ${name.error.issues[0]?.message ?? 'invalid'}`);
      return withOperatorTables(flags, async () => createTenant(name.data, flags.json));
    }
    if (sub === 'list') return withOperatorTables(flags, async () => listTenants(flags.json));
    if (sub === 'disable' || sub === 'enable') {
      if (!arg) throw new Error(`admin tenants ${sub} needs a tenant id (see 'admin tenants list')`);
      return withOperatorTables(flags, async () => setStatus(arg, sub === 'disable' ? 'disabled' : 'active', flags.json));
    }
    if (sub === 'set-quota') {
      if (!arg) throw new Error('admin tenants set-quota needs a tenant id (see \'admin tenants list\')');
      const quotas = quotaFlags(flags);
      return withOperatorTables(flags, async () => setQuota(arg, quotas, flags.json));
    }
    if (sub === 'set-retention') {
      if (!arg) throw new Error('admin tenants set-retention needs a tenant id (see \'admin tenants list\')');
      const change = retentionFlags(flags);
      return withOperatorTables(flags, async () => setRetention(arg, change, flags.json));
    }
    throw new Error(`Unknown admin tenants command '${sub ?? ''}': use create, list, disable, enable, set-quota or set-retention`);
  },
};

const QUOTA_OPTIONS = {
  'concurrent-jobs': { type: 'string' },
  'upload-bytes-per-day': { type: 'string' },
  'stored-bytes': { type: 'string' },
} as const;

const QUOTA_FLAGS: Record<keyof typeof QUOTA_OPTIONS, keyof TenantQuotas> = {
  'concurrent-jobs': 'concurrentJobs',
  'upload-bytes-per-day': 'uploadBytesPerDay',
  'stored-bytes': 'storedBytes',
};

/** The quota flags given, each a positive whole number; at least one. */
const quotaFlags = (flags: Readonly<Record<string, unknown>>): Partial<TenantQuotas> =>
  wholeNumberFlags(flags, QUOTA_FLAGS, { min: 1, max: Number.MAX_SAFE_INTEGER, rule: 'a whole number of at least 1' }, 'admin tenants set-quota needs --concurrent-jobs, --upload-bytes-per-day or --stored-bytes');

/** The flags of `names` (flag -> setting) that were given, each a whole number within the bounds; at least one, or `none` is the error. */
function wholeNumberFlags<K extends string>(flags: Readonly<Record<string, unknown>>, names: Record<string, K>, bounds: { min: number; max: number; rule: string }, none: string): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const [flag, key] of Object.entries(names)) {
    const text = flags[flag];
    if (typeof text !== 'string') continue;
    const value = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < bounds.min || value > bounds.max) throw new Error(`--${flag} must be ${bounds.rule}, not '${text}'`);
    out[key] = value;
  }
  if (Object.keys(out).length === 0) throw new Error(none);
  return out;
}

const RETENTION_OPTIONS = {
  'uploads-days': { type: 'string' },
  'outputs-days': { type: 'string' },
  'job-records-days': { type: 'string' },
} as const;

const RETENTION_FLAGS: Record<keyof typeof RETENTION_OPTIONS, keyof TenantRetention> = {
  'uploads-days': 'uploadsDays',
  'outputs-days': 'outputsDays',
  'job-records-days': 'jobRecordsDays',
};

/** The retention flags given, in the bounds PUT /v1/settings/retention checks; at least one. */
const retentionFlags = (flags: Readonly<Record<string, unknown>>): Partial<TenantRetention> =>
  wholeNumberFlags(flags, RETENTION_FLAGS, { min: 1, max: MAX_RETENTION_DAYS, rule: `a whole number of days from 1 to ${MAX_RETENTION_DAYS}` }, 'admin tenants set-retention needs --uploads-days, --outputs-days or --job-records-days');

async function setRetention(tenantId: string, change: Partial<TenantRetention>, json?: boolean): Promise<number> {
  const { setTenantRetention, RetentionSettingError } = await import('../../../functions/adapters/tenant-retention.ts');
  let result;
  try {
    result = await setTenantRetention(tenantId, change);
  } catch (err) {
    if (!(err instanceof RetentionSettingError)) throw err;
    const flag = Object.entries(RETENTION_FLAGS).find(([, key]) => key === err.field)?.[0];
    throw new Error(`--${flag}: ${err.message}`);
  }
  await recordOperatorAction(tenantId, 'tenant.set_retention');
  if (json) printJson({ tenantId, ...result.retention, overrides: result.overrides });
  else process.stdout.write(`Tenant ${tenantId} retention (days, for jobs created from now on): ${Object.entries(result.retention).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
  return 0;
}

async function setQuota(tenantId: string, quotas: Partial<TenantQuotas>, json?: boolean): Promise<number> {
  const { tenantStore } = await import('../../../functions/adapters/tenant-store.ts');
  const tenant = await tenantStore.setQuotas(tenantId, quotas);
  await recordOperatorAction(tenantId, 'tenant.set_quota');
  const effective = resolveQuotas(tenant.quotas);
  if (json) printJson({ ...tenant, effectiveQuotas: effective });
  else process.stdout.write(`Tenant ${tenantId} quotas: ${Object.entries(effective).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
  return 0;
}

async function createTenant(name: string, json?: boolean): Promise<number> {
  const { tenantStore } = await import('../../../functions/adapters/tenant-store.ts');
  const { apiKeyStore } = await import('../../../functions/adapters/api-key-store.ts');
  const tenant = await tenantStore.create(name);
  const { apiKey, keyId } = await apiKeyStore.issue({ tenantId: tenant.tenantId, role: 'admin', name: 'first admin key' });
  await recordOperatorAction(tenant.tenantId, 'tenant.create');
  if (json) printJson({ tenant, apiKey, keyId });
  else
    process.stdout.write(
      `Tenant ${tenant.tenantId} ("${tenant.name}") created.\n` +
        `Its admin API key, shown this once (further keys: POST /v1/api-keys with it):\n  ${apiKey}\n`,
    );
  return 0;
}

async function listTenants(json?: boolean): Promise<number> {
  const { tenantStore } = await import('../../../functions/adapters/tenant-store.ts');
  const items = await tenantStore.list();
  if (json) printJson({ items });
  else if (items.length === 0) process.stdout.write('No tenants yet: admin tenants create <name>\n');
  else for (const t of items) process.stdout.write(`${t.tenantId.padEnd(32)} ${t.status.padEnd(8)} ${t.createdAt}  ${t.name}\n`);
  return 0;
}

async function setStatus(tenantId: string, status: 'active' | 'disabled', json?: boolean): Promise<number> {
  const { tenantStore } = await import('../../../functions/adapters/tenant-store.ts');
  const tenant = await tenantStore.setStatus(tenantId, status);
  if (!tenant) throw new Error(`No tenant ${tenantId} (see 'admin tenants list')`);
  await recordOperatorAction(tenantId, status === 'disabled' ? 'tenant.disable' : 'tenant.enable');
  if (json) printJson(tenant);
  else
    process.stdout.write(
      status === 'disabled'
        ? `Tenant ${tenantId} disabled: its keys and upload tokens are refused (tenant_disabled) within 30 s; running jobs finish.\n`
        : `Tenant ${tenantId} enabled.\n`,
    );
  return 0;
}

/** The tenant's audit trail shows what the operator did to it (actor "operator", no key, no address). */
async function recordOperatorAction(tenantId: string, action: 'tenant.create' | 'tenant.disable' | 'tenant.enable' | 'tenant.set_quota' | 'tenant.set_retention'): Promise<void> {
  const { auditStore } = await import('../../../functions/adapters/audit-store.ts');
  // The action is done (a new tenant's only key is about to be printed): a lost record is reported, never the action's failure.
  try {
    await auditStore.record({ tenantId, actor: { type: 'operator' }, action, targetId: tenantId, requestId: null, sourceIp: null, outcome: 'succeeded' });
  } catch (err) {
    process.stderr.write(`Warning: the audit record of ${action} for ${tenantId} was not written (${(err as Error).message})\n`);
  }
}
