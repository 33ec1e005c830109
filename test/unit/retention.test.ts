import { describe, expect, it } from 'vitest';
import {
  applyRetentionOverrides,
  DEFAULT_RETENTION,
  expiredPart,
  jobRetention,
  recordExpiryEpoch,
  resolveRetention,
  retentionOverridesSchema,
  retentionView,
} from '../../functions/core/retention/retention.ts';
import { expiryEntriesFor, sweepExpired, type ExpiryEntry, type RetentionSweepPorts } from '../../functions/core/retention/sweep.ts';

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

/** In-memory stores: a bucket of sized objects, job records, a schedule and stored-bytes counters. */
function memoryPorts(objects: Map<string, number>, jobs: Map<string, Record<string, string>>, schedule: ExpiryEntry[], stored: Map<string, number>): RetentionSweepPorts {
  return {
    async due(now, limit) {
      return schedule.filter((e) => e.at <= now.toISOString()).sort((a, b) => a.at.localeCompare(b.at)).slice(0, limit);
    },
    async done(entry) {
      schedule.splice(schedule.indexOf(entry), 1);
    },
    async deleteObject(_bucket, key) {
      const size = objects.get(key);
      objects.delete(key);
      return size;
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
    const schedule = [
      ...expiryEntriesFor({ tenantId: 'a', jobId: 'job_1', source: { bucket: 'b', key: 'uploads/a/s1/f.csv' }, retention: jobRetention(created, { uploadsDays: 1, outputsDays: 2, jobRecordsDays: 3 }) }),
      ...expiryEntriesFor({ tenantId: 'b', jobId: 'job_2', source: { bucket: 'b', key: 'uploads/b/s2/g.csv' }, retention: jobRetention(created, DEFAULT_RETENTION) }),
    ];
    const stored = new Map([['a', 1000], ['b', 700]]);
    return { objects, jobs, schedule, stored, ports: memoryPorts(objects, jobs, schedule, stored) };
  };

  it('deletes what is due, part by part, takes deleted uploads off stored bytes, and leaves other tenants alone', async () => {
    const s = setup();
    expect(await sweepExpired(s.ports, new Date(t0 + DAY))).toMatchObject({ uploads: 1, outputs: 0, records: 0, objects: 1, bytesFreed: 1000 });
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

  it('stops at maxEntries and says more are due', async () => {
    const s = setup();
    expect(await sweepExpired(s.ports, new Date(t0 + 400 * DAY), { batch: 2, maxEntries: 4 })).toMatchObject({ more: true });
    expect(s.schedule).toHaveLength(2);
    expect(await sweepExpired(s.ports, new Date(t0 + 400 * DAY))).toMatchObject({ more: false });
    expect(s.schedule).toHaveLength(0);
  });
});

describe('sweepExpired with two jobs over one upload', () => {
  it('takes the upload\'s bytes off once, though both entries are due in one batch', async () => {
    const objects = new Map([['uploads/a/s1/f.csv', 1000]]);
    const stored = new Map([['a', 1000]]);
    const retention = jobRetention(created, { uploadsDays: 1, outputsDays: 2, jobRecordsDays: 3 });
    const schedule = ['job_1', 'job_2'].flatMap((jobId) => expiryEntriesFor({ tenantId: 'a', jobId, source: { bucket: 'b', key: 'uploads/a/s1/f.csv' }, retention }));
    const ports = memoryPorts(objects, new Map(), schedule, stored);
    // a slow store: both entries would find the object if they ran at once
    const deleteObject = ports.deleteObject;
    ports.deleteObject = async (bucket, key) => {
      const size = objects.get(key);
      await new Promise((r) => setTimeout(r, 5));
      objects.delete(key);
      return size ?? deleteObject(bucket, key);
    };
    expect(await sweepExpired(ports, new Date(t0 + DAY))).toMatchObject({ uploads: 2, bytesFreed: 1000 });
    expect(stored.get('a')).toBe(0);
  });
});
