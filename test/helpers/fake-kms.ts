import { mockClient } from 'aws-sdk-client-mock';
import { DecryptCommand, EncryptCommand, InvalidCiphertextException, KMSClient } from '@aws-sdk/client-kms';

const sorted = (context: Record<string, string>) => Object.entries(context).sort(([a], [b]) => a.localeCompare(b));

/**
 * KMS Encrypt/Decrypt for unit tests, mocked at the SDK client: the "ciphertext" is the
 * plaintext and its context, reversible and readable in test output, and Decrypt checks the
 * key and the encryption context as KMS does. Not encryption: it shows what was asked of KMS.
 */
export function mockKms(keyArn = 'arn:aws:kms:us-east-1:123456789012:key/test') {
  const kms = mockClient(KMSClient);
  const install = () => {
    kms.on(EncryptCommand).callsFake((input: { KeyId: string; Plaintext: Uint8Array; EncryptionContext?: Record<string, string> }) => {
      if (input.KeyId !== keyArn) throw new Error(`unexpected key ${input.KeyId}`);
      const blob = JSON.stringify({ key: input.KeyId, context: input.EncryptionContext ?? {}, plaintext: Buffer.from(input.Plaintext).toString('base64') });
      return { CiphertextBlob: Buffer.from(`fake-kms:${blob}`), KeyId: keyArn };
    });
    kms.on(DecryptCommand).callsFake((input: { KeyId?: string; CiphertextBlob: Uint8Array; EncryptionContext?: Record<string, string> }) => {
      const text = Buffer.from(input.CiphertextBlob).toString('utf8');
      const invalid = () => new InvalidCiphertextException({ message: 'invalid ciphertext or context', $metadata: {} });
      if (!text.startsWith('fake-kms:')) throw invalid();
      const sealed = JSON.parse(text.slice('fake-kms:'.length)) as { key: string; context: Record<string, string>; plaintext: string };
      const sameContext = JSON.stringify(sorted(sealed.context)) === JSON.stringify(sorted(input.EncryptionContext ?? {}));
      if (!sameContext || (input.KeyId && input.KeyId !== sealed.key)) throw invalid();
      return { Plaintext: Buffer.from(sealed.plaintext, 'base64'), KeyId: sealed.key };
    });
  };
  install();
  return {
    kms,
    keyArn,
    /** reset the recorded calls (and the behaviour, installed again) */
    reset() {
      kms.reset();
      install();
    },
  };
}
