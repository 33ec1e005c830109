import type { Stage } from '../core/pipeline-types.ts';

/**
 * The service's CloudWatch metrics: one namespace, and names and dimensions shared by the
 * functions that emit them and the CDK app's alarms and dashboard, so the two cannot drift.
 * Dimensions are few and bounded (an outcome, a stage, a function); tenant and job ids would
 * make one billed metric per value, so they travel as EMF metadata (searchable in the logs).
 */
export const METRICS_NAMESPACE = 'AiFileParser';
/** Powertools adds it as a dimension of every metric: the alarms and the dashboard name it too. */
export const METRICS_SERVICE = 'ai-file-parser';

export const METRIC = {
  /** a job attempt ended (dimension outcome: succeeded, failed, needs_mapping, cancelled) */
  jobsFinished: 'JobsFinished',
  /** rows of a succeeded job, counted once at its commit */
  rowsRead: 'RowsRead',
  rowsWritten: 'RowsWritten',
  rowsRejected: 'RowsRejected',
  /** one pipeline stage invocation (an Enrich chunk is one), milliseconds (dimension stage) */
  stageDuration: 'StageDuration',
  /** one webhook POST (dimension outcome: delivered, failed, gone) */
  webhookAttempts: 'WebhookAttempts',
  /** a delivery whose automatic attempts all failed (it waits in the webhooks dead-letter queue) */
  webhookDeliveriesExhausted: 'WebhookDeliveriesExhausted',
  /** a call to Claude (its retries inside), and those of them that failed */
  aiCalls: 'AiCalls',
  aiCallFailures: 'AiCallFailures',
  /** the first invocation of a container (dimension function_name), and its init time in milliseconds */
  coldStart: 'ColdStart',
  initDuration: 'InitDuration',
} as const;

export type MetricName = (typeof METRIC)[keyof typeof METRIC];

export const DIMENSION = {
  outcome: 'outcome',
  stage: 'stage',
  /** Powertools' own name for it (its ColdStart metric uses the same) */
  functionName: 'function_name',
} as const;

/** The stages StageDuration is reported for (the dashboard draws one line each). */
export const PIPELINE_STAGES = ['classify', 'parse', 'map', 'enrich', 'persist'] as const satisfies readonly Stage[];

export const JOB_OUTCOMES = ['succeeded', 'failed', 'needs_mapping', 'cancelled'] as const;
export type JobOutcome = (typeof JOB_OUTCOMES)[number];

export const WEBHOOK_ATTEMPT_OUTCOMES = ['delivered', 'failed', 'gone'] as const;
