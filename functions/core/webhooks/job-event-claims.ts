import type { JobStatus } from '../pipeline-types.ts';
import type { WebhookEvent, WebhookEventType } from './events.ts';

/**
 * The status a job stands in when each event is emitted (and after, until it moves on):
 * completion events, and `accounts.updated`, which a job that succeeded announces.
 */
export const STATUS_OF_EVENT: Readonly<Record<WebhookEventType, JobStatus>> = {
  'job.succeeded': 'succeeded',
  'job.failed': 'failed',
  'job.needs_mapping': 'needs_mapping',
  'job.cancelled': 'cancelled',
  'accounts.updated': 'succeeded',
};

/** The last part of an event's id: the status for a completion event, "accounts" for the store's. */
const idSuffix = (type: WebhookEventType): string => (type === 'accounts.updated' ? 'accounts' : STATUS_OF_EVENT[type]);

/** The id of a job's event: one per job, attempt and type, so repeats of one event share it. */
export function jobEventId(jobId: string, attempt: number, type: WebhookEventType): string {
  return `evt_${jobId}_${attempt}_${idSuffix(type)}`;
}

/**
 * How a job remembers that an attempt reached a final status (`<attempt>:<status>`): a job
 * can move on before its event is fanned out (retried, mapped, cancelled while it waits
 * for a mapping), and the event is still true of that attempt.
 */
export function outcomeKey(attempt: number, status: JobStatus): string {
  return `${attempt}:${status}`;
}

/**
 * Whether an attempt before `attempt` already succeeded: a succeeded job retried because its
 * accounts store update failed. Its rows were metered by that first commit, and count once.
 */
export function succeededBefore(outcomes: ReadonlySet<string> | undefined, attempt: number): boolean {
  // Stryker disable next-line ArrayDeclaration: equivalent, an entry without ':succeeded' counts for nothing
  for (const o of outcomes ?? []) {
    const [a, status] = o.split(':');
    if (status === 'succeeded' && Number(a) < attempt) return true;
  }
  return false;
}

/** What a completion event says of its job. */
export interface JobEventClaim {
  jobId: string;
  attempt: number;
  status: JobStatus;
}

/** The parts of a stored job that can bear a claim out. */
export interface ClaimedJob {
  tenantId: string;
  jobId: string;
  attempt: number;
  status: JobStatus;
  outcomes?: ReadonlySet<string>;
}

/**
 * The claim of a completion event as emitJobEvent makes them (the job in `data`, its
 * status matching the type, the id derived from job, attempt and type), or why the event
 * is not one. An id of its own would make a copy of a real event a second delivery.
 */
export function readJobEventClaim(event: Pick<WebhookEvent, 'id' | 'data'> & { type: WebhookEventType }): JobEventClaim | { invalid: string } {
  const data = (typeof event.data === 'object' && event.data !== null ? event.data : {}) as Record<string, unknown>;
  const { jobId, attempt, status } = data;
  if (typeof jobId !== 'string' || jobId.length === 0) return { invalid: 'the event names no job (data.jobId)' };
  if (
    !Number.isInteger(attempt) ||
    // Stryker disable next-line ConditionalExpression: equivalent for false, Number.isInteger above is false for anything that is not a number (this test is for the type checker)
    typeof attempt !== 'number' ||
    attempt < 1
  ) {
    return { invalid: 'the event names no attempt (data.attempt)' };
  }
  const expected = STATUS_OF_EVENT[event.type];
  // a completion event carries the job as the API shows it, status included; accounts.updated carries counts
  if (event.type.startsWith('job.') && status !== expected) return { invalid: `a ${event.type} event must carry status ${expected}, not ${String(status)}` };
  if (event.id !== jobEventId(jobId, attempt, event.type)) return { invalid: 'the event id is not the one emitted for this job, attempt and type' };
  return { jobId, attempt, status: expected };
}

/**
 * Why the stored job does not bear the claim out, or undefined when it does: the job
 * exists for the event's tenant, and the attempt stands in the status claimed or ended
 * in it before the job moved on.
 */
export function refuteJobEventClaim(tenantId: string, claim: JobEventClaim, job: ClaimedJob | undefined): string | undefined {
  if (job === undefined || job.tenantId !== tenantId || job.jobId !== claim.jobId) return `tenant ${tenantId} has no job ${claim.jobId}`;
  const standsNow = job.attempt === claim.attempt && job.status === claim.status;
  if (standsNow || job.outcomes?.has(outcomeKey(claim.attempt, claim.status))) return undefined;
  return `job ${claim.jobId} is ${job.status} in attempt ${job.attempt}, and attempt ${claim.attempt} never was ${claim.status}`;
}
