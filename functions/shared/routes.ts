/**
 * The HTTP and WebSocket routes and which function serves each. The CDK stateless stack
 * builds API Gateway routes from this list and the local adapter dispatches by it, so a
 * route exists in both places or in neither.
 */
export type FunctionName =
  | 'api-health'
  | 'api-uploads'
  | 'api-jobs'
  | 'ws'
  | 'classify'
  | 'parse'
  | 'map'
  | 'enrich'
  | 'persist'
  | 'job-status';

export interface HttpRoute {
  routeKey: string;
  fn: FunctionName;
}

export const HTTP_ROUTES: HttpRoute[] = [
  { routeKey: 'GET /v1/health', fn: 'api-health' },
  { routeKey: 'POST /v1/uploads', fn: 'api-uploads' },
  { routeKey: 'GET /v1/uploads/{sessionId}', fn: 'api-uploads' },
  { routeKey: 'GET /v1/uploads/{sessionId}/parts/{partNumber}', fn: 'api-uploads' },
  { routeKey: 'POST /v1/uploads/{sessionId}/parts', fn: 'api-uploads' },
  { routeKey: 'POST /v1/uploads/{sessionId}/complete', fn: 'api-uploads' },
  { routeKey: 'DELETE /v1/uploads/{sessionId}', fn: 'api-uploads' },
  { routeKey: 'POST /v1/jobs', fn: 'api-jobs' },
  { routeKey: 'GET /v1/jobs', fn: 'api-jobs' },
  { routeKey: 'GET /v1/jobs/{jobId}', fn: 'api-jobs' },
  { routeKey: 'GET /v1/jobs/{jobId}/records', fn: 'api-jobs' },
  { routeKey: 'GET /v1/jobs/{jobId}/errors', fn: 'api-jobs' },
];

/** WebSocket route keys; one function serves them all (routing by body.action). */
export const WS_ROUTES = ['$connect', '$disconnect', '$default', 'subscribe', 'unsubscribe'] as const;
export const WS_FUNCTION: FunctionName = 'ws';

/** Functions invoked by the state machine, keyed by the ASL placeholder they fill. */
export const PIPELINE_FUNCTIONS = {
  ClassifyFunctionArn: 'classify',
  ParseFunctionArn: 'parse',
  MapFunctionArn: 'map',
  EnrichFunctionArn: 'enrich',
  PersistFunctionArn: 'persist',
  JobStatusFunctionArn: 'job-status',
} as const satisfies Record<string, FunctionName>;

/** Entry file of a function, relative to the project root. */
export const functionEntry = (fn: FunctionName): string => `functions/${fn}/handler.ts`;
