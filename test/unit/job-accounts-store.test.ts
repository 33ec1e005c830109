import { describe, expect, it } from 'vitest';
import { toApiJob, type AccountsStoreRun, type JobRecord } from '../../functions/core/jobs/job.ts';
import { isEntitySchema } from '../../functions/core/entities/entity-schemas.ts';

/*
 * A company or contact job's records reach the accounts store in the stage after the commit;
 * the job says where that stands. What the API shows of it, and which jobs have it at all.
 */

const job = (accountsStore?: AccountsStoreRun): JobRecord => ({
  tenantId: 't',
  jobId: 'j',
  status: 'succeeded',
  attempt: 2,
  schema: 'company_account',
  options: {},
  source: { bucket: 'b', key: 'k', filename: 'f.csv', size: 1 },
  progress: { rowsRead: 3, rowsWritten: 3, rowsRejected: 0, rowsSkipped: 0, bytesRead: 1 },
  stages: {},
  createdAt: '2026-12-07T06:00:00.000Z',
  updatedAt: '2026-12-07T06:00:01.000Z',
  ...(accountsStore && { accountsStore }),
});
const at = '2026-12-07T06:00:02.000Z';
const counts = { records: 3, skipped: 1, accounts: { created: 1, merged: 1, updated: 0 }, contacts: { created: 0, merged: 0, updated: 0 } };

describe("a job's accounts store run, as the API shows it", () => {
  it('is null for a job without one (a call log, or a job from before the stage)', () => {
    expect(toApiJob(job()).accountsStore).toBeNull();
  });

  it('shows each state with only what it has: counts and time when applied, the reason when skipped, the error when failed', () => {
    // toStrictEqual: a key with an undefined value is not the same as no key
    expect(toApiJob(job({ state: 'pending', attempt: 2, updatedAt: at })).accountsStore).toStrictEqual({ state: 'pending', updatedAt: at });
    expect(toApiJob(job({ state: 'applied', attempt: 2, counts, durationMs: 0, updatedAt: at })).accountsStore).toStrictEqual({ state: 'applied', counts, durationMs: 0, updatedAt: at });
    expect(toApiJob(job({ state: 'skipped', attempt: 2, reason: '', durationMs: 0, updatedAt: at })).accountsStore).toStrictEqual({ state: 'skipped', reason: '', durationMs: 0, updatedAt: at });
    const error = { type: 'InjectedFaultError', message: 'Injected fault in persist (FAULT_INJECTION)', stage: 'persist' as const };
    // the error as type and message only: the stage is the pipeline's business
    expect(toApiJob(job({ state: 'failed', attempt: 2, error, updatedAt: at })).accountsStore).toStrictEqual({ state: 'failed', error: { type: error.type, message: error.message }, updatedAt: at });
  });

  it('copies the counts rather than sharing them, and leaves out what the record keeps for itself (attempt)', () => {
    const run: AccountsStoreRun = { state: 'applied', attempt: 2, counts: { ...counts, extra: 1 } as typeof counts, updatedAt: at };
    const shown = toApiJob(job(run)).accountsStore!;
    expect(shown).not.toHaveProperty('attempt');
    expect(shown.counts).toEqual(counts);
    expect(shown.counts).not.toBe(run.counts);
  });
});

describe('the schemas whose jobs feed the accounts store', () => {
  it('are company_account and contact only', () => {
    expect(['company_account', 'contact'].map((s) => isEntitySchema(s))).toEqual([true, true]);
    for (const s of ['call_record', 'Company_Account', 'contacts', '', undefined]) expect(isEntitySchema(s), String(s)).toBe(false);
  });
});
