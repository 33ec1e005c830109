import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { optionalEnv } from '../shared/config.ts';
import { ENV } from '../shared/env-names.ts';
import type { UsageCounter } from '../core/usage/usage.ts';
import { METRICS_NAMESPACE, METRICS_SERVICE } from '../shared/metric-names.ts';
const UNITS: Record<UsageCounter, (typeof MetricUnit)[keyof typeof MetricUnit]> = {
  files: MetricUnit.Count,
  bytesUploaded: MetricUnit.Bytes,
  rowsProcessed: MetricUnit.Count,
  rowsRejected: MetricUnit.Count,
  aiCalls: MetricUnit.Count,
  aiInputTokens: MetricUnit.Count,
  aiOutputTokens: MetricUnit.Count,
  webhookDeliveries: MetricUnit.Count,
  webhookDeliveriesFailed: MetricUnit.Count,
};

/**
 * The same counts as CloudWatch metrics (Powertools Metrics: one EMF log line per event, no
 * API call). Service-wide by default; with METRICS_BY_TENANT=true each also carries the
 * tenant as a dimension: one metric per counter and tenant, which suits tens to a few hundred
 * tenants (each is a billed custom metric), not thousands. Powertools turns itself off in
 * dev mode (POWERTOOLS_DEV, which the local stack sets), so nothing is printed locally.
 */
export function publishUsageMetrics(tenantId: string, counts: [UsageCounter, number][]): void {
  // made per event: a shared instance's dimensions would mix concurrent requests' tenants
  const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: METRICS_SERVICE });
  if (optionalEnv(ENV.metricsByTenant) === 'true') metrics.addDimension('tenant', tenantId);
  for (const [counter, n] of counts) metrics.addMetric(counter, UNITS[counter], n);
  metrics.publishStoredMetrics();
}
