import { afterEach, describe, expect, it, vi } from 'vitest';

describe('initDurationMs', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('is logged once per process, when the importing module has finished loading, not on each call', async () => {
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'INFO');
    vi.resetModules();
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(chunk.toString());
      return true;
    });
    const before = performance.now();
    const mod = await import('../../functions/shared/logger.ts');
    // measured by the microtask queued at import, after the whole import graph ran
    await Promise.resolve();
    const measured = mod.initDurationMs();
    expect(measured).toBeGreaterThanOrEqual(Math.floor(before));
    expect(measured).toBeLessThanOrEqual(Math.ceil(performance.now()));
    mod.logger.info('a request');
    const inits = lines.filter((l) => l.includes('"initDurationMs"'));
    expect(inits).toHaveLength(1);
    expect(JSON.parse(inits[0]!)).toMatchObject({ message: 'init', initDurationMs: measured });
  });
});
