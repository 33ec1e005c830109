/**
 * What the service meters per tenant and UTC day. Each counter is added where its event
 * happens (best effort: metering never fails the action it counts).
 */
export const USAGE_COUNTERS = [
  /** uploads completed and files put in the inbox */
  'files',
  /** their bytes */
  'bytesUploaded',
  /** rows read by jobs that succeeded (counted once, when the job commits) */
  'rowsProcessed',
  /** of those, rows rejected to the error report */
  'rowsRejected',
  /** Messages API calls that answered (mapping suggestions, value maps, account insights) */
  'aiCalls',
  'aiInputTokens',
  'aiOutputTokens',
  /** webhook delivery attempts sent (automatic, test, replay), whatever the answer */
  'webhookDeliveries',
  /** of those, attempts the receiver did not accept (no answer, or not 2xx) */
  'webhookDeliveriesFailed',
] as const;

export type UsageCounter = (typeof USAGE_COUNTERS)[number];
export type UsageCounts = Record<UsageCounter, number>;

export const zeroUsage = (): UsageCounts => Object.fromEntries(USAGE_COUNTERS.map((c) => [c, 0])) as UsageCounts;

/** The usage of one stored day item, zeros for what it lacks. */
export function usageOf(item: Partial<Record<string, unknown>> | undefined): UsageCounts {
  const out = zeroUsage();
  for (const c of USAGE_COUNTERS) if (typeof item?.[c] === 'number') out[c] = item[c];
  return out;
}

/** Every UTC day from `from` to `to` (YYYY-MM-DD, inclusive). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** The sum of several days' usage. */
export function sumUsage(days: readonly UsageCounts[]): UsageCounts {
  const out = zeroUsage();
  for (const day of days) for (const c of USAGE_COUNTERS) out[c] += day[c];
  return out;
}
