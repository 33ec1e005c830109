import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import type { HttpEvent, HttpResult } from '../../functions/shared/http/responses.ts';
import type { Resolver } from '../../functions/core/webhooks/url-policy.ts';
import { mockKms } from '../helpers/fake-kms.ts';
import { openSecret } from '../../functions/adapters/secret-sealer.ts';

/*
 * The API's URL validation with the production policy (ALLOW_LOOPBACK_WEBHOOKS unset), which
 * the integration stack cannot show because it allows loopback. DynamoDB is mocked.
 */
const ddb = mockClient(DynamoDBDocumentClient);
const kms = mockKms();
type Handler = (event: HttpEvent, context: Context) => Promise<HttpResult>;
let handler: Handler;
let handlerWithDns: (resolve: Resolver) => Handler;

const fakeDns: Resolver = async (host) => {
  const table: Record<string, string[]> = {
    'hooks.example.net': ['93.184.216.34'],
    'metadata.example.net': ['169.254.169.254'],
    'internal.example.net': ['10.0.0.5'],
    'rebind.example.net': ['93.184.216.34', '127.0.0.1'],
  };
  const answers = table[host];
  if (!answers) throw new Error(`ENOTFOUND ${host}`);
  return answers.map((address) => ({ address, family: 4 as const }));
};

beforeAll(async () => {
  // Set before the handler module loads: it reads its config once, as at a cold start.
  Object.assign(process.env, { WEBHOOK_SECRETS_KEY_ARN: kms.keyArn, API_KEYS_TABLE: 'keys', RATE_LIMITS_TABLE: 'rate-limits', TENANTS_TABLE: 'tenants', AUDIT_TABLE: 'audit', WEBHOOKS_TABLE: 'webhooks', AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y' });
  delete process.env.ALLOW_LOOPBACK_WEBHOOKS;
  const api = await import('../../functions/api-webhooks/handler.ts');
  const { httpApi } = await import('../../functions/shared/http/api.ts');
  handler = api.handler as unknown as Handler;
  handlerWithDns = (resolve) => httpApi(api.webhookRoutes(resolve)) as unknown as Handler;
});

const storedEndpoint = {
  tenantId: 't1',
  sk: 'WH#wh_1',
  webhookId: 'wh_1',
  url: 'https://hooks.example.net/in',
  description: '',
  events: ['job.succeeded'],
  enabled: true,
  secret: 'whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

beforeEach(() => {
  ddb.reset();
  ddb.on(GetCommand, { TableName: 'keys' }).resolves({ Item: { tenantId: 't1', role: 'admin', keyId: 'k1' } });
  ddb.on(GetCommand, { TableName: 'webhooks', Key: { tenantId: 't1', sk: 'WH#wh_1' } }).resolves({ Item: storedEndpoint });
  ddb.on(GetCommand, { TableName: 'webhooks', Key: { tenantId: 't1', sk: 'WH#wh_other' } }).resolves({});
  ddb.on(PutCommand).resolves({});
  ddb.on(UpdateCommand, { TableName: 'rate-limits' }).resolves({ Attributes: { hits: 1 } });
  ddb.on(UpdateCommand, { TableName: 'webhooks' }).resolves({ Attributes: storedEndpoint });
});

function request(routeKey: string, body?: unknown, pathParameters?: Record<string, string>): HttpEvent {
  return {
    version: '2.0',
    routeKey,
    rawPath: '/',
    rawQueryString: '',
    headers: { authorization: 'Bearer afp_unit_test_key', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    requestContext: { requestId: 'req-1' } as HttpEvent['requestContext'],
    body: body === undefined ? undefined : JSON.stringify(body),
    isBase64Encoded: false,
    pathParameters,
  };
}

async function call(h: Handler, event: HttpEvent) {
  const res = await h(event, {} as Context);
  return { status: res.statusCode, body: JSON.parse(res.body ?? 'null') as Record<string, unknown> & { error?: { details?: { field: string; message: string }[] } } };
}

describe('POST /v1/webhooks URL policy (loopback not allowed)', () => {
  it('refuses https://localhost, which the system resolver maps to loopback, naming `url`', async () => {
    const res = await call(handler, request('POST /v1/webhooks', { url: 'https://localhost/hook' }));
    expect(res.status).toBe(400);
    expect(res.body.error?.details).toEqual([{ field: 'url', message: expect.stringMatching(/loopback/) }]);
    expect(ddb.commandCalls(PutCommand, { TableName: 'webhooks' })).toHaveLength(0);
  });

  it.each([
    ['https://metadata.example.net/hook', /linkLocal/],
    ['https://internal.example.net/hook', /private/],
    ['https://rebind.example.net/hook', /loopback/],
    ['https://169.254.169.254/latest/meta-data/', /linkLocal/],
    ['https://[::ffff:169.254.169.254]/', /linkLocal/],
    ['http://127.0.0.1:8080/hook', /https/],
    ['http://hooks.example.net/in', /https/],
    ['https://nowhere.example.net/', /does not resolve/],
  ])('refuses %s with a 400 on url', async (url, reason) => {
    const res = await call(handlerWithDns(fakeDns), request('POST /v1/webhooks', { url }));
    expect(res.status).toBe(400);
    expect(res.body.error?.details?.[0]).toEqual({ field: 'url', message: expect.stringMatching(reason) });
    expect(ddb.commandCalls(PutCommand, { TableName: 'webhooks' })).toHaveLength(0);
  });

  it('creates a public https endpoint: the secret is in the answer once and stored sealed for signing', async () => {
    const res = await call(handlerWithDns(fakeDns), request('POST /v1/webhooks', { url: 'https://hooks.example.net/in', description: 'prod' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ url: 'https://hooks.example.net/in', enabled: true, description: 'prod' });
    expect(res.body.events).toEqual(['job.succeeded', 'job.failed', 'job.needs_mapping', 'job.cancelled', 'accounts.updated']);
    expect(res.body.secret).toMatch(/^whsec_/);
    const put = ddb.commandCalls(PutCommand, { TableName: 'webhooks' })[0]?.args[0].input;
    expect(put?.Item).toMatchObject({ tenantId: 't1', sk: `WH#${String(res.body.webhookId)}`, secret: expect.stringMatching(/^kms:v1:/) });
    expect(JSON.stringify(put?.Item)).not.toContain(String(res.body.secret));
    expect(await openSecret(String(put?.Item?.secret), { tenantId: 't1', webhookId: String(res.body.webhookId) })).toBe(res.body.secret);
  });

  it('rejects unknown event names, naming the field', async () => {
    const res = await call(handlerWithDns(fakeDns), request('POST /v1/webhooks', { url: 'https://hooks.example.net/in', events: ['job.exploded'] }));
    expect(res.status).toBe(400);
    expect(res.body.error?.details?.[0]?.field).toBe('events.0');
  });
});

describe('PATCH /v1/webhooks/{id}', () => {
  it('checks a new URL the same way and leaves the endpoint untouched on refusal', async () => {
    const res = await call(handlerWithDns(fakeDns), request('PATCH /v1/webhooks/{webhookId}', { url: 'https://metadata.example.net/x' }, { webhookId: 'wh_1' }));
    expect(res.status).toBe(400);
    expect(res.body.error?.details?.[0]?.field).toBe('url');
    expect(ddb.commandCalls(UpdateCommand, { TableName: 'webhooks' })).toHaveLength(0);
  });
});

describe('GET /v1/webhooks/{id}', () => {
  it('answers without any secret', async () => {
    const res = await call(handler, request('GET /v1/webhooks/{webhookId}', undefined, { webhookId: 'wh_1' }));
    expect(res.status).toBe(200);
    expect(res.body.webhookId).toBe('wh_1');
    expect(JSON.stringify(res.body)).not.toContain('whsec_');
  });

  it('reads only within the caller’s tenant: an id it does not own is a 404', async () => {
    const res = await call(handler, request('GET /v1/webhooks/{webhookId}', undefined, { webhookId: 'wh_other' }));
    expect(res.status).toBe(404);
    const keys = ddb.commandCalls(GetCommand).map((c) => c.args[0].input.Key).filter((k) => k && 'sk' in k);
    expect(keys).toEqual([{ tenantId: 't1', sk: 'WH#wh_other' }]);
  });
});
