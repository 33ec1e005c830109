import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { documentClient } from './aws-clients.ts';
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
  createdAt: string;
  expiresAt: string;
  /** epoch seconds; TTL on AWS, checked on read everywhere (dynalite has no TTL) */
  expiresAtEpoch: number;
}

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
  async transition(tenantId: string, sessionId: string, to: Exclude<UploadStatus, 'open'>, jobId?: string): Promise<boolean> {
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: tableName.uploads(),
          Key: { tenantId, sessionId },
          UpdateExpression: jobId ? 'SET #s = :to, jobId = :j' : 'SET #s = :to',
          ConditionExpression: '#s = :open',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':to': to, ':open': 'open', ...(jobId ? { ':j': jobId } : {}) },
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
};
