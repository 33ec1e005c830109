import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { closeServer, listen, readBody } from './http-server.ts';

/*
 * AWS KMS for the local stack: the JSON 1.1 protocol's Encrypt and Decrypt on one symmetric
 * key, so handlers seal secrets through the real @aws-sdk/client-kms (AWS_ENDPOINT_URL_KMS)
 * as they do on AWS. The key material is 32 random bytes in the data folder (created once,
 * mode 0600), so sealed values survive restarts with the rest of the state. As KMS does, a
 * ciphertext opens only with the same encryption context and key, else
 * InvalidCiphertextException / IncorrectKeyException. It is not KMS's ciphertext format:
 * blobs from here mean nothing to AWS, and the other way round.
 */

const MAGIC = Buffer.from('LKMS1');
const MAX_PLAINTEXT = 4096;

export interface LocalKms {
  endpoint: string;
  /** the one key's ARN: what the stack's functions are configured with */
  keyArn: string;
  close(): Promise<void>;
}

class KmsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

/** The encryption context as the AES-GCM additional data: sorted, so key order does not matter. */
const contextAad = (context: unknown): Buffer => {
  if (context !== undefined && (context === null || typeof context !== 'object' || Array.isArray(context))) {
    throw new KmsError('ValidationException', 'EncryptionContext must be a map of strings');
  }
  const entries = Object.entries((context ?? {}) as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Buffer.from(JSON.stringify(entries));
};

async function loadKeyMaterial(dataDir: string): Promise<Buffer> {
  const dir = join(dataDir, 'kms');
  const file = join(dir, 'key-material');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  try {
    const existing = await readFile(file);
    if (existing.length === 32) return existing;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const material = randomBytes(32);
  // wx: two stacks starting on one folder at once must not each write their own key
  await writeFile(file, material, { mode: 0o600, flag: 'wx' }).catch(async (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
  });
  return readFile(file);
}

export async function startLocalKms(opts: { dataDir: string; host: string; region: string; accountId: string }): Promise<LocalKms> {
  const material = await loadKeyMaterial(opts.dataDir);
  const keyId = 'local-webhook-secrets';
  const keyArn = `arn:aws:kms:${opts.region}:${opts.accountId}:key/${keyId}`;
  const known = (id: unknown) => id === keyArn || id === keyId;

  const encrypt = (input: Record<string, unknown>) => {
    if (!known(input.KeyId)) throw new KmsError('NotFoundException', `Key '${String(input.KeyId)}' does not exist`);
    const plaintext = Buffer.from(String(input.Plaintext ?? ''), 'base64');
    if (plaintext.length === 0 || plaintext.length > MAX_PLAINTEXT) throw new KmsError('ValidationException', 'Plaintext must be 1 to 4096 bytes');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', material, iv);
    cipher.setAAD(contextAad(input.EncryptionContext));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return { CiphertextBlob: Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]).toString('base64'), KeyId: keyArn, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
  };

  const decrypt = (input: Record<string, unknown>) => {
    if (input.KeyId !== undefined && !known(input.KeyId)) throw new KmsError('IncorrectKeyException', 'The key ID in the request does not identify the key that encrypted the ciphertext');
    const blob = Buffer.from(String(input.CiphertextBlob ?? ''), 'base64');
    const invalid = () => new KmsError('InvalidCiphertextException', 'The ciphertext or its encryption context is invalid');
    if (blob.length < MAGIC.length + 28 || !blob.subarray(0, MAGIC.length).equals(MAGIC)) throw invalid();
    const iv = blob.subarray(MAGIC.length, MAGIC.length + 12);
    const tag = blob.subarray(MAGIC.length + 12, MAGIC.length + 28);
    const decipher = createDecipheriv('aes-256-gcm', material, iv);
    decipher.setAAD(contextAad(input.EncryptionContext));
    decipher.setAuthTag(tag);
    try {
      const plaintext = Buffer.concat([decipher.update(blob.subarray(MAGIC.length + 28)), decipher.final()]);
      return { Plaintext: plaintext.toString('base64'), KeyId: keyArn, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
    } catch {
      throw invalid();
    }
  };

  const operations: Record<string, (input: Record<string, unknown>) => unknown> = { Encrypt: encrypt, Decrypt: decrypt };

  const answer = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const target = String(req.headers['x-amz-target'] ?? '');
      const operation = operations[target.replace(/^TrentService\./, '')];
      const raw = await readBody(req, 64 * 1024);
      if (!operation || req.method !== 'POST') throw new KmsError('UnknownOperationException', `The local KMS does not implement ${target || req.method}`);
      if (raw === undefined) throw new KmsError('ValidationException', 'Request body too large');
      let input: unknown;
      try {
        input = JSON.parse(raw.toString('utf8') || '{}');
      } catch {
        throw new KmsError('SerializationException', 'Request body is not JSON');
      }
      answer(res, 200, operation((input ?? {}) as Record<string, unknown>));
    } catch (err) {
      if (err instanceof KmsError) answer(res, 400, { __type: err.type, message: err.message });
      else answer(res, 500, { __type: 'KMSInternalException', message: 'local KMS failed' });
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  const port = await listen(server, 0, opts.host);
  return { endpoint: `http://${opts.host}:${port}`, keyArn, close: () => closeServer(server) };
}
