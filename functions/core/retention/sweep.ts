import type { ExpiringPart, JobRetention } from './retention.ts';
import { jobKeys } from '../jobs/keys.ts';

/**
 * One thing to delete at one time: a job's uploaded file, its outputs (every object under its
 * prefix) or its record. Written when the job is created, before the job itself, so no job
 * exists without its expiry scheduled; an entry whose job never came still deletes its file.
 */
export interface ExpiryEntry {
  tenantId: string;
  jobId: string;
  part: ExpiringPart;
  /** when it is due (ISO 8601) */
  at: string;
  bucket: string;
  /** the upload's object key, or the outputs' prefix (ends with "/"); empty for the record */
  key: string;
  /**
   * The upload session the file belongs to (upload entries): it says how long the file is
   * held (several jobs may run over one upload) and what the file counts in stored bytes.
   */
  sessionId?: string;
}

/** The three entries of a new job: its file, its outputs' prefix and its record, each at its own time. */
export function expiryEntriesFor(job: { tenantId: string; jobId: string; source: { bucket: string; key: string; sessionId?: string }; retention: JobRetention }): ExpiryEntry[] {
  const { tenantId, jobId, source, retention } = job;
  const session = source.sessionId ? { sessionId: source.sessionId } : {};
  return [
    { tenantId, jobId, part: 'upload', at: retention.uploadExpiresAt, bucket: source.bucket, key: source.key, ...session },
    { tenantId, jobId, part: 'outputs', at: retention.outputsExpireAt, bucket: source.bucket, key: `${jobKeys.prefix(tenantId, jobId)}/` },
    { tenantId, jobId, part: 'record', at: retention.recordExpiresAt, bucket: source.bucket, key: '' },
  ];
}

/** The stores the sweep works on (adapters/retention-sweeper.ts wires the real ones). */
export interface RetentionSweepPorts {
  /** entries due at `now`, oldest first, at most `limit` */
  due(now: Date, limit: number): Promise<ExpiryEntry[]>;
  /** the entry is done: it is never returned again */
  done(entry: ExpiryEntry): Promise<void>;
  /** until when the session's file is held: the latest upload expiry of the jobs over it (undefined: no session, or none recorded) */
  heldUntil(tenantId: string, sessionId: string): Promise<string | undefined>;
  /** delete one object; true when it was there */
  deleteObject(bucket: string, key: string): Promise<boolean>;
  /**
   * Take the session's file off the stored bytes: what it counted, once. The first caller
   * gets the bytes (a conditional write), every later one (a repeated entry, an overlapping
   * run, another job's entry) 0; also 0 for a file that was never counted.
   */
  releaseStored(tenantId: string, sessionId: string): Promise<number>;
  /** delete every object under a prefix; how many (throws when some could not be deleted) */
  deletePrefix(bucket: string, prefix: string): Promise<number>;
  /** note on the job (if it still exists) that the part is deleted */
  markSwept(tenantId: string, jobId: string, part: 'upload' | 'outputs', at: string): Promise<void>;
  deleteRecord(tenantId: string, jobId: string): Promise<void>;
  /** add to (negative: take off) the tenant's stored bytes */
  noteStored(tenantId: string, bytes: number): Promise<void>;
}

export interface SweepReport {
  uploads: number;
  outputs: number;
  records: number;
  /** upload entries whose file a later job over the same upload still holds (left in place) */
  held: number;
  /** objects deleted (uploads and outputs) */
  objects: number;
  /** bytes taken off the tenants' stored bytes */
  bytesFreed: number;
  /** entries that failed; they stay scheduled and the next run tries them again */
  failed: number;
  /** the first few failures, for the log */
  errors: { tenantId: string; jobId: string; part: ExpiringPart; message: string }[];
  /** entries were still due when the run stopped (at its limit, or out of time): the next run goes on */
  more: boolean;
}

export interface SweepOptions {
  /** entries read at a time (200) */
  batch?: number;
  /** entries one run handles at most (10,000) */
  maxEntries?: number;
  /** the run's time left in ms (a Lambda's getRemainingTimeInMillis); none: no bound */
  remainingMs?: () => number;
}

/**
 * No entry starts with less time left than this: one entry is a few calls, but a job's
 * outputs may be thousands of objects, and an entry cut off by the timeout is only repeated.
 */
export const STOP_MARGIN_MS = 60_000;

/** Entries handled at once: each is a few S3 and DynamoDB calls, mostly waiting. */
const CONCURRENCY = 8;
const MAX_REPORTED_ERRORS = 10;

const entryId = (e: ExpiryEntry) => `${e.at}#${e.part}#${e.tenantId}#${e.jobId}`;

/**
 * Delete everything whose retention has passed at `now`. Each entry is idempotent, and a file's
 * bytes leave the stored bytes once whatever runs at once (Lambda's async invocation may deliver
 * a run twice, and a run may overlap the next): a run that stops between deleting and marking an
 * entry done (a crash, a timeout) repeats it harmlessly. Entries are independent: a job's record
 * may go before its files (equal days) and its files still go. A failed entry stays scheduled
 * and is not read again in the same run; the run stops before its time runs out.
 */
export async function sweepExpired(ports: RetentionSweepPorts, now: Date, opts: SweepOptions = {}): Promise<SweepReport> {
  const batch = opts.batch ?? 200;
  const maxEntries = opts.maxEntries ?? 10_000;
  const outOfTime = () => opts.remainingMs !== undefined && opts.remainingMs() < STOP_MARGIN_MS;
  const report: SweepReport = { uploads: 0, outputs: 0, records: 0, held: 0, objects: 0, bytesFreed: 0, failed: 0, errors: [], more: false };
  const failed = new Set<string>();
  let seen = 0;
  while (seen < maxEntries) {
    if (outOfTime()) break;
    // read past this run's failures, which are still scheduled
    const limit = Math.min(batch, maxEntries - seen);
    const entries = (await ports.due(now, limit + failed.size)).filter((e) => !failed.has(entryId(e))).slice(0, limit);
    if (entries.length === 0) return report;
    const started = await forEachEntry(entries, outOfTime, async (entry) => {
      try {
        await expire(ports, entry, now, report);
        await ports.done(entry);
      } catch (err) {
        failed.add(entryId(entry));
        report.failed += 1;
        const message = err instanceof Error ? err.message : String(err);
        if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push({ tenantId: entry.tenantId, jobId: entry.jobId, part: entry.part, message });
      }
    });
    seen += started;
    // Stryker disable next-line ConditionalExpression: equivalent, an entry is left unstarted only once the run is out of time, which the loop's next check finds too (the time left only falls)
    if (started < entries.length) break;
  }
  report.more = (await ports.due(now, failed.size + 1)).some((e) => !failed.has(entryId(e)));
  return report;
}

/** Run `fn` over the entries, CONCURRENCY at a time, starting none once `stop()` says so; how many were started. */
async function forEachEntry(entries: ExpiryEntry[], stop: () => boolean, fn: (entry: ExpiryEntry) => Promise<void>): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < entries.length && !stop()) await fn(entries[next++]!);
  };
  // Stryker disable next-line MethodExpression: equivalent, workers beyond the entries find none left to start
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, entries.length) }, worker));
  return next;
}

async function expire(ports: RetentionSweepPorts, entry: ExpiryEntry, now: Date, report: SweepReport): Promise<void> {
  const at = now.toISOString();
  if (entry.part === 'upload') {
    await expireUpload(ports, entry, report);
    await ports.markSwept(entry.tenantId, entry.jobId, 'upload', at);
    report.uploads += 1;
  } else if (entry.part === 'outputs') {
    // read the count first: `report.objects += await ...` would add to a total read before other entries' awaits
    const deleted = await ports.deletePrefix(entry.bucket, entry.key);
    report.objects += deleted;
    await ports.markSwept(entry.tenantId, entry.jobId, 'outputs', at);
    report.outputs += 1;
  } else {
    await ports.deleteRecord(entry.tenantId, entry.jobId);
    report.records += 1;
  }
}

/**
 * An upload entry deletes its file unless a later job over the same upload holds it longer
 * (that job's own entry deletes it), then takes what the file counted off the stored bytes.
 * The bytes follow the object's deletion, so a crash between the two leaves the entry, and its
 * repetition finds the object gone and still takes them off, once.
 */
async function expireUpload(ports: RetentionSweepPorts, entry: ExpiryEntry, report: SweepReport): Promise<void> {
  const heldUntil = entry.sessionId ? await ports.heldUntil(entry.tenantId, entry.sessionId) : undefined;
  const held =
    // Stryker disable next-line ConditionalExpression: equivalent, undefined > a date is false too
    heldUntil !== undefined &&
    heldUntil > entry.at;
  if (held) {
    report.held += 1;
    return;
  }
  if (await ports.deleteObject(entry.bucket, entry.key)) report.objects += 1;
  const bytes = entry.sessionId ? await ports.releaseStored(entry.tenantId, entry.sessionId) : 0;
  if (bytes > 0) {
    await ports.noteStored(entry.tenantId, -bytes);
    report.bytesFreed += bytes;
  }
}
