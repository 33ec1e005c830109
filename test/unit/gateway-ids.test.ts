import { describe, expect, it } from 'vitest';
import { lambdaContext, newGatewayId, randomChunk } from '../../local/apigateway/common.ts';

describe('gateway ids from the random pool', () => {
  it('are shaped like API Gateway ids and never repeat across pool refills', () => {
    // 4 KiB / 11 bytes = ~370 ids per fill: 5,000 cross the refill more than ten times
    const ids = Array.from({ length: 5000 }, () => newGatewayId());
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^[A-Za-z0-9_-]{15}=$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('hands out chunks that do not overlap until the pool is refilled', () => {
    const a = Buffer.from(randomChunk(16));
    const b = randomChunk(16);
    expect(b.equals(a)).toBe(false);
    // chunks as large as the pool come from a fresh fill
    expect(randomChunk(4096)).toHaveLength(4096);
  });

  it('names one log stream per function, like a container, and a new request id per call', () => {
    const first = lambdaContext('api-jobs', 1000);
    const second = lambdaContext('api-jobs', 1000);
    expect(second.logStreamName).toBe(first.logStreamName);
    expect(first.logStreamName).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(lambdaContext('api-uploads', 1000).logStreamName).not.toBe(first.logStreamName);
    expect(second.awsRequestId).not.toBe(first.awsRequestId);
  });
});
