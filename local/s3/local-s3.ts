// Embedded S3 for the local stack: s3rver 3.7.1 storing under `dataDir`, plus the multipart calls
// it lacks (multipart.ts), object PUTs that answer only once the object is whole (put-object.ts),
// decoding of the SDK's aws-chunked stream uploads (aws-chunked.ts), form uploads (POST Object)
// with the policy enforced and a parser that survives a form cut short (post-object.ts), S3's
// EventBridge "Object Created" events (object-events.ts), CORS preflights that carry
// Access-Control-Expose-Headers, and an error guard so a bad request yields S3 error XML instead
// of ending the process. Clients: the ordinary SDK v3
// S3Client with `endpoint`, `forcePathStyle: true`, region us-east-1 and access key id / secret
// `S3RVER` / `S3RVER`; browsers use presigned URLs from that client.
import { mkdir } from 'node:fs/promises';

import { createAwsChunkedPutObjectMiddleware } from './aws-chunked.ts';
import { createEmptyObjectRangeMiddleware } from './empty-range.ts';
import { createMultipartMiddleware } from './multipart.ts';
import { createObjectEventsMiddleware, type ObjectCreatedEvent } from './object-events.ts';
import { createPostObjectMiddleware } from './post-object.ts';
import { installWholePutObject, sweepUnfinishedPuts } from './put-object.ts';
import { isS3Error, S3Error, S3rver, type S3rverApp, type S3rverMiddleware } from './s3rver-internals.ts';
import { escapeXml } from './xml.ts';

export interface LocalS3Options {
  /** Where s3rver keeps buckets, objects and open multipart uploads; reused across restarts. */
  dataDir: string;
  /** 0 = a free port chosen by the OS. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Created at boot when missing; their CORS configuration is (re)written on every boot. */
  buckets: string[];
  /** CORS AllowedOrigin values (one `*` wildcard each at most). Default ['*']. */
  allowedOrigins?: string[];
  /** Default true: s3rver's request log and warnings stay off. */
  silent?: boolean;
  /** Called after each write that creates an object, with the event S3 sends to EventBridge. */
  onObjectCreated?: (event: ObjectCreatedEvent) => void;
}

export interface LocalS3 {
  /** http://HOST:PORT, for the S3Client `endpoint` (with forcePathStyle). */
  endpoint: string;
  port: number;
  /** Stops listening and drops open connections; the data directory is kept. */
  close(): Promise<void>;
}

export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

const CORS_METHODS = ['GET', 'PUT', 'HEAD', 'POST', 'DELETE'];
/** Browsers may only read response headers listed here; Uppy needs each part's ETag. */
const CORS_EXPOSE_HEADERS = ['ETag'];

export async function startLocalS3(opts: LocalS3Options): Promise<LocalS3> {
  for (const bucket of opts.buckets) {
    // Bucket names become folder names under dataDir.
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new Error(`invalid S3 bucket name: ${bucket}`);
  }
  const host = opts.host ?? '127.0.0.1';
  const silent = opts.silent ?? true;
  await mkdir(opts.dataDir, { recursive: true });

  const cors = corsConfigurationXml(opts.allowedOrigins ?? ['*']);
  const app = new S3rver({
    address: host,
    port: opts.port ?? 0,
    silent,
    directory: opts.dataDir,
    // Path-style only: a host name other than localhost would otherwise be read as a bucket.
    vhostBuckets: false,
    resetOnClose: false,
    configureBuckets: opts.buckets.map((name) => ({ name, configs: [cors] })),
  });
  mountMiddleware(app, opts.onObjectCreated);
  installWholePutObject(app.store);
  // guardErrors already logged anything unexpected; without a listener Koa prints errors again.
  app.on('error', () => undefined);

  const { port } = await app.run();
  // In the background: a big data folder takes a while to list, and start-up need not wait.
  const swept = sweepUnfinishedPuts(opts.dataDir).catch((err: unknown) => app.logger.warn('local S3: sweeping unfinished PUTs failed: %s', String(err)));
  const server = app.httpServer;
  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close() {
      closing ??= (async () => {
        await swept;
        const closed = app.close();
        // Keep-alive sockets from SDK agents and browsers would hold close() open.
        server?.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}

/**
 * s3rver registers its middleware in its constructor and Koa composes the stack only when the
 * server starts listening, so the stack can still be edited here: the guard goes first, the rest
 * right in front of s3rver's router (after its XML serializer and vhost rewriting).
 */
function mountMiddleware(app: S3rverApp, onObjectCreated: LocalS3Options['onObjectCreated']): void {
  const routerIndex = app.middleware.findIndex((fn) => 'router' in fn);
  if (routerIndex < 0) throw new Error('s3rver middleware layout changed: router not found (expected s3rver 3.7.1)');
  app.middleware.splice(
    routerIndex,
    0,
    ...(onObjectCreated ? [createObjectEventsMiddleware({ onObjectCreated })] : []),
    completePreflight(),
    createPostObjectMiddleware(),
    createMultipartMiddleware(),
    createAwsChunkedPutObjectMiddleware(),
    createEmptyObjectRangeMiddleware(),
  );
  app.middleware.unshift(guardErrors());
}

/**
 * Turns anything but a deliberate S3Error into S3's InternalError (500 XML, rendered by s3rver's
 * ctx.onerror), so no stray property of a foreign error can break the error response itself.
 * Errors raised outside a request (s3rver's unlistened stream errors) cannot be caught here;
 * multipart.ts removes the one known path to those.
 */
function guardErrors(): S3rverMiddleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      if (isS3Error(err)) throw err;
      ctx.logger.error('local S3: %s %s failed: %s', ctx.method, ctx.path, err instanceof Error ? err.stack : String(err));
      throw new S3Error('InternalError', 'We encountered an internal error. Please try again.');
    }
  };
}

/**
 * s3rver answers preflights with `Access-Control-Allow-Origin: *` and without Expose-Headers or
 * Max-Age; S3 sends the matched rule's ExposeHeader, MaxAgeSeconds and the caller's origin.
 */
function completePreflight(): S3rverMiddleware {
  return async (ctx, next) => {
    await next();
    if (ctx.method !== 'OPTIONS' || !ctx.response.get('access-control-allow-methods')) return;
    const bucket = /^\/([a-z0-9.-]+)/.exec(ctx.path)?.[1]; // bucket names need no decoding
    if (!bucket) return;
    const config = await ctx.store.getSubresource(bucket, undefined, 'cors');
    const rule = config?.matchRule(ctx.get('origin'), ctx.get('access-control-request-method'));
    if (!rule) return;
    if (!rule.hasWildcardOrigin) ctx.set('Access-Control-Allow-Origin', ctx.get('origin'));
    if (rule.exposeHeaders.length > 0) ctx.set('Access-Control-Expose-Headers', rule.exposeHeaders.join(', '));
    if (rule.maxAgeSeconds != null) ctx.set('Access-Control-Max-Age', String(rule.maxAgeSeconds));
  };
}

function corsConfigurationXml(origins: string[]): string {
  const element = (tag: string, values: string[]): string =>
    values.map((value) => `<${tag}>${escapeXml(value)}</${tag}>`).join('');
  return [
    '<CORSConfiguration><CORSRule>',
    element('AllowedOrigin', origins),
    element('AllowedMethod', CORS_METHODS),
    element('AllowedHeader', ['*']),
    element('ExposeHeader', CORS_EXPOSE_HEADERS),
    '<MaxAgeSeconds>3000</MaxAgeSeconds>',
    '</CORSRule></CORSConfiguration>',
  ].join('');
}
