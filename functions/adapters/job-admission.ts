import { admissionStore, ALL_TENANTS, holderOf, parseHolder, type QueuedAttempt } from './admission-store.ts';
import { failUnstarted, startAttempt } from './attempt-starter.ts';
import { jobStore } from './job-store.ts';
import { tenantStore } from './tenant-store.ts';
import { positiveIntEnv } from '../shared/config.ts';
import { ENV } from '../shared/env-names.ts';
import { logger } from '../shared/logger.ts';
import { resolveQuotas, sizeTier } from '../core/quotas/limits.ts';
import type { JobRecord } from '../core/jobs/job.ts';
import type { ResumePoint } from '../core/pipeline-types.ts';
import { loggable } from '../core/errors.ts';

/*
 * Fair admission of jobs to the pipeline. A job attempt runs only while it holds two slots:
 * one of its tenant's (`concurrentJobs`) and one of the service's (MAX_RUNNING_JOBS). Every
 * attempt is queued first; a dispatcher admits queued attempts while slots are free, one per
 * tenant per turn, tenants in the order of how long ago one of theirs was admitted (round
 * robin), each tenant's queue smallest size tier first and FIFO within a tier.
 *
 * The dispatcher runs when a job is queued (in the request that queued it), when a job ends
 * (its completion event, job-events: the slot is released first), and in the sweep (job-status
 * on a schedule; the local stack at start and every minute), which also releases any slot a
 * job still holds after it ended (an event that never came, a crash between two writes).
 */

/** How many turns one dispatch takes at most (each admits up to one job per waiting tenant). */
const MAX_TURNS = 50;

const maxRunningJobs = () => positiveIntEnv(ENV.maxRunningJobs, 100);

/**
 * Queue the job's current attempt (status `queued`) and let the dispatcher start what fits.
 * Returns the job as it then stands (running, still queued, or failed if it could not be queued
 * or started).
 */
export async function admitOrQueue(job: JobRecord, resumeFrom?: ResumePoint): Promise<JobRecord> {
  const entry: QueuedAttempt = {
    tenantId: job.tenantId,
    jobId: job.jobId,
    attempt: job.attempt,
    tier: sizeTier(job.source.size),
    ...(resumeFrom ? { resumeFrom } : {}),
    queuedAt: new Date().toISOString(),
  };
  try {
    await admissionStore.enqueue(entry);
  } catch (err) {
    logger.error('could not queue the job', { jobId: job.jobId, error: loggable(err) });
    return failUnstarted(job, { type: 'AdmissionError', message: 'The job could not be queued; retry the job' });
  }
  await dispatchBestEffort();
  return (await jobStore.get(job.tenantId, job.jobId)) ?? job;
}

/** A job's attempt ended (any way): give its slots back and admit what now fits. */
export async function releaseAttempt(tenantId: string, jobId: string, attempt: number): Promise<void> {
  await releaseSlots(tenantId, holderOf(tenantId, jobId, attempt));
  await dispatchBestEffort();
}

/** Both slots an attempt holds: its tenant's and the service's. */
async function releaseSlots(tenantId: string, holder: string): Promise<void> {
  await admissionStore.release(tenantId, holder);
  await admissionStore.release(ALL_TENANTS, holder);
}

/**
 * The completion event of a job (job-events, after checking it is true): release its attempt's
 * slots. Best effort: a failure is logged and the sweep releases them, so the event's webhooks
 * are never held up by it.
 */
export async function releaseEndedAttempt(event: { tenantId: string; data: unknown }): Promise<void> {
  const { jobId, attempt } = (event.data ?? {}) as { jobId?: unknown; attempt?: unknown };
  if (typeof jobId !== 'string' || typeof attempt !== 'number') return;
  try {
    await releaseAttempt(event.tenantId, jobId, attempt);
  } catch (err) {
    logger.warn('releasing a finished job\'s slots failed; the sweep will', { jobId, error: loggable(err) });
  }
}

/**
 * The backstop: release every slot whose job is no longer queued or running in that attempt
 * (or is gone), then dispatch. Returns how many slots it released.
 */
export async function sweepAdmissions(): Promise<{ released: number; admitted: number }> {
  let released = 0;
  for (const [scope, holders] of await admissionStore.allSlots()) {
    for (const holder of holders) {
      const parsed = parseHolder(holder);
      const job = parsed && (await jobStore.get(parsed.tenantId, parsed.jobId));
      const holds = job && job.attempt === parsed.attempt && (job.status === 'queued' || job.status === 'running');
      if (holds) continue;
      await admissionStore.release(scope, holder);
      released += 1;
    }
  }
  return { released, admitted: await dispatchQueued() };
}

/** Admit queued attempts while slots are free; how many it started. */
export async function dispatchQueued(): Promise<number> {
  let admitted = 0;
  for (let turn = 0; turn < MAX_TURNS; turn++) {
    let moved = false;
    for (const tenantId of await admissionStore.waitingTenants()) {
      const outcome = await admitNext(tenantId);
      if (outcome === 'service_full') return admitted;
      if (outcome === 'admitted') admitted += 1;
      if (outcome === 'admitted' || outcome === 'dropped') moved = true;
    }
    if (!moved) return admitted;
  }
  return admitted;
}

/** The dispatcher is also run by the sweep: a failure here leaves the job queued, not lost. */
async function dispatchBestEffort(): Promise<void> {
  try {
    await dispatchQueued();
  } catch (err) {
    logger.warn('dispatching queued jobs failed; the sweep will', { error: loggable(err) });
  }
}

type AdmitOutcome = 'empty' | 'dropped' | 'tenant_full' | 'service_full' | 'admitted';

/** Try to start the tenant's next queued attempt. */
async function admitNext(tenantId: string): Promise<AdmitOutcome> {
  const entry = await admissionStore.head(tenantId);
  if (!entry) return 'empty';
  const job = await jobStore.get(tenantId, entry.jobId);
  // Cancelled, deleted or retried while it waited: that attempt will never run.
  if (!job || job.attempt !== entry.attempt || job.status !== 'queued') {
    await admissionStore.dequeue(entry);
    return 'dropped';
  }
  const holder = holderOf(tenantId, job.jobId, job.attempt);
  const { concurrentJobs } = resolveQuotas((await tenantStore.get(tenantId))?.quotas);
  if (!(await admissionStore.hold(tenantId, holder, concurrentJobs))) return 'tenant_full';
  if (!(await admissionStore.hold(ALL_TENANTS, holder, maxRunningJobs()))) {
    await admissionStore.release(tenantId, holder);
    return 'service_full';
  }
  // Starting twice (two dispatchers on one head) is harmless: the execution name is fixed per attempt.
  const started = await startAttempt(job, entry.resumeFrom);
  await admissionStore.dequeue(entry);
  await admissionStore.noteAdmitted(tenantId);
  if (started.status === 'failed') {
    // startAttempt failed the job without an event: nothing else would give the slots back.
    await releaseSlots(tenantId, holder);
  }
  return 'admitted';
}
