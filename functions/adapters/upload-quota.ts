import { admissionStore } from './admission-store.ts';
import { tenantStore } from './tenant-store.ts';
import { QUOTA_CODES, QuotaExceededError, resolveQuotas, secondsUntilNextUtcDay, utcDay } from '../core/quotas/limits.ts';

const uploadedToday = (tenantId: string, at: Date) => ({ pk: `UPLOADED#${tenantId}`, sk: utcDay(at) });
const storedBy = (tenantId: string) => ({ pk: 'STORED', sk: tenantId });
/** a day's counter outlives its day by one (TTL on AWS): the day's answer stays readable until it no longer matters */
const dayCounterExpiry = (at: Date) => Math.floor(at.getTime() / 1000) + 2 * 24 * 3600;

/** The upload quotas: bytes uploaded per UTC day and bytes stored, per tenant. */
export const uploadQuota = {
  /**
   * Admit a new upload of `bytes` for the tenant and count it against today's upload bytes,
   * or throw QuotaExceededError (with Retry-After seconds for the daily quota). The day's
   * count is one conditional ADD, so parallel uploads cannot pass it together; the stored
   * bytes are read, so uploads in flight at once can pass that one by what they carry.
   */
  async admit(tenantId: string, bytes: number, at = new Date()): Promise<void> {
    const limits = resolveQuotas((await tenantStore.get(tenantId))?.quotas);
    const stored = await admissionStore.bytes(storedBy(tenantId));
    if (stored + bytes > limits.storedBytes) {
      throw new QuotaExceededError(
        QUOTA_CODES.storedBytes,
        `This upload (${bytes} bytes) would take the tenant's stored files to ${stored + bytes} bytes, over its quota of ${limits.storedBytes}; delete files or ask the operator for more`,
      );
    }
    if (!(await admissionStore.addWithin(uploadedToday(tenantId, at), bytes, limits.uploadBytesPerDay, dayCounterExpiry(at)))) {
      throw new QuotaExceededError(
        QUOTA_CODES.uploadBytesPerDay,
        `This upload (${bytes} bytes) would take today's uploads (UTC) past the tenant's quota of ${limits.uploadBytesPerDay} bytes a day`,
        secondsUntilNextUtcDay(at),
      );
    }
  },

  /** A file was stored for the tenant (negative: removed): what the stored-bytes quota counts. */
  async noteStored(tenantId: string, bytes: number): Promise<void> {
    await admissionStore.add(storedBy(tenantId), bytes);
  },
};
