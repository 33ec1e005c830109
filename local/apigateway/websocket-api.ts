import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { once } from 'node:events';
import { WebSocketServer, WebSocket } from 'ws';
import type { APIGatewayAuthorizerResult, APIGatewayEventWebsocketRequestContextV2, APIGatewayProxyWebsocketEventV2, Context } from 'aws-lambda';
import { formatRequestTime, joinHeaders, lambdaContext, newGatewayId, sourceIpOf } from './common.ts';
import { closeServer, listen, readBody } from '../http-server.ts';

/*
 * API Gateway WebSocket API on one port: $connect on upgrade (a non-2xx answer refuses
 * it), routing by a JSON body field with $default as the fallback, $disconnect on close,
 * and the management API (`POST|GET|DELETE /{stage}/@connections/{id}`) that the real
 * ApiGatewayManagementApiClient talks to, GoneException included.
 */

export type WsEvent = APIGatewayProxyWebsocketEventV2 & {
  requestContext: APIGatewayEventWebsocketRequestContextV2 & {
    identity: { sourceIp: string; userAgent?: string };
    /** what the $connect authorizer returned (its context, principalId, integrationLatency), on every event of the connection */
    authorizer?: Record<string, string | number | boolean>;
    disconnectStatusCode?: number;
    disconnectReason?: string;
  };
  queryStringParameters?: Record<string, string>;
  multiValueQueryStringParameters?: Record<string, string[]>;
  /** WebSocket events keep the header names as the client sent them (unlike HTTP API 2.0) */
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
};

export type WsHandler = (
  event: APIGatewayProxyWebsocketEventV2 & { queryStringParameters?: Record<string, string>; headers?: Record<string, string> },
  context: Context,
) => Promise<{ statusCode: number; body?: string } | void>;

/** The REQUEST event a WebSocket API's Lambda authorizer gets on $connect (REST-style, without resource, path and method). */
export type WsAuthorizerEvent = Pick<WsEvent, 'headers' | 'multiValueHeaders' | 'queryStringParameters' | 'multiValueQueryStringParameters'> & {
  type: 'REQUEST';
  methodArn: string;
  stageVariables: Record<string, string>;
  requestContext: WsEvent['requestContext'];
};
export type WsAuthorizerHandler = (event: WsAuthorizerEvent, context: Context) => Promise<APIGatewayAuthorizerResult>;

export interface LocalWebSocketApiOptions {
  port?: number;
  host?: string;
  /** default 'local' */
  stage?: string;
  loadHandler(): Promise<WsHandler>;
  /** e.g. ['$connect', '$disconnect', '$default', 'subscribe'] */
  routes: readonly string[];
  /** the body field of `$request.body.<key>`; default 'action' */
  routeSelectionKey?: string;
  /** default 10 minutes, API Gateway's idle timeout */
  idleTimeoutMs?: number;
  /** name in the Lambda context; default 'ws' */
  functionName?: string;
  /**
   * A Lambda REQUEST authorizer on $connect, run as API Gateway runs it: on every connect
   * (WebSocket APIs cache no authorizer results), not at all when an identity source is
   * missing or empty (401). An error named or saying `Unauthorized` refuses with 401, a policy
   * that does not allow `execute-api:Invoke` on the connect's method ARN with 403, any other
   * error with 500; what it allows passes its context to every event of the connection.
   */
  authorizer?: {
    /** e.g. ['route.request.querystring.token', 'route.request.header.Auth'] */
    identitySource: readonly string[];
    loadHandler(): Promise<WsAuthorizerHandler>;
    /** default 'ws-authorizer' */
    functionName?: string;
  };
}

export interface LocalWebSocketApi {
  /** ws://127.0.0.1:PORT/<stage> */
  url: string;
  /** http://127.0.0.1:PORT/<stage>: the endpoint for ApiGatewayManagementApiClient */
  managementEndpoint: string;
  port: number;
  close(): Promise<void>;
}

interface Connection {
  id: string;
  /** the authorizer's context of this connection, passed with each of its events */
  authorizer?: Record<string, string | number | boolean>;
  ws: WebSocket;
  connectedAt: number;
  lastActiveAt: number;
  sourceIp: string;
  userAgent?: string;
  idle?: NodeJS.Timeout;
  /** posts hung or answered 429 so far (LOCAL_WS_POST_FAULTS) */
  faulted?: number;
}

interface PostFault {
  userAgent: string;
  fault: 'hang' | 'throttle';
  /** how many posts hang or answer 429 before they go through (default: all) */
  times?: number;
}

/**
 * Test hook for what API Gateway does to posts under load, read on every post:
 * LOCAL_WS_POST_FAULTS='[{"userAgent":"slow-client","fault":"hang"}]' leaves posts to the
 * connections opened with that User-Agent unanswered (the poster's timeout ends them), and
 * `"fault":"throttle","times":3` answers their first 3 posts 429 LimitExceededException
 * (`times` limits a hang the same way).
 */
function postFaultFor(conn: Connection): PostFault | undefined {
  const raw = process.env.LOCAL_WS_POST_FAULTS;
  if (!raw || conn.userAgent === undefined) return undefined;
  try {
    return (JSON.parse(raw) as PostFault[]).find((f) => f.userAgent === conn.userAgent);
  } catch {
    return undefined;
  }
}

/** API Gateway's limits: 128 KiB per message (the client frame and PostToConnection data). */
const MAX_MESSAGE_BYTES = 128 * 1024;
const HANDLER_TIMEOUT_MS = 29_000;

export async function startLocalWebSocketApi(o: LocalWebSocketApiOptions): Promise<LocalWebSocketApi> {
  const stage = o.stage ?? 'local';
  const host = o.host ?? '127.0.0.1';
  const selectionKey = o.routeSelectionKey ?? 'action';
  const idleTimeoutMs = o.idleTimeoutMs ?? 10 * 60 * 1000;
  const functionName = o.functionName ?? 'ws';
  const apiId = randomBytes(5).toString('hex');
  const routes = new Set(o.routes);
  const connections = new Map<string, Connection>();
  const upgrading = new Set<Duplex>();
  const inFlight = new Set<Promise<unknown>>();
  for (const source of o.authorizer?.identitySource ?? []) {
    if (!IDENTITY_SOURCE.test(source)) throw new Error(`Unsupported identity source "${source}" (route.request.querystring.* and route.request.header.* are)`);
  }
  const handler = lazily(o.loadHandler);
  const authorizer = o.authorizer && { ...o.authorizer, handler: lazily(o.authorizer.loadHandler) };
  let port = 0;

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  /** Run a function, tracked so close() can wait for it. */
  function track<T>(run: Promise<T>): Promise<T> {
    const tracked = run.catch(() => undefined);
    inFlight.add(tracked);
    void tracked.finally(() => inFlight.delete(tracked));
    return run;
  }
  const invoke = (event: WsEvent) => track(handler().then((fn) => fn(event, lambdaContext(functionName, HANDLER_TIMEOUT_MS))));

  /**
   * The $connect authorizer's verdict: the connection's authorizer context, or the status that
   * refuses it (API Gateway's answers: 401 Unauthorized, 403 Forbidden, 500).
   */
  async function authorize(req: IncomingMessage, event: WsEvent): Promise<{ context: Record<string, string | number | boolean> } | { refuse: number }> {
    if (!authorizer) return { context: {} };
    if (authorizer.identitySource.some((source) => !identityValue(source, req, event))) return { refuse: 401 };
    const methodArn = `arn:aws:execute-api:us-east-1:000000000000:${apiId}/${stage}/$connect`;
    const started = Date.now();
    let result: APIGatewayAuthorizerResult;
    try {
      const fn = await authorizer.handler();
      result = await track(
        fn(
          {
            type: 'REQUEST',
            methodArn,
            headers: event.headers,
            multiValueHeaders: event.multiValueHeaders,
            queryStringParameters: event.queryStringParameters,
            multiValueQueryStringParameters: event.multiValueQueryStringParameters,
            stageVariables: {},
            requestContext: event.requestContext,
          },
          lambdaContext(authorizer.functionName ?? 'ws-authorizer', HANDLER_TIMEOUT_MS),
        ),
      );
    } catch (err) {
      if (err instanceof Error && (err.message === 'Unauthorized' || err.name === 'Unauthorized')) return { refuse: 401 };
      console.error('[local-ws-api] the $connect authorizer failed', err);
      return { refuse: 500 };
    }
    if (!allowsInvoke(result.policyDocument, methodArn)) return { refuse: 403 };
    return { context: { ...result.context, principalId: result.principalId, integrationLatency: Date.now() - started } };
  }

  function baseContext(conn: Pick<Connection, 'id' | 'connectedAt' | 'sourceIp' | 'userAgent' | 'authorizer'>, routeKey: string, eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT'): WsEvent['requestContext'] {
    const now = Date.now();
    const requestId = newGatewayId();
    // messageId only on MESSAGE events, as on AWS (the aws-lambda type has it always)
    return {
      ...(conn.authorizer && { authorizer: conn.authorizer }),
      routeKey,
      ...(eventType === 'MESSAGE' && { messageId: newGatewayId() }),
      eventType,
      extendedRequestId: requestId,
      requestTime: formatRequestTime(now),
      messageDirection: 'IN',
      stage,
      connectedAt: conn.connectedAt,
      requestTimeEpoch: now,
      identity: { sourceIp: conn.sourceIp, ...(conn.userAgent !== undefined && { userAgent: conn.userAgent }) },
      requestId,
      domainName: `${host}:${port}`,
      connectionId: conn.id,
      apiId,
    } as WsEvent['requestContext'];
  }

  function touch(conn: Connection): void {
    clearTimeout(conn.idle);
    conn.idle = setTimeout(() => conn.ws.close(1001, 'Going away'), idleTimeoutMs);
    conn.idle.unref();
  }

  function refuse(socket: Duplex, status: number, body = ''): void {
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }

  async function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== `/${stage}` && url.pathname !== `/${stage}/`) return refuse(socket, 403, '{"message":"Forbidden"}');
    upgrading.add(socket);
    try {
      const headers = joinHeaders(req.rawHeaders, false);
      const multiValueHeaders: Record<string, string[]> = {};
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) (multiValueHeaders[req.rawHeaders[i]!] ??= []).push(req.rawHeaders[i + 1]!);
      const query: Record<string, string> = {};
      const multiQuery: Record<string, string[]> = {};
      for (const [k, v] of url.searchParams) {
        query[k] = v; // the last value wins, as in API Gateway's 1.0-style events
        (multiQuery[k] ??= []).push(v);
      }
      const conn: Omit<Connection, 'ws' | 'lastActiveAt'> = { id: newGatewayId(), connectedAt: Date.now(), sourceIp: sourceIpOf(req), userAgent: req.headers['user-agent'] };
      const request = {
        headers,
        multiValueHeaders,
        ...(url.searchParams.size > 0 && { queryStringParameters: query, multiValueQueryStringParameters: multiQuery }),
      };
      const verdict = await authorize(req, { requestContext: baseContext(conn, '$connect', 'CONNECT'), ...request, isBase64Encoded: false });
      if ('refuse' in verdict) return refuse(socket, verdict.refuse, JSON.stringify({ message: GATEWAY_REFUSALS[verdict.refuse] }));
      if (authorizer) conn.authorizer = verdict.context;
      const event: WsEvent = { requestContext: baseContext(conn, '$connect', 'CONNECT'), ...request, isBase64Encoded: false };
      let answer: { statusCode: number; body?: string } = { statusCode: 200 };
      if (routes.has('$connect')) {
        try {
          answer = (await invoke(event)) ?? answer;
        } catch (err) {
          console.error('[local-ws-api] $connect failed', err);
          answer = { statusCode: 500, body: '{"message":"Internal server error"}' };
        }
      }
      if (socket.destroyed) return;
      if (answer.statusCode < 200 || answer.statusCode > 299) return refuse(socket, answer.statusCode, answer.body);
      wss.handleUpgrade(req, socket, head, (ws) => accept(ws, { ...conn, ws, lastActiveAt: Date.now() }));
    } finally {
      upgrading.delete(socket);
    }
  }

  function accept(ws: WebSocket, conn: Connection): void {
    connections.set(conn.id, conn);
    touch(conn);
    ws.on('message', (data, isBinary) => {
      conn.lastActiveAt = Date.now();
      touch(conn);
      const raw = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
      onMessage(conn, raw, isBinary).catch((err: unknown) => console.error('[local-ws-api] message handling failed', err));
    });
    ws.on('error', (err) => console.error(`[local-ws-api] connection ${conn.id}`, err.message));
    ws.once('close', (code, reason) => {
      clearTimeout(conn.idle);
      connections.delete(conn.id);
      if (!routes.has('$disconnect')) return;
      const event: WsEvent = {
        requestContext: { ...baseContext(conn, '$disconnect', 'DISCONNECT'), disconnectStatusCode: code, disconnectReason: reason.toString('utf8') },
        headers: { Host: `${host}:${port}` },
        isBase64Encoded: false,
      };
      invoke(event).catch((err: unknown) => console.error('[local-ws-api] $disconnect failed', err));
    });
  }

  function selectRoute(text: string): string | undefined {
    try {
      const body = JSON.parse(text) as unknown;
      if (typeof body === 'object' && body !== null) {
        const value = (body as Record<string, unknown>)[selectionKey];
        if (typeof value === 'string' && !value.startsWith('$') && routes.has(value)) return value;
      }
    } catch {
      // not JSON: only $default can take it
    }
    return routes.has('$default') ? '$default' : undefined;
  }

  async function onMessage(conn: Connection, raw: Buffer, isBinary: boolean): Promise<void> {
    const body = raw.toString(isBinary ? 'base64' : 'utf8');
    // A binary frame has no JSON to select on: it goes to $default.
    const routeKey = isBinary ? (routes.has('$default') ? '$default' : undefined) : selectRoute(body);
    const requestContext = baseContext(conn, routeKey ?? '$default', 'MESSAGE');
    const reply = (payload: string): void => {
      if (conn.ws.readyState === WebSocket.OPEN) conn.ws.send(payload);
    };
    if (!routeKey) {
      reply(JSON.stringify({ message: 'Forbidden', connectionId: conn.id, requestId: requestContext.requestId }));
      return;
    }
    try {
      const result = await invoke({ requestContext, body, isBase64Encoded: isBinary });
      // A route response: the function's body goes back to the caller.
      if (result && typeof result.body === 'string' && result.statusCode >= 200 && result.statusCode < 300) reply(result.body);
    } catch (err) {
      console.error(`[local-ws-api] route ${routeKey} failed`, err);
      reply(JSON.stringify({ message: 'Internal server error', connectionId: conn.id, requestId: requestContext.requestId }));
    }
  }

  function sendJson(res: ServerResponse, status: number, payload?: unknown, errorType?: string): void {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      'x-amzn-requestid': newGatewayId(),
      ...(errorType !== undefined && { 'x-amzn-errortype': errorType }),
    });
    res.end(body);
  }

  async function onManagementRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    const prefix = `/${stage}/@connections/`;
    if (!path.startsWith(prefix) || path.length === prefix.length || path.slice(prefix.length).includes('/')) {
      req.resume();
      if (path === `/${stage}` || path === `/${stage}/`) return sendJson(res, 426, { message: 'Upgrade Required' });
      return sendJson(res, 404, { message: 'Not Found' });
    }
    const id = decodeURIComponent(path.slice(prefix.length));
    const conn = connections.get(id);
    const gone = (): void => sendJson(res, 410, { message: `Connection ${id} is gone` }, 'GoneException');
    switch (req.method) {
      case 'POST': {
        const data = await readBody(req, MAX_MESSAGE_BYTES);
        if (data === undefined) return sendJson(res, 413, { message: 'Message too long' }, 'PayloadTooLargeException');
        if (!conn || conn.ws.readyState !== WebSocket.OPEN) return gone();
        const fault = postFaultFor(conn);
        if (fault && (conn.faulted ?? 0) < (fault.times ?? Infinity)) {
          conn.faulted = (conn.faulted ?? 0) + 1;
          if (fault.fault === 'hang') return;
          return sendJson(res, 429, { message: 'Rate exceeded' }, 'LimitExceededException');
        }
        const sent = await new Promise<boolean>((resolve) => conn.ws.send(data, { binary: false }, (err) => resolve(!err)));
        if (!sent) return gone();
        touch(conn);
        return sendJson(res, 200);
      }
      case 'GET':
        req.resume();
        if (!conn) return gone();
        return sendJson(res, 200, {
          connectedAt: new Date(conn.connectedAt).toISOString(),
          identity: { sourceIp: conn.sourceIp, ...(conn.userAgent !== undefined && { userAgent: conn.userAgent }) },
          lastActiveAt: new Date(conn.lastActiveAt).toISOString(),
        });
      case 'DELETE':
        req.resume();
        if (!conn) return gone();
        // Gone for the API at once; $disconnect runs when the socket has closed.
        connections.delete(id);
        conn.ws.close(1000, 'Connection deleted');
        res.writeHead(204, { 'x-amzn-requestid': newGatewayId() }).end();
        return;
      default:
        req.resume();
        return sendJson(res, 404, { message: 'Not Found' });
    }
  }

  const server = createServer((req, res) => {
    onManagementRequest(req, res).catch((err: unknown) => {
      console.error('[local-ws-api] management request failed', err);
      if (!res.headersSent) sendJson(res, 500, { message: 'Internal server error' });
      else res.destroy();
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    onUpgrade(req, socket, head).catch((err: unknown) => {
      console.error('[local-ws-api] upgrade failed', err);
      socket.destroy();
    });
  });

  port = await listen(server, o.port ?? 0, host);
  return {
    url: `ws://${host}:${port}/${stage}`,
    managementEndpoint: `http://${host}:${port}/${stage}`,
    port,
    async close() {
      for (const socket of upgrading) socket.destroy();
      // terminate() closes at once; each 'close' still runs $disconnect, which we wait for.
      const sockets = new Set([...wss.clients, ...[...connections.values()].map((c) => c.ws)]);
      const closed = [...sockets].map((ws) => (ws.readyState === WebSocket.CLOSED ? undefined : once(ws, 'close')));
      for (const ws of sockets) ws.terminate();
      await Promise.all(closed);
      while (inFlight.size > 0) await Promise.all([...inFlight]);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await closeServer(server);
    },
  };
}

/** What API Gateway answers a refused connect with. */
const GATEWAY_REFUSALS: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 500: 'Internal server error' };

/** A handler loaded on first use; a failed load is tried again on the next call. */
function lazily<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    if (!loaded) {
      loaded = load();
      loaded.catch(() => (loaded = undefined));
    }
    return loaded;
  };
}

const IDENTITY_SOURCE = /^route\.request\.(querystring|header)\.(.+)$/;

/** The value of one identity source (`route.request.querystring.<name>` or `route.request.header.<name>`) of a connect. */
function identityValue(source: string, req: IncomingMessage, event: WsEvent): string | undefined {
  const [, where, name] = IDENTITY_SOURCE.exec(source)!;
  if (where === 'querystring') return event.queryStringParameters?.[name!] || undefined;
  const value = req.headers[name!.toLowerCase()];
  return (Array.isArray(value) ? value.join(',') : value) || undefined;
}

/** Whether an IAM policy allows execute-api:Invoke on the ARN (an explicit Deny wins), wildcards included. */
function allowsInvoke(policy: APIGatewayAuthorizerResult['policyDocument'] | undefined, arn: string): boolean {
  const matches = (pattern: string, value: string) => new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(value);
  const applies = (statement: Record<string, unknown>) => {
    const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]) as string[];
    return list(statement.Action).some((a) => matches(a, 'execute-api:Invoke')) && list(statement.Resource).some((r) => matches(r, arn));
  };
  const statements = (policy?.Statement ?? []) as unknown as Record<string, unknown>[];
  if (statements.some((st) => st.Effect === 'Deny' && applies(st))) return false;
  return statements.some((st) => st.Effect === 'Allow' && applies(st));
}
