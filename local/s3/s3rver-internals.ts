// Typed handles on the parts of s3rver 3.7.1 this folder builds on. s3rver ships no types and
// is CommonJS; loading it through createRequire keeps the declarations local to this folder
// instead of adding a global `declare module 's3rver'` that another part of the stack could clash
// with. Everything here is checked against node_modules/s3rver/lib (3.7.1): if s3rver is
// upgraded, re-read lib/s3rver.js, lib/routes.js and lib/stores/filesystem.js.
import { createRequire } from 'node:module';
import type { IncomingMessage, Server } from 'node:http';

const requireCjs = createRequire(import.meta.url);

/** The subset of a Koa 2 context that s3rver and our middleware touch. */
export interface S3rverContext {
  method: string;
  /** Raw (still percent-encoded) path; path-style, so `/{bucket}/{key}`. */
  path: string;
  href: string;
  query: Record<string, string | string[] | undefined>;
  req: IncomingMessage;
  status: number;
  body: unknown;
  type: string;
  params: Record<string, string | undefined>;
  state: Record<string, unknown>;
  store: FilesystemStore;
  logger: S3rverLogger;
  get(field: string): string;
  set(field: string, value: string): void;
  response: { get(field: string): string | string[] | number | undefined };
}

export type Next = () => Promise<unknown>;
export type S3rverMiddleware = (ctx: S3rverContext, next: Next) => unknown;

export interface S3rverLogger {
  error(message: string, ...meta: unknown[]): void;
  warn(message: string, ...meta: unknown[]): void;
}

/** lib/stores/filesystem.js: the on-disk layout we read and write directly. */
export interface FilesystemStore {
  rootDirectory: string;
  /**
   * `{root}/{bucket}/{key dirs}/{last key segment}._S3rver_{resource}`. With key `undefined` and
   * resource `uploads` this is the bucket's multipart folder: one sub-folder per upload id holding
   * `key`, `metadata` (request headers as JSON), and per part `{n}` (bytes) + `{n}.md5` (hex).
   */
  getResourcePath(bucket: string, key: string | undefined, resource: string): string;
  getBucket(bucket: string): Promise<object | null>;
  /** The stored metadata plus `etag` (JSON-quoted MD5) and `content-length`; throws when there is no such object. */
  getMetadata(bucket: string, key: string): Promise<Record<string, string> & { etag: string; 'content-length': number }>;
  getSubresource(bucket: string, key: undefined, type: 'cors'): Promise<CorsConfiguration | null>;
  /** Writes `metadata.json` (allowed headers and x-amz-meta-*) and, given one, `object.md5` (served verbatim as the ETag). */
  putMetadata(bucket: string, key: string, metadata: Record<string, string>, md5?: string): Promise<void>;
}

export interface S3rverOptions {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  vhostBuckets: boolean;
  resetOnClose: boolean;
  configureBuckets: { name: string; configs: string[] }[];
}

export interface S3rverApp {
  /** Koa's middleware stack; composed when the server starts listening, so it can be edited. */
  middleware: S3rverMiddleware[];
  store: FilesystemStore;
  logger: S3rverLogger;
  httpServer?: Server;
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
  on(event: 'error', listener: (err: unknown) => void): unknown;
}

export interface S3ErrorInstance extends Error {
  code: string;
  status: number;
  detail: Record<string, string>;
}

export const S3rver = requireCjs('s3rver') as new (options: S3rverOptions) => S3rverApp;

/** s3rver's error type: thrown from middleware, rendered by its ctx.onerror as S3 error XML. */
export const S3Error = requireCjs('s3rver/lib/models/error.js') as new (
  code: string,
  message?: string,
  detail?: Record<string, string>,
) => S3ErrorInstance;

const S3Object = requireCjs('s3rver/lib/models/object.js') as new (
  bucket: string,
  key: string,
  content: null,
  metadata: Record<string, string>,
) => { metadata: Record<string, string> };

/**
 * An object's stored metadata from the request headers that created it, as s3rver's
 * S3Object keeps them: the allowed headers and x-amz-meta-*, content-type defaulting to
 * binary/octet-stream; an unknown storage class throws InvalidStorageClass.
 */
export function objectMetadata(bucket: string, key: string, headers: Record<string, string>): Record<string, string> {
  return new S3Object(bucket, key, null, headers).metadata;
}

/** s3rver's CORS middleware (needs ctx.params.bucket); answers preflights itself. */
export const createCorsMiddleware = requireCjs('s3rver/lib/middleware/cors.js') as () => S3rverMiddleware;

/** s3rver's auth middleware: checks the access key id and presigned-URL expiry (not signatures). */
export const createAuthMiddleware = requireCjs(
  's3rver/lib/middleware/authentication.js',
) as () => S3rverMiddleware;

interface CorsRule {
  hasWildcardOrigin: boolean;
  exposeHeaders: string[];
  maxAgeSeconds?: number | string;
}

/** lib/models/config.js S3CorsConfiguration, as returned by store.getSubresource(bucket, undefined, 'cors'). */
export interface CorsConfiguration {
  matchRule(origin: string, method: string): CorsRule | undefined;
}

export function isS3Error(err: unknown): err is S3ErrorInstance {
  return err instanceof S3Error;
}
