import { describe, expect, it } from 'vitest';
import { computePercent, type JobRecord } from '../../functions/core/jobs/job.ts';

const job = (stage: JobRecord['stage'], progress: Partial<JobRecord['progress']>) =>
  ({
    status: 'running',
    stage,
    source: { size: 1000 },
    progress: { rowsRead: 0, rowsWritten: 0, rowsRejected: 0, rowsSkipped: 0, bytesRead: 0, ...progress },
  }) as Pick<JobRecord, 'status' | 'stage' | 'progress' | 'source'>;

describe('computePercent', () => {
  it('moves through Parse by bytes and Enrich by rows', () => {
    expect(computePercent(job('parse', { bytesRead: 0 }))).toBeLessThan(computePercent(job('parse', { bytesRead: 500 })));
    const half = computePercent(job('enrich', { rowsRead: 100, rowsWritten: 40, rowsRejected: 10 }));
    expect(half).toBeGreaterThan(computePercent(job('enrich', { rowsRead: 100 })));
    expect(half).toBeLessThan(computePercent(job('enrich', { rowsRead: 100, rowsWritten: 100 })));
  });

  it('moves through Enrich by bytes for a split file, whose rows are counted as its ranges finish', () => {
    const start = computePercent(job('enrich', { bytesEnriched: 0 }));
    const mid = computePercent(job('enrich', { bytesEnriched: 500, rowsRead: 50, rowsWritten: 50 }));
    const end = computePercent(job('enrich', { bytesEnriched: 1000, rowsRead: 100, rowsWritten: 100 }));
    expect(start).toBeLessThan(mid);
    expect(mid).toBeLessThan(end);
    // a retried range counted twice never pushes past the stage's end
    expect(computePercent(job('enrich', { bytesEnriched: 1500 }))).toBe(end);
  });
});
