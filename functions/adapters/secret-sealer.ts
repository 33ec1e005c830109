import { DecryptCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { kmsClient } from './kms-client.ts';
import { requiredEnv } from '../shared/config.ts';
import { ENV } from '../shared/env-names.ts';

/*
 * Webhook signing secrets at rest: each one is encrypted with the app's KMS key (KMS Encrypt:
 * a secret is ~50 bytes, far under the 4 KB a key encrypts directly, so no data key is
 * needed) under an encryption context naming its tenant and webhook, so a sealed value
 * copied onto another tenant's or webhook's item does not open. On the local stack the
 * same client talks to local/kms.ts (AWS_ENDPOINT_URL_KMS), keyed from the data folder.
 *
 * Stored form: `kms:v1:<base64 ciphertext>`. A value that starts `whsec_` was stored before
 * sealing existed and is still the secret itself (webhook-store.ts seals it at first use).
 */

const SEALED_PREFIX = 'kms:v1:';
const PLAINTEXT_PREFIX = 'whsec_';

/** Whose secret it is: bound into the ciphertext as the KMS encryption context. */
export interface SecretOwner {
  tenantId: string;
  webhookId: string;
}

const encryptionContext = (owner: SecretOwner) => ({ purpose: 'webhook-signing-secret', tenantId: owner.tenantId, webhookId: owner.webhookId });

/** Sealed by {@link sealSecret} (false for a secret stored before sealing existed). */
export const isSealed = (stored: string) => stored.startsWith(SEALED_PREFIX);

/**
 * Opened secrets, by owner and sealed form: one KMS Decrypt per secret per container rather
 * than one per delivery attempt. A sealed form is unique (KMS adds a fresh IV each time), and
 * the owner is part of the key, so an entry never answers for another webhook's item.
 * Bounded; the oldest entries go first.
 */
const opened = new Map<string, { plaintext: string; until: number }>();
const OPENED_MAX_ENTRIES = 500;
const OPENED_TTL_MS = 15 * 60 * 1000;

export class SealedSecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealedSecretError';
  }
}

/** Encrypt a signing secret for storage. */
export async function sealSecret(plaintext: string, owner: SecretOwner): Promise<string> {
  const { CiphertextBlob } = await kmsClient().send(
    new EncryptCommand({ KeyId: requiredEnv(ENV.webhookSecretsKeyArn), Plaintext: Buffer.from(plaintext, 'utf8'), EncryptionContext: encryptionContext(owner) }),
  );
  if (!CiphertextBlob) throw new SealedSecretError('KMS returned no ciphertext');
  return `${SEALED_PREFIX}${Buffer.from(CiphertextBlob).toString('base64')}`;
}

/** The signing secret a stored value holds: decrypted when sealed, as it is when stored before sealing. */
export async function openSecret(stored: string, owner: SecretOwner): Promise<string> {
  if (stored.startsWith(PLAINTEXT_PREFIX)) return stored;
  if (!isSealed(stored)) throw new SealedSecretError('stored webhook secret has an unknown format');
  const cacheKey = `${owner.tenantId}\n${owner.webhookId}\n${stored}`;
  const hit = opened.get(cacheKey);
  if (hit && hit.until > Date.now()) return hit.plaintext;
  const { Plaintext } = await kmsClient().send(
    new DecryptCommand({
      KeyId: requiredEnv(ENV.webhookSecretsKeyArn),
      CiphertextBlob: Buffer.from(stored.slice(SEALED_PREFIX.length), 'base64'),
      EncryptionContext: encryptionContext(owner),
    }),
  );
  if (!Plaintext) throw new SealedSecretError('KMS returned no plaintext');
  const plaintext = Buffer.from(Plaintext).toString('utf8');
  if (opened.size >= OPENED_MAX_ENTRIES) opened.delete(opened.keys().next().value!);
  opened.set(cacheKey, { plaintext, until: Date.now() + OPENED_TTL_MS });
  return plaintext;
}
