import { DEFAULT_PARSE_LIMITS, LIMIT_SETTINGS, type ParseLimits } from '../core/parse/parse-limits.ts';
import { positiveIntEnv } from './config.ts';

/** The parse limits as this function's environment sets them (LIMIT_SETTINGS), the defaults otherwise. */
export function parseLimitsFromEnv(): ParseLimits {
  const limits = { ...DEFAULT_PARSE_LIMITS };
  for (const key of Object.keys(LIMIT_SETTINGS) as (keyof ParseLimits)[]) limits[key] = positiveIntEnv(LIMIT_SETTINGS[key], DEFAULT_PARSE_LIMITS[key]);
  return limits;
}
