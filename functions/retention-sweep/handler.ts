import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger } from '../shared/logger.ts';
import { observed } from '../shared/observability.ts';
import { runRetentionSweep } from '../adapters/retention-sweeper.ts';
import type { SweepReport } from '../core/retention/sweep.ts';

/**
 * The retention sweep (EventBridge, hourly on AWS; the local stack at start and hourly):
 * deletes every tenant's files, outputs and job records whose retention has passed, and takes
 * deleted files off the tenant's stored bytes. One run handles up to 10,000 entries and stops
 * a minute before the function's timeout; the rest are due in the next. Runs may overlap (an
 * async invocation is delivered at least once, and retried): the sweep is safe for that.
 */
async function sweep(_event: unknown, context: Partial<Context>): Promise<SweepReport> {
  const started = Date.now();
  // the local stack calls the handler with no context: no time bound there
  const remainingMs = context.getRemainingTimeInMillis?.bind(context);
  const report = await runRetentionSweep(new Date(), { remainingMs });
  if (report.failed > 0) logger.error('retention sweep: some entries failed and stay scheduled', { failed: report.failed, errors: report.errors });
  if (report.uploads + report.outputs + report.records + report.held > 0 || report.more) {
    const { errors: _errors, ...counts } = report;
    logger.info('retention sweep', { ...counts, durationMs: Date.now() - started });
  }
  return report;
}

const observedSweep = middy<unknown, SweepReport, Error, Context>().use(observed()).handler(sweep);

/** A middy handler called with the Lambda context, whose remaining time bounds the run (the observed chain of every handler). */
export const handler = (event?: unknown, context?: Context): Promise<SweepReport> => observedSweep(event, context ?? ({} as Context));
