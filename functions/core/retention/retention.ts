/** How long the service keeps a tenant's files and job records, in whole days. Every tenant has these; its admin overrides any of them. */
export interface TenantRetention {
  /** the uploaded file (an upload session's object or an inbox file), counted from the job's creation */
  uploadsDays: number;
  /** everything a job wrote under jobs/<tenant>/<job>/ (records, error report, downloads, parsed chunks) */
  outputsDays: number;
  /** the job's record itself (status, counts, mapping): what GET /v1/jobs/{id} reads */
  jobRecordsDays: number;
}

/** The defaults: a file is re-read within a month, results within a quarter, and the job's record answers audits for a year and a month. */
export const DEFAULT_RETENTION: Readonly<TenantRetention> = { uploadsDays: 30, outputsDays: 90, jobRecordsDays: 400 };

/**
 * The longest any retention may be (ten years). The bucket's lifecycle rules expire objects
 * one day after it, as a backstop should the sweep ever stop: nothing outlives it.
 */
export const MAX_RETENTION_DAYS = 3650;

/** A valid number of days for any of the three: a whole number from 1 to MAX_RETENTION_DAYS. */
const isRetentionDays = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_RETENTION_DAYS;

/** The tenant's retention: its overrides over the defaults (an override that is not a valid number of days is ignored). */
export function resolveRetention(overrides: Partial<TenantRetention> | undefined): TenantRetention {
  const out = { ...DEFAULT_RETENTION };
  for (const key of Object.keys(DEFAULT_RETENTION) as (keyof TenantRetention)[]) {
    if (isRetentionDays(overrides?.[key])) out[key] = overrides![key]!;
  }
  return out;
}

/**
 * A merged setting that would keep a job's files longer than its record: the files would
 * outlive the only thing that says whose they are and when they go. Returns the field to
 * name in a 400, or undefined when the setting holds.
 */
export function retentionProblem(r: TenantRetention): { field: keyof TenantRetention; message: string } | undefined {
  if (r.outputsDays > r.jobRecordsDays) return { field: 'outputsDays', message: `outputs cannot be kept longer than job records (${r.jobRecordsDays} days)` };
  if (r.uploadsDays > r.jobRecordsDays) return { field: 'uploadsDays', message: `uploads cannot be kept longer than job records (${r.jobRecordsDays} days)` };
  return undefined;
}

/**
 * A tenant's retention after an admin's change: the overrides merged over the current ones,
 * or the field that makes the result inconsistent.
 */
export function applyRetentionOverrides(
  current: Partial<TenantRetention> | undefined,
  change: Partial<TenantRetention>,
): { overrides: Partial<TenantRetention>; retention: TenantRetention } | { field: keyof TenantRetention; message: string } {
  const overrides = { ...current, ...change };
  const retention = resolveRetention(overrides);
  return retentionProblem(retention) ?? { overrides, retention };
}

/** What of a job expires, in the order it goes with the defaults. */
export const EXPIRING_PARTS = ['upload', 'outputs', 'record'] as const;
export type ExpiringPart = (typeof EXPIRING_PARTS)[number];

/**
 * When each part of a job goes, fixed when the job is created from its tenant's retention
 * then (a later change applies to later jobs), plus what the sweep has already deleted.
 */
export interface JobRetention {
  uploadExpiresAt: string;
  outputsExpireAt: string;
  recordExpiresAt: string;
  /** set by the sweep once the part is deleted */
  uploadExpiredAt?: string;
  outputsExpiredAt?: string;
}

const DAY_MS = 86_400_000;

/** The expiry times of a job created at `createdAt` under `retention`. */
export function jobRetention(createdAt: string, retention: TenantRetention): JobRetention {
  const at = Date.parse(createdAt);
  const plus = (d: number) => new Date(at + d * DAY_MS).toISOString();
  return { uploadExpiresAt: plus(retention.uploadsDays), outputsExpireAt: plus(retention.outputsDays), recordExpiresAt: plus(retention.jobRecordsDays) };
}

/** The TTL attribute (epoch seconds) of a job record: DynamoDB deletes it on AWS; every reader checks it too. */
export const recordExpiryEpoch = (r: JobRetention): number => Math.floor(Date.parse(r.recordExpiresAt) / 1000);

const expiryOf = (r: JobRetention, part: ExpiringPart): string =>
  part === 'upload' ? r.uploadExpiresAt : part === 'outputs' ? r.outputsExpireAt : r.recordExpiresAt;

/**
 * The part of the job that a read needing `needs` finds gone, if any: the record first (an
 * expired record stands for the whole job), then the part itself. A part is gone once its
 * time has passed, whether or not the sweep (or DynamoDB TTL) has deleted it yet, so a read
 * never depends on when the sweep last ran. A job without retention (created before it
 * existed) never expires.
 */
export function expiredPart(job: { retention?: JobRetention }, needs: ExpiringPart, now: number): { part: ExpiringPart; expiredAt: string } | undefined {
  const r = job.retention;
  if (!r) return undefined;
  const parts: readonly ExpiringPart[] =
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, without it a read of the record checks the record twice, with the same answer
    needs === 'record'
      ? ['record']
      : ['record', needs];
  for (const part of parts) {
    const at = expiryOf(r, part);
    if (Date.parse(at) <= now) return { part, expiredAt: at };
    const swept = part === 'upload' ? r.uploadExpiredAt : part === 'outputs' ? r.outputsExpiredAt : undefined;
    if (swept) return { part, expiredAt: swept };
  }
  return undefined;
}

/** The public view of a job's retention (GET /v1/jobs/{id}): when each part goes, and whether it is gone. */
export function retentionView(r: JobRetention | undefined, now: number) {
  if (!r) return null;
  const gone = (part: ExpiringPart) => expiredPart({ retention: r }, part, now)?.part === part;
  return {
    uploadExpiresAt: r.uploadExpiresAt,
    outputsExpireAt: r.outputsExpireAt,
    recordExpiresAt: r.recordExpiresAt,
    uploadExpired: gone('upload'),
    outputsExpired: gone('outputs'),
  };
}
