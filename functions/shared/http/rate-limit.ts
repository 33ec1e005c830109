import { HttpError } from './errors.ts';
import { takeRequest } from '../../adapters/rate-limiter.ts';

/**
 * Count one request against a credential's per-second limit (an API key or an upload token,
 * shared by every Lambda container); past it, a 429 with Retry-After.
 */
export async function enforceRateLimit(credentialId: string, perSecond: number, credential: 'API key' | 'upload token'): Promise<void> {
  const { allowed, retryAfterSeconds } = await takeRequest(credentialId, perSecond);
  if (allowed) return;
  throw new HttpError(429, 'rate_limited', `Too many requests: this ${credential} may make ${perSecond} per second`, undefined, {
    'retry-after': String(retryAfterSeconds),
  });
}
