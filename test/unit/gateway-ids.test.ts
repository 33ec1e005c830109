import { describe, expect, it } from 'vitest';
import { lambdaContext, newGatewayId, randomText } from '../../local/apigateway/common.ts';

describe('gateway ids from the random pool', () => {
  it('are shaped like API Gateway ids and never repeat across pool refills', () => {
    // 4 KiB / 11 bytes = ~370 ids per fill: 5,000 cross the refill more than ten times
    const ids = Array.from({ length: 5000 }, () => newGatewayId());
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^[A-Za-z0-9_-]{15}=$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('hands out bytes that do not overlap the previous draw, and refuses sizes it cannot give', () => {
    // a pool that advanced by less than it handed out would repeat the end of one draw at
    // the start of the next
    const draws = Array.from({ length: 2000 }, () => randomText(16, 'hex'));
    for (const d of draws.slice(0, 20)) expect(d).toMatch(/^[0-9a-f]{32}$/);
    for (let i = 1; i < draws.length; i++) expect(draws[i - 1]!.includes(draws[i]!.slice(0, 8))).toBe(false);
    expect(new Set(draws).size).toBe(draws.length);
    for (const n of [0, 257, 1.5]) expect(() => randomText(n, 'hex')).toThrow(RangeError);
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
