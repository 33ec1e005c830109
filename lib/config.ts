/**
 * Deployment configuration read from CDK context, checked once in bin/app.ts so a typo fails
 * the synth instead of deploying somewhere unexpected.
 */

/** Stage names become part of stack, table and function names, so keep them short and DNS-safe. */
export const STAGE_PATTERN = /^[a-z][a-z0-9-]{1,15}$/;

export interface AppConfig {
  /** e.g. "dev", "prod"; part of every stack and physical resource name */
  stage: string;
  /** browser origins allowed to call the HTTP API and to PUT parts to the upload bucket */
  allowedOrigins: string[];
  /** an address subscribed to the alarm topic (it confirms by the mail SNS sends); none by default */
  alarmEmail?: string;
  /**
   * X-Ray tracing of the functions and the state machine. Off by default: the tracer and the
   * X-Ray SDK are then never loaded, which keeps them out of every cold start (~130 KB, 25–50 ms).
   */
  tracing?: boolean;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Check the `stage` context value; there is no silent default (cdk.json sets "dev" explicitly). */
export function parseStage(raw: unknown): string {
  if (typeof raw !== 'string' || !STAGE_PATTERN.test(raw)) {
    throw new ConfigError(
      `Invalid stage ${JSON.stringify(raw)}: pass --context stage=<name> matching ${STAGE_PATTERN.source}`,
    );
  }
  return raw;
}

/**
 * Check the `allowedOrigins` context value: a JSON array from cdk.json or a comma-separated
 * string from `--context allowedOrigins=https://a.example,https://b.example`. "*" allows any.
 */
export function parseAllowedOrigins(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : undefined;
  const origins = list?.map((o) => (typeof o === 'string' ? o.trim() : o)).filter((o) => o !== '');
  if (!origins || origins.length === 0) {
    throw new ConfigError('Missing allowedOrigins: pass --context allowedOrigins=<origin>[,<origin>] or "*"');
  }
  for (const origin of origins) {
    if (origin === '*') continue;
    if (typeof origin !== 'string' || !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(`Invalid origin ${JSON.stringify(origin)}: expected "*" or scheme://host[:port]`);
    }
  }
  return origins as string[];
}

/**
 * Check the optional `alarmEmail` context value (`--context alarmEmail=oncall@example.com`):
 * absent or empty means no subscription; anything else must look like one address.
 */
export function parseAlarmEmail(raw: unknown): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string' || !/^[^@\s,]+@[^@\s,]+\.[^@\s,]+$/.test(raw.trim())) {
    throw new ConfigError(`Invalid alarmEmail ${JSON.stringify(raw)}: expected one address, e.g. --context alarmEmail=oncall@example.com`);
  }
  return raw.trim();
}

/**
 * Check the `tracing` context value: `--context tracing=true` (a string) or a boolean in cdk.json;
 * absent is off. Anything else fails the synth rather than deploying without the traces asked for.
 */
export function parseTracing(raw: unknown): boolean {
  if (raw === undefined || raw === false || raw === 'false') return false;
  if (raw === true || raw === 'true') return true;
  throw new ConfigError(`Invalid tracing ${JSON.stringify(raw)}: pass --context tracing=true or tracing=false`);
}
