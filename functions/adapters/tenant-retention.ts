import { tenantStore } from './tenant-store.ts';
import { expirySchedule } from './expiry-schedule.ts';
import { uploadStore } from './upload-store.ts';
import { applyRetentionOverrides, jobRetention, recordExpiryEpoch, resolveRetention, type TenantRetention } from '../core/retention/retention.ts';
import { expiryEntriesFor } from '../core/retention/sweep.ts';
import { DomainError } from '../core/errors.ts';
import type { JobRecord } from '../core/jobs/job.ts';

/** A retention change that would leave the tenant's setting inconsistent; `field` is the one to name. */
export class RetentionSettingError extends DomainError {
  constructor(
    readonly field: keyof TenantRetention,
    message: string,
  ) {
    super(message);
  }
}

/** The tenant's retention as it applies now: its overrides over the defaults. */
export async function tenantRetention(tenantId: string): Promise<{ retention: TenantRetention; overrides: Partial<TenantRetention> }> {
  const overrides = (await tenantStore.get(tenantId))?.retention ?? {};
  return { retention: resolveRetention(overrides), overrides };
}

/** Change some of a tenant's retention (an admin through the API, or the operator); throws RetentionSettingError. */
export async function setTenantRetention(tenantId: string, change: Partial<TenantRetention>): Promise<{ retention: TenantRetention; overrides: Partial<TenantRetention> }> {
  const merged = applyRetentionOverrides((await tenantStore.get(tenantId))?.retention, change);
  if ('field' in merged) throw new RetentionSettingError(merged.field, merged.message);
  await tenantStore.setRetention(tenantId, merged.overrides);
  return merged;
}

/** A new job over an upload whose file is already due for deletion (an earlier job's retention): it cannot be held longer. */
export class UploadExpiredError extends DomainError {}

/**
 * Give a new job (not yet stored) its expiry times from its tenant's retention now, schedule
 * them, and hold its upload's file until its own upload expiry (an earlier job over the same
 * upload must not delete the file under it). The schedule is written first: a crash before
 * the job is stored leaves entries whose job never came, and their file still goes; never a
 * job that never expires, nor a file held with no entry to delete it. Throws
 * UploadExpiredError when the file is due already.
 */
export async function scheduleExpiry(job: JobRecord): Promise<JobRecord> {
  const retention = jobRetention(job.createdAt, (await tenantRetention(job.tenantId)).retention);
  const withRetention = { ...job, retention, expiresAtEpoch: recordExpiryEpoch(retention) };
  await expirySchedule.add(expiryEntriesFor(withRetention));
  const { sessionId } = job.source;
  if (sessionId && !(await uploadStore.holdFile(job.tenantId, sessionId, retention.uploadExpiresAt, new Date()))) {
    throw new UploadExpiredError('The uploaded file has passed its retention and is no longer kept; upload it again');
  }
  return withRetention;
}
