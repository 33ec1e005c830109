import { describe, expect, it } from 'vitest';
import type { JobSummary } from '../../functions/core/jobs/job.ts';
import { computeJobStats, quantile } from '../../functions/core/jobs/stats.ts';

const window = { from: '2026-12-01T00:00:00.000Z', to: '2026-12-02T00:00:00.000Z' };
const summary = (status: JobSummary['status'], stages: Partial<Record<string, number>>, rows = { rowsRead: 0, rowsWritten: 0, rowsRejected: 0 }): JobSummary => ({
  jobId: 'j',
  status,
  createdAt: window.from,
  progress: { ...rows, rowsSkipped: 0, bytesRead: 0 },
  stages: Object.fromEntries(Object.entries(stages).map(([s, ms]) => [s, { startedAt: window.from, durationMs: ms }])),
});

describe('quantile', () => {
  it('takes the nearest rank, and nothing of no values', () => {
    expect(quantile([], 0.5)).toBeUndefined();
    expect(quantile([7], 0.95)).toBe(7);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4], 0.95)).toBe(4);
    expect(quantile([1, 2, 3, 4], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
    expect(quantile(Array.from({ length: 20 }, (_, i) => i + 1), 0.95)).toBe(19);
  });
});

describe('computeJobStats', () => {
  it('counts jobs by status, the success rate of finished jobs and the rows of succeeded ones', () => {
    const jobs = [
      summary('succeeded', { classify: 100, parse: 900 }, { rowsRead: 10, rowsWritten: 8, rowsRejected: 2 }),
      summary('succeeded', { parse: 1000 }, { rowsRead: 5, rowsWritten: 4, rowsRejected: 1 }),
      summary('failed', { parse: 50 }, { rowsRead: 99, rowsWritten: 99, rowsRejected: 0 }),
      summary('running', {}),
      summary('needs_mapping', { classify: 30 }),
    ];
    const s = computeJobStats(jobs, window);
    expect(s).toMatchObject({
      window,
      jobs: 5,
      byStatus: { queued: 0, running: 1, needs_mapping: 1, succeeded: 2, failed: 1, cancelled: 0 },
      successRate: 2 / 3,
      rows: { read: 15, written: 12, rejected: 3 },
      // 12 rows over the succeeded jobs' 2,000 ms of stages
      rowsPerSecond: 6,
    });
    expect(s.stages).toEqual({
      classify: { count: 2, medianMs: 30, p95Ms: 100 },
      parse: { count: 3, medianMs: 900, p95Ms: 1000 },
      map: { count: 0, medianMs: null, p95Ms: null },
      enrich: { count: 0, medianMs: null, p95Ms: null },
      persist: { count: 0, medianMs: null, p95Ms: null },
    });
  });

  it('sorts durations as numbers', () => {
    const s = computeJobStats([summary('failed', { enrich: 900 }), summary('failed', { enrich: 10_000 }), summary('failed', { enrich: 80 })], window);
    expect(s.stages.enrich).toEqual({ count: 3, medianMs: 900, p95Ms: 10_000 });
  });

  it('has no rate without finished jobs, and no throughput without pipeline time', () => {
    const s = computeJobStats([summary('running', {}), summary('cancelled', { parse: 5 })], window);
    expect(s).toMatchObject({ jobs: 2, successRate: null, rowsPerSecond: null, rows: { read: 0, written: 0, rejected: 0 } });
    expect(computeJobStats([summary('failed', {})], window).successRate).toBe(0);
    expect(computeJobStats([summary('succeeded', {}, { rowsRead: 1, rowsWritten: 1, rowsRejected: 0 })], window)).toMatchObject({ successRate: 1, rowsPerSecond: null });
  });
});
