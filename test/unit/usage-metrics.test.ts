import { afterEach, describe, expect, it, vi } from 'vitest';
import { publishUsageMetrics } from '../../functions/adapters/usage-metrics.ts';
import { captureEmf } from '../helpers/emf.ts';

describe('publishUsageMetrics', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('writes one EMF document per event, service-wide unless the tenant dimension is asked for', async () => {
    vi.stubEnv('POWERTOOLS_DEV', '');
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', undefined);
    vi.stubEnv('METRICS_BY_TENANT', '');
    const [plain] = await captureEmf(() => publishUsageMetrics('ten_a', [['files', 1], ['bytesUploaded', 5117]]));
    expect(plain).toMatchObject({ files: 1, bytesUploaded: 5117, service: 'ai-file-parser' });
    const directive = (plain!._aws as { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] }).CloudWatchMetrics[0]!;
    expect(directive.Namespace).toBe('AiFileParser');
    expect(directive.Dimensions).toEqual([['service']]);
    expect(directive.Metrics).toEqual([{ Name: 'files', Unit: 'Count' }, { Name: 'bytesUploaded', Unit: 'Bytes' }]);

    vi.stubEnv('METRICS_BY_TENANT', 'true');
    const [byTenant] = await captureEmf(() => publishUsageMetrics('ten_a', [['aiCalls', 1]]));
    expect(byTenant).toMatchObject({ tenant: 'ten_a', aiCalls: 1 });
    expect((byTenant!._aws as { CloudWatchMetrics: { Dimensions: string[][] }[] }).CloudWatchMetrics[0]!.Dimensions).toEqual([['service', 'tenant']]);
  });

  it('prints nothing in dev mode (the local stack)', async () => {
    vi.stubEnv('POWERTOOLS_DEV', 'true');
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', undefined);
    expect(await captureEmf(() => publishUsageMetrics('ten_a', [['files', 1]]))).toEqual([]);
  });
});
