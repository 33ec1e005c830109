import { describe, expect, it } from 'vitest';
import { completeUploadSession, type CompletionPorts } from '../../functions/shared/upload-flow.ts';
import { HttpError } from '../../functions/shared/http/errors.ts';
import { QuotaExceededError, QUOTA_CODES } from '../../functions/core/quotas/limits.ts';
import type { UploadSession } from '../../functions/adapters/upload-store.ts';
import type { Duplicate } from '../../functions/adapters/duplicate-index.ts';

/*
 * Completing an upload with in-memory stores: what the flow decides (the same job on a
 * repeat, 400/409 for S3's refusals, the object deleted when its size or a quota is wrong,
 * one winner of a race, a skipped duplicate not kept), without S3 or DynamoDB.
 */

const s3Error = (name: string) => Object.assign(new Error(`${name} from S3`), { name });

function memoryPorts(opts: { objectSize?: number; completeFails?: Error; duplicate?: Duplicate; quotaRefuses?: QuotaExceededError; raceWinner?: string } = {}) {
  const sessions = new Map<string, UploadSession>();
  const objects = new Map<string, number>();
  const log = { launched: [] as { jobId: string; size: number }[], stored: [] as number[], metered: [] as number[], deleted: [] as string[] };
  const ports: CompletionPorts = {
    objects: {
      async completeMultipartUpload(_bucket, key) {
        if (opts.completeFails) throw opts.completeFails;
        objects.set(key, opts.objectSize ?? 100);
        return undefined as never;
      },
      async head(_bucket, key) {
        const size = objects.get(key);
        return size === undefined ? undefined : { size, metadata: {} };
      },
      async delete(_bucket, key) {
        objects.delete(key);
        log.deleted.push(key);
      },
    },
    uploads: {
      async get(_tenantId, sessionId) {
        return sessions.get(sessionId);
      },
      async transition(_tenantId, sessionId, to, set = {}) {
        const current = sessions.get(sessionId);
        if (opts.raceWinner && to === 'completed') {
          sessions.set(sessionId, { ...current!, status: 'completed', jobId: opts.raceWinner });
          return false;
        }
        if (!current || current.status !== 'open') return false;
        sessions.set(sessionId, { ...current, status: to, ...set });
        return true;
      },
    },
    duplicates: { find: async () => opts.duplicate },
    quota: {
      async admit() {
        if (opts.quotaRefuses) throw opts.quotaRefuses;
      },
      async noteStored(_tenantId, bytes) {
        log.stored.push(bytes);
      },
    },
    async launchJob(req) {
      const jobId = req.jobId ?? 'job_generated';
      log.launched.push({ jobId, size: req.source.size });
      return { jobId };
    },
    newJobId: () => 'job_new',
    async meterUsage(_tenantId, counts) {
      log.metered.push(counts.bytesUploaded);
    },
  };
  const open = (extra: Partial<UploadSession> = {}): UploadSession => {
    const session: UploadSession = {
      tenantId: 't1',
      sessionId: 'upl_1',
      uploadId: 'mpu-1',
      bucket: 'b',
      key: 'uploads/t1/upl_1/calls.csv',
      filename: 'calls.csv',
      contentType: 'text/csv',
      size: 100,
      partSize: 8 * 1024 * 1024,
      status: 'open',
      createdAt: '2026-12-06T00:00:00.000Z',
      expiresAt: '2026-12-07T00:00:00.000Z',
      expiresAtEpoch: 0,
      ...extra,
    };
    sessions.set(session.sessionId, session);
    return session;
  };
  return { ports, log, open, sessions, objects };
}

const PARTS = [{ PartNumber: 2, ETag: 'b' }, { PartNumber: 1, ETag: 'a' }];

async function refusal(promise: Promise<unknown>): Promise<HttpError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HttpError);
  return err as HttpError;
}

describe('completeUploadSession', () => {
  it('starts one job over the object, counts its bytes as stored and metered', async () => {
    const { ports, log, open, sessions } = memoryPorts();
    const done = await completeUploadSession(open(), PARTS, { schema: 'call_record' }, ports);
    expect(done).toEqual({ jobId: 'job_new' });
    expect(log.launched).toEqual([{ jobId: 'job_new', size: 100 }]);
    expect(log.stored).toEqual([100]);
    expect(log.metered).toEqual([100]);
    expect(sessions.get('upl_1')).toMatchObject({ status: 'completed', jobId: 'job_new', storedBytes: 100 });
  });

  it('answers a repeated complete with the same job and starts nothing', async () => {
    const { ports, log, open } = memoryPorts();
    const done = await completeUploadSession(open({ status: 'completed', jobId: 'job_first' }), PARTS, {}, ports);
    expect(done).toEqual({ jobId: 'job_first' });
    expect(log.launched).toEqual([]);
  });

  it('refuses repeated part numbers with a 400 naming parts', async () => {
    const { ports, open } = memoryPorts();
    const err = await refusal(completeUploadSession(open(), [{ PartNumber: 1, ETag: 'a' }, { PartNumber: 1, ETag: 'b' }], {}, ports));
    expect(err.statusCode).toBe(400);
    expect(err.details).toEqual([{ field: 'parts', message: 'part numbers must be unique' }]);
  });

  it.each(['InvalidPart', 'InvalidPartOrder', 'EntityTooSmall'])('turns S3 %s into a 400 naming parts', async (name) => {
    const { ports, open, log } = memoryPorts({ completeFails: s3Error(name) });
    const err = await refusal(completeUploadSession(open(), PARTS, {}, ports));
    expect(err.statusCode).toBe(400);
    expect(err.details).toEqual([{ field: 'parts', message: `${name} from S3` }]);
    expect(log.launched).toEqual([]);
  });

  it('answers NoSuchUpload with the job of a completion that won meanwhile, else 409', async () => {
    const won = memoryPorts({ completeFails: s3Error('NoSuchUpload') });
    const session = won.open();
    won.sessions.set('upl_1', { ...session, status: 'completed', jobId: 'job_winner' });
    expect(await completeUploadSession(session, PARTS, {}, won.ports)).toEqual({ jobId: 'job_winner' });

    const gone = memoryPorts({ completeFails: s3Error('NoSuchUpload') });
    expect((await refusal(completeUploadSession(gone.open(), PARTS, {}, gone.ports))).statusCode).toBe(409);
  });

  it('lets any other S3 failure through as it is (a 500 at the edge, not a guess)', async () => {
    const { ports, open } = memoryPorts({ completeFails: s3Error('SlowDown') });
    await expect(completeUploadSession(open(), PARTS, {}, ports)).rejects.toThrow('SlowDown from S3');
  });

  it('deletes an object whose size is not the declared one and aborts the session', async () => {
    const { ports, open, log, sessions, objects } = memoryPorts({ objectSize: 99 });
    const err = await refusal(completeUploadSession(open({ size: 100 }), PARTS, {}, ports));
    expect(err.statusCode).toBe(400);
    expect(err.details).toEqual([{ field: 'size', message: 'declared 100 bytes, received 99' }]);
    expect(objects.size).toBe(0);
    expect(sessions.get('upl_1')?.status).toBe('aborted');
    expect(log.launched).toEqual([]);
    expect(log.stored).toEqual([]);
  });

  it("deletes an object over the upload token's limit", async () => {
    const { ports, open, objects } = memoryPorts({ objectSize: 2000 });
    const err = await refusal(completeUploadSession(open({ size: undefined, maxBytes: 1000 }), PARTS, {}, ports));
    expect(err.details).toEqual([{ field: 'size', message: 'at most 1000 bytes, received 2000' }]);
    expect(objects.size).toBe(0);
  });

  it('checks an undeclared size against the quotas at complete: over it, the bytes are not kept (429 with Retry-After)', async () => {
    const refused = new QuotaExceededError(QUOTA_CODES.uploadBytesPerDay, 'over the daily upload bytes', 3600);
    const { ports, open, objects, sessions, log } = memoryPorts({ quotaRefuses: refused });
    const err = await refusal(completeUploadSession(open({ size: undefined }), PARTS, {}, ports));
    expect(err.statusCode).toBe(429);
    expect(err.headers).toEqual({ 'retry-after': '3600' });
    expect(objects.size).toBe(0);
    expect(sessions.get('upl_1')?.status).toBe('aborted');
    expect(log.launched).toEqual([]);
  });

  it('does not ask the quotas again for a size declared (and admitted) when the session opened', async () => {
    const refused = new QuotaExceededError(QUOTA_CODES.storedBytes, 'over the stored bytes');
    const { ports, open } = memoryPorts({ quotaRefuses: refused });
    expect(await completeUploadSession(open({ size: 100 }), PARTS, {}, ports)).toEqual({ jobId: 'job_new' });
  });

  it('with onDuplicate skip, names the earlier job, deletes the copy and counts nothing stored', async () => {
    const duplicate: Duplicate = { jobId: 'job_earlier', status: 'succeeded' };
    const { ports, open, log, objects } = memoryPorts({ duplicate });
    const done = await completeUploadSession(open({ sha256: 'ab'.repeat(32) }), PARTS, { options: { onDuplicate: 'skip' } }, ports);
    expect(done).toEqual({ jobId: 'job_earlier', duplicateOf: duplicate, skipped: true });
    expect(log.launched).toEqual([]);
    expect(log.stored).toEqual([]);
    expect(objects.size).toBe(0);
  });

  it('starts a job anyway when the earlier one failed, and says which it was', async () => {
    const duplicate: Duplicate = { jobId: 'job_earlier', status: 'failed' };
    const { ports, open, log } = memoryPorts({ duplicate });
    const done = await completeUploadSession(open({ sha256: 'ab'.repeat(32) }), PARTS, { options: { onDuplicate: 'skip' } }, ports);
    expect(done).toEqual({ jobId: 'job_new', duplicateOf: duplicate });
    expect(log.launched).toHaveLength(1);
  });

  it("answers a completion that lost the race on the session with the winner's job, starting none", async () => {
    const { ports, open, log } = memoryPorts({ raceWinner: 'job_winner' });
    expect(await completeUploadSession(open(), PARTS, {}, ports)).toEqual({ jobId: 'job_winner' });
    expect(log.launched).toEqual([]);
    expect(log.stored).toEqual([]);
  });
});
