import type { JobRecord } from './job.ts';

/**
 * Where one Enrich chunk stands while it runs: absolute counts (a later report replaces an
 * earlier one, so a retried report adds nothing twice), stored on the job under its index.
 */
export interface LiveChunkCounts {
  attempt: number;
  index: number;
  /** rows the chunk has read; counted into rowsRead only for a byte range (Parse counted the others) */
  read: number;
  written: number;
  rejected: number;
  /** a byte range: its bytes read so far (a split file's Enrich progress is in bytes) */
  bytes?: number;
}

/**
 * The job's progress with the chunks still running added to what finished chunks committed:
 * the counts a subscriber sees move while rows move, not only when a chunk ends. A chunk
 * of another attempt, or one whose counts are committed already, adds nothing.
 */
export function withLiveProgress<T extends Pick<JobRecord, 'attempt' | 'progress' | 'enrichedChunks' | 'enrichLive'>>(job: T): T {
  const live = Object.values(job.enrichLive ?? {}).filter((c) => c.attempt === job.attempt && !job.enrichedChunks?.has(c.index));
  if (live.length === 0) return job;
  const progress = { ...job.progress };
  for (const chunk of live) {
    progress.rowsWritten += chunk.written;
    progress.rowsRejected += chunk.rejected;
    if (chunk.bytes !== undefined) {
      progress.rowsRead += chunk.read;
      progress.bytesEnriched = (progress.bytesEnriched ?? 0) + chunk.bytes;
    }
  }
  return { ...job, progress };
}
