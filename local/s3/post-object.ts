// POST Object (a browser's HTML-form upload with a presigned POST policy), replacing s3rver's:
// its form parser (busboy 0.3) raised an error on a stream nobody listened to when a form ended
// without its closing boundary, which ended the whole process. Here busboy 1.x reads the form,
// every stream's errors are handled, and the policy is enforced as S3 does: its SigV4 signature,
// its expiration, and every condition (exact fields, starts-with, content-length-range), so a
// policy that confines an uploader to a key prefix confines it here too.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';

import { createCorsMiddleware, objectMetadata, S3Error, type S3rverContext, type S3rverMiddleware } from './s3rver-internals.ts';
import { commitObject, tempBeside } from './put-object.ts';
import { escapeXml } from './xml.ts';

/** s3rver's only credentials (LOCAL_S3_CREDENTIALS); a policy signed with anything else is refused. */
const ACCESS_KEY_ID = 'S3RVER';
const SECRET_ACCESS_KEY = 'S3RVER';
/** Fields S3 does not require a condition for. */
const UNCONDITIONED = new Set(['x-amz-signature', 'file', 'policy', 'bucket']);

type Condition = { kind: 'eq' | 'starts-with'; field: string; value: string } | { kind: 'length'; min: number; max: number };

/** Mount in front of s3rver's router: POST /{bucket} with a multipart form (DeleteObjects, ?delete, passes on). */
export function createPostObjectMiddleware(): S3rverMiddleware {
  const cors = createCorsMiddleware();
  return async (ctx, next) => {
    const bucket = /^\/([^/?]+)\/?$/.exec(ctx.path)?.[1];
    if (ctx.method !== 'POST' || !bucket || ctx.query.delete !== undefined) return next();
    ctx.params = { bucket };
    await cors(ctx, async () => {
      if (!(await ctx.store.getBucket(bucket))) throw new S3Error('NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucket });
      await postObject(ctx, bucket);
    });
  };
}

async function postObject(ctx: S3rverContext, bucket: string): Promise<void> {
  if (!/^multipart\/form-data/i.test(ctx.get('content-type'))) {
    throw new S3Error('PreconditionFailed', 'Bucket POST must be of the enclosure-type multipart/form-data', { Condition: 'Bucket POST must be of the enclosure-type multipart/form-data' });
  }
  const { fields, stored } = await readForm(ctx, bucket);
  const key = fields.get('key')!;
  const headers: Record<string, string> = {};
  for (const [name, value] of fields) {
    if (name.startsWith('x-amz-meta-') || ['content-type', 'cache-control', 'content-disposition', 'content-encoding', 'expires'].includes(name)) headers[name] = value;
  }
  try {
    await commitObject(ctx.store, bucket, key, objectMetadata(bucket, key, headers), stored.md5, stored.path);
  } catch (err) {
    await rm(stored.path, { force: true });
    throw err;
  }
  ctx.state.objectCreated = { key, reason: 'PostObject' };
  const location = `${ctx.href.split('?')[0]?.replace(/\/$/, '')}/${key.split('/').map(encodeURIComponent).join('/')}`;
  ctx.set('ETag', `"${stored.md5}"`);
  ctx.set('Location', location);
  const status = fields.get('success_action_status');
  if (status === '201') {
    ctx.status = 201;
    ctx.type = 'application/xml';
    ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<PostResponse><Location>${escapeXml(location)}</Location><Bucket>${escapeXml(bucket)}</Bucket><Key>${escapeXml(key)}</Key><ETag>"${stored.md5}"</ETag></PostResponse>`;
  } else {
    ctx.status = status === '200' ? 200 : 204;
    ctx.body = '';
  }
}

interface StoredFile {
  path: string;
  size: number;
  md5: string;
}

/**
 * Read the form: fields until the `file` part (S3 ignores fields after it), then the policy is
 * checked and the file streamed to a temp file beside its object, within the policy's size range.
 * Any failure (a form cut short, a client gone, a refused policy) rejects, and nothing is left.
 */
function readForm(ctx: S3rverContext, bucket: string): Promise<{ fields: Map<string, string>; stored: StoredFile }> {
  return new Promise((resolve, reject) => {
    const fields = new Map<string, string>();
    let stored: Promise<StoredFile> | undefined;
    let fileStream: Readable | undefined;
    let settled = false;
    // Answer only once the file's bytes are gone: a stored file is removed, one being
    // written fails its pipeline (which removes it) when its stream is destroyed.
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      ctx.req.unpipe(form);
      ctx.req.resume(); // drain what the client still sends, so it can read the answer
      fileStream?.destroy();
      void (stored ?? Promise.resolve(undefined))
        .then((file) => file && rm(file.path, { force: true }), () => undefined)
        .finally(() => reject(err));
    };
    let form: busboy.Busboy;
    try {
      form = busboy({ headers: ctx.req.headers, limits: { files: 1, fields: 100, fieldSize: 64 * 1024, parts: 101 } });
    } catch {
      reject(new S3Error('MalformedPOSTRequest', 'The body of your POST request is not well-formed multipart/form-data.'));
      return;
    }
    form.on('field', (name, value) => {
      if (!stored) fields.set(name.toLowerCase(), value);
    });
    form.on('file', (name, stream, info) => {
      if (name.toLowerCase() !== 'file' || stored) {
        stream.resume();
        return;
      }
      fileStream = stream;
      stored = storeFile(ctx, bucket, fields, stream, info.filename);
      stored.catch(fail);
    });
    form.on('filesLimit', () => fail(new S3Error('InvalidArgument', 'POST requires exactly one file upload per request.')));
    form.on('fieldsLimit', () => fail(new S3Error('MaxPostPreDataLengthExceeded', 'Your POST request fields preceding the upload file were too large.')));
    form.on('error', () => fail(new S3Error('MalformedPOSTRequest', 'The body of your POST request is not well-formed multipart/form-data.')));
    form.on('close', () => {
      if (!stored) return fail(new S3Error('InvalidArgument', 'POST requires exactly one file upload per request.', { ArgumentName: 'file', ArgumentValue: '0' }));
      stored.then(
        (file) => {
          if (settled) return;
          settled = true;
          resolve({ fields, stored: file });
        },
        fail,
      );
    });
    ctx.req.on('close', () => {
      if (!ctx.req.complete) fail(new S3Error('IncompleteBody', 'The request body ended before the form did'));
    });
    ctx.req.pipe(form);
  });
}

async function storeFile(ctx: S3rverContext, bucket: string, fields: Map<string, string>, file: Readable, filename: string | undefined): Promise<StoredFile> {
  // Until the policy is checked nothing is written; the bytes wait in the stream.
  file.on('error', () => undefined); // also seen by the pipeline below; never unheard
  let length: { min: number; max: number };
  try {
    const rawKey = fields.get('key');
    if (!rawKey) throw new S3Error('InvalidArgument', "Bucket POST must contain a field named 'key'.", { ArgumentName: 'key', ArgumentValue: '' });
    fields.set('key', rawKey.replaceAll('${filename}', filename ?? ''));
    length = checkPolicy(fields, bucket);
  } catch (err) {
    file.resume();
    throw err;
  }
  const key = fields.get('key')!;
  const objectPath = ctx.store.getResourcePath(bucket, key, 'object');
  await mkdir(path.dirname(objectPath), { recursive: true });
  const writing = tempBeside(objectPath);
  const md5 = createHash('md5');
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > length.max) return done(new S3Error('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', { MaxSizeAllowed: String(length.max) }));
      md5.update(chunk);
      done(null, chunk);
    },
  });
  const out = createWriteStream(writing);
  try {
    await pipeline(file, measure, out);
    if ((file as Readable & { truncated?: boolean }).truncated) throw new S3Error('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
    if (size < length.min) throw new S3Error('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size', { MinSizeAllowed: String(length.min) });
  } catch (err) {
    file.resume();
    // The write stream opens its file asynchronously: a pipeline that fails at once (a form
    // cut short) would remove the name before the open creates it, and leave the file behind.
    if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
    await rm(writing, { force: true });
    throw err;
  }
  return { path: writing, size, md5: md5.digest('hex') };
}

/** The policy's signature, expiration and conditions against the fields; the allowed file size. */
function checkPolicy(fields: Map<string, string>, bucket: string): { min: number; max: number } {
  const denied = (message: string) => new S3Error('AccessDenied', message);
  const policy = fields.get('policy');
  const signature = fields.get('x-amz-signature');
  const credential = fields.get('x-amz-credential');
  if (!policy || !signature || !credential) throw denied('Bucket POST must contain a policy, x-amz-credential and x-amz-signature');
  if (fields.get('x-amz-algorithm') !== 'AWS4-HMAC-SHA256') throw denied('Only AWS4-HMAC-SHA256 POST policies are supported');
  const [accessKeyId, date, region, service] = credential.split('/');
  if (accessKeyId !== ACCESS_KEY_ID) throw new S3Error('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
  const expected = createHmac('sha256', signingKey(date ?? '', region ?? '', service ?? '')).update(policy).digest();
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new S3Error('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
  }
  let document: { expiration?: unknown; conditions?: unknown };
  try {
    document = JSON.parse(Buffer.from(policy, 'base64').toString('utf8')) as typeof document;
  } catch {
    throw new S3Error('InvalidPolicyDocument', 'Invalid Policy: Invalid JSON.');
  }
  if (typeof document.expiration !== 'string' || !(Date.parse(document.expiration) > Date.now())) throw denied('Invalid according to Policy: Policy expired.');
  if (!Array.isArray(document.conditions)) throw new S3Error('InvalidPolicyDocument', 'Invalid Policy: Policy missing conditions.');
  const conditions = document.conditions.map(readCondition);
  const valueOf = (field: string) => (field === 'bucket' ? bucket : (fields.get(field) ?? ''));
  const covered = new Set<string>();
  let length = { min: 0, max: Number.POSITIVE_INFINITY };
  for (const c of conditions) {
    if (c.kind === 'length') {
      length = { min: c.min, max: c.max };
      continue;
    }
    covered.add(c.field);
    const actual = valueOf(c.field);
    const ok = c.kind === 'eq' ? actual === c.value : actual.startsWith(c.value);
    if (!ok) throw denied(`Invalid according to Policy: Policy Condition failed: ["${c.kind}", "$${c.field}", "${c.value}"]`);
  }
  for (const name of fields.keys()) {
    if (!UNCONDITIONED.has(name) && !name.startsWith('x-ignore-') && !covered.has(name)) {
      throw denied(`Invalid according to Policy: Extra input fields: ${name}`);
    }
  }
  return length;
}

function readCondition(raw: unknown): Condition {
  const invalid = () => new S3Error('InvalidPolicyDocument', `Invalid Policy: Invalid Condition: ${JSON.stringify(raw)}`);
  if (Array.isArray(raw)) {
    const [op, a, b] = raw as unknown[];
    if (op === 'content-length-range' && Number.isInteger(a) && Number.isInteger(b)) return { kind: 'length', min: a as number, max: b as number };
    if ((op === 'eq' || op === 'starts-with') && typeof a === 'string' && a.startsWith('$') && typeof b === 'string') {
      return { kind: op, field: a.slice(1).toLowerCase(), value: b };
    }
    throw invalid();
  }
  if (raw && typeof raw === 'object') {
    const entries = Object.entries(raw);
    const [field, value] = entries[0] ?? [];
    if (entries.length === 1 && field && typeof value === 'string') return { kind: 'eq', field: field.toLowerCase(), value };
  }
  throw invalid();
}

/** SigV4's signing key for the credential's date, region and service. */
function signingKey(date: string, region: string, service: string): Buffer {
  const step = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  return step(step(step(step(`AWS4${SECRET_ACCESS_KEY}`, date), region), service), 'aws4_request');
}
