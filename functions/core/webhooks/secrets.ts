import { randomBytes } from 'node:crypto';

export const SECRET_PREFIX = 'whsec_';
/** How long the previous secret keeps signing after a rotation, so receivers can switch over. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

/** The secret fields of an endpoint as stored (never returned by GET). */
export interface SecretState {
  secret: string;
  previousSecret?: string;
  /** ISO time after which `previousSecret` no longer signs */
  previousSecretExpiresAt?: string;
}

/** A new signing secret: `whsec_` + base64 of 32 random bytes (the Standard Webhooks format). */
export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/**
 * Rotate: the new secret signs from now on; the current one keeps signing for 24 h.
 * A second rotation inside the overlap drops the oldest secret: only two ever sign.
 */
export function rotateSecret(state: SecretState, now: Date, newSecret = generateWebhookSecret()): Required<SecretState> {
  return {
    secret: newSecret,
    previousSecret: state.secret,
    previousSecretExpiresAt: new Date(now.getTime() + ROTATION_OVERLAP_MS).toISOString(),
  };
}

/** The secrets that sign a delivery made at `now`: the current one first, then the previous one while it overlaps. */
export function signingSecrets(state: SecretState, now: Date): string[] {
  const secrets = [state.secret];
  if (state.previousSecret && state.previousSecretExpiresAt && Date.parse(state.previousSecretExpiresAt) > now.getTime()) {
    secrets.push(state.previousSecret);
  }
  return secrets;
}
