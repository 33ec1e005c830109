import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { startLocalKms, type LocalKms } from '../../local/kms.ts';

/* The local stack's KMS, through the real SDK client: what the webhook secret sealer relies on. */

const running: { kms: LocalKms; client: KMSClient }[] = [];
const dirs: string[] = [];

async function start(dataDir?: string) {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'afp-kms-')));
  if (!dataDir) dirs.push(dir);
  const kms = await startLocalKms({ dataDir: dir, host: '127.0.0.1', region: 'us-east-1', accountId: '000000000000' });
  const client = new KMSClient({ endpoint: kms.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
  running.push({ kms, client });
  return { dir, kms, client };
}

afterEach(async () => {
  for (const { kms, client } of running.splice(0)) {
    client.destroy();
    await kms.close();
  }
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const context = { purpose: 'webhook-signing-secret', tenantId: 't1', webhookId: 'wh_1' };
const PLAINTEXT = Buffer.from('whsec_local-kms-test');

describe('local KMS', () => {
  it('encrypts and decrypts with the same encryption context, and refuses another context or key', async () => {
    const { kms, client } = await start();
    const { CiphertextBlob, KeyId } = await client.send(new EncryptCommand({ KeyId: kms.keyArn, Plaintext: PLAINTEXT, EncryptionContext: context }));
    expect(KeyId).toBe(kms.keyArn);
    expect(Buffer.from(CiphertextBlob!).includes(PLAINTEXT)).toBe(false);
    const opened = await client.send(new DecryptCommand({ KeyId: kms.keyArn, CiphertextBlob, EncryptionContext: { webhookId: 'wh_1', tenantId: 't1', purpose: 'webhook-signing-secret' } }));
    expect(Buffer.from(opened.Plaintext!)).toEqual(PLAINTEXT);
    await expect(client.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: { ...context, tenantId: 't2' } }))).rejects.toMatchObject({ name: 'InvalidCiphertextException' });
    await expect(client.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: context, KeyId: 'arn:aws:kms:us-east-1:000000000000:key/other' }))).rejects.toMatchObject({ name: 'IncorrectKeyException' });
    await expect(client.send(new EncryptCommand({ KeyId: 'alias/nope', Plaintext: PLAINTEXT }))).rejects.toMatchObject({ name: 'NotFoundException' });
    const tampered = Buffer.from(CiphertextBlob!);
    tampered[tampered.length - 1]! ^= 1;
    await expect(client.send(new DecryptCommand({ CiphertextBlob: tampered, EncryptionContext: context }))).rejects.toMatchObject({ name: 'InvalidCiphertextException' });
  });

  it('keeps its key in the data folder (owner-only): a restart opens what was sealed, another folder does not', async () => {
    const first = await start();
    const { CiphertextBlob } = await first.client.send(new EncryptCommand({ KeyId: first.kms.keyArn, Plaintext: PLAINTEXT, EncryptionContext: context }));
    expect((await stat(join(first.dir, 'kms', 'key-material'))).mode & 0o777).toBe(0o600);
    const restarted = await start(first.dir);
    expect(Buffer.from((await restarted.client.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: context }))).Plaintext!)).toEqual(PLAINTEXT);
    const elsewhere = await start();
    await expect(elsewhere.client.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: context }))).rejects.toMatchObject({ name: 'InvalidCiphertextException' });
  });
});
