import { ENV } from './env-names.ts';

/** Read an env var that must be set; a missing one is a deployment bug, so fail loudly at cold start. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`Missing required environment variable ${name}`);
  return value;
}

/** Read an env var that may be absent (feature switches, local-only overrides). */
export function optionalEnv(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** A tuning knob: a positive integer from the environment, or the default when unset or not one. */
export function positiveIntEnv(name: string, fallback: number): number {
  const value = Number(optionalEnv(name));
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

export const tableName = {
  jobs: () => requiredEnv(ENV.jobsTable),
  uploads: () => requiredEnv(ENV.uploadsTable),
  apiKeys: () => requiredEnv(ENV.apiKeysTable),
  uploadTokens: () => requiredEnv(ENV.uploadTokensTable),
  connections: () => requiredEnv(ENV.connectionsTable),
  rateLimits: () => requiredEnv(ENV.rateLimitsTable),
  tenants: () => requiredEnv(ENV.tenantsTable),
  audit: () => requiredEnv(ENV.auditTable),
  quotas: () => requiredEnv(ENV.quotasTable),
  usage: () => requiredEnv(ENV.usageTable),
};
