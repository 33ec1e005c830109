import { logger } from '../shared/logger.ts';
import { observedHandler } from '../shared/observability.ts';
import { runRetentionSweep } from '../adapters/retention-sweeper.ts';
import type { SweepReport } from '../core/retention/sweep.ts';

/**
 * The retention sweep (EventBridge, hourly on AWS; the local stack at start and hourly):
 * deletes every tenant's files, outputs and job records whose retention has passed, and takes
 * deleted files off the tenant's stored bytes. One run handles up to 10,000 entries; the rest
 * are due in the next.
 */
async function sweep(): Promise<SweepReport> {
  const started = Date.now();
  const report = await runRetentionSweep(new Date());
  if (report.uploads + report.outputs + report.records > 0 || report.more) logger.info('retention sweep', { ...report, durationMs: Date.now() - started });
  return report;
}

export const handler = observedHandler(sweep);
