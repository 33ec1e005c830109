/**
 * Environment variable NAMES shared by the CDK constructs that set them and the handlers
 * that read them, so the two can never drift. Values come from CDK on AWS and from the
 * local stack on one machine; endpoint overrides use the SDK's own AWS_ENDPOINT_URL_* vars.
 */
export const ENV = {
  jobsTable: 'JOBS_TABLE',
  uploadsTable: 'UPLOADS_TABLE',
  apiKeysTable: 'API_KEYS_TABLE',
  uploadTokensTable: 'UPLOAD_TOKENS_TABLE',
  connectionsTable: 'CONNECTIONS_TABLE',
  templatesTable: 'TEMPLATES_TABLE',
  webhooksTable: 'WEBHOOKS_TABLE',
  rateLimitsTable: 'RATE_LIMITS_TABLE',
  entitiesTable: 'ENTITIES_TABLE',
  tenantsTable: 'TENANTS_TABLE',
  auditTable: 'AUDIT_TABLE',
  quotasTable: 'QUOTAS_TABLE',
  usageTable: 'USAGE_TABLE',
  /** "true": usage metrics carry the tenant as a CloudWatch dimension (one billed metric per counter and tenant) */
  metricsByTenant: 'METRICS_BY_TENANT',
  /** jobs running at once across all tenants (default 100): the turns tenants take are for these */
  maxRunningJobs: 'MAX_RUNNING_JOBS',
  /** seconds an API container trusts a tenant's "active" status before reading it again (default 30) */
  tenantStatusCacheSeconds: 'TENANT_STATUS_CACHE_SECONDS',
  uploadBucket: 'UPLOAD_BUCKET',
  stateMachineArn: 'STATE_MACHINE_ARN',
  eventsQueueUrl: 'EVENTS_QUEUE_URL',
  webhooksQueueUrl: 'WEBHOOKS_QUEUE_URL',
  eventsDlqUrl: 'EVENTS_DLQ_URL',
  webhooksDlqUrl: 'WEBHOOKS_DLQ_URL',
  /** job.progress / job.status ticks from the stages (FIFO, one group per job), consumed by progress-fanout */
  progressQueueUrl: 'PROGRESS_QUEUE_URL',
  /** Claude for mapping suggestions, the key itself (local stack, developer shells); absent = see the next */
  anthropicApiKey: 'ANTHROPIC_API_KEY',
  /** AWS: the Secrets Manager secret holding that key (read at run time, cached); neither set = deterministic heuristics only */
  anthropicApiKeySecretArn: 'ANTHROPIC_API_KEY_SECRET_ARN',
  /** the Messages API base URL (tests point it at a local fake) */
  anthropicBaseUrl: 'ANTHROPIC_BASE_URL',
  /** the KMS key that seals webhook signing secrets at rest (AWS: the app's key; local: local/kms.ts) */
  webhookSecretsKeyArn: 'WEBHOOK_SECRETS_KEY_ARN',
  /** "true" only on the local stack: lets webhooks target http://127.0.0.1 for development and tests */
  allowLoopbackWebhooks: 'ALLOW_LOOPBACK_WEBHOOKS',
  /** https://{apiId}.execute-api.{region}.amazonaws.com/{stage} on AWS; the local WS adapter's URL locally. */
  wsManagementEndpoint: 'WS_MANAGEMENT_ENDPOINT',
  /** "true" for s3rver, which only speaks path-style addressing. */
  s3ForcePathStyle: 'S3_FORCE_PATH_STYLE',
  /** "true" where the function was deployed with X-Ray tracing (`--context tracing=true`); Powertools' own name */
  traceEnabled: 'POWERTOOLS_TRACE_ENABLED',
} as const;

export type EnvName = (typeof ENV)[keyof typeof ENV];
