/**
 * The HTTP API's CORS answer to a browser's preflight, besides the allowed origins (those are
 * configuration: cdk.json or `--context`, `--origin` locally). The CDK stack and the local
 * stack's API adapter both read it, so a browser sees the same headers from either.
 */
export const API_CORS = {
  allowHeaders: ['authorization', 'content-type', 'if-match'],
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  // Scripts can read these only if exposed: template versions (If-Match) and 429 back-off.
  exposeHeaders: ['etag', 'retry-after'],
  /** how long a browser may reuse a preflight's answer */
  maxAgeSeconds: 3600,
} as const;
