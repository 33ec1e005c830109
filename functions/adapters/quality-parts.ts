import { objectStore } from './object-store.ts';
import { mergeQualityCounts, type QualityCounts } from '../core/quality/field-tally.ts';
import type { EnrichChunkResult } from '../core/pipeline-types.ts';

/** Chunks' quality counts read at once: a 150-chunk job reads them in ~19 rounds of small GETs. */
const PARALLEL_READS = 8;

/**
 * The job's data-quality counts: each chunk's (written by Enrich next to its records),
 * added up. A chunk without counts (a result from before they existed) adds nothing.
 */
export async function readQualityCounts(bucket: string, chunks: readonly EnrichChunkResult[]): Promise<QualityCounts> {
  const keys = chunks.flatMap((c) => (c.qualityKey === undefined ? [] : [c.qualityKey]));
  const parts: QualityCounts[] = [];
  for (let i = 0; i < keys.length; i += PARALLEL_READS) {
    const batch = await Promise.all(keys.slice(i, i + PARALLEL_READS).map((key) => objectStore.readAll(bucket, key)));
    for (const body of batch) parts.push(JSON.parse(body.toString('utf8')) as QualityCounts);
  }
  return mergeQualityCounts(parts);
}
