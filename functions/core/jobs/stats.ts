import type { JobSummary } from './job.ts';
import type { JobStatus, Stage } from '../pipeline-types.ts';

const STAGES: Stage[] = ['classify', 'parse', 'map', 'enrich', 'persist'];
const STATUSES: JobStatus[] = ['queued', 'running', 'needs_mapping', 'succeeded', 'failed', 'cancelled'];

/** The value at quantile q (0..1) of sorted numbers, nearest-rank; undefined when empty. */
export function quantile(sorted: number[], q: number): number | undefined {
  // the rank is at most the last index for q up to 1; an empty list has no value at rank 0
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

/**
 * Job analytics over a window: counts by status, success rate of finished jobs,
 * throughput of succeeded jobs (rows written per second of pipeline time), and the
 * median and p95 duration of each stage.
 */
export function computeJobStats(jobs: JobSummary[], window: { from: string; to: string }) {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
  const stageDurations = Object.fromEntries(STAGES.map((s) => [s, [] as number[]])) as Record<Stage, number[]>;
  let rowsWritten = 0;
  let rowsRead = 0;
  let rowsRejected = 0;
  let pipelineMs = 0;
  for (const job of jobs) {
    byStatus[job.status] += 1;
    for (const stage of STAGES) {
      const ms = job.stages[stage]?.durationMs;
      if (ms !== undefined) stageDurations[stage].push(ms);
    }
    if (job.status === 'succeeded') {
      rowsWritten += job.progress.rowsWritten;
      rowsRead += job.progress.rowsRead;
      rowsRejected += job.progress.rowsRejected;
      pipelineMs += STAGES.reduce((n, s) => n + (job.stages[s]?.durationMs ?? 0), 0);
    }
  }
  const finished = byStatus.succeeded + byStatus.failed;
  const stages = Object.fromEntries(
    STAGES.map((s) => {
      const sorted = [...stageDurations[s]].sort((a, b) => a - b);
      return [s, { count: sorted.length, medianMs: quantile(sorted, 0.5) ?? null, p95Ms: quantile(sorted, 0.95) ?? null }];
    }),
  );
  return {
    window,
    jobs: jobs.length,
    byStatus,
    successRate: finished > 0 ? byStatus.succeeded / finished : null,
    rows: { read: rowsRead, written: rowsWritten, rejected: rowsRejected },
    rowsPerSecond: pipelineMs > 0 ? Math.round((rowsWritten / pipelineMs) * 1000) : null,
    stages,
  };
}
