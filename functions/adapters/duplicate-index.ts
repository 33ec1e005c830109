import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './aws-clients.ts';
import { jobStore } from './job-store.ts';
import { tableName } from '../shared/config.ts';
import type { JobStatus } from '../core/pipeline-types.ts';
import { expiredPart } from '../core/retention/retention.ts';

/*
 * Which job last took a file with this SHA-256, per tenant: one item per (tenant, hash) in the
 * uploads table, sort key "sha256#<hex>" (longer than any session id a request may name).
 * Written when a job starts over a file whose hash was declared; read when the same hash is
 * declared again, to answer `duplicateOf` and to honour `options.onDuplicate: "skip"`.
 */

export interface Duplicate {
  jobId: string;
  status: JobStatus;
}

/** A duplicate in these states stands for the file: `skip` answers with it instead of a new job. */
export const SKIP_FOR: readonly JobStatus[] = ['queued', 'running', 'needs_mapping', 'succeeded'];

const sortKey = (sha256: string) => `sha256#${sha256.toLowerCase()}`;

export const duplicateIndex = {
  async record(tenantId: string, sha256: string, jobId: string): Promise<void> {
    await documentClient().send(
      new PutCommand({ TableName: tableName.uploads(), Item: { tenantId, sessionId: sortKey(sha256), jobId, updatedAt: new Date().toISOString() } }),
    );
  },

  /**
   * The tenant's latest job over a file with this hash, if it still exists and its results are
   * kept: a job whose outputs or record passed their retention stands for nothing any more
   * (a skip in its favour would leave the tenant with neither the file nor its results).
   */
  async find(tenantId: string, sha256: string, now = Date.now()): Promise<Duplicate | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName.uploads(), Key: { tenantId, sessionId: sortKey(sha256) }, ConsistentRead: true }),
    );
    const jobId = Item?.jobId as string | undefined;
    const job = jobId ? await jobStore.get(tenantId, jobId) : undefined;
    if (!job || expiredPart(job, 'outputs', now)) return undefined;
    return { jobId: job.jobId, status: job.status };
  },
};
