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

describe('computePercent, stage by stage', () => {
  const at = (status: JobRecord['status'], stage: JobRecord['stage'], progress: Partial<JobRecord['progress']> = {}, size = 1000) =>
    computePercent({ ...job(stage, progress), status, source: { size } } as Pick<JobRecord, 'status' | 'stage' | 'progress' | 'source'>);

  it('starts each stage where the one before it ends', () => {
    expect(at('running', 'classify')).toBe(0);
    expect(at('running', 'parse')).toBe(2);
    expect(at('running', 'map')).toBe(45);
    expect(at('running', 'enrich')).toBe(47);
    expect(at('running', 'persist')).toBe(97);
  });

  it('is 100 for a succeeded job and 0 for a queued one or one without a stage, whatever their counts', () => {
    expect(at('succeeded', 'persist')).toBe(100);
    expect(at('queued', 'parse', { bytesRead: 500 })).toBe(0);
    expect(at('running', undefined, { bytesRead: 500 })).toBe(0);
    expect(at('failed', 'parse', { bytesRead: 500 })).toBe(23.5);
  });

  it('moves through Parse by the share of bytes read, to one decimal', () => {
    expect(at('running', 'parse', { bytesRead: 500 })).toBe(23.5);
    expect(at('running', 'parse', { bytesRead: 1 }, 3)).toBe(16.3);
    expect(at('running', 'parse', { bytesRead: 2000 })).toBe(45);
    expect(at('running', 'parse', { bytesRead: 500 }, 0)).toBe(2);
  });

  it('moves through Enrich by rows written and rejected of rows read, or by bytes of a split file', () => {
    expect(at('running', 'enrich', { rowsRead: 100, rowsWritten: 40, rowsRejected: 10 })).toBe(72);
    expect(at('running', 'enrich', { rowsRead: 100, rowsWritten: 0, rowsRejected: 20 })).toBe(57);
    expect(at('running', 'enrich', { rowsRead: 0, rowsWritten: 5 })).toBe(47);
    expect(at('running', 'enrich', { bytesEnriched: 250, rowsRead: 100, rowsWritten: 100 })).toBe(59.5);
    expect(at('running', 'enrich', { bytesEnriched: 250 }, 0)).toBe(47);
  });
});

describe('computePercent counts bytes read in Parse only', () => {
  it('does not move Map or Persist by the bytes Parse read', () => {
    const at = (stage: JobRecord['stage']) => computePercent(job(stage, { bytesRead: 1000 }));
    expect([at('classify'), at('map'), at('persist')]).toEqual([0, 45, 97]);
  });
});
