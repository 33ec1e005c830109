import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { once } from 'node:events';
import { WebSocketServer, WebSocket } from 'ws';
import type { APIGatewayEventWebsocketRequestContextV2, APIGatewayProxyWebsocketEventV2, Context } from 'aws-lambda';
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
  let handler: Promise<WsHandler> | undefined;
  let port = 0;

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  /** Run the function, tracked so close() can wait for it. */
  function invoke(event: WsEvent): Promise<{ statusCode: number; body?: string } | void> {
    if (!handler) {
      handler = o.loadHandler();
      // a failed load is retried on the next event
      handler.catch(() => (handler = undefined));
    }
    const run = handler.then((fn) => fn(event, lambdaContext(functionName, HANDLER_TIMEOUT_MS)));
    const tracked = run.catch(() => undefined);
    inFlight.add(tracked);
    void tracked.finally(() => inFlight.delete(tracked));
    return run;
  }

  function baseContext(conn: Pick<Connection, 'id' | 'connectedAt' | 'sourceIp' | 'userAgent'>, routeKey: string, eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT'): WsEvent['requestContext'] {
    const now = Date.now();
    const requestId = newGatewayId();
    // messageId only on MESSAGE events, as on AWS (the aws-lambda type has it always)
    return {
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
      const conn = { id: newGatewayId(), connectedAt: Date.now(), sourceIp: sourceIpOf(req), userAgent: req.headers['user-agent'] };
      const event: WsEvent = {
        requestContext: baseContext(conn, '$connect', 'CONNECT'),
        headers,
        multiValueHeaders,
        ...(url.searchParams.size > 0 && { queryStringParameters: query, multiValueQueryStringParameters: multiQuery }),
        isBase64Encoded: false,
      };
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
