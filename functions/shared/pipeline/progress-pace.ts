/** Calls `fn` at most once per `ms`; for progress writes on a hot loop. */
export function throttle(ms: number) {
  let last = 0;
  return (fn: () => Promise<void>): Promise<void> | undefined => {
    const now = Date.now();
    if (now - last < ms) return undefined;
    last = now;
    return fn();
  };
}

/** How often a running stage writes progress (and pushes it to WebSocket subscribers). */
export const PROGRESS_INTERVAL_MS = 250;
