/**
 * A circuit breaker for a dependency that can be down: a webhook endpoint, or Claude. After
 * THRESHOLD calls in a row fail, the circuit opens and callers do without it for a cooldown
 * (webhook deliveries wait on their queue, mapping uses its heuristics) instead of each
 * hammering something that is down. When the cooldown ends one call goes as a probe
 * (half-open); a success closes the circuit, a failure opens it again for twice as long, up
 * to an hour. The state is stored (circuit-store.ts) so every container sees the same.
 */
export const CIRCUIT_THRESHOLD = 5;
export const DEFAULT_COOLDOWN_MS = 60_000;
export const MAX_COOLDOWN_MS = 60 * 60_000;

/** What the state item holds (epoch ms); absent fields = a closed circuit with no failures. */
export interface CircuitFields {
  cbFailures?: number;
  cbOpens?: number;
  cbOpenUntil?: number;
  cbProbeUntil?: number;
}

export type Admission = { kind: 'send' } | { kind: 'probe' } | { kind: 'wait'; until: number };

/** May a call go out now? */
export function admit(c: CircuitFields, now: number): Admission {
  if (c.cbOpenUntil === undefined) return { kind: 'send' };
  if (now < c.cbOpenUntil) return { kind: 'wait', until: c.cbOpenUntil };
  // half-open: one probe at a time; the others wait for its answer (or for its lease to end)
  const probeUntil = c.cbProbeUntil;
  const probing =
    // Stryker disable next-line ConditionalExpression: equivalent, now < undefined is false too
    probeUntil !== undefined &&
    now < probeUntil;
  if (probing) return { kind: 'wait', until: probeUntil };
  return { kind: 'probe' };
}

/** How long the circuit stays open the n-th time in a row it opens (n >= 1). */
export function cooldownMs(opens: number, baseMs = DEFAULT_COOLDOWN_MS): number {
  return Math.min(MAX_COOLDOWN_MS, baseMs * 2 ** Math.max(0, opens - 1));
}

export type CircuitState = 'closed' | 'open' | 'half_open';

/** The circuit as the API shows it. */
export function circuitView(c: CircuitFields, now: number): { state: CircuitState; consecutiveFailures: number; openUntil: string | null } {
  const state: CircuitState = c.cbOpenUntil === undefined ? 'closed' : now < c.cbOpenUntil ? 'open' : 'half_open';
  return { state, consecutiveFailures: c.cbFailures ?? 0, openUntil: c.cbOpenUntil === undefined ? null : new Date(c.cbOpenUntil).toISOString() };
}
