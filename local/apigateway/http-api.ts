import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { FunctionName, HttpRoute } from '../../functions/shared/routes.ts';
import { formatRequestTime, joinHeaders, lambdaContext, newGatewayId, randomText, sourceIpOf } from './common.ts';
import { closeServer, listen, readBody } from '../http-server.ts';

/*
 * API Gateway v2 HTTP API, payload format 2.0, in front of in-process handlers: the same
 * route table as the CDK stack, the same event the Lambda receives on AWS, and the same
 * answers API Gateway gives on its own (404, 413, 500, 503, CORS preflight).
 */

export type HttpHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

export interface CorsConfig {
  allowOrigins: string[];
  allowHeaders: string[];
  allowMethods: string[];
  exposeHeaders?: string[];
  maxAge?: number;
  allowCredentials?: boolean;
}

export interface LocalHttpApiOptions {
  port?: number;
  host?: string;
  routes: HttpRoute[];
  loadHandler(fn: FunctionName): Promise<HttpHandler>;
  cors?: CorsConfig;
  /** default 10 MiB, API Gateway's payload limit */
  maxBodyBytes?: number;
  /** default 30 s, the HTTP API integration timeout; a slower handler answers 503 */
  timeoutMs?: number;
  region?: string;
  accountId?: string;
  /**
   * Static files at the same origin, as CloudFront would put them beside the API: called
   * first, it answers and returns true for its own paths (the web console's).
   */
  site?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

export interface LocalHttpApi {
  url: string;
  port: number;
  close(): Promise<void>;
}

type Segment = { kind: 'literal'; value: string } | { kind: 'param'; name: string } | { kind: 'greedy'; name: string };

interface CompiledRoute {
  route: HttpRoute;
  /** upper case, or ANY */
  method: string;
  segments: Segment[];
  isDefault: boolean;
}

interface RouteMatch {
  route: CompiledRoute;
  pathParameters: Record<string, string>;
}

function compileRoute(route: HttpRoute): CompiledRoute {
  if (route.routeKey === '$default') return { route, method: 'ANY', segments: [], isDefault: true };
  const [method, path] = route.routeKey.split(' ');
  if (!method || !path?.startsWith('/')) throw new Error(`Invalid routeKey "${route.routeKey}"`);
  const segments = path
    .slice(1)
    .split('/')
    .map((part, i, all): Segment => {
      const param = /^\{([^{}]+)\}$/.exec(part)?.[1];
      if (param === undefined) return { kind: 'literal', value: part };
      if (!param.endsWith('+')) return { kind: 'param', name: param };
      if (i !== all.length - 1) throw new Error(`Greedy path variable must be last in "${route.routeKey}"`);
      return { kind: 'greedy', name: param.slice(0, -1) };
    });
  return { route, method: method.toUpperCase(), segments, isDefault: false };
}

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

function matchPath(route: CompiledRoute, parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [i, seg] of route.segments.entries()) {
    const part = parts[i];
    if (part === undefined) return undefined;
    if (seg.kind === 'greedy') {
      const rest = parts.slice(i).join('/');
      if (rest === '') return undefined;
      params[seg.name] = decode(rest);
      return params;
    }
    if (seg.kind === 'literal' ? decode(part) !== seg.value : part === '') return undefined;
    if (seg.kind === 'param') params[seg.name] = decode(part);
  }
  return parts.length === route.segments.length ? params : undefined;
}

/** Most specific first: no greedy variable, then more literal segments, then an exact method over ANY. */
function specificity(r: CompiledRoute): number[] {
  const greedy = r.segments.some((s) => s.kind === 'greedy');
  return [r.isDefault ? 0 : 1, greedy ? 0 : 1, r.segments.filter((s) => s.kind === 'literal').length, r.segments.length, r.method === 'ANY' ? 0 : 1];
}

function compareSpecificity(a: CompiledRoute, b: CompiledRoute): number {
  const sa = specificity(a);
  const sb = specificity(b);
  for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sb[i]! - sa[i]!;
  return 0;
}

function matchRoute(routes: CompiledRoute[], method: string, rawPath: string): RouteMatch | undefined {
  const parts = rawPath.slice(1).split('/');
  for (const route of routes) {
    if (route.method !== 'ANY' && route.method !== method) continue;
    if (route.isDefault) return { route, pathParameters: {} };
    const pathParameters = matchPath(route, parts);
    if (pathParameters) return { route, pathParameters };
  }
  return undefined;
}

/** Content types API Gateway passes as text; anything else arrives base64-encoded. */
function isTextual(contentType: string | undefined, body: Buffer): boolean {
  if (contentType === undefined) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(body);
      return true;
    } catch {
      return false;
    }
  }
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type.startsWith('text/') || /[/+](json|xml|javascript|x-www-form-urlencoded|yaml|graphql)$/.test(type) || type === 'application/x-ndjson';
}

interface GatewayResponse {
  statusCode: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
  /** answered by the gateway's CORS configuration, not by a function */
  preflight?: boolean;
}

const json = (statusCode: number, payload: unknown): GatewayResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  cookies: [],
  body: Buffer.from(JSON.stringify(payload)),
});

/** How API Gateway turns a 2.0 Lambda result into an HTTP response. */
function toGatewayResponse(result: APIGatewayProxyResultV2 | undefined): GatewayResponse {
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    // No statusCode: API Gateway assumes 200 and a JSON body (a string is sent as is).
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, cookies: [], body: Buffer.from(typeof result === 'string' ? result : JSON.stringify(result ?? null)) };
  }
  const r = result as APIGatewayProxyStructuredResultV2 & { multiValueHeaders?: Record<string, (string | number | boolean)[]> };
  if (typeof r.statusCode !== 'number' || !Number.isInteger(r.statusCode) || r.statusCode < 100 || r.statusCode > 599) {
    throw new Error(`Malformed Lambda proxy response: statusCode ${String(r.statusCode)}`);
  }
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(r.multiValueHeaders ?? {})) headers[name.toLowerCase()] = values.map(String).join(',');
  for (const [name, value] of Object.entries(r.headers ?? {})) headers[name.toLowerCase()] = String(value);
  const body = r.body === undefined ? Buffer.alloc(0) : r.isBase64Encoded ? Buffer.from(r.body, 'base64') : Buffer.from(r.body);
  return { statusCode: r.statusCode, headers, cookies: r.cookies ?? [], body };
}

function allowedOrigin(cors: CorsConfig, origin: string | undefined): string | undefined {
  if (origin === undefined) return undefined;
  if (cors.allowOrigins.includes(origin)) return origin;
  if (cors.allowOrigins.includes('*')) return cors.allowCredentials ? origin : '*';
  return undefined;
}

const TIMED_OUT = Symbol('timed out');

export async function startLocalHttpApi(o: LocalHttpApiOptions): Promise<LocalHttpApi> {
  const routes = o.routes.map(compileRoute).sort(compareSpecificity);
  const maxBodyBytes = o.maxBodyBytes ?? 10 * 1024 * 1024;
  const timeoutMs = o.timeoutMs ?? 30_000;
  const apiId = randomBytes(5).toString('hex');
  const accountId = o.accountId ?? '000000000000';
  // One cold start per function, like a warm Lambda; a failed load is retried next request.
  const handlers = new Map<FunctionName, Promise<HttpHandler>>();
  const handlerFor = (fn: FunctionName): Promise<HttpHandler> => {
    let loading = handlers.get(fn);
    if (!loading) {
      loading = o.loadHandler(fn);
      handlers.set(fn, loading);
      loading.catch(() => handlers.delete(fn));
    }
    return loading;
  };

  async function respond(req: IncomingMessage, requestId: string): Promise<GatewayResponse> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const rawPath = q === -1 ? url : url.slice(0, q);
    const rawQueryString = q === -1 ? '' : url.slice(q + 1);
    const cors = o.cors;

    // API Gateway answers preflight itself when CORS is configured, OPTIONS route or not.
    if (cors && method === 'OPTIONS' && req.headers.origin !== undefined && req.headers['access-control-request-method'] !== undefined) {
      req.resume();
      const origin = allowedOrigin(cors, req.headers.origin);
      if (!origin) return { statusCode: 204, headers: {}, cookies: [], body: Buffer.alloc(0), preflight: true };
      const requested = req.headers['access-control-request-headers'];
      const headers: Record<string, string> = {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': cors.allowMethods.includes('*') ? String(req.headers['access-control-request-method']) : cors.allowMethods.join(','),
        'access-control-allow-headers': cors.allowHeaders.includes('*') && requested ? requested : cors.allowHeaders.join(','),
      };
      if (cors.maxAge !== undefined) headers['access-control-max-age'] = String(cors.maxAge);
      if (cors.allowCredentials) headers['access-control-allow-credentials'] = 'true';
      return { statusCode: 204, headers, cookies: [], body: Buffer.alloc(0), preflight: true };
    }

    const declared = Number(req.headers['content-length'] ?? 0);
    const body = declared > maxBodyBytes ? (req.resume(), undefined) : await readBody(req, maxBodyBytes);
    if (body === undefined) return json(413, { message: 'Request Entity Too Large' });

    const match = matchRoute(routes, method, rawPath);
    if (!match) return json(404, { message: 'Not Found' });

    const now = Date.now();
    const headers = joinHeaders(req.rawHeaders, true);
    const sourceIp = sourceIpOf(req);
    const cookieHeader = headers.cookie;
    delete headers.cookie; // 2.0 moves cookies to their own field
    const host = headers.host ?? '127.0.0.1';
    headers['x-forwarded-for'] ??= sourceIp;
    headers['x-forwarded-port'] ??= String(req.socket.localPort ?? '');
    headers['x-forwarded-proto'] ??= 'http';
    headers['x-amzn-trace-id'] ??= `Root=1-${Math.floor(now / 1000).toString(16)}-${randomText(12, 'hex')}`;

    const query = new URLSearchParams(rawQueryString);
    const queryStringParameters: Record<string, string> = {};
    for (const key of new Set(query.keys())) queryStringParameters[key] = query.getAll(key).join(',');

    const contentType = headers['content-type'];
    const binary = body.length > 0 && !isTextual(contentType, body);
    const routeKey = match.route.route.routeKey;
    const event: APIGatewayProxyEventV2 = {
      version: '2.0',
      routeKey,
      rawPath,
      rawQueryString,
      ...(cookieHeader !== undefined && { cookies: cookieHeader.split(/;\s*/).filter((c) => c !== '') }),
      headers,
      ...(query.size > 0 && { queryStringParameters }),
      requestContext: {
        accountId,
        apiId,
        domainName: host,
        domainPrefix: host.split('.')[0] ?? host,
        http: { method, path: rawPath, protocol: `HTTP/${req.httpVersion}`, sourceIp, userAgent: headers['user-agent'] ?? '' },
        requestId,
        routeKey,
        stage: '$default',
        time: formatRequestTime(now),
        timeEpoch: now,
      },
      ...(Object.keys(match.pathParameters).length > 0 && { pathParameters: match.pathParameters }),
      ...(body.length > 0 && { body: body.toString(binary ? 'base64' : 'utf8') }),
      isBase64Encoded: binary,
    };

    const fn = match.route.route.fn;
    let timer: NodeJS.Timeout | undefined;
    try {
      const handler = await handlerFor(fn);
      const timedOut = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs)));
      const result = await Promise.race([handler(event, lambdaContext(fn, timeoutMs, o.region, accountId)), timedOut]);
      if (result === TIMED_OUT) {
        console.error(`[local-http-api] ${routeKey} (${fn}) timed out after ${timeoutMs} ms`);
        return json(503, { message: 'Service Unavailable' });
      }
      return toGatewayResponse(result);
    } catch (err) {
      // API Gateway hides the error; the detail belongs in the function's log.
      console.error(`[local-http-api] ${routeKey} (${fn}) failed`, err);
      return json(500, { message: 'Internal Server Error' });
    } finally {
      clearTimeout(timer);
    }
  }

  function write(req: IncomingMessage, res: ServerResponse, requestId: string, r: GatewayResponse): void {
    const headers: Record<string, string | string[]> = { ...r.headers };
    const cors = o.cors;
    if (cors && !r.preflight) {
      // With CORS configured, API Gateway replaces whatever CORS headers the function sent.
      for (const name of Object.keys(headers)) if (name.startsWith('access-control-')) delete headers[name];
      const origin = allowedOrigin(cors, req.headers.origin);
      if (origin) {
        headers['access-control-allow-origin'] = origin;
        if (cors.allowCredentials) headers['access-control-allow-credentials'] = 'true';
        if (cors.exposeHeaders?.length) headers['access-control-expose-headers'] = cors.exposeHeaders.join(',');
      }
    }
    if (r.cookies.length > 0) headers['set-cookie'] = r.cookies;
    headers['content-length'] = String(r.body.length);
    headers['apigw-requestid'] = requestId;
    headers['x-amzn-requestid'] = requestId;
    res.writeHead(r.statusCode, headers);
    res.end(req.method === 'HEAD' ? undefined : r.body);
  }

  const server = createServer((req, res) => {
    if (o.site?.(req, res)) return;
    const requestId = newGatewayId();
    respond(req, requestId)
      .catch((err: unknown) => {
        console.error('[local-http-api] adapter error', err);
        return json(500, { message: 'Internal Server Error' });
      })
      .then((r) => write(req, res, requestId, r))
      .catch((err: unknown) => {
        console.error('[local-http-api] could not write the response', err);
        res.destroy();
      });
  });

  const host = o.host ?? '127.0.0.1';
  const port = await listen(server, o.port ?? 0, host);
  return { url: `http://${host}:${port}`, port, close: () => closeServer(server) };
}
