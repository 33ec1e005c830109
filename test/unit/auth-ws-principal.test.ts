import { describe, expect, it } from 'vitest';
import { wsAuthorizerContext, wsPrincipalOf, type WsPrincipal } from '../../functions/core/auth/ws-principal.ts';

// What API Gateway adds to the authorizer context on every later event of a connection.
const GATEWAY_EXTRAS = { principalId: 'tenant-1', integrationLatency: 12 };

describe('WebSocket principal', () => {
  it('writes flat string contexts: an API key without a token id, an upload token with one', () => {
    expect(wsAuthorizerContext({ kind: 'api-key', tenantId: 't1' })).toStrictEqual({ kind: 'api-key', tenantId: 't1' });
    expect(wsAuthorizerContext({ kind: 'upload-token', tenantId: 't1', tokenId: 'upt_1' })).toStrictEqual({
      kind: 'upload-token',
      tenantId: 't1',
      tokenId: 'upt_1',
    });
  });

  it.each<WsPrincipal>([
    { kind: 'api-key', tenantId: 't1' },
    { kind: 'upload-token', tenantId: 't2', tokenId: 'upt_2' },
  ])('reads back the context it wrote, with what the gateway adds ($kind)', (principal) => {
    expect(wsPrincipalOf({ ...wsAuthorizerContext(principal), ...GATEWAY_EXTRAS })).toEqual(principal);
  });

  it('reads an API key without taking a token id along', () => {
    expect(wsPrincipalOf({ kind: 'api-key', tenantId: 't1', tokenId: 'upt_1' })).toStrictEqual({ kind: 'api-key', tenantId: 't1' });
  });

  it.each([
    ['no context', undefined],
    ['null', null],
    ['a string', 'api-key'],
    ['no tenant', { kind: 'api-key' }],
    ['an empty tenant', { kind: 'api-key', tenantId: '' }],
    ['a numeric tenant', { kind: 'api-key', tenantId: 7 }],
    ['an unknown kind', { kind: 'admin', tenantId: 't1' }],
    ['an unknown kind with a token id', { kind: 'admin', tenantId: 't1', tokenId: 'upt_1' }],
    ['no kind', { tenantId: 't1' }],
    ['an upload token without its id', { kind: 'upload-token', tenantId: 't1' }],
    ['an upload token with an empty id', { kind: 'upload-token', tenantId: 't1', tokenId: '' }],
    ['an upload token with a numeric id', { kind: 'upload-token', tenantId: 't1', tokenId: 5 }],
  ])('refuses %s', (_name, authorizer) => {
    expect(wsPrincipalOf(authorizer)).toBeUndefined();
  });
});
