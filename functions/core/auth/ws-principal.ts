/**
 * Who holds a WebSocket connection. The ws-authorizer decides it once, at `$connect`, and
 * returns it as the authorizer context; API Gateway then hands that context to every later
 * event of the connection as `requestContext.authorizer`, so no message needs a lookup and
 * `$connect` writes nothing. Context values must be strings, numbers or booleans.
 *
 * An API key follows any job of its tenant; an upload token (what an importer embedded in a
 * page holds) only the jobs its own uploads started.
 */
export type WsPrincipal = { kind: 'api-key'; tenantId: string } | { kind: 'upload-token'; tenantId: string; tokenId: string };

/** The authorizer context for a principal (flat strings, as API Gateway requires). */
export function wsAuthorizerContext(principal: WsPrincipal): Record<string, string> {
  return principal.kind === 'upload-token'
    ? { kind: principal.kind, tenantId: principal.tenantId, tokenId: principal.tokenId }
    : { kind: principal.kind, tenantId: principal.tenantId };
}

/**
 * The principal in an event's `requestContext.authorizer` (the context above, plus the
 * `principalId` and `integrationLatency` API Gateway adds), or undefined when it is missing
 * or not one this authorizer writes.
 */
export function wsPrincipalOf(authorizer: unknown): WsPrincipal | undefined {
  if (typeof authorizer !== 'object' || authorizer === null) return undefined;
  const { kind, tenantId, tokenId } = authorizer as Record<string, unknown>;
  if (typeof tenantId !== 'string' || tenantId === '') return undefined;
  if (kind === 'api-key') return { kind, tenantId };
  if (kind === 'upload-token' && typeof tokenId === 'string' && tokenId !== '') return { kind, tenantId, tokenId };
  return undefined;
}
