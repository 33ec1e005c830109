import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { documentClient } from './aws-clients.ts';
import { ifConditionHolds } from './dynamo-conditional.ts';
import { tableName } from '../shared/config.ts';

export type UploadStatus = 'open' | 'completed' | 'aborted';

export interface UploadSession {
  tenantId: string;
  sessionId: string;
  uploadId: string;
  bucket: string;
  key: string;
  filename: string;
  contentType: string;
  /** declared by the client; absent for an Uppy upload through an upload token (`maxBytes` bounds it) */
  size?: number;
  sha256?: string;
  /** the most the object may hold (an upload token's limit) */
  maxBytes?: number;
  /** the upload token that opened the session; only it may sign, list, complete or abort it */
  tokenId?: string;
  partSize: number;
  status: UploadStatus;
  jobId?: string;
  /**
   * Until when the file is kept: the latest upload expiry of the jobs over it (POST /v1/jobs
   * may run several over one upload). The retention sweep deletes the file at this time only.
   */
  fileExpiresAt?: string;
  /** what the file counts in the tenant's stored bytes, until the sweep takes it off (absent: not counted) */
  storedBytes?: number;
  createdAt: string;
  expiresAt: string;
  /** epoch seconds; TTL on AWS, checked on read everywhere (dynalite has no TTL) */
  expiresAtEpoch: number;
}

/** A held session outlives its file by a week: DynamoDB TTL deletes within days, and the sweep must still find it at the file's time. */
const SESSION_OUTLIVES_FILE_MS = 7 * 24 * 60 * 60 * 1000;

export const uploadStore = {
  async create(session: UploadSession): Promise<void> {
    await documentClient().send(new PutCommand({ TableName: tableName.uploads(), Item: session }));
  },

  /** Create a session unless one with its id exists; false when it did (a repeated event). */
  async createOnce(session: UploadSession): Promise<boolean> {
    try {
      await documentClient().send(
        new PutCommand({ TableName: tableName.uploads(), Item: session, ConditionExpression: 'attribute_not_exists(sessionId)' }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  },

  async get(tenantId: string, sessionId: string): Promise<UploadSession | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName.uploads(), Key: { tenantId, sessionId }, ConsistentRead: true }),
    );
    const session = Item as UploadSession | undefined;
    if (!session) return undefined;
    return session.expiresAtEpoch * 1000 < Date.now() && session.status === 'open' ? undefined : session;
  },

  /** The tenant's session for an S3 multipart upload id (what Uppy knows as uploadId). */
  async getByUploadId(tenantId: string, uploadId: string): Promise<UploadSession | undefined> {
    const { Items } = await documentClient().send(
      new QueryCommand({
        TableName: tableName.uploads(),
        IndexName: 'byUploadId',
        KeyConditionExpression: 'tenantId = :t AND uploadId = :u',
        ExpressionAttributeValues: { ':t': tenantId, ':u': uploadId },
      }),
    );
    const found = Items?.[0] as UploadSession | undefined;
    return found ? this.get(tenantId, found.sessionId) : undefined;
  },

  /**
   * Move an open session to completed/aborted exactly once. Returns false when another
   * request got there first (a double-click on "complete" starts one job, not two).
   */
  async transition(tenantId: string, sessionId: string, to: Exclude<UploadStatus, 'open'>, set: Pick<UploadSession, 'jobId' | 'storedBytes'> = {}): Promise<boolean> {
    const fields = Object.entries(set).filter(([, v]) => v !== undefined);
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: tableName.uploads(),
          Key: { tenantId, sessionId },
          UpdateExpression: ['SET #s = :to', ...fields.map(([k]) => `${k} = :${k}`)].join(', '),
          ConditionExpression: '#s = :open',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':to': to, ':open': 'open', ...Object.fromEntries(fields.map(([k, v]) => [`:${k}`, v])) },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  },

  /** Undo a completed transition when starting the job failed, so the client can retry. */
  async reopen(tenantId: string, sessionId: string): Promise<void> {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName.uploads(),
        Key: { tenantId, sessionId },
        UpdateExpression: 'SET #s = :open REMOVE jobId',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':open': 'open' },
      }),
    );
  },

  /**
   * Keep the session's file (and the session, which DynamoDB TTL would otherwise end a day
   * after it opened) at least until `until`, a new job's upload expiry. False when the file is
   * already due for deletion at `now`: it cannot be held any more and the job must not start.
   * A session with no record (nothing to hold) is fine.
   */
  async holdFile(tenantId: string, sessionId: string, until: string, now: Date): Promise<boolean> {
    const held = await ifConditionHolds(() =>
      documentClient().send(
        new UpdateCommand({
          TableName: tableName.uploads(),
          Key: { tenantId, sessionId },
          UpdateExpression: 'SET fileExpiresAt = :until, expiresAtEpoch = :epoch',
          ConditionExpression: 'attribute_exists(sessionId) AND (attribute_not_exists(fileExpiresAt) OR (fileExpiresAt > :now AND fileExpiresAt < :until))',
          ExpressionAttributeValues: { ':until': until, ':now': now.toISOString(), ':epoch': Math.floor((Date.parse(until) + SESSION_OUTLIVES_FILE_MS) / 1000) },
        }),
      ),
    );
    if (held) return true;
    const current = await this.heldUntil(tenantId, sessionId);
    return current === undefined || current > now.toISOString();
  },

  /** The session's fileExpiresAt, read whatever the session's status or TTL (the sweep's view). */
  async heldUntil(tenantId: string, sessionId: string): Promise<string | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName.uploads(), Key: { tenantId, sessionId }, ConsistentRead: true, ProjectionExpression: 'fileExpiresAt' }),
    );
    return Item?.fileExpiresAt as string | undefined;
  },

  /** Remove the session's storedBytes and answer it, once (0 when another caller did, or it was never counted). */
  async releaseStored(tenantId: string, sessionId: string): Promise<number> {
    const res = await ifConditionHolds(() =>
      documentClient().send(
        new UpdateCommand({
          TableName: tableName.uploads(),
          Key: { tenantId, sessionId },
          UpdateExpression: 'REMOVE storedBytes',
          ConditionExpression: 'attribute_exists(storedBytes)',
          ReturnValues: 'UPDATED_OLD',
        }),
      ),
    );
    return Number(res?.Attributes?.storedBytes ?? 0);
  },
};
