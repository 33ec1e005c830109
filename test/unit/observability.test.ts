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

/** What the Lambda runtime sets (the X-Ray SDK reads LAMBDA_TASK_ROOT once, when it first loads). */
function lambdaRuntime(): void {
  vi.stubEnv('AWS_EXECUTION_ENV', 'AWS_Lambda_nodejs22.x');
  vi.stubEnv('LAMBDA_TASK_ROOT', '/var/task');
}

describe('tracer', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('is off unless the function was deployed with tracing: nothing is loaded, SDK clients stay as they are and a stage subsegment just runs its work', async () => {
    // a Lambda runtime, but deployed without tracing (the default)
    lambdaRuntime();
    vi.resetModules();
    const { tracerReady, traced, inSubsegment, tracedInvocation } = await import('../../functions/shared/tracer.ts');
    await expect(tracerReady()).resolves.toBeUndefined();
    const client = new S3Client({ region: 'us-east-1' });
    expect(traced(client)).toBe(client);
    await expect(inSubsegment('parse', async () => 42)).resolves.toBe(42);
    expect(tracedInvocation()).toEqual([]);
    expect(client.middlewareStack.identify().join(' ')).not.toMatch(/XRay/i);
  });

  it('loads the Tracer where the function was deployed with tracing, and instruments a client made before it loaded', async () => {
    lambdaRuntime();
    vi.stubEnv('POWERTOOLS_TRACE_ENABLED', 'true');
    vi.resetModules();
    const { tracerReady, traced, tracedInvocation } = await import('../../functions/shared/tracer.ts');
    const early = traced(new S3Client({ region: 'us-east-1' }));
    const tracer = await tracerReady();
    expect(tracer?.isTracingEnabled()).toBe(true);
    expect(early.middlewareStack.identify().join(' ')).toMatch(/XRay/);
    expect(traced(new S3Client({ region: 'us-east-1' })).middlewareStack.identify().join(' ')).toMatch(/XRay/);
    expect(tracedInvocation()).toHaveLength(1);
  });

  it('runs a traced function\'s handler in its own subsegment, and a stage in one of its own inside it', async () => {
    lambdaRuntime();
    vi.stubEnv('POWERTOOLS_TRACE_ENABLED', 'true');
    vi.stubEnv('_HANDLER', 'index.handler');
    // the trace header the Lambda runtime sets for a sampled invocation (segments go to a daemon address by UDP, unanswered)
    vi.stubEnv('_X_AMZN_TRACE_ID', 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1');
    vi.resetModules();
    const { observedHandler } = await import('../../functions/shared/observability.ts');
    const { tracerReady, inSubsegment } = await import('../../functions/shared/tracer.ts');
    const handler = observedHandler(async () => {
      const tracer = await tracerReady();
      const outer = tracer?.getSegment()?.name;
      const inner = await inSubsegment('parse', async () => tracer?.getSegment()?.name);
      return [outer, inner];
    });
    await expect(handler({})).resolves.toEqual(['## index.handler', '## parse']);
  });
});
