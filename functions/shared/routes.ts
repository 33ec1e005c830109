/*
 * The HTTP and WebSocket routes and which function serves each. The CDK stateless stack
 * builds API Gateway routes from this list and the local adapter dispatches by it, so a
 * route exists in both places or in neither.
 */
/** Every function of the app: one Lambda each on AWS, bundled together (lib/bundling.ts). */
export const FUNCTION_NAMES = [
  'api-health',
  'api-uploads',
  'api-companion',
  'api-jobs',
  'api-templates',
  'api-webhooks',
  'api-admin',
  'api-accounts',
  'api-openapi',
  'ws',
  'ws-authorizer',
  'job-events',
  'webhook-delivery',
  'progress-fanout',
  'inbox',
  'classify',
  'parse',
  'map',
  'enrich',
  'persist',
  'accounts-store',
  'job-status',
  'retention-sweep',
] as const;

export type FunctionName = (typeof FUNCTION_NAMES)[number];

export interface HttpRoute {
  routeKey: string;
  fn: FunctionName;
}

export const HTTP_ROUTES: HttpRoute[] = [
  { routeKey: 'GET /v1/health', fn: 'api-health' },
  { routeKey: 'GET /v1/openapi.json', fn: 'api-openapi' },
  { routeKey: 'POST /v1/uploads', fn: 'api-uploads' },
  { routeKey: 'GET /v1/uploads/{sessionId}', fn: 'api-uploads' },
  { routeKey: 'GET /v1/uploads/{sessionId}/parts/{partNumber}', fn: 'api-uploads' },
  { routeKey: 'POST /v1/uploads/{sessionId}/parts', fn: 'api-uploads' },
  { routeKey: 'POST /v1/uploads/{sessionId}/complete', fn: 'api-uploads' },
  { routeKey: 'DELETE /v1/uploads/{sessionId}', fn: 'api-uploads' },
  { routeKey: 'POST /v1/upload-tokens', fn: 'api-uploads' },
  { routeKey: 'GET /v1/upload-tokens', fn: 'api-uploads' },
  { routeKey: 'DELETE /v1/upload-tokens/{tokenId}', fn: 'api-uploads' },
  // Uppy's companion mode: the upload token in the path is the credential (no Authorization header).
  { routeKey: 'POST /v1/companion/{uploadToken}/s3/multipart', fn: 'api-companion' },
  { routeKey: 'GET /v1/companion/{uploadToken}/s3/multipart/{uploadId}/{partNumber}', fn: 'api-companion' },
  { routeKey: 'GET /v1/companion/{uploadToken}/s3/multipart/{uploadId}', fn: 'api-companion' },
  { routeKey: 'POST /v1/companion/{uploadToken}/s3/multipart/{uploadId}/complete', fn: 'api-companion' },
  { routeKey: 'DELETE /v1/companion/{uploadToken}/s3/multipart/{uploadId}', fn: 'api-companion' },
  { routeKey: 'GET /v1/companion/{uploadToken}/s3/params', fn: 'api-companion' },
  { routeKey: 'POST /v1/companion/{uploadToken}/s3/sign', fn: 'api-companion' },
  // the job an upload of this token started, for an embedded importer that holds only the token
  { routeKey: 'GET /v1/companion/{uploadToken}/jobs/{jobId}', fn: 'api-companion' },
  { routeKey: 'POST /v1/jobs', fn: 'api-jobs' },
  { routeKey: 'GET /v1/jobs', fn: 'api-jobs' },
  { routeKey: 'GET /v1/jobs/{jobId}', fn: 'api-jobs' },
  { routeKey: 'GET /v1/jobs/{jobId}/records', fn: 'api-jobs' },
  { routeKey: 'GET /v1/jobs/{jobId}/errors', fn: 'api-jobs' },
  { routeKey: 'GET /v1/jobs/{jobId}/output', fn: 'api-jobs' },
  { routeKey: 'POST /v1/jobs/{jobId}/cancel', fn: 'api-jobs' },
  { routeKey: 'POST /v1/jobs/{jobId}/retry', fn: 'api-jobs' },
  { routeKey: 'DELETE /v1/jobs/{jobId}', fn: 'api-jobs' },
  { routeKey: 'POST /v1/jobs/bulk', fn: 'api-jobs' },
  { routeKey: 'GET /v1/jobs/stats', fn: 'api-jobs' },
  { routeKey: 'GET /v1/jobs/{jobId}/mapping', fn: 'api-templates' },
  { routeKey: 'PUT /v1/jobs/{jobId}/mapping', fn: 'api-templates' },
  { routeKey: 'GET /v1/templates', fn: 'api-templates' },
  { routeKey: 'POST /v1/templates', fn: 'api-templates' },
  { routeKey: 'POST /v1/templates/suggest', fn: 'api-templates' },
  { routeKey: 'GET /v1/templates/{templateId}', fn: 'api-templates' },
  { routeKey: 'PUT /v1/templates/{templateId}', fn: 'api-templates' },
  { routeKey: 'DELETE /v1/templates/{templateId}', fn: 'api-templates' },
  { routeKey: 'GET /v1/templates/{templateId}/versions', fn: 'api-templates' },
  { routeKey: 'GET /v1/schemas', fn: 'api-templates' },
  { routeKey: 'POST /v1/schemas', fn: 'api-templates' },
  { routeKey: 'GET /v1/schemas/{name}', fn: 'api-templates' },
  { routeKey: 'GET /v1/webhooks', fn: 'api-webhooks' },
  { routeKey: 'POST /v1/webhooks', fn: 'api-webhooks' },
  { routeKey: 'GET /v1/webhooks/{webhookId}', fn: 'api-webhooks' },
  { routeKey: 'PATCH /v1/webhooks/{webhookId}', fn: 'api-webhooks' },
  { routeKey: 'DELETE /v1/webhooks/{webhookId}', fn: 'api-webhooks' },
  { routeKey: 'POST /v1/webhooks/{webhookId}/test', fn: 'api-webhooks' },
  { routeKey: 'POST /v1/webhooks/{webhookId}/rotate-secret', fn: 'api-webhooks' },
  { routeKey: 'GET /v1/webhooks/{webhookId}/deliveries', fn: 'api-webhooks' },
  { routeKey: 'POST /v1/webhooks/{webhookId}/deliveries/{deliveryId}/replay', fn: 'api-webhooks' },
  { routeKey: 'GET /v1/accounts', fn: 'api-accounts' },
  { routeKey: 'GET /v1/accounts/export', fn: 'api-accounts' },
  { routeKey: 'GET /v1/accounts/{accountId}', fn: 'api-accounts' },
  { routeKey: 'PATCH /v1/accounts/{accountId}', fn: 'api-accounts' },
  { routeKey: 'DELETE /v1/accounts/{accountId}', fn: 'api-accounts' },
  { routeKey: 'POST /v1/accounts/{accountId}/merge', fn: 'api-accounts' },
  { routeKey: 'POST /v1/accounts/{accountId}/insights/refresh', fn: 'api-accounts' },
  { routeKey: 'GET /v1/contacts', fn: 'api-accounts' },
  { routeKey: 'GET /v1/contacts/export', fn: 'api-accounts' },
  { routeKey: 'GET /v1/contacts/{contactId}', fn: 'api-accounts' },
  { routeKey: 'PATCH /v1/contacts/{contactId}', fn: 'api-accounts' },
  { routeKey: 'DELETE /v1/contacts/{contactId}', fn: 'api-accounts' },
  { routeKey: 'GET /v1/settings/icp', fn: 'api-accounts' },
  { routeKey: 'PUT /v1/settings/icp', fn: 'api-accounts' },
  { routeKey: 'GET /v1/metrics', fn: 'api-admin' },
  { routeKey: 'GET /v1/api-keys', fn: 'api-admin' },
  { routeKey: 'POST /v1/api-keys', fn: 'api-admin' },
  { routeKey: 'DELETE /v1/api-keys/{keyId}', fn: 'api-admin' },
  { routeKey: 'GET /v1/audit', fn: 'api-admin' },
  { routeKey: 'GET /v1/usage', fn: 'api-admin' },
  { routeKey: 'GET /v1/settings/retention', fn: 'api-admin' },
  { routeKey: 'PUT /v1/settings/retention', fn: 'api-admin' },
];

/** SQS queues and the function each one triggers (an event source mapping on AWS, a poller locally). */
export const QUEUE_CONSUMERS = [
  /** job completion events -> one webhook delivery message per subscribed endpoint */
  { queue: 'events', fn: 'job-events', batchSize: 10 },
  /** one message per delivery attempt -> HTTP POST to the endpoint */
  { queue: 'webhooks', fn: 'webhook-delivery', batchSize: 10 },
  /**
   * progress ticks of running jobs -> WebSocket subscribers. FIFO, one message group per job: a
   * job's ticks are handled in order and one batch at a time, while other jobs' go on in parallel
   * (AWS scales its pollers; locally `localPollers` loops stand in for them).
   */
  { queue: 'progress', fn: 'progress-fanout', batchSize: 10, fifo: true, localPollers: 4 },
] as const satisfies readonly QueueConsumer[];

export interface QueueConsumer {
  queue: string;
  fn: FunctionName;
  batchSize: number;
  /** a FIFO queue (named `<name>.fifo`, as its DLQ) */
  fifo?: boolean;
  /** receive loops of the local stack (default 1) */
  localPollers?: number;
}

/**
 * S3 "Object Created" events of the upload bucket and the function each key prefix triggers:
 * an EventBridge rule on AWS, the local S3's own events locally.
 */
export const OBJECT_CREATED_CONSUMERS = [
  /** a file put straight into inbox/<tenantId>/ starts a job for that tenant */
  { prefix: 'inbox/', fn: 'inbox' },
] as const satisfies readonly { prefix: string; fn: FunctionName }[];

/** WebSocket route keys; one function serves them all (routing by body.action). */
export const WS_ROUTES = ['$connect', '$disconnect', '$default', 'subscribe', 'unsubscribe'] as const;
export const WS_FUNCTION: FunctionName = 'ws';

/**
 * The WebSocket API's Lambda authorizer (on $connect): the credential in ?token= becomes the
 * connection's principal, passed to every later event as requestContext.authorizer. API
 * Gateway refuses a connect without the identity source (401) before calling the function.
 */
export const WS_AUTHORIZER = { fn: 'ws-authorizer', identitySource: ['route.request.querystring.token'] } as const satisfies { fn: FunctionName; identitySource: readonly string[] };

/** Functions invoked by the state machine, keyed by the ASL placeholder they fill. */
export const PIPELINE_FUNCTIONS = {
  ClassifyFunctionArn: 'classify',
  ParseFunctionArn: 'parse',
  MapFunctionArn: 'map',
  EnrichFunctionArn: 'enrich',
  PersistFunctionArn: 'persist',
  AccountsStoreFunctionArn: 'accounts-store',
  JobStatusFunctionArn: 'job-status',
} as const satisfies Record<string, FunctionName>;

/** Entry file of a function, relative to the project root. */
export const functionEntry = (fn: FunctionName): string => `functions/${fn}/handler.ts`;
