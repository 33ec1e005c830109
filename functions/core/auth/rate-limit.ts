/** Requests per second an API key may make unless its record says otherwise. */
export const DEFAULT_RATE_LIMIT_RPS = 25;

/**
 * Fixed one-second windows: the counter bucket for a key at an instant, and how long a
 * refused caller should wait (until the next window, in whole seconds for Retry-After).
 */
export function rateWindow(keyId: string, nowMs: number) {
  const second = Math.floor(nowMs / 1000);
  return { bucket: `${keyId}#${second}`, expiresAtEpoch: second + 60, retryAfterSeconds: 1 };
}

/**
 * The most tokens a container takes from a key's shared window counter at once: 1 below a
 * limit of 40 per second (exact accounting where a few requests matter), then a twentieth
 * of the limit (one counter write per 20th of the traffic).
 */
export function leaseSize(limitPerSecond: number): number {
  return Math.max(1, Math.floor(limitPerSecond / 20));
}
