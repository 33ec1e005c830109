import { afterAll, beforeAll } from 'vitest';

/**
 * For a test file that calls handlers with mocked AWS clients: fake credentials, a silent
 * logger and the given variables (table names, endpoints) while the file runs; the process
 * environment as it was afterwards.
 */
export function useHandlerEnv(vars: Record<string, string>): void {
  const saved = { ...process.env };
  beforeAll(() => {
    Object.assign(process.env, { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y', POWERTOOLS_LOG_LEVEL: 'SILENT', ...vars });
  });
  afterAll(() => {
    process.env = saved;
  });
}
