import { randomBytes } from 'node:crypto';
import { ulid } from 'ulid';
import type { JobOptions } from '../pipeline-types.ts';

/**
 * Upload tokens: what a browser holds instead of an API key. A token belongs to one tenant,
 * may only upload (open, sign, list, complete and abort its own uploads), expires, can be
 * revoked, and carries the schema and options of the jobs its uploads start. It travels in
 * the URL path (Uppy's companion mode sends no headers of its own), so it is short-lived
 * and stored only as a SHA-256 hash, like an API key.
 */
export interface UploadTokenScope {
  schema?: string;
  options?: JobOptions;
  /** the largest file one upload may hold */
  maxBytes: number;
  /** requests per second; absent = the default of an API key */
  rateLimitRps?: number;
}

export interface UploadTokenPrincipal extends UploadTokenScope {
  tenantId: string;
  tokenId: string;
  expiresAt: string;
  rateLimitRps: number;
}

const PREFIX = 'afpu_';
/** Whether a credential is an upload token rather than an API key (`afp_`), told by its prefix. */
export const isUploadTokenText = (credential: string): boolean => credential.startsWith(PREFIX);
/** One hour unless asked otherwise; never longer than a day. */
export const DEFAULT_TOKEN_TTL_SECONDS = 60 * 60;
export const MAX_TOKEN_TTL_SECONDS = 24 * 60 * 60;

/**
 * A new token (shown once) and its id (for listing and revoking): 192 random bits, as an API
 * key; the id is a time-sortable ULID that reveals nothing of the token.
 */
export function generateUploadToken(): { token: string; tokenId: string } {
  return { token: `${PREFIX}${randomBytes(24).toString('base64url')}`, tokenId: `upt_${ulid()}` };
}

/** Cheap shape check before any lookup: anything else is not a token this API issued. */
export const looksLikeUploadToken = (value: string) => /^afpu_[A-Za-z0-9_-]{32}$/.test(value);
