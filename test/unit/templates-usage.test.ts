import { describe, expect, it } from 'vitest';
import { foldJob, usageView, ZERO_USAGE } from '../../functions/core/templates/usage.ts';

const progress = { rowsRead: 100, rowsWritten: 95, rowsRejected: 5 };

describe('foldJob', () => {
  it('keeps queued and running jobs open', () => {
    expect(foldJob({ status: 'running', progress })).toEqual({ settle: false });
    expect(foldJob({ status: 'queued', progress })).toEqual({ settle: false });
  });

  it('adds a succeeded job with its rows', () => {
    expect(foldJob({ status: 'succeeded', progress })).toEqual({ settle: true, add: { jobs: 1, succeeded: 1, failed: 0, ...progress } });
  });

  it('adds failed, cancelled and parked jobs without rows, and closes a deleted job', () => {
    for (const status of ['failed', 'cancelled', 'needs_mapping'] as const) {
      expect(foldJob({ status, progress })).toEqual({ settle: true, add: { ...ZERO_USAGE, jobs: 1, failed: 1 } });
    }
    expect(foldJob(undefined)).toEqual({ settle: true, add: { ...ZERO_USAGE, jobs: 1 } });
  });
});

describe('usageView', () => {
  it('counts running jobs and computes the rejection rate over finished rows', () => {
    const totals = { jobs: 3, succeeded: 2, failed: 1, rowsRead: 300, rowsWritten: 290, rowsRejected: 10 };
    expect(usageView(totals, 2, '2025-01-01T00:00:00.000Z')).toEqual({
      jobs: 5, succeeded: 2, failed: 1, running: 2, rowsRead: 300, rowsWritten: 290, rowsRejected: 10, rejectionRate: 0.0333, lastUsedAt: '2025-01-01T00:00:00.000Z',
    });
    expect(usageView(ZERO_USAGE, 0, undefined)).toMatchObject({ jobs: 0, rejectionRate: 0, lastUsedAt: null });
  });
});
