import { describe, expect, it } from 'vitest';
import { encodeTime, ulid } from 'ulid';
import { ACTION_ALLOWED, jobIdFloor, retryFrom } from '../../functions/core/jobs/job-actions.ts';
import type { AccountsStoreRun } from '../../functions/core/jobs/job.ts';
import type { JobStatus } from '../../functions/core/pipeline-types.ts';

const store = (state: AccountsStoreRun['state']): AccountsStoreRun => ({ state, attempt: 1, updatedAt: '2026-12-07T06:00:00.000Z' });

describe('which jobs a retry may start from', () => {
  it('takes failed and cancelled jobs, whatever their store says', () => {
    for (const status of ['failed', 'cancelled'] as JobStatus[]) {
      expect(retryFrom({ status }), status).toEqual(ACTION_ALLOWED.retry);
      expect(retryFrom({ status, accountsStore: store('failed') }), status).toEqual(['failed', 'cancelled']);
    }
  });

  it('takes a succeeded job only when its records did not make it into the accounts store', () => {
    expect(retryFrom({ status: 'succeeded', accountsStore: store('failed') })).toEqual(['succeeded']);
    for (const state of ['pending', 'applied', 'skipped'] as const) expect(retryFrom({ status: 'succeeded', accountsStore: store(state) }), state).toEqual([]);
    expect(retryFrom({ status: 'succeeded' })).toEqual([]);
  });

  it('refuses jobs that are still moving or wait for a person', () => {
    for (const status of ['queued', 'running', 'needs_mapping'] as JobStatus[]) expect(retryFrom({ status, accountsStore: store('failed') }), status).toEqual([]);
  });
});

describe('what each action accepts', () => {
  it('cancels moving and waiting jobs, deletes finished ones', () => {
    expect(ACTION_ALLOWED).toEqual({
      cancel: ['queued', 'running', 'needs_mapping'],
      retry: ['failed', 'cancelled'],
      delete: ['succeeded', 'failed', 'cancelled', 'needs_mapping'],
    });
  });
});

describe('jobIdFloor', () => {
  it('is the ULID time prefix of the instant, as the ulid package encodes it', () => {
    for (const iso of ['1970-01-01T00:00:00.000Z', '2026-12-07T06:00:00.000Z', '2026-12-07T06:00:00.001Z', '2031-05-17T23:59:59.999Z']) {
      expect(jobIdFloor(iso), iso).toBe(`job_${encodeTime(Date.parse(iso), 10)}`);
    }
    expect(jobIdFloor('2026-12-07T06:00:00.000Z')).toBe('job_01M97HCVR0');
  });

  it('sorts at or before every job id made at or after the instant, and after those made before it', () => {
    const t = Date.parse('2026-12-07T06:00:00.000Z');
    const floor = jobIdFloor('2026-12-07T06:00:00.000Z');
    expect(`job_${ulid(t)}` >= floor).toBe(true);
    expect(`job_${ulid(t + 1)}` >= floor).toBe(true);
    expect(`job_${ulid(t - 1)}` < floor).toBe(true);
  });

  it('starts at the epoch for an instant before it', () => {
    expect(jobIdFloor('1969-12-31T23:59:59.000Z')).toBe('job_0000000000');
  });
});
