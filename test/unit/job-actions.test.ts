import { describe, expect, it } from 'vitest';
import { ACTION_ALLOWED, retryFrom } from '../../functions/core/jobs/job-actions.ts';
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
