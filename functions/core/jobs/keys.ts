/**
 * S3 key layout for a job's objects. Keys are deterministic per attempt and chunk, so a
 * retried task overwrites its own output instead of adding duplicates.
 */
const pad = (n: number) => String(n).padStart(5, '0');
const base = (tenantId: string, jobId: string) => `jobs/${tenantId}/${jobId}`;

/**
 * A download is built once and reused, so a change to what goes into one gets a new name:
 * `records.v2.csv` has formula-neutralised cells, and a `records.csv` built before that
 * is never served again (it goes with the job's other objects).
 */
const DOWNLOAD_NAMES = { ndjson: 'records.ndjson', csv: 'records.v2.csv' } as const;

export const jobKeys = {
  prefix: base,
  parsedChunk: (tenantId: string, jobId: string, attempt: number, index: number) =>
    `${base(tenantId, jobId)}/a${attempt}/parsed/chunk-${pad(index)}.ndjson`,
  parsedSample: (tenantId: string, jobId: string, attempt: number) => `${base(tenantId, jobId)}/a${attempt}/parsed/sample.ndjson`,
  recordsPart: (tenantId: string, jobId: string, attempt: number, index: number) =>
    `${base(tenantId, jobId)}/a${attempt}/records/part-${pad(index)}.ndjson`,
  errorsPart: (tenantId: string, jobId: string, attempt: number, index: number) =>
    `${base(tenantId, jobId)}/a${attempt}/errors/part-${pad(index)}.ndjson`,
  /** a byte-range chunk's error report with rows counted from the range's start (Persist renumbers it into errorsPart) */
  rangeErrors: (tenantId: string, jobId: string, attempt: number, index: number) =>
    `${base(tenantId, jobId)}/a${attempt}/errors/range-${pad(index)}.ndjson`,
  /** a chunk's data-quality counts (Persist adds them up into the job's report) */
  qualityPart: (tenantId: string, jobId: string, attempt: number, index: number) =>
    `${base(tenantId, jobId)}/a${attempt}/quality/part-${pad(index)}.json`,
  manifest: (tenantId: string, jobId: string, attempt: number) => `${base(tenantId, jobId)}/a${attempt}/manifest.json`,
  download: (tenantId: string, jobId: string, attempt: number, format: 'ndjson' | 'csv') =>
    `${base(tenantId, jobId)}/a${attempt}/download/${DOWNLOAD_NAMES[format]}`,
};

/** Where an upload session's object goes; the tenant prefix keeps tenants apart in the bucket. */
export const uploadKey = (tenantId: string, sessionId: string, filename: string) =>
  `uploads/${tenantId}/${sessionId}/${sanitizeFilename(filename)}`;

/** Keep a readable name but nothing that could climb out of the prefix or break a URL. */
export function sanitizeFilename(filename: string): string {
  // Stryker disable next-line StringLiteral: equivalent, split always gives at least one part, so the fallback is never read
  const base = filename.split(/[\\/]/).pop() ?? 'file';
  const cleaned = base.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '');
  return (cleaned || 'file').slice(0, 200);
}
