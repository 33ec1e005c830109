import { request } from 'node:http';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GetConnectionCommand,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { startLocalHttpApi, type HttpHandler, type LocalHttpApi } from '../../local/apigateway/http-api.ts';
import { startLocalWebSocketApi, type LocalWebSocketApi, type WsAuthorizerEvent, type WsAuthorizerHandler, type WsEvent, type WsHandler } from '../../local/apigateway/websocket-api.ts';
import { HTTP_ROUTES, type HttpRoute } from '../../functions/shared/routes.ts';

interface Echo {
  event: APIGatewayProxyEventV2;
  fn: string;
  remainingMs: number;
}

/** Behaviour chosen per request by a header, so each test states what it exercises. */
const echoHandler: HttpHandler = async (event, context) => {
  switch (event.headers['x-test']) {
    case 'throw':
      throw new Error('kaboom');
    case 'plain':
      // a bare object: HTTP APIs accept any JSON (APIGatewayProxyResultV2<T>), the adapter must too
      return { hello: 'world' } as unknown as APIGatewayProxyResultV2;
    case 'binary':
      return { statusCode: 200, headers: { 'content-type': 'application/octet-stream' }, body: Buffer.from([0, 1, 254, 255]).toString('base64'), isBase64Encoded: true };
    default: {
      const echo: Echo = { event, fn: context.functionName, remainingMs: context.getRemainingTimeInMillis() };
      return {
        statusCode: 201,
        headers: { 'content-type': 'application/json', 'access-control-allow-origin': 'https://evil.example', etag: '"v1"' },
        cookies: ['session=abc; Path=/; HttpOnly', 'theme=dark'],
        body: JSON.stringify(echo),
      };
    }
  }
};

const routes: HttpRoute[] = [
  ...HTTP_ROUTES,
  { routeKey: 'GET /v1/files/{proxy+}', fn: 'api-health' },
  { routeKey: 'GET /v1/files/special', fn: 'api-jobs' },
];

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** node:http rather than fetch: it can send a header twice and exactly the bytes given. */
async function send(url: string, method: string, headers: Record<string, string | string[]>, body?: Buffer | string): Promise<RawResponse> {
  const req = request(url, { method, headers });
  const responded = once(req, 'response') as Promise<[import('node:http').IncomingMessage]>;
  req.end(body);
  const [res] = await responded;
  const chunks: Buffer[] = [];
  for await (const chunk of res as AsyncIterable<Buffer>) chunks.push(chunk);
  return { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) };
}

const bodyJson = <T>(r: RawResponse): T => JSON.parse(r.body.toString('utf8')) as T;

describe('local HTTP API (payload format 2.0)', () => {
  let api: LocalHttpApi;
  const loaded: string[] = [];

  beforeAll(async () => {
    api = await startLocalHttpApi({
      routes,
      loadHandler: async (fn) => {
        loaded.push(fn);
        return echoHandler;
      },
      cors: { allowOrigins: ['https://app.example'], allowHeaders: ['authorization', 'content-type'], allowMethods: ['GET', 'POST', 'PUT', 'DELETE'], exposeHeaders: ['ETag'], maxAge: 600 },
      maxBodyBytes: 64 * 1024,
    });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('builds a real v2 event: route, path parameters, query, cookies, headers, body', async () => {
    const res = await send(
      `${api.url}/v1/uploads/sess%201/parts?a=1&a=2&b=x%20y`,
      'POST',
      { 'content-type': 'application/json', cookie: 'c1=v1; c2=v2', 'x-multi': ['1', '2'], 'User-Agent': 'vitest', authorization: 'Bearer k' },
      JSON.stringify({ partNumbers: [1, 2] }),
    );
    expect(res.status).toBe(201);
    const { event, fn, remainingMs } = bodyJson<Echo>(res);
    expect(fn).toBe('api-uploads');
    expect(remainingMs).toBeGreaterThan(29_000);
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /v1/uploads/{sessionId}/parts',
      rawPath: '/v1/uploads/sess%201/parts',
      rawQueryString: 'a=1&a=2&b=x%20y',
      cookies: ['c1=v1', 'c2=v2'],
      queryStringParameters: { a: '1,2', b: 'x y' },
      pathParameters: { sessionId: 'sess 1' },
      body: '{"partNumbers":[1,2]}',
      isBase64Encoded: false,
      requestContext: {
        accountId: '000000000000',
        routeKey: 'POST /v1/uploads/{sessionId}/parts',
        stage: '$default',
        http: { method: 'POST', path: '/v1/uploads/sess%201/parts', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      },
    });
    expect(event.headers).toMatchObject({ 'x-multi': '1,2', 'user-agent': 'vitest', authorization: 'Bearer k', 'x-forwarded-proto': 'http' });
    expect(event.headers.cookie).toBeUndefined();
    expect(event.requestContext.requestId).toBe(res.headers['apigw-requestid']);
    expect(res.headers['x-amzn-requestid']).toBe(res.headers['apigw-requestid']);
    expect(event.requestContext.time).toMatch(/^\d{2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(Math.abs(event.requestContext.timeEpoch - Date.now())).toBeLessThan(5_000);
    expect(res.headers['set-cookie']).toEqual(['session=abc; Path=/; HttpOnly', 'theme=dark']);
  });

  it('matches the most specific route and leaves out absent parts of the event', async () => {
    const parts = bodyJson<Echo>(await send(`${api.url}/v1/uploads/abc/parts/3`, 'GET', {}));
    expect(parts.event.routeKey).toBe('GET /v1/uploads/{sessionId}/parts/{partNumber}');
    expect(parts.event.pathParameters).toEqual({ sessionId: 'abc', partNumber: '3' });
    expect(parts.event).not.toHaveProperty('body');
    expect(parts.event).not.toHaveProperty('queryStringParameters');
    expect(parts.event.rawQueryString).toBe('');

    const special = bodyJson<Echo>(await send(`${api.url}/v1/files/special`, 'GET', {}));
    expect(special).toMatchObject({ fn: 'api-jobs', event: { routeKey: 'GET /v1/files/special' } });
    const greedy = bodyJson<Echo>(await send(`${api.url}/v1/files/a/b%20c/d.csv`, 'GET', {}));
    expect(greedy).toMatchObject({ fn: 'api-health', event: { routeKey: 'GET /v1/files/{proxy+}', pathParameters: { proxy: 'a/b c/d.csv' } } });
  });

  it('base64-encodes binary bodies both ways', async () => {
    const bytes = Buffer.from([0, 255, 1, 2, 0xc3]);
    const { event } = bodyJson<Echo>(await send(`${api.url}/v1/uploads`, 'POST', { 'content-type': 'application/octet-stream' }, bytes));
    expect(event).toMatchObject({ isBase64Encoded: true, body: bytes.toString('base64') });

    const res = await send(`${api.url}/v1/health`, 'GET', { 'x-test': 'binary' });
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect([...res.body]).toEqual([0, 1, 254, 255]);
  });

  it('answers a result without statusCode as 200 JSON', async () => {
    const res = await send(`${api.url}/v1/jobs`, 'GET', { 'x-test': 'plain' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(bodyJson(res)).toEqual({ hello: 'world' });
  });

  it('answers 404 for an unknown route or method, as API Gateway does', async () => {
    for (const [method, path] of [['GET', '/v1/nope'], ['DELETE', '/v1/jobs'], ['GET', '/v1/uploads/abc/parts/3/extra']] as const) {
      const res = await send(`${api.url}${path}`, method, {});
      expect(res.status).toBe(404);
      expect(bodyJson(res)).toEqual({ message: 'Not Found' });
    }
  });

  it('answers 500 with a generic body when the handler throws, and logs the error', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const res = await send(`${api.url}/v1/jobs/j1`, 'GET', { 'x-test': 'throw' });
      expect(res.status).toBe(500);
      expect(bodyJson(res)).toEqual({ message: 'Internal Server Error' });
      expect(log).toHaveBeenCalledWith(expect.stringContaining('GET /v1/jobs/{jobId}'), expect.objectContaining({ message: 'kaboom' }));
    } finally {
      log.mockRestore();
    }
  });

  it('answers 413 for a body over the limit, without calling the function', async () => {
    const before = loaded.length;
    const res = await send(`${api.url}/v1/uploads`, 'POST', { 'content-type': 'application/json' }, Buffer.alloc(64 * 1024 + 1, 0x61));
    expect(res.status).toBe(413);
    expect(bodyJson(res)).toEqual({ message: 'Request Entity Too Large' });
    // without a Content-Length the limit is enforced while reading
    const chunked = await send(`${api.url}/v1/uploads`, 'POST', { 'transfer-encoding': 'chunked' }, Buffer.alloc(64 * 1024 + 1, 0x61));
    expect(chunked.status).toBe(413);
    expect(loaded.length).toBe(before);
  });

  it('answers 503 when the function outlasts the integration timeout', async () => {
    const slow = await startLocalHttpApi({
      routes: [{ routeKey: 'GET /v1/health', fn: 'api-health' }],
      loadHandler: async () => async () => new Promise((resolve) => setTimeout(() => resolve({ statusCode: 200 }), 300)),
      timeoutMs: 50,
    });
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const res = await send(`${slow.url}/v1/health`, 'GET', {});
      expect(res.status).toBe(503);
      expect(bodyJson(res)).toEqual({ message: 'Service Unavailable' });
    } finally {
      log.mockRestore();
      await slow.close();
    }
  });

  it('answers CORS preflight itself and puts its own CORS headers on responses', async () => {
    const pre = await send(`${api.url}/v1/uploads/abc`, 'OPTIONS', {
      origin: 'https://app.example',
      'access-control-request-method': 'DELETE',
      'access-control-request-headers': 'authorization',
    });
    expect(pre.status).toBe(204);
    expect(pre.headers).toMatchObject({
      'access-control-allow-origin': 'https://app.example',
      'access-control-allow-methods': 'GET,POST,PUT,DELETE',
      'access-control-allow-headers': 'authorization,content-type',
      'access-control-max-age': '600',
    });

    const res = await send(`${api.url}/v1/jobs`, 'GET', { origin: 'https://app.example' });
    expect(res.headers['access-control-allow-origin']).toBe('https://app.example'); // not the function's evil.example
    expect(res.headers['access-control-expose-headers']).toBe('ETag');

    const other = await send(`${api.url}/v1/jobs`, 'GET', { origin: 'https://elsewhere.example' });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const otherPre = await send(`${api.url}/v1/jobs`, 'OPTIONS', { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' });
    expect(otherPre.status).toBe(204);
    expect(otherPre.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('local WebSocket API', () => {
  let wsApi: LocalWebSocketApi;
  let management: ApiGatewayManagementApiClient;
  const events: WsEvent[] = [];
  const disconnected = new Map<string, () => void>();

  const handler: WsHandler = async (event) => {
    const e = event as WsEvent;
    events.push(e);
    switch (e.requestContext.routeKey) {
      case '$connect':
        return e.queryStringParameters?.token === 'good' ? { statusCode: 200 } : { statusCode: 401, body: 'Unauthorized' };
      case '$disconnect':
        disconnected.get(e.requestContext.connectionId)?.();
        return { statusCode: 200 };
      case 'subscribe': {
        const { jobId } = JSON.parse(e.body ?? '{}') as { jobId?: string };
        return { statusCode: 200, body: JSON.stringify({ type: 'subscribed', jobId }) };
      }
      default:
        return { statusCode: 200, body: JSON.stringify({ type: 'echo', body: e.body }) };
    }
  };

  beforeAll(async () => {
    wsApi = await startLocalWebSocketApi({ routes: ['$connect', '$disconnect', '$default', 'subscribe'], loadHandler: async () => handler });
    management = new ApiGatewayManagementApiClient({ endpoint: wsApi.managementEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  });
  afterAll(async () => {
    management?.destroy();
    await wsApi?.close();
  });

  /** Open a client; resolves with the socket and the connectionId its $connect carried. */
  async function connect(token: string): Promise<{ ws: WebSocket; connectionId: string; disconnect: Promise<void> }> {
    const ws = new WebSocket(`${wsApi.url}?token=${token}`, { headers: { 'User-Agent': 'vitest-ws' } });
    await once(ws, 'open');
    const connect = events.filter((e) => e.requestContext.routeKey === '$connect').at(-1)!;
    const connectionId = connect.requestContext.connectionId;
    const disconnect = new Promise<void>((resolve) => disconnected.set(connectionId, resolve));
    return { ws, connectionId, disconnect };
  }

  const nextMessage = async (ws: WebSocket): Promise<unknown> => {
    const [data] = (await once(ws, 'message')) as [Buffer];
    return JSON.parse(data.toString('utf8'));
  };

  it('refuses the upgrade with the status $connect returned', async () => {
    const ws = new WebSocket(`${wsApi.url}?token=bad`);
    const [err] = (await once(ws, 'error').catch((e: unknown) => [e])) as [Error];
    expect(err.message).toContain('Unexpected server response: 401');
  });

  it('passes a real $connect event, routes by action, and delivers PostToConnection frames', async () => {
    const { ws, connectionId, disconnect } = await connect('good');
    const connectEvent = events.find((e) => e.requestContext.connectionId === connectionId)!;
    expect(connectionId).toMatch(/^[A-Za-z0-9_-]{15}=$/);
    expect(connectEvent).toMatchObject({
      queryStringParameters: { token: 'good' },
      isBase64Encoded: false,
      requestContext: { routeKey: '$connect', eventType: 'CONNECT', messageDirection: 'IN', stage: 'local', identity: { sourceIp: '127.0.0.1', userAgent: 'vitest-ws' } },
    });
    expect(connectEvent.headers?.['Sec-WebSocket-Key']).toBeTruthy();
    expect(typeof connectEvent.requestContext.connectedAt).toBe('number');

    ws.send(JSON.stringify({ action: 'subscribe', jobId: 'job-1' }));
    expect(await nextMessage(ws)).toEqual({ type: 'subscribed', jobId: 'job-1' });
    const subscribe = events.find((e) => e.requestContext.routeKey === 'subscribe')!;
    expect(subscribe.requestContext).toMatchObject({ eventType: 'MESSAGE', connectionId, connectedAt: connectEvent.requestContext.connectedAt });
    expect(subscribe.body).toBe('{"action":"subscribe","jobId":"job-1"}');

    ws.send('not json');
    expect(await nextMessage(ws)).toEqual({ type: 'echo', body: 'not json' });

    const frame = nextMessage(ws);
    await management.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: JSON.stringify({ type: 'job.progress', jobId: 'job-1', percent: 40 }) }));
    // how fast a frame arrives is the bench's question (npm run bench:api), not a test's
    expect(await frame).toEqual({ type: 'job.progress', jobId: 'job-1', percent: 40 });

    const info = await management.send(new GetConnectionCommand({ ConnectionId: connectionId }));
    expect(info.ConnectedAt).toBeInstanceOf(Date);
    expect(info.LastActiveAt!.getTime()).toBeGreaterThanOrEqual(info.ConnectedAt!.getTime());
    expect(info.Identity).toEqual({ SourceIp: '127.0.0.1', UserAgent: 'vitest-ws' });

    ws.close();
    await disconnect;
    const gone = events.find((e) => e.requestContext.routeKey === '$disconnect' && e.requestContext.connectionId === connectionId)!;
    expect(gone.requestContext).toMatchObject({ eventType: 'DISCONNECT', disconnectStatusCode: 1005 });
    await expect(management.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: 'late' }))).rejects.toBeInstanceOf(GoneException);
    await expect(management.send(new GetConnectionCommand({ ConnectionId: connectionId }))).rejects.toBeInstanceOf(GoneException);
  });

  it('closes a connection on DeleteConnection and runs $disconnect', async () => {
    const { ws, connectionId, disconnect } = await connect('good');
    const closed = once(ws, 'close');
    await management.send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
    const [code] = (await closed) as [number];
    expect(code).toBe(1000);
    await disconnect;
    await expect(management.send(new DeleteConnectionCommand({ ConnectionId: connectionId }))).rejects.toBeInstanceOf(GoneException);
  });

  it('answers Forbidden for a message no route takes when there is no $default', async () => {
    const strict = await startLocalWebSocketApi({ routes: ['subscribe'], loadHandler: async () => handler });
    try {
      const ws = new WebSocket(strict.url);
      await once(ws, 'open');
      ws.send(JSON.stringify({ action: 'dance' }));
      expect(await nextMessage(ws)).toMatchObject({ message: 'Forbidden', connectionId: expect.any(String) as unknown });
      ws.close();
    } finally {
      await strict.close();
    }
  });
});

describe('local WebSocket API with a $connect authorizer', () => {
  let wsApi: LocalWebSocketApi;
  const events: WsEvent[] = [];
  const authorizations: WsAuthorizerEvent[] = [];

  /** ?token= decides: good lets in with a context, deny answers a Deny policy, boom fails, the rest are unauthorized. */
  const authorizer: WsAuthorizerHandler = async (event) => {
    authorizations.push(event);
    const token = event.queryStringParameters?.token;
    if (token === 'boom') throw new Error('the key store is down');
    if (token !== 'good' && token !== 'deny') throw new Error('Unauthorized');
    return {
      principalId: 'tenant-a',
      policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: token === 'good' ? 'Allow' : 'Deny', Resource: event.methodArn }] },
      ...(token === 'good' && { context: { tenantId: 'tenant-a', kind: 'api-key' } }),
    };
  };
  const handler: WsHandler = async (event) => {
    events.push(event as WsEvent);
    return (event as WsEvent).requestContext.routeKey === 'subscribe' ? { statusCode: 200, body: '{"type":"subscribed"}' } : { statusCode: 200 };
  };

  beforeAll(async () => {
    wsApi = await startLocalWebSocketApi({
      routes: ['$connect', '$disconnect', 'subscribe'],
      loadHandler: async () => handler,
      authorizer: { identitySource: ['route.request.querystring.token'], loadHandler: async () => authorizer },
    });
  });
  afterAll(async () => {
    await wsApi?.close();
  });

  const refusal = async (url: string): Promise<number> => {
    const ws = new WebSocket(url);
    // with this listener, ending the refused request is the client's job
    const [req, res] = (await once(ws, 'unexpected-response')) as [{ destroy(): void }, { statusCode: number; resume(): void }];
    res.resume();
    req.destroy();
    return res.statusCode;
  };

  it('refuses a connect without the identity source with 401, without running the authorizer or $connect', async () => {
    const before = { authorizations: authorizations.length, events: events.length };
    expect(await refusal(wsApi.url)).toBe(401);
    expect(await refusal(`${wsApi.url}?token=`)).toBe(401);
    expect({ authorizations: authorizations.length, events: events.length }).toEqual(before);
  });

  it("answers the authorizer's Unauthorized with 401, a Deny policy with 403 and a failure with 500, and never runs $connect for them", async () => {
    const before = events.length;
    expect(await refusal(`${wsApi.url}?token=nope`)).toBe(401);
    expect(await refusal(`${wsApi.url}?token=deny`)).toBe(403);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await refusal(`${wsApi.url}?token=boom`)).toBe(500);
    } finally {
      logged.mockRestore();
    }
    expect(events.length).toBe(before);
  });

  it('runs the authorizer on every connect with a REQUEST event, and passes its context to $connect, each message and $disconnect', async () => {
    const seen = authorizations.length;
    const ws = new WebSocket(`${wsApi.url}?token=good`);
    await once(ws, 'open');
    const second = new WebSocket(`${wsApi.url}?token=good`);
    await once(second, 'open');
    second.close();
    // no cached results: one authorizer run per connect
    expect(authorizations.length).toBe(seen + 2);
    const auth = authorizations[seen]!;
    expect(auth).toMatchObject({ type: 'REQUEST', queryStringParameters: { token: 'good' }, requestContext: { routeKey: '$connect', eventType: 'CONNECT' } });
    expect(auth.methodArn).toMatch(/^arn:aws:execute-api:us-east-1:\d{12}:[a-z0-9]+\/local\/\$connect$/);
    const connectionId = auth.requestContext.connectionId;

    ws.send(JSON.stringify({ action: 'subscribe', jobId: 'job-1' }));
    await once(ws, 'message');
    ws.close();
    await vi.waitFor(() => expect(events.some((e) => e.requestContext.connectionId === connectionId && e.requestContext.routeKey === '$disconnect')).toBe(true));
    const ofConnection = events.filter((e) => e.requestContext.connectionId === connectionId);
    expect(ofConnection.map((e) => e.requestContext.routeKey)).toEqual(['$connect', 'subscribe', '$disconnect']);
    for (const e of ofConnection) {
      expect(e.requestContext.authorizer, e.requestContext.routeKey).toEqual({ tenantId: 'tenant-a', kind: 'api-key', principalId: 'tenant-a', integrationLatency: expect.any(Number) as unknown });
    }
  });
});
