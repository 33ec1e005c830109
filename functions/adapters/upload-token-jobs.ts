import { INBOX_PREFIX } from '../core/uploads/inbox.ts';
import type { JobRecord } from '../core/jobs/job.ts';
import { uploadStore } from './upload-store.ts';

interface TokenRef {
  tenantId: string;
  tokenId: string;
}

/** An inbox key of one of this token's direct uploads (each goes to a folder named after the token). */
export const tokenOwnsKey = (token: TokenRef, key: string): boolean => key.startsWith(`${INBOX_PREFIX}${token.tenantId}/${token.tokenId}-`);

/**
 * Whether an upload of this token started the job: a multipart upload through its session,
 * a direct one through the token's inbox folder. What a holder of only the token may follow.
 */
export async function tokenStartedJob(token: TokenRef, job: Pick<JobRecord, 'tenantId' | 'source'>): Promise<boolean> {
  if (job.tenantId !== token.tenantId) return false;
  const { sessionId, key } = job.source;
  return sessionId ? (await uploadStore.get(token.tenantId, sessionId))?.tokenId === token.tokenId : tokenOwnsKey(token, key);
}
