import type { JobStatus } from '../pipeline-types.ts';
import type { TemplateUsage } from './template-model.ts';

/**
 * Usage analytics of a template. When a job starts using a template it is added to the
 * template's open jobs; once the job has finished, its counts are folded into the
 * template's totals and it leaves the open set, in one conditional write (so a job is
 * counted once even when two readers fold it at the same time).
 */

export interface UsageCounters {
  jobs: number;
  succeeded: number;
  failed: number;
  rowsRead: number;
  rowsWritten: number;
  rowsRejected: number;
}

export const ZERO_USAGE: UsageCounters = { jobs: 0, succeeded: 0, failed: 0, rowsRead: 0, rowsWritten: 0, rowsRejected: 0 };

/** What the store knows of a job when it folds it (undefined: the job was deleted). */
export interface JobSnapshot {
  status: JobStatus;
  progress: { rowsRead: number; rowsWritten: number; rowsRejected: number };
}

/**
 * Whether an open job can be folded, and what it adds. Running and queued jobs stay open.
 * A finished job adds one job; a succeeded one adds its rows; a failed, cancelled or
 * parked (needs_mapping) one counts as not succeeded, without rows; a deleted job closes
 * with nothing but the job.
 */
export function foldJob(job: JobSnapshot | undefined): { settle: false } | { settle: true; add: UsageCounters } {
  if (job === undefined) return { settle: true, add: { ...ZERO_USAGE, jobs: 1 } };
  if (job.status === 'running' || job.status === 'queued') return { settle: false };
  if (job.status === 'succeeded') {
    const p = job.progress;
    return { settle: true, add: { jobs: 1, succeeded: 1, failed: 0, rowsRead: p.rowsRead, rowsWritten: p.rowsWritten, rowsRejected: p.rowsRejected } };
  }
  return { settle: true, add: { ...ZERO_USAGE, jobs: 1, failed: 1 } };
}

/** The public usage view: totals plus the jobs still running, and the rejection rate. */
export function usageView(totals: UsageCounters, running: number, lastUsedAt: string | undefined): TemplateUsage {
  const rate = totals.rowsRead > 0 ? totals.rowsRejected / totals.rowsRead : 0;
  return {
    jobs: totals.jobs + running,
    succeeded: totals.succeeded,
    failed: totals.failed,
    running,
    rowsRead: totals.rowsRead,
    rowsWritten: totals.rowsWritten,
    rowsRejected: totals.rowsRejected,
    rejectionRate: Math.round(rate * 10_000) / 10_000,
    lastUsedAt: lastUsedAt ?? null,
  };
}
