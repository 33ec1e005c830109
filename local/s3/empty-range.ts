import { stat } from 'node:fs/promises';
import { S3Error, type S3rverContext, type S3rverMiddleware } from './s3rver-internals.ts';

/**
 * A ranged GET of a 0-byte object: S3 answers 416 InvalidRange, s3rver hangs and then
 * resets the connection. Answer as S3 does before s3rver sees the request.
 */
export function createEmptyObjectRangeMiddleware(): S3rverMiddleware {
  return async (ctx: S3rverContext, next) => {
    if (ctx.method !== 'GET' || !ctx.get('range')) return next();
    const match = /^\/([^/]+)\/(.+)$/s.exec(ctx.path);
    // Plain object reads only (the SDK tags them ?x-id=GetObject); subresources go on to s3rver.
    if (!match?.[1] || !match[2] || Object.keys(ctx.query).some((k) => k !== 'x-id')) return next();
    let size: number | undefined;
    try {
      size = (await stat(ctx.store.getResourcePath(decodeURIComponent(match[1]), decodeURIComponent(match[2]), 'object'))).size;
    } catch {
      return next(); // no such object (or a malformed path): s3rver's own answer
    }
    if (size === 0) throw new S3Error('InvalidRange', 'The requested range is not satisfiable', { RangeRequested: ctx.get('range'), ActualObjectSize: '0' });
    return next();
  };
}
