import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { takeRequest } from '../../functions/adapters/rate-limiter.ts';
import { leaseSize } from '../../functions/core/auth/rate-limit.ts';

const ddb = mockClient(DynamoDBDocumentClient);
/** The shared window counters, as DynamoDB's atomic ADD keeps them for every container. */
let counters: Map<string, number>;

beforeEach(() => {
  process.env.RATE_LIMITS_TABLE = 'rate-limits';
  counters = new Map();
  ddb.reset();
  ddb.on(UpdateCommand).callsFake((input: { Key: { bucket: string }; ExpressionAttributeValues: { ':n': number } }) => {
    const hits = (counters.get(input.Key.bucket) ?? 0) + input.ExpressionAttributeValues[':n'];
    counters.set(input.Key.bucket, hits);
    return { Attributes: { hits } };
  });
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-21T10:00:00.100Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

async function burst(keyId: string, limit: number, n: number): Promise<number> {
  let allowed = 0;
  for (let i = 0; i < n; i++) if ((await takeRequest(keyId, limit)).allowed) allowed++;
  return allowed;
}

describe('takeRequest', () => {
  it('allows exactly the limit in a window, writing once per lease, and refuses the rest', async () => {
    expect(leaseSize(1000)).toBe(50);
    expect(await burst('k-big', 1000, 1200)).toBe(1000);
    // 20 leases of 50, one more that finds the window spent, then no more writes
    expect(ddb.commandCalls(UpdateCommand).length).toBe(21);
  });

  it('counts small limits request by request', async () => {
    expect(leaseSize(10)).toBe(1);
    expect(await burst('k-small', 10, 15)).toBe(10);
    const refused = await takeRequest('k-small', 10);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('starts over in the next window', async () => {
    expect(await burst('k-next', 40, 45)).toBe(40);
    vi.setSystemTime(new Date('2026-11-21T10:00:01.050Z'));
    expect(await burst('k-next', 40, 40)).toBe(40);
  });

  it('asks the shared counter once for a burst of concurrent requests', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => takeRequest('k-burst', 1000)));
    expect(results.every((r) => r.allowed)).toBe(true);
    expect(ddb.commandCalls(UpdateCommand).length).toBe(1);
  });

  it('never lets two containers together exceed the limit', async () => {
    // another container already took most of this window's tokens from the shared counter
    const bucket = `k-shared#${Math.floor(Date.now() / 1000)}`;
    counters.set(bucket, 990);
    expect(await burst('k-shared', 1000, 100)).toBe(10);
  });
});
