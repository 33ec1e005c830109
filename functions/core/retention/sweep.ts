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
}

/** The three entries of a new job: its file, its outputs' prefix and its record, each at its own time. */
export function expiryEntriesFor(job: { tenantId: string; jobId: string; source: { bucket: string; key: string }; retention: JobRetention }): ExpiryEntry[] {
  const { tenantId, jobId, source, retention } = job;
  return [
    { tenantId, jobId, part: 'upload', at: retention.uploadExpiresAt, bucket: source.bucket, key: source.key },
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
  /** delete one object; its size, or undefined when it was already gone */
  deleteObject(bucket: string, key: string): Promise<number | undefined>;
  /** delete every object under a prefix; how many */
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
  /** objects deleted (uploads and outputs) */
  objects: number;
  /** bytes taken off the tenants' stored bytes */
  bytesFreed: number;
  /** entries were still due when the run stopped at its limit (the next run goes on) */
  more: boolean;
}

/**
 * Delete everything whose retention has passed at `now`. Each entry is idempotent: an object
 * already gone frees nothing, so a run that stops between deleting and marking an entry done
 * (a crash, a timeout) repeats it without taking the bytes off twice. Entries are independent:
 * a job's record may go before its files (equal days) and its files still go.
 */
export async function sweepExpired(ports: RetentionSweepPorts, now: Date, opts: { batch?: number; maxEntries?: number } = {}): Promise<SweepReport> {
  const batch = opts.batch ?? 200;
  const maxEntries = opts.maxEntries ?? 10_000;
  const report: SweepReport = { uploads: 0, outputs: 0, records: 0, objects: 0, bytesFreed: 0, more: false };
  let seen = 0;
  for (;;) {
    const entries = await ports.due(now, Math.min(batch, maxEntries - seen));
    if (entries.length === 0) return report;
    await forEachGroup(entries, async (entry) => {
      await expire(ports, entry, now, report);
      await ports.done(entry);
    });
    seen += entries.length;
    if (seen >= maxEntries) {
      report.more = (await ports.due(now, 1)).length > 0;
      return report;
    }
  }
}

/** Entries handled at once: each is a few S3 and DynamoDB calls, mostly waiting. */
const CONCURRENCY = 8;

/**
 * Run `fn` over the entries, CONCURRENCY at a time, but the entries of one object (two jobs
 * over one upload) one after the other: two at once could both find the object and take its
 * bytes off twice.
 */
async function forEachGroup(entries: ExpiryEntry[], fn: (entry: ExpiryEntry) => Promise<void>): Promise<void> {
  const groups = new Map<string, ExpiryEntry[]>();
  for (const e of entries) {
    const id = `${e.bucket}\n${e.key || `${e.tenantId}/${e.jobId}`}`;
    groups.set(id, [...(groups.get(id) ?? []), e]);
  }
  const queue = [...groups.values()];
  const worker = async () => {
    for (let group = queue.shift(); group; group = queue.shift()) for (const entry of group) await fn(entry);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
}

async function expire(ports: RetentionSweepPorts, entry: ExpiryEntry, now: Date, report: SweepReport): Promise<void> {
  const at = now.toISOString();
  if (entry.part === 'upload') {
    const size = await ports.deleteObject(entry.bucket, entry.key);
    if (size !== undefined) {
      report.objects += 1;
      // the stored-bytes quota counts uploads: what is deleted is no longer kept
      await ports.noteStored(entry.tenantId, -size);
      report.bytesFreed += size;
    }
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
