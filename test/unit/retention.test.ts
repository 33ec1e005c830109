import { describe, expect, it } from 'vitest';
import {
  applyRetentionOverrides,
  DEFAULT_RETENTION,
  expiredPart,
  jobRetention,
  recordExpiryEpoch,
  resolveRetention,
  retentionView,
} from '../../functions/core/retention/retention.ts';
import { retentionOverridesSchema } from '../../functions/shared/contract/admin.ts';
import { expiryEntriesFor, STOP_MARGIN_MS, sweepExpired, type ExpiryEntry, type RetentionSweepPorts } from '../../functions/core/retention/sweep.ts';

const DAY = 86_400_000;
const created = '2026-01-01T00:00:00.000Z';
const t0 = Date.parse(created);

describe('resolveRetention', () => {
  it('uses the issue\'s defaults: uploads 30 days, outputs 90, job records 400', () => {
    expect(resolveRetention(undefined)).toEqual({ uploadsDays: 30, outputsDays: 90, jobRecordsDays: 400 });
  });
  it('takes valid overrides and ignores a stored value that is not a whole number of days', () => {
    expect(resolveRetention({ uploadsDays: 7, outputsDays: 0, jobRecordsDays: 1.5 })).toEqual({ ...DEFAULT_RETENTION, uploadsDays: 7 });
  });
});

describe('retentionOverridesSchema (PUT /v1/settings/retention, admin tenants set-retention)', () => {
  it.each([
    [{ uploadsDays: 0 }, 'uploadsDays'],
    [{ outputsDays: 2.5 }, 'outputsDays'],
    [{ jobRecordsDays: 3651 }, 'jobRecordsDays'],
    [{ uploadsDays: '30' }, 'uploadsDays'],
  ])('refuses %j naming %s', (body, field) => {
    const res = retentionOverridesSchema.safeParse(body);
    expect(res.success).toBe(false);
    expect(res.error!.issues[0]!.path).toEqual([field]);
  });
  it('refuses an empty change and an unknown field', () => {
    expect(retentionOverridesSchema.safeParse({}).success).toBe(false);
    expect(retentionOverridesSchema.safeParse({ uploadDays: 3 }).success).toBe(false);
  });
});

describe('applyRetentionOverrides', () => {
  it('merges over the current overrides', () => {
    expect(applyRetentionOverrides({ uploadsDays: 7 }, { outputsDays: 60 })).toEqual({
      overrides: { uploadsDays: 7, outputsDays: 60 },
      retention: { uploadsDays: 7, outputsDays: 60, jobRecordsDays: 400 },
    });
  });
  it('names the field when files would outlive their job record', () => {
    expect(applyRetentionOverrides(undefined, { jobRecordsDays: 60 })).toMatchObject({ field: 'outputsDays' });
    expect(applyRetentionOverrides({ outputsDays: 10 }, { jobRecordsDays: 20, uploadsDays: 21 })).toMatchObject({ field: 'uploadsDays' });
  });
});

describe('expiredPart', () => {
  const job = { retention: jobRetention(created, { uploadsDays: 1, outputsDays: 2, jobRecordsDays: 3 }) };
  it('fixes each part\'s time from the job\'s creation, and the record\'s TTL in epoch seconds', () => {
    expect(job.retention).toEqual({ uploadExpiresAt: '2026-01-02T00:00:00.000Z', outputsExpireAt: '2026-01-03T00:00:00.000Z', recordExpiresAt: '2026-01-04T00:00:00.000Z' });
    expect(recordExpiryEpoch(job.retention)).toBe((t0 + 3 * DAY) / 1000);
  });
  it('is nothing before a part\'s time, and the part from its time on, swept or not', () => {
    expect(expiredPart(job, 'outputs', t0 + 2 * DAY - 1)).toBeUndefined();
    expect(expiredPart(job, 'outputs', t0 + 2 * DAY)).toEqual({ part: 'outputs', expiredAt: '2026-01-03T00:00:00.000Z' });
    expect(expiredPart(job, 'record', t0 + 2 * DAY)).toBeUndefined();
  });
  it('reports an expired record first, whatever part the read needs', () => {
    expect(expiredPart(job, 'outputs', t0 + 3 * DAY)).toMatchObject({ part: 'record' });
  });
  it('counts a part the sweep deleted as expired even before its time (a shorter retention, a clock ahead)', () => {
    const swept = { retention: { ...job.retention, outputsExpiredAt: '2026-01-01T12:00:00.000Z' } };
    expect(expiredPart(swept, 'outputs', t0 + DAY)).toEqual({ part: 'outputs', expiredAt: '2026-01-01T12:00:00.000Z' });
  });
  it('never expires a job created before retention existed', () => {
    expect(expiredPart({}, 'record', Number.MAX_SAFE_INTEGER)).toBeUndefined();
    expect(retentionView(undefined, 0)).toBeNull();
  });
});

/** An upload session as the sweep sees it: until when its file is held, and what it counts in stored bytes. */
interface MemorySession {
  heldUntil?: string;
  storedBytes?: number;
}

/** In-memory stores: a bucket of sized objects, upload sessions, job records, a schedule and stored-bytes counters. */
function memoryPorts(
  objects: Map<string, number>,
  jobs: Map<string, Record<string, string>>,
  schedule: ExpiryEntry[],
  stored: Map<string, number>,
  sessions = new Map<string, MemorySession>(),
): RetentionSweepPorts {
  return {
    async due(now, limit) {
      return schedule.filter((e) => e.at <= now.toISOString()).sort((a, b) => a.at.localeCompare(b.at)).slice(0, limit);
    },
    async done(entry) {
      if (schedule.includes(entry)) schedule.splice(schedule.indexOf(entry), 1);
    },
    async heldUntil(tenantId, sessionId) {
      return sessions.get(`${tenantId}/${sessionId}`)?.heldUntil;
    },
    async deleteObject(_bucket, key) {
      return objects.delete(key);
    },
    async releaseStored(tenantId, sessionId) {
      const session = sessions.get(`${tenantId}/${sessionId}`);
      const bytes = session?.storedBytes ?? 0;
      delete session?.storedBytes;
      return bytes;
    },
    async deletePrefix(_bucket, prefix) {
      const keys = [...objects.keys()].filter((k) => k.startsWith(prefix));
      for (const k of keys) objects.delete(k);
      return keys.length;
    },
    async markSwept(tenantId, jobId, part, at) {
      const job = jobs.get(`${tenantId}/${jobId}`);
      if (job) job[part] = at;
    },
    async deleteRecord(tenantId, jobId) {
      jobs.delete(`${tenantId}/${jobId}`);
    },
    async noteStored(tenantId, bytes) {
      stored.set(tenantId, (stored.get(tenantId) ?? 0) + bytes);
    },
  };
}

const short = { uploadsDays: 1, outputsDays: 2, jobRecordsDays: 3 };

describe('sweepExpired', () => {
  const setup = () => {
    const objects = new Map([
      ['uploads/a/s1/f.csv', 1000],
      ['jobs/a/job_1/a1/records/part-00000.ndjson', 50],
      ['jobs/a/job_1/a1/manifest.json', 5],
      ['uploads/b/s2/g.csv', 700],
      ['jobs/b/job_2/a1/records/part-00000.ndjson', 40],
    ]);
    const jobs = new Map<string, Record<string, string>>([['a/job_1', {}], ['b/job_2', {}]]);
    const retentionA = jobRetention(created, short);
    const retentionB = jobRetention(created, DEFAULT_RETENTION);
    const schedule = [
      ...expiryEntriesFor({ tenantId: 'a', jobId: 'job_1', source: { bucket: 'b', key: 'uploads/a/s1/f.csv', sessionId: 's1' }, retention: retentionA }),
      ...expiryEntriesFor({ tenantId: 'b', jobId: 'job_2', source: { bucket: 'b', key: 'uploads/b/s2/g.csv', sessionId: 's2' }, retention: retentionB }),
    ];
    const stored = new Map([['a', 1000], ['b', 700]]);
    const sessions = new Map<string, MemorySession>([
      ['a/s1', { heldUntil: retentionA.uploadExpiresAt, storedBytes: 1000 }],
      ['b/s2', { heldUntil: retentionB.uploadExpiresAt, storedBytes: 700 }],
    ]);
    return { objects, jobs, schedule, stored, sessions, ports: memoryPorts(objects, jobs, schedule, stored, sessions) };
  };

  it('deletes what is due, part by part, takes deleted uploads off stored bytes, and leaves other tenants alone', async () => {
    const s = setup();
    expect(await sweepExpired(s.ports, new Date(t0 + DAY))).toMatchObject({ uploads: 1, outputs: 0, records: 0, objects: 1, bytesFreed: 1000, failed: 0 });
    expect(s.objects.has('uploads/a/s1/f.csv')).toBe(false);
    expect(s.stored.get('a')).toBe(0);
    expect(s.jobs.get('a/job_1')).toEqual({ upload: new Date(t0 + DAY).toISOString() });

    expect(await sweepExpired(s.ports, new Date(t0 + 3 * DAY))).toMatchObject({ outputs: 1, records: 1, objects: 2 });
    expect([...s.objects.keys()]).toEqual(['uploads/b/s2/g.csv', 'jobs/b/job_2/a1/records/part-00000.ndjson']);
    expect(s.jobs.has('a/job_1')).toBe(false);
    expect(s.stored.get('b')).toBe(700);
    expect(s.jobs.get('b/job_2')).toEqual({});
  });

  it('frees nothing twice when an entry is repeated (a run stopped before marking it done)', async () => {
    const s = setup();
    const upload = s.schedule[0]!;
    await sweepExpired(s.ports, new Date(t0 + DAY));
    s.schedule.push(upload);
    expect(await sweepExpired(s.ports, new Date(t0 + DAY))).toMatchObject({ uploads: 1, bytesFreed: 0 });
    expect(s.stored.get('a')).toBe(0);
  });

  it('takes a file\'s bytes off once when two runs overlap on the same entries', async () => {
    const s = setup();
    // a slow store: both runs find the object before either deletes it
    const deleteObject = s.ports.deleteObject;
    s.ports.deleteObject = async (bucket, key) => {
      const there = s.objects.has(key);
      await new Promise((r) => setTimeout(r, 5));
      return (await deleteObject(bucket, key)) || there;
    };
    const runs = await Promise.all([sweepExpired(s.ports, new Date(t0 + DAY)), sweepExpired(s.ports, new Date(t0 + DAY))]);
    expect(runs.map((r) => r.uploads)).toEqual([1, 1]);
    expect(runs[0]!.bytesFreed + runs[1]!.bytesFreed).toBe(1000);
    expect(s.stored.get('a')).toBe(0);
  });

  it('takes off what the file counted: nothing for a file that was never counted', async () => {
    const s = setup();
    delete s.sessions.get('a/s1')!.storedBytes;
    expect(await sweepExpired(s.ports, new Date(t0 + DAY))).toMatchObject({ uploads: 1, objects: 1, bytesFreed: 0 });
    expect(s.objects.has('uploads/a/s1/f.csv')).toBe(false);
    expect(s.stored.get('a')).toBe(1000);
  });

  it('stops at maxEntries and says more are due', async () => {
    const s = setup();
    expect(await sweepExpired(s.ports, new Date(t0 + 400 * DAY), { batch: 2, maxEntries: 4 })).toMatchObject({ more: true });
    expect(s.schedule).toHaveLength(2);
    expect(await sweepExpired(s.ports, new Date(t0 + 400 * DAY))).toMatchObject({ more: false });
    expect(s.schedule).toHaveLength(0);
  });

  it('starts no entry once the run\'s remaining time is under the margin, and leaves the rest for the next run', async () => {
    const s = setup();
    // a Lambda with 65 s left, each entry taking 4 s of it
    let remaining = STOP_MARGIN_MS + 5_000;
    const deleteRecord = s.ports.deleteRecord;
    s.ports.deleteRecord = async (...args) => {
      remaining -= 4_000;
      return deleteRecord(...args);
    };
    const markSwept = s.ports.markSwept;
    s.ports.markSwept = async (...args) => {
      remaining -= 4_000;
      return markSwept(...args);
    };
    const report = await sweepExpired(s.ports, new Date(t0 + 400 * DAY), { batch: 2, remainingMs: () => remaining });
    // the two first due (tenant a's upload and outputs) took 4 s each: 57 s left, so the next batch never starts
    expect(report).toMatchObject({ uploads: 1, outputs: 1, records: 0, more: true });
    expect(remaining).toBe(STOP_MARGIN_MS - 3_000);
    expect(s.schedule).toHaveLength(4);
    // the next run (with time) finishes the rest
    expect(await sweepExpired(s.ports, new Date(t0 + 400 * DAY), { remainingMs: () => 600_000 })).toMatchObject({ more: false });
    expect(s.schedule).toHaveLength(0);
    expect(s.objects.size).toBe(0);
  });

  it('keeps an entry that fails scheduled, goes on with the others, and does not read it again in the same run', async () => {
    const s = setup();
    let calls = 0;
    s.ports.deletePrefix = async (_bucket, prefix) => {
      calls += 1;
      if (prefix.startsWith('jobs/a/')) throw new Error('2 object(s) under jobs/a/job_1/ were not deleted: AccessDenied');
      return 1;
    };
    const report = await sweepExpired(s.ports, new Date(t0 + 400 * DAY), { batch: 1 });
    expect(report).toMatchObject({ failed: 1, outputs: 1, records: 2, uploads: 2, more: false });
    expect(report.errors).toEqual([{ tenantId: 'a', jobId: 'job_1', part: 'outputs', message: expect.stringContaining('AccessDenied') }]);
    expect(calls).toBe(2);
    expect(s.schedule.map((e) => [e.jobId, e.part])).toEqual([['job_1', 'outputs']]);
  });
});

describe('sweepExpired with two jobs over one upload', () => {
  it('leaves the file to the job that holds it longest, then deletes it and takes its bytes off once', async () => {
    const objects = new Map([['uploads/a/s1/f.csv', 1000]]);
    const stored = new Map([['a', 1000]]);
    const jobs = new Map<string, Record<string, string>>([['a/job_1', {}], ['a/job_2', {}]]);
    const first = jobRetention(created, short);
    // POST /v1/jobs over the same upload half a day later
    const second = jobRetention(new Date(t0 + DAY / 2).toISOString(), short);
    const source = { bucket: 'b', key: 'uploads/a/s1/f.csv', sessionId: 's1' };
    const schedule = [
      ...expiryEntriesFor({ tenantId: 'a', jobId: 'job_1', source, retention: first }),
      ...expiryEntriesFor({ tenantId: 'a', jobId: 'job_2', source, retention: second }),
    ];
    const sessions = new Map<string, MemorySession>([['a/s1', { heldUntil: second.uploadExpiresAt, storedBytes: 1000 }]]);
    const ports = memoryPorts(objects, jobs, schedule, stored, sessions);

    expect(await sweepExpired(ports, new Date(t0 + DAY))).toMatchObject({ uploads: 1, held: 1, objects: 0, bytesFreed: 0 });
    expect(objects.has('uploads/a/s1/f.csv')).toBe(true);
    expect(stored.get('a')).toBe(1000);
    // the first job's file time has passed (its own answer says so); the second's has not
    expect(jobs.get('a/job_1')).toEqual({ upload: new Date(t0 + DAY).toISOString() });
    expect(jobs.get('a/job_2')).toEqual({});

    expect(await sweepExpired(ports, new Date(t0 + 1.5 * DAY))).toMatchObject({ uploads: 1, held: 0, objects: 1, bytesFreed: 1000 });
    expect(objects.size).toBe(0);
    expect(stored.get('a')).toBe(0);
  });
});

describe('retention at its edges', () => {
  it('takes 1 day and ten years, and nothing past them', () => {
    expect(resolveRetention({ uploadsDays: 1, outputsDays: 3650, jobRecordsDays: 3651 })).toEqual({ uploadsDays: 1, outputsDays: 3650, jobRecordsDays: 400 });
    expect(resolveRetention({ uploadsDays: 0 }).uploadsDays).toBe(30);
  });

  it('lets files be kept exactly as long as their job record, not a day longer, and says so', () => {
    expect(applyRetentionOverrides(undefined, { uploadsDays: 400, outputsDays: 400 })).toMatchObject({ retention: { uploadsDays: 400, outputsDays: 400, jobRecordsDays: 400 } });
    expect(applyRetentionOverrides(undefined, { outputsDays: 401 })).toEqual({ field: 'outputsDays', message: 'outputs cannot be kept longer than job records (400 days)' });
    expect(applyRetentionOverrides(undefined, { uploadsDays: 401 })).toEqual({ field: 'uploadsDays', message: 'uploads cannot be kept longer than job records (400 days)' });
  });

  const job = { retention: jobRetention(created, { uploadsDays: 1, outputsDays: 2, jobRecordsDays: 3 }) };

  it('finds the upload gone at its own time, before the outputs', () => {
    expect(expiredPart(job, 'upload', t0 + DAY - 1)).toBeUndefined();
    expect(expiredPart(job, 'upload', t0 + DAY)).toEqual({ part: 'upload', expiredAt: '2026-01-02T00:00:00.000Z' });
    expect(expiredPart(job, 'record', t0 + 3 * DAY)).toEqual({ part: 'record', expiredAt: '2026-01-04T00:00:00.000Z' });
  });

  it('counts an upload the sweep deleted as gone, and the outputs\' sweep for the outputs only', () => {
    const swept = { retention: { ...job.retention, uploadExpiredAt: '2026-01-01T06:00:00.000Z' } };
    expect(expiredPart(swept, 'upload', t0)).toEqual({ part: 'upload', expiredAt: '2026-01-01T06:00:00.000Z' });
    expect(expiredPart(swept, 'outputs', t0)).toBeUndefined();
    const outputs = { retention: { ...job.retention, outputsExpiredAt: '2026-01-01T06:00:00.000Z' } };
    expect(expiredPart(outputs, 'upload', t0)).toBeUndefined();
    expect(expiredPart(outputs, 'record', t0)).toBeUndefined();
  });

  it('shows when each part goes and whether the upload and outputs are gone', () => {
    const fixed = { uploadExpiresAt: '2026-01-02T00:00:00.000Z', outputsExpireAt: '2026-01-03T00:00:00.000Z', recordExpiresAt: '2026-01-04T00:00:00.000Z' };
    expect(retentionView(job.retention, t0)).toEqual({ ...fixed, uploadExpired: false, outputsExpired: false });
    expect(retentionView(job.retention, t0 + DAY)).toEqual({ ...fixed, uploadExpired: true, outputsExpired: false });
    expect(retentionView(job.retention, t0 + 2 * DAY)).toEqual({ ...fixed, uploadExpired: true, outputsExpired: true });
  });
});

describe('sweep details', () => {
  const retention = jobRetention(created, short);

  it('schedules the upload with its session, the outputs by their prefix and the record without a key', () => {
    expect(expiryEntriesFor({ tenantId: 'a', jobId: 'job_1', source: { bucket: 'b', key: 'uploads/a/s1/f.csv', sessionId: 's1' }, retention })).toStrictEqual([
      { tenantId: 'a', jobId: 'job_1', part: 'upload', at: retention.uploadExpiresAt, bucket: 'b', key: 'uploads/a/s1/f.csv', sessionId: 's1' },
      { tenantId: 'a', jobId: 'job_1', part: 'outputs', at: retention.outputsExpireAt, bucket: 'b', key: 'jobs/a/job_1/' },
      { tenantId: 'a', jobId: 'job_1', part: 'record', at: retention.recordExpiresAt, bucket: 'b', key: '' },
    ]);
    expect(expiryEntriesFor({ tenantId: 'a', jobId: 'job_2', source: { bucket: 'b', key: 'inbox/f.csv' }, retention })[0]).toStrictEqual({
      tenantId: 'a', jobId: 'job_2', part: 'upload', at: retention.uploadExpiresAt, bucket: 'b', key: 'inbox/f.csv',
    });
  });

  it('notes on the job which part it deleted, and when', async () => {
    const jobs = new Map<string, Record<string, string>>([['a/job_1', {}]]);
    const schedule = expiryEntriesFor({ tenantId: 'a', jobId: 'job_1', source: { bucket: 'b', key: 'u' }, retention });
    const now = new Date(t0 + 2 * DAY);
    await sweepExpired(memoryPorts(new Map([['u', 1]]), jobs, schedule, new Map()), now);
    expect(jobs.get('a/job_1')).toEqual({ upload: now.toISOString(), outputs: now.toISOString() });
  });

  it('still starts entries with exactly the margin left', async () => {
    const schedule = expiryEntriesFor({ tenantId: 'a', jobId: 'job_1', source: { bucket: 'b', key: 'u' }, retention });
    const report = await sweepExpired(memoryPorts(new Map(), new Map(), schedule, new Map()), new Date(t0 + DAY), { remainingMs: () => STOP_MARGIN_MS });
    expect(report).toMatchObject({ uploads: 1, more: false });
  });

  it('reports the first ten failures and counts them all', async () => {
    const schedule = Array.from({ length: 11 }, (_, i) => expiryEntriesFor({ tenantId: 'a', jobId: `job_${i}`, source: { bucket: 'b', key: `u${i}` }, retention })[2]!);
    const ports = { ...memoryPorts(new Map(), new Map(), schedule, new Map()), deleteRecord: async () => { throw new Error('denied'); } };
    const report = await sweepExpired(ports, new Date(t0 + 3 * DAY));
    expect(report.failed).toBe(11);
    expect(report.errors).toHaveLength(10);
    expect(report.errors[0]).toEqual({ tenantId: 'a', jobId: 'job_0', part: 'record', message: 'denied' });
  });
});

describe('sweep bounds', () => {
  const retention = jobRetention(created, short);
  const records = (n: number) => Array.from({ length: n }, (_, i) => expiryEntriesFor({ tenantId: 'a', jobId: `job_${i}`, source: { bucket: 'b', key: `u${i}` }, retention })[2]!);

  it('handles at most maxEntries when it is no multiple of the batch', async () => {
    const schedule = records(5);
    const report = await sweepExpired(memoryPorts(new Map(), new Map(), schedule, new Map()), new Date(t0 + 3 * DAY), { batch: 2, maxEntries: 3 });
    expect(report).toMatchObject({ records: 3, more: true });
    expect(schedule).toHaveLength(2);
  });

  it('writes no stored-bytes change for a file that counted nothing', async () => {
    const schedule = expiryEntriesFor({ tenantId: 'a', jobId: 'job_1', source: { bucket: 'b', key: 'u', sessionId: 's1' }, retention });
    const noted: number[] = [];
    const ports = { ...memoryPorts(new Map([['u', 1]]), new Map(), schedule, new Map(), new Map([['a/s1', {}]])), noteStored: async (_t: string, bytes: number) => void noted.push(bytes) };
    expect(await sweepExpired(ports, new Date(t0 + DAY))).toMatchObject({ uploads: 1, objects: 1, bytesFreed: 0 });
    expect(noted).toEqual([]);
  });
});
