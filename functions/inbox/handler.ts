import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { logger } from '../shared/logger.ts';
import { objectStore } from '../adapters/object-store.ts';
import { uploadStore, type UploadSession } from '../adapters/upload-store.ts';
import { jobStore } from '../adapters/job-store.ts';
import { tenantStore } from '../adapters/tenant-store.ts';
import { uploadQuota } from '../adapters/upload-quota.ts';
import { meterUsage } from '../adapters/usage-meter.ts';
import { QuotaExceededError } from '../core/quotas/limits.ts';
import type { JobError } from '../core/jobs/job.ts';
import { launchJob, newJobId, recordRejectedJob, type LaunchRequest } from '../adapters/job-launcher.ts';
import { duplicateIndex, SKIP_FOR } from '../adapters/duplicate-index.ts';
import { inboxSessionId, readInboxEvent, requestFromMetadata, type InboxObject, type InboxRequest, type ObjectCreatedEvent } from '../core/uploads/inbox.ts';
import { observedHandler } from '../shared/observability.ts';
import type { CheckedRequest } from './request-check.ts';

/**
 * The job request's checks (the job options' and the schema name's zod schemas, the template
 * and schema stores), loaded by the first event that names an object, once per container:
 * an event this function ignores never compiles them.
 */
let requestCheck: Promise<typeof import('./request-check.ts')> | undefined;
const checkRequest = async (tenantId: string, request: InboxRequest): Promise<CheckedRequest> => {
  requestCheck ??= import('./request-check.ts').catch((err: unknown) => {
    requestCheck = undefined;
    throw err;
  });
  return (await requestCheck).checkRequest(tenantId, request);
};

/** How long the record of one write is kept: longer than EventBridge retries an event (24 h). */
const RECORD_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * S3 "Object Created" under inbox/<tenantId>/ (EventBridge on AWS, the local S3 locally):
 * start a job for that tenant with the options in the object's metadata. One job per write of
 * a key: the write's record is created once (a conditional put keyed by its version), and a
 * repeated event finds it and starts nothing. A repeated event after a crash between the
 * record and the job starts the job the record names.
 */
export async function handleObjectCreated(event: ObjectCreatedEvent): Promise<{ jobId?: string; ignored?: string; skipped?: true }> {
  const object = readInboxEvent(event);
  if ('ignored' in object) {
    logger.info('inbox event ignored', { reason: object.ignored });
    return object;
  }
  const head = await objectStore.head(object.bucket, object.key);
  if (!head) return { ignored: 'the object is gone' };
  const sessionId = inboxSessionId(object);
  const request = requestFromMetadata(head.metadata);
  const checked = await checkRequest(object.tenantId, request);
  // the same bytes already have a job, and the uploader asked to skip them: the write's record names that job
  const settings = 'problem' in checked ? undefined : checked;
  const duplicateOf = settings?.sha256 ? await duplicateIndex.find(object.tenantId, settings.sha256) : undefined;
  const skip = duplicateOf && settings?.options.onDuplicate === 'skip' && SKIP_FOR.includes(duplicateOf.status);
  const record = inboxRecord(object, sessionId, head, skip ? duplicateOf.jobId : newJobId(), settings?.sha256, !skip);
  const firstDelivery = await uploadStore.createOnce(record);
  if (!firstDelivery) {
    const existing = await uploadStore.get(object.tenantId, sessionId);
    if (!existing?.jobId || (await jobStore.get(object.tenantId, existing.jobId))) return { ignored: 'this write already started its job' };
    record.jobId = existing.jobId;
  }
  if (skip) {
    // the earlier job stands for these bytes: the copy is not kept, and never counted (as for a skipped upload session)
    if (firstDelivery) await objectStore.delete(object.bucket, object.key);
    return { jobId: duplicateOf.jobId, skipped: true };
  }
  const launch: LaunchRequest = {
    tenantId: object.tenantId,
    jobId: record.jobId,
    source: { sessionId, bucket: object.bucket, key: object.key, filename: object.filename, size: head.size, contentType: head.contentType },
  };
  let admissible = await admissibility(object.tenantId, checked, request, head.size);
  // Counted by the delivery that recorded the write only (a repeat after a crash is not
  // counted again). The file stays in the bucket until its retention whatever becomes of its
  // job, refused or not, so it counts as stored (the record says so, and the sweep takes it off).
  if (firstDelivery) {
    if ('settings' in admissible) {
      const overQuota = await uploadQuota.admit(object.tenantId, head.size).then(() => undefined, quotaRefusal);
      await meterUsage(object.tenantId, { files: 1, bytesUploaded: head.size });
      if (overQuota) admissible = { refusal: { type: 'QuotaExceededError', message: `${overQuota.code}: ${overQuota.message}` } };
    }
    await uploadQuota.noteStored(object.tenantId, head.size);
  }
  if ('refusal' in admissible) return { jobId: (await recordRejectedJob(launch, admissible.refusal)).jobId };
  const { sha256, ...jobSettings } = admissible.settings;
  let job;
  try {
    job = await launchJob({ ...launch, ...jobSettings, source: { ...launch.source, sha256 } });
  } catch (err) {
    // Two deliveries of one write at once: the one that found the record before its job
    // existed can create the job first (the first is still counting the quotas); one job either way.
    if (err instanceof ConditionalCheckFailedException) return { ignored: 'this write already started its job' };
    throw err;
  }
  logger.info('inbox job started', { tenantId: object.tenantId, jobId: job.jobId });
  return { jobId: job.jobId };
}

const quotaRefusal = (err: unknown): QuotaExceededError => {
  if (err instanceof QuotaExceededError) return err;
  throw err;
};

type Refusal = Omit<JobError, 'stage'>;

/** The job's settings, or why the file gets a failed job instead (before the quotas): a disabled tenant, bad metadata, a file over its upload's limit. */
async function admissibility(
  tenantId: string,
  checked: CheckedRequest,
  request: InboxRequest,
  size: number,
): Promise<{ refusal: Refusal } | { settings: Exclude<typeof checked, { problem: string }> }> {
  // an operator disabled the tenant: its file stays where it was put, with a failed job saying why
  if (!(await tenantStore.isActive(tenantId))) return { refusal: { type: 'TenantDisabledError', message: 'The tenant is disabled: no new job starts until the operator enables it' } };
  if ('problem' in checked) return { refusal: { type: 'InvalidMetadataError', message: checked.problem } };
  // a browser's direct multipart upload: S3 cannot bound its size, so the limit it was signed with is checked here
  if (request.maxBytes !== undefined && size > request.maxBytes) {
    return { refusal: { type: 'FileTooLargeError', message: `The file has ${size} bytes; its upload allowed at most ${request.maxBytes}` } };
  }
  return { settings: checked };
}

function inboxRecord(object: InboxObject, sessionId: string, head: { size: number; contentType?: string }, jobId: string, sha256: string | undefined, counted: boolean): UploadSession {
  const now = Date.now();
  return {
    tenantId: object.tenantId,
    sessionId,
    // the record stands for a finished upload; the id keeps it findable like any session
    uploadId: sessionId,
    bucket: object.bucket,
    key: object.key,
    filename: object.filename,
    contentType: head.contentType ?? 'application/octet-stream',
    size: head.size,
    ...(sha256 ? { sha256 } : {}),
    // what the sweep takes off the stored bytes when it deletes the file; a skipped duplicate is deleted at once, never counted
    ...(counted ? { storedBytes: head.size } : {}),
    partSize: 0,
    status: 'completed',
    jobId,
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + RECORD_TTL_MS).toISOString(),
    expiresAtEpoch: Math.floor((now + RECORD_TTL_MS) / 1000),
  };
}

export const handler = observedHandler(handleObjectCreated, (event) => event.id);
