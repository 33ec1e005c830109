// S3's EventBridge "Object Created" events, emitted by the local S3 after each write that
// creates an object (PutObject, CopyObject, CompleteMultipartUpload, PostObject), in the shape
// S3 sends to EventBridge, so the same handler that an EventBridge rule invokes on AWS gets
// the same event here. Delivery (which keys go to which function) is the caller's part.
import { randomUUID } from 'node:crypto';

import type { S3rverContext, S3rverMiddleware } from './s3rver-internals.ts';

export type ObjectCreatedReason = 'PutObject' | 'CopyObject' | 'CompleteMultipartUpload' | 'PostObject';

export interface ObjectCreatedEvent {
  version: '0';
  id: string;
  'detail-type': 'Object Created';
  source: 'aws.s3';
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: {
    version: '0';
    bucket: { name: string };
    object: { key: string; size: number; etag: string; sequencer: string };
    'request-id': string;
    requester: string;
    'source-ip-address': string;
    reason: ObjectCreatedReason;
  };
}

export interface ObjectEventsOptions {
  onObjectCreated(event: ObjectCreatedEvent): void;
  account?: string;
  region?: string;
}

/**
 * S3 gives every write of a key a sequencer that grows with each write (what tells a new
 * write from a repeated event in an unversioned bucket); a per-process counter on the clock
 * does the same here, across restarts too.
 */
let lastSequence = 0n;
function nextSequencer(): string {
  const now = BigInt(Date.now()) * 1000n;
  lastSequence = now > lastSequence ? now : lastSequence + 1n;
  return lastSequence.toString(16).toUpperCase().padStart(18, '0');
}

/** Mount first in front of the router, so it sees the outcome of every route that writes. */
export function createObjectEventsMiddleware(opts: ObjectEventsOptions): S3rverMiddleware {
  return async (ctx, next) => {
    await next();
    if (ctx.status < 200 || ctx.status > 299) return;
    const created = createdBy(ctx);
    if (!created) return;
    const meta = await ctx.store.getMetadata(created.bucket, created.key).catch(() => undefined);
    if (!meta) return; // overwritten or deleted since; that write tells its own story
    const time = new Date();
    const event: ObjectCreatedEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': 'Object Created',
      source: 'aws.s3',
      account: opts.account ?? '000000000000',
      time: time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region: opts.region ?? 'us-east-1',
      resources: [`arn:aws:s3:::${created.bucket}`],
      detail: {
        version: '0',
        bucket: { name: created.bucket },
        object: { key: created.key, size: Number(meta['content-length']), etag: JSON.parse(meta.etag) as string, sequencer: nextSequencer() },
        'request-id': randomUUID().replaceAll('-', '').slice(0, 16).toUpperCase(),
        requester: opts.account ?? '000000000000',
        'source-ip-address': (ctx.req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
        reason: created.reason,
      },
    };
    try {
      opts.onObjectCreated(event);
    } catch (err) {
      // the write succeeded; a listener's failure must not turn its answer into an error
      ctx.logger.error('local S3: an Object Created listener failed: %s', err instanceof Error ? err.stack : String(err));
    }
  };
}

function createdBy(ctx: S3rverContext): { bucket: string; key: string; reason: ObjectCreatedReason } | undefined {
  const match = /^\/([^/]+)\/(.+)$/s.exec(ctx.path);
  const posted = ctx.state.objectCreated as { key: string; reason: ObjectCreatedReason } | undefined;
  const bucketOnly = /^\/([^/]+)\/?$/.exec(ctx.path)?.[1];
  if (posted && bucketOnly) return { bucket: decodeURIComponent(bucketOnly), key: posted.key, reason: posted.reason };
  if (!match?.[1] || !match[2]) return undefined;
  let bucket: string;
  let key: string;
  try {
    bucket = decodeURIComponent(match[1]);
    key = decodeURIComponent(match[2]);
  } catch {
    return undefined;
  }
  const multipart = ctx.query.uploadId !== undefined;
  if (ctx.method === 'PUT' && !multipart && ctx.query.partNumber === undefined) {
    return { bucket, key, reason: ctx.get('x-amz-copy-source') ? 'CopyObject' : 'PutObject' };
  }
  if (ctx.method === 'POST' && multipart) return { bucket, key, reason: 'CompleteMultipartUpload' };
  return undefined;
}
