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
