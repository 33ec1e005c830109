import { optionalEnv } from '../shared/config.ts';
import { ENV } from '../shared/env-names.ts';

/*
 * Where the Anthropic API key comes from: the ANTHROPIC_API_KEY variable when it is set (the
 * local stack, a developer's shell), else the Secrets Manager secret named by
 * ANTHROPIC_API_KEY_SECRET_ARN (AWS: the key never sits in the function's configuration or
 * the CloudFormation template). Neither set: no AI, the heuristics map alone.
 */

/** How long a container keeps the key: one Secrets Manager read per container per 5 minutes, and a new key is used within that. */
export const AI_KEY_MAX_AGE_SECONDS = 300;

/** A secret with no value yet (the stack creates it empty) is asked again only this often. */
let noValue: { secretArn: string; until: number } | undefined;

/** True when a key is configured somewhere (the mapping may consult Claude). */
export function aiKeyConfigured(): boolean {
  return optionalEnv(ENV.anthropicApiKey) !== undefined || optionalEnv(ENV.anthropicApiKeySecretArn) !== undefined;
}

/**
 * The key, read once per container and cached (Powertools Parameters); undefined when none
 * is configured or the secret has no value yet. Throws when Secrets Manager cannot be read,
 * and the caller falls back to the heuristics.
 */
export async function resolveAiKey(): Promise<string | undefined> {
  const fromEnv = optionalEnv(ENV.anthropicApiKey);
  if (fromEnv !== undefined) return fromEnv;
  const secretArn = optionalEnv(ENV.anthropicApiKeySecretArn);
  if (secretArn === undefined) return undefined;
  if (noValue?.secretArn === secretArn && Date.now() < noValue.until) return undefined;
  // Loaded here, not at init: Powertools Parameters and the Secrets Manager client (~20 KB) are
  // needed only where the key lives in Secrets Manager, and there once per container.
  const [{ getSecret }, { ParameterNotFoundError }] = await Promise.all([
    import('@aws-lambda-powertools/parameters/secrets'),
    import('@aws-lambda-powertools/parameters/errors'),
  ]);
  let value: unknown;
  try {
    value = await getSecret(secretArn, { maxAge: AI_KEY_MAX_AGE_SECONDS, throwOnMissing: true });
  } catch (err) {
    if (!(err instanceof ParameterNotFoundError)) throw err;
  }
  // A key pasted from a file often ends in a line break.
  const key = typeof value === 'string' ? value.trim() : '';
  if (key === '') noValue = { secretArn, until: Date.now() + AI_KEY_MAX_AGE_SECONDS * 1000 };
  return key || undefined;
}
