import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { takeRequest } from '../../functions/adapters/rate-limiter.ts';
import { leaseSize, rateWindow } from '../../functions/core/auth/rate-limit.ts';

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
  it('allows exactly the limit in a window, with leases that grow to a twentieth of it, and refuses the rest', async () => {
    expect(leaseSize(1000)).toBe(50);
    expect(await burst('k-big', 1000, 1200)).toBe(1000);
    // leases of 1, 2, 4 ... 50 tokens, then one at a time near the limit; nothing once it is spent
    const writes = ddb.commandCalls(UpdateCommand).map((c) => (c.args[0].input.ExpressionAttributeValues as { ':n': number })[':n']);
    expect(writes.slice(0, 7)).toEqual([1, 2, 4, 8, 16, 32, 50]);
    expect(writes.length).toBeLessThan(40);
  });

  it('takes one token for the first request of a window (a Lambda container holds back nothing)', async () => {
    const bucket = `k-fleet#${Math.floor(Date.now() / 1000)}`;
    counters.set(bucket, 0);
    expect(await burst('k-fleet', 100, 1)).toBe(1);
    expect(counters.get(bucket)).toBe(1);
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

  it('coalesces the lease requests of a burst of concurrent requests', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => takeRequest('k-burst', 1000)));
    expect(results.every((r) => r.allowed)).toBe(true);
    // one lease at a time (1, 2, 4, 8, 16, 32 tokens), not one per request
    expect(ddb.commandCalls(UpdateCommand).length).toBe(6);
  });

  it('never lets two containers together exceed the limit', async () => {
    // another container already took most of this window's tokens from the shared counter
    const bucket = `k-shared#${Math.floor(Date.now() / 1000)}`;
    counters.set(bucket, 990);
    expect(await burst('k-shared', 1000, 100)).toBe(10);
  });
});

describe('rateWindow', () => {
  it('counts a key per whole second, keeps the counter a minute past its second, and asks a refused caller to wait a second', () => {
    expect(rateWindow('key_1', 5_000_999)).toEqual({ bucket: 'key_1#5000', expiresAtEpoch: 5060, retryAfterSeconds: 1 });
  });
});
