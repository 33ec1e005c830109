import { afterEach, describe, expect, it, vi } from 'vitest';
import { S3Client } from '@aws-sdk/client-s3';

describe('observedHandler', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('puts the correlation id and the keys a request appended on its lines, and clears them when it ends, thrown or not', async () => {
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'INFO');
    vi.resetModules();
    const lines: Record<string, unknown>[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      const text = chunk.toString();
      if (text.trim().startsWith('{')) lines.push(JSON.parse(text) as Record<string, unknown>);
      return true;
    });
    const { logger } = await import('../../functions/shared/logger.ts');
    const { observedHandler } = await import('../../functions/shared/observability.ts');
    const handler = observedHandler(
      async (event: { id: string; fail?: boolean }) => {
        logger.appendKeys({ jobId: `job_${event.id}`, tenantId: 't1' });
        logger.info('working');
        if (event.fail) throw new Error('boom');
        return 'ok';
      },
      (event) => `corr-${event.id}`,
    );
    await expect(handler({ id: 'a' })).resolves.toBe('ok');
    logger.info('between');
    await expect(handler({ id: 'b', fail: true })).rejects.toThrow('boom');
    logger.info('after');
    const byMessage = (m: string) => lines.filter((l) => l.message === m);
    expect(byMessage('working')).toEqual([
      expect.objectContaining({ correlation_id: 'corr-a', jobId: 'job_a', tenantId: 't1' }),
      expect.objectContaining({ correlation_id: 'corr-b', jobId: 'job_b', tenantId: 't1' }),
    ]);
    for (const line of [...byMessage('between'), ...byMessage('after')]) {
      expect(line).not.toHaveProperty('jobId');
      expect(line).not.toHaveProperty('tenantId');
      expect(line).not.toHaveProperty('correlation_id');
    }
    expect(byMessage('after')).toHaveLength(1);
  });
});

describe('tracer', () => {
  it('is off outside a Lambda runtime: SDK clients stay as they are and a stage subsegment just runs its work', async () => {
    const { tracer, traced, inSubsegment } = await import('../../functions/shared/tracer.ts');
    expect(tracer.isTracingEnabled()).toBe(false);
    const client = new S3Client({ region: 'us-east-1' });
    expect(traced(client)).toBe(client);
    await expect(inSubsegment('parse', async () => 42)).resolves.toBe(42);
  });
});
