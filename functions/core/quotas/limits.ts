import { DomainError } from '../errors.ts';

/** What one tenant may use at once or per day. Every tenant has these; an operator overrides any of them per tenant. */
export interface TenantQuotas {
  /** jobs running at the same time; more are queued (FIFO within the tenant, small files first) */
  concurrentJobs: number;
  /** bytes of new uploads per UTC day (counted when an upload is opened or a file lands in the inbox) */
  uploadBytesPerDay: number;
  /** bytes of uploaded files the service keeps for the tenant */
  storedBytes: number;
}

const GIB = 1024 ** 3;

/**
 * Defaults sized for a paying tenant of a small deployment: five parallel jobs keep the
 * pipeline's account concurrency shared, 50 GiB a day is ten 5 GiB files, 500 GiB stored is
 * about a month of that at the 30-day upload retention.
 */
export const DEFAULT_QUOTAS: Readonly<TenantQuotas> = { concurrentJobs: 5, uploadBytesPerDay: 50 * GIB, storedBytes: 500 * GIB };

/** The tenant's limits: its overrides over the defaults (an override that is no positive integer is ignored). */
export function resolveQuotas(overrides: Partial<TenantQuotas> | undefined): TenantQuotas {
  const out = { ...DEFAULT_QUOTAS };
  for (const key of Object.keys(DEFAULT_QUOTAS) as (keyof TenantQuotas)[]) {
    const value = overrides?.[key];
    const positiveCount =
      // Stryker disable next-line ConditionalExpression: equivalent, Number.isSafeInteger refuses whatever is not a number
      typeof value === 'number' &&
      Number.isSafeInteger(value) &&
      value > 0;
    if (positiveCount) out[key] = value;
  }
  return out;
}

/** The code an over-quota answer carries, one per quota (stable, documented). */
export const QUOTA_CODES = {
  uploadBytesPerDay: 'quota_upload_bytes_per_day',
  storedBytes: 'quota_stored_bytes',
} as const;

/**
 * A request that would take the tenant past a quota. `retryAfterSeconds` is set for a quota
 * that frees itself with time (the day's upload bytes): the edge answers 429 with Retry-After;
 * without it (stored bytes, which only deleting or expiring files frees) the answer is 403.
 */
export class QuotaExceededError extends DomainError {
  constructor(
    readonly code: (typeof QUOTA_CODES)[keyof typeof QUOTA_CODES],
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** The UTC day of an instant, `YYYY-MM-DD`: the period of per-day quotas and usage. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** Whole seconds until the next UTC midnight (at least 1): when a per-day quota starts over. */
export function secondsUntilNextUtcDay(at: Date): number {
  const next = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + 1);
  return Math.max(1, Math.ceil((next - at.getTime()) / 1000));
}

/**
 * Size tiers of queued jobs: a tenant's queue is served smallest tier first, FIFO within a
 * tier, so a 2 KB file is not held behind a 5 GB one that was queued before it. Tiers, not
 * exact sizes, so files of about one size keep their order. The price: while a tenant keeps
 * queueing small files, its own large ones wait (never another tenant's: tenants take turns).
 */
const TIER_BOUNDS = [10 * 1024 ** 2, 100 * 1024 ** 2, GIB];

/** 0 for files up to 10 MiB, 1 up to 100 MiB, 2 up to 1 GiB, 3 above. */
export function sizeTier(bytes: number): number {
  const i = TIER_BOUNDS.findIndex((bound) => bytes <= bound);
  return i === -1 ? TIER_BOUNDS.length : i;
}
