import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import type { HttpEvent, HttpResult } from '../../functions/shared/http/responses.ts';

/*
 * The shared middy stack every API function runs (functions/shared/http/): which bodies
 * it takes, and the headers every answer carries. The key lookup and the rate counter are
 * mocked DynamoDB calls, as in the webhooks API test.
 */
const ddb = mockClient(DynamoDBDocumentClient);
type Handler = (event: HttpEvent, context: Context) => Promise<HttpResult>;
let handler: Handler;
let health: Handler;
let seenBodies: unknown[];

beforeAll(async () => {
  Object.assign(process.env, { POWERTOOLS_LOG_LEVEL: 'SILENT', API_KEYS_TABLE: 'keys', RATE_LIMITS_TABLE: 'rate-limits', TENANTS_TABLE: 'tenants', AUDIT_TABLE: 'audit', AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y' });
  const { httpApi, publicHttpHandler } = await import('../../functions/shared/http/api.ts');
  const { json, noContent } = await import('../../functions/shared/http/responses.ts');
  const { parseBody } = await import('../../functions/shared/http/request-input.ts');
  handler = httpApi({
    'POST /echo': { role: 'viewer', handle: async (req) => (seenBodies.push(parseBody(req.event, z.object({ name: z.string() }))), json(201, { ok: true })) },
    'POST /v1/things/{id}/cancel': { role: 'viewer', handle: async () => noContent() },
    'POST /v1/api-keys': { role: 'admin', handle: async () => json(201, { keyId: 'key_new' }) },
    'GET /boom': {
      role: 'viewer',
      handle: async () => {
        throw new Error('database on fire');
      },
    },
  }) as unknown as Handler;
  health = publicHttpHandler(async () => json(200, { status: 'ok' })) as unknown as Handler;
});

beforeEach(() => {
  seenBodies = [];
  ddb.reset();
  ddb.on(GetCommand, { TableName: 'keys' }).resolves({ Item: { tenantId: 't1', role: 'admin', keyId: 'k1' } });
  ddb.on(UpdateCommand, { TableName: 'rate-limits' }).resolves({ Attributes: { hits: 1 } });
});

function request(routeKey: string, opts: { body?: string; contentType?: string; auth?: boolean; key?: string; base64?: boolean; pathParameters?: Record<string, string> } = {}): HttpEvent {
  const headers: Record<string, string> = {};
  if (opts.auth !== false) headers.authorization = `Bearer ${opts.key ?? 'afp_unit_test_key'}`;
  if (opts.contentType !== undefined) headers['content-type'] = opts.contentType;
  return {
    version: '2.0',
    routeKey,
    rawPath: '/',
    rawQueryString: '',
    headers,
    requestContext: { requestId: 'req-1' } as HttpEvent['requestContext'],
    body: opts.body === undefined ? undefined : opts.base64 ? Buffer.from(opts.body).toString('base64') : opts.body,
    isBase64Encoded: opts.base64 ?? false,
    pathParameters: opts.pathParameters,
  };
}

const call = async (h: Handler, event: HttpEvent) => {
  const res = await h(event, {} as Context);
  return { status: res.statusCode, headers: res.headers ?? {}, body: res.body ? (JSON.parse(res.body) as { error?: { code: string; message: string; details?: unknown } }) : undefined };
};

const BODY = JSON.stringify({ name: 'a' });

describe('request bodies', () => {
  it.each(['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream', 'application/jsonp', 'application/json-seq', 'application/json; charset=utf-16le', 'application/json; charset=latin1', ';;;', ''])(
    'refuses a body sent as %j with 415 in the error shape, before the route reads it',
    async (contentType) => {
      const res = await call(handler, request('POST /echo', { body: BODY, contentType }));
      expect(res.status).toBe(415);
      expect(res.body?.error).toMatchObject({ code: 'unsupported_media_type', message: expect.stringContaining('application/json'), details: [{ field: 'content-type', message: expect.any(String) }] });
      expect(seenBodies).toHaveLength(0);
    },
  );

  it('refuses a body with no Content-Type at all', async () => {
    const res = await call(handler, request('POST /echo', { body: BODY }));
    expect(res.status).toBe(415);
  });

  it('refuses a non-JSON body on a route that reads none, too (one rule for every route)', async () => {
    const res = await call(handler, request('POST /v1/things/{id}/cancel', { body: 'x=1', contentType: 'application/x-www-form-urlencoded', pathParameters: { id: 'a' } }));
    expect(res.status).toBe(415);
  });

  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON; Charset="UTF-8"', 'application/json;charset=utf8', 'application/json; foo=bar'])('takes JSON sent as %j', async (contentType) => {
    const res = await call(handler, request('POST /echo', { body: BODY, contentType }));
    expect(res.status).toBe(201);
    expect(seenBodies).toEqual([{ name: 'a' }]);
  });

  it('takes a base64-encoded JSON body (API Gateway encodes what it does not know as text)', async () => {
    const res = await call(handler, request('POST /echo', { body: BODY, contentType: 'application/json', base64: true }));
    expect(res.status).toBe(201);
  });

  it('takes an empty body whatever its declared type: body-less POSTs need no Content-Type', async () => {
    for (const contentType of [undefined, 'text/plain', 'application/x-www-form-urlencoded']) {
      const res = await call(handler, request('POST /v1/things/{id}/cancel', { contentType, pathParameters: { id: 'a' } }));
      expect(res.status, String(contentType)).toBe(204);
      const empty = await call(handler, request('POST /v1/things/{id}/cancel', { body: '', contentType, pathParameters: { id: 'a' } }));
      expect(empty.status, String(contentType)).toBe(204);
    }
  });

  it('answers 401 before 415: an unauthenticated caller learns nothing about the route', async () => {
    const res = await call(handler, request('POST /echo', { body: BODY, contentType: 'text/plain', auth: false }));
    expect(res.status).toBe(401);
  });
});

describe('response headers', () => {
  const expectSecurityHeaders = (headers: Record<string, unknown>) => {
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['cache-control']).toBe('no-store');
  };

  it('puts nosniff and no-store on a JSON answer, keeping its content type', async () => {
    const res = await call(handler, request('POST /echo', { body: BODY, contentType: 'application/json' }));
    expectSecurityHeaders(res.headers);
    expect(res.headers['content-type']).toBe('application/json');
  });

  it('on a 204', async () => {
    expectSecurityHeaders((await call(handler, request('POST /v1/things/{id}/cancel', { pathParameters: { id: 'a' } }))).headers);
  });

  it('on every error: 400, 401, 404, 415, 429 and a 500 whose detail stays in the log', async () => {
    const responses = [
      await call(handler, request('POST /echo', { body: '{', contentType: 'application/json' })),
      await call(handler, request('POST /echo', { auth: false })),
      await call(handler, request('GET /nowhere')),
      await call(handler, request('POST /echo', { body: BODY, contentType: 'text/plain' })),
      await call(handler, request('GET /boom')),
    ];
    ddb.on(UpdateCommand, { TableName: 'rate-limits' }).resolves({ Attributes: { hits: 1_000_000 } });
    responses.push(await call(handler, request('POST /echo', { body: BODY, contentType: 'application/json' })));
    expect(responses.map((r) => r.status)).toEqual([400, 401, 404, 415, 500, 429]);
    for (const res of responses) expectSecurityHeaders(res.headers);
    expect(JSON.stringify(responses[4]!.body)).not.toContain('fire');
    expect(responses[5]!.headers['retry-after']).toBeDefined();
  });

  it('on the public health route too', async () => {
    expectSecurityHeaders((await call(health, request('GET /v1/health', { auth: false }))).headers);
  });
});

describe('the order of the checks, and the audit trail around them', () => {
  // Keys of their own: resolved keys and rate-limit leases are kept per key for the container's life.
  const keys = { viewer: 'afp_audit_viewer', ok: 'afp_audit_ok', refused: 'afp_audit_refused', down: 'afp_audit_down', unknown: 'afp_audit_unknown' };
  const auditPuts = () => ddb.commandCalls(PutCommand, { TableName: 'audit' }).map((c) => c.args[0].input.Item as Record<string, unknown>);
  const post = (key: string | undefined, contentType = 'application/json') =>
    call(handler, request('POST /v1/api-keys', { ...(key ? { key } : { auth: false }), body: BODY, contentType }));

  beforeEach(async () => {
    const { hashApiKey } = await import('../../functions/core/auth/api-keys.ts');
    for (const [name, key] of Object.entries(keys)) {
      const item = name === 'unknown' ? undefined : { tenantId: 't1', role: name === 'viewer' ? 'viewer' : 'admin', keyId: `k-${name}` };
      ddb.on(GetCommand, { TableName: 'keys', Key: { keyHash: hashApiKey(key) } }).resolves({ Item: item });
    }
    ddb.on(PutCommand, { TableName: 'audit' }).resolves({});
  });

  it('answers an unknown route 404 before asking for a key', async () => {
    expect((await call(handler, request('GET /nowhere', { auth: false }))).status).toBe(404);
    expect(ddb.commandCalls(GetCommand)).toHaveLength(0);
  });

  it('records a sensitive call that succeeded, with its status and the id it answered', async () => {
    expect((await post(keys.ok)).status).toBe(201);
    expect(auditPuts()).toEqual([expect.objectContaining({ action: 'api_key.issue', outcome: 'succeeded', status: 201, targetId: 'key_new', actor: { type: 'apiKey', keyId: 'k-ok', role: 'admin' } })]);
  });

  it('records a known key refused by its role, its body or its rate limit, and never reaches the route', async () => {
    expect((await post(keys.viewer)).status).toBe(403);
    expect((await post(keys.refused, 'text/plain')).status).toBe(415);
    ddb.on(UpdateCommand, { TableName: 'rate-limits' }).resolves({ Attributes: { hits: 1_000_000 } });
    expect((await post(keys.refused)).status).toBe(429);
    expect(auditPuts().map((r) => [r.actor, r.outcome, r.status, r.targetId])).toEqual([
      [{ type: 'apiKey', keyId: 'k-viewer', role: 'viewer' }, 'failed', 403, null],
      [{ type: 'apiKey', keyId: 'k-refused', role: 'admin' }, 'failed', 415, null],
      [{ type: 'apiKey', keyId: 'k-refused', role: 'admin' }, 'failed', 429, null],
    ]);
  });

  it('leaves no record for a call without a valid key: it names no actor', async () => {
    expect((await post(undefined)).status).toBe(401);
    expect((await post(keys.unknown)).status).toBe(401);
    expect(auditPuts()).toEqual([]);
  });

  it('answers the same sensitive call even when its record cannot be written', async () => {
    ddb.on(PutCommand, { TableName: 'audit' }).rejects(new Error('audit table down'));
    expect((await post(keys.down)).status).toBe(201);
    expect(ddb.commandCalls(PutCommand, { TableName: 'audit' })).toHaveLength(1);
  });
});
