import { describe, expect, it } from 'vitest';
import { jobEventId, outcomeKey, readJobEventClaim, refuteJobEventClaim, succeededBefore, type ClaimedJob } from '../../functions/core/webhooks/job-event-claims.ts';
import type { WebhookEventType } from '../../functions/core/webhooks/events.ts';

const event = (type: WebhookEventType, data: Record<string, unknown>, id?: string) => ({
  id: id ?? jobEventId(String(data.jobId), Number(data.attempt), type),
  type,
  tenantId: 't1',
  createdAt: '2026-12-06T00:00:00.000Z',
  data,
});
const job = (over: Partial<ClaimedJob> = {}): ClaimedJob => ({ tenantId: 't1', jobId: 'job_A', attempt: 1, status: 'succeeded', ...over });

describe('readJobEventClaim', () => {
  it('reads job, attempt and status from an event as emitJobEvent makes it', () => {
    expect(readJobEventClaim(event('job.needs_mapping', { jobId: 'job_A', attempt: 2, status: 'needs_mapping', progress: {} }))).toEqual({
      jobId: 'job_A',
      attempt: 2,
      status: 'needs_mapping',
    });
    expect(jobEventId('job_A', 2, 'job.needs_mapping')).toBe('evt_job_A_2_needs_mapping');
  });

  it('refuses an event whose status is not its type’s, or that names no job or attempt', () => {
    expect(readJobEventClaim(event('job.succeeded', { jobId: 'job_A', attempt: 1, status: 'failed' }))).toEqual({ invalid: expect.stringMatching(/succeeded/) });
    expect(readJobEventClaim(event('job.failed', { attempt: 1, status: 'failed' }))).toEqual({ invalid: expect.stringMatching(/jobId/) });
    expect(readJobEventClaim(event('job.failed', { jobId: 'job_A', attempt: '1', status: 'failed' }))).toEqual({ invalid: expect.stringMatching(/attempt/) });
    expect(readJobEventClaim({ ...event('job.failed', { jobId: 'job_A', attempt: 1, status: 'failed' }), data: null })).toEqual({ invalid: expect.stringMatching(/jobId/) });
  });

  it('reads accounts.updated as a claim that its job succeeded in that attempt (its data holds counts, not the job)', () => {
    const data = { jobId: 'job_A', attempt: 3, schema: 'company_account', accounts: { created: 2 } };
    expect(readJobEventClaim(event('accounts.updated', data))).toEqual({ jobId: 'job_A', attempt: 3, status: 'succeeded' });
    expect(jobEventId('job_A', 3, 'accounts.updated')).toBe('evt_job_A_3_accounts');
    // the id of the job's own completion event is not this event's
    expect(readJobEventClaim(event('accounts.updated', data, jobEventId('job_A', 3, 'job.succeeded')))).toEqual({ invalid: expect.stringMatching(/id/) });
  });

  it('refuses an id other than the one emitted for the job, attempt and type (a copy of a real event under a new id)', () => {
    const data = { jobId: 'job_A', attempt: 1, status: 'succeeded' };
    expect(readJobEventClaim(event('job.succeeded', data, 'evt_job_A_1_succeeded_again'))).toEqual({ invalid: expect.stringMatching(/id/) });
    expect(readJobEventClaim(event('job.succeeded', data, jobEventId('job_A', 2, 'job.succeeded')))).toEqual({ invalid: expect.stringMatching(/id/) });
  });
});

describe('readJobEventClaim: the edges', () => {
  it('reads the status of each completion event type', () => {
    for (const [type, status] of [['job.succeeded', 'succeeded'], ['job.failed', 'failed'], ['job.needs_mapping', 'needs_mapping'], ['job.cancelled', 'cancelled']] as const) {
      expect(readJobEventClaim(event(type, { jobId: 'job_A', attempt: 1, status }))).toEqual({ jobId: 'job_A', attempt: 1, status });
      expect(jobEventId('job_A', 1, type)).toBe(`evt_job_A_1_${status}`);
    }
  });

  it('refuses an empty job id and an attempt that is not a whole number from 1', () => {
    expect(readJobEventClaim(event('job.failed', { jobId: '', attempt: 1, status: 'failed' }))).toEqual({ invalid: expect.stringMatching(/jobId/) });
    for (const attempt of [0, -1, 1.5, Number.NaN]) {
      expect(readJobEventClaim(event('job.failed', { jobId: 'job_A', attempt, status: 'failed' }))).toEqual({ invalid: expect.stringMatching(/attempt/) });
    }
  });
});

describe('refuteJobEventClaim', () => {
  const claim = { jobId: 'job_A', attempt: 1, status: 'succeeded' as const };

  it('accepts the attempt that stands in the claimed status (a retried Persist, a repeated cancel)', () => {
    expect(refuteJobEventClaim('t1', claim, job())).toBeUndefined();
    expect(refuteJobEventClaim('t1', { ...claim, status: 'cancelled' }, job({ status: 'cancelled' }))).toBeUndefined();
  });

  it('accepts an attempt that reached the status before the job moved on (retried, mapped, cancelled while waiting)', () => {
    const retried = job({ attempt: 2, status: 'running', outcomes: new Set([outcomeKey(1, 'failed')]) });
    expect(refuteJobEventClaim('t1', { ...claim, status: 'failed' }, retried)).toBeUndefined();
    const cancelled = job({ status: 'cancelled', outcomes: new Set([outcomeKey(1, 'needs_mapping'), outcomeKey(1, 'cancelled')]) });
    expect(refuteJobEventClaim('t1', { ...claim, status: 'needs_mapping' }, cancelled)).toBeUndefined();
  });

  it('refutes a job that does not exist, or belongs to another tenant', () => {
    expect(refuteJobEventClaim('t1', claim, undefined)).toMatch(/no job job_A/);
    expect(refuteJobEventClaim('t1', claim, job({ tenantId: 't2' }))).toMatch(/no job job_A/);
    expect(refuteJobEventClaim('t1', claim, job({ jobId: 'job_B' }))).toMatch(/no job job_A/);
  });

  it('refutes a status or an attempt the job never had', () => {
    expect(refuteJobEventClaim('t1', { ...claim, status: 'failed' }, job())).toMatch(/succeeded in attempt 1, and attempt 1 never was failed/);
    expect(refuteJobEventClaim('t1', { ...claim, attempt: 2 }, job())).toMatch(/attempt 2 never was succeeded/);
    // an attempt that failed earlier is not an attempt that succeeded
    expect(refuteJobEventClaim('t1', { ...claim, attempt: 1 }, job({ attempt: 2, outcomes: new Set([outcomeKey(1, 'failed')]) }))).toBeDefined();
  });
});

describe('succeededBefore: whether an earlier attempt of the job already succeeded (its rows were metered then)', () => {
  it('is true only for a succeeded attempt before this one', () => {
    expect(succeededBefore(new Set([outcomeKey(1, 'succeeded')]), 2)).toBe(true);
    expect(succeededBefore(new Set([outcomeKey(1, 'failed'), outcomeKey(2, 'succeeded')]), 3)).toBe(true);
    // this attempt's own success, a later one, or other outcomes say nothing of an earlier commit
    expect(succeededBefore(new Set([outcomeKey(2, 'succeeded')]), 2)).toBe(false);
    expect(succeededBefore(new Set([outcomeKey(3, 'succeeded')]), 2)).toBe(false);
    expect(succeededBefore(new Set([outcomeKey(1, 'failed'), outcomeKey(1, 'cancelled'), outcomeKey(1, 'needs_mapping')]), 2)).toBe(false);
    expect(succeededBefore(new Set(), 2)).toBe(false);
    expect(succeededBefore(undefined, 2)).toBe(false);
  });

  it('reads attempts as numbers, not as text (attempt 10 is after attempt 9)', () => {
    expect(succeededBefore(new Set([outcomeKey(10, 'succeeded')]), 9)).toBe(false);
    expect(succeededBefore(new Set([outcomeKey(9, 'succeeded')]), 10)).toBe(true);
  });
});
