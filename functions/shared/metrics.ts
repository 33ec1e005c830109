import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger } from './logger.ts';
import { DIMENSION, METRIC, METRICS_NAMESPACE, METRICS_SERVICE, type JobOutcome, type MetricName } from './metric-names.ts';

const UNITS: Record<MetricName, (typeof MetricUnit)[keyof typeof MetricUnit]> = {
  [METRIC.jobsFinished]: MetricUnit.Count,
  [METRIC.rowsRead]: MetricUnit.Count,
  [METRIC.rowsWritten]: MetricUnit.Count,
  [METRIC.rowsRejected]: MetricUnit.Count,
  [METRIC.stageDuration]: MetricUnit.Milliseconds,
  [METRIC.webhookAttempts]: MetricUnit.Count,
  [METRIC.webhookDeliveriesExhausted]: MetricUnit.Count,
  [METRIC.aiCalls]: MetricUnit.Count,
  [METRIC.aiCallFailures]: MetricUnit.Count,
  [METRIC.coldStart]: MetricUnit.Count,
  [METRIC.initDuration]: MetricUnit.Milliseconds,
};

/** What one event is about: searchable in the EMF line, never a dimension (see metric-names.ts). */
export type MetricMetadata = Record<string, string | number | undefined>;

/**
 * Publish one event's metrics as one EMF line (Powertools Metrics: a log line CloudWatch turns
 * into metrics, no API call). A Metrics instance per event, as usage-metrics.ts does: the
 * local stack runs many handlers in one process, where a shared instance's dimensions and
 * metadata would mix concurrent requests. Best effort: a metric never fails the work it counts.
 * Silent where Powertools is off: in dev mode (the local stack, unless `--verbose`) and in
 * tests (POWERTOOLS_METRICS_DISABLED).
 */
export function emitMetrics(values: Partial<Record<MetricName, number>>, dimensions: Record<string, string> = {}, metadata: MetricMetadata = {}): void {
  try {
    const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: METRICS_SERVICE });
    for (const [name, value] of Object.entries(dimensions)) metrics.addDimension(name, value);
    for (const [name, value] of Object.entries(values) as [MetricName, number][]) metrics.addMetric(name, UNITS[name], value);
    for (const [key, value] of Object.entries(metadata)) if (value !== undefined) metrics.addMetadata(key, String(value));
    metrics.publishStoredMetrics();
  } catch (err) {
    logger.warn('metrics not published', { metrics: Object.keys(values), error: err instanceof Error ? err : String(err) });
  }
}

/** A job attempt ended in `outcome`: counted where the change was committed, so once per attempt. */
export function countJobOutcome(outcome: JobOutcome, job: { tenantId: string; jobId: string; attempt: number }): void {
  emitMetrics({ [METRIC.jobsFinished]: 1 }, { [DIMENSION.outcome]: outcome }, { tenantId: job.tenantId, jobId: job.jobId, attempt: job.attempt });
}
