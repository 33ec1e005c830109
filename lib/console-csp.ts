/**
 * The web console's Content Security Policy, sent by `serve` (local/console-site.ts) and by
 * CloudFront (lib/constructs/console-site.ts): the page loads only its own files and calls
 * only `connectSources` (the API, the WebSocket, the upload bucket). Inline styles stay
 * allowed: Uppy's Dashboard sets style attributes.
 */
export function consoleContentSecurityPolicy(connectSources: string[]): string {
  return [
    "default-src 'self'",
    `connect-src 'self' ${connectSources.join(' ')}`,
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
