import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DeleteObjectsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { DeleteObjectsError, objectStore } from '../../functions/adapters/object-store.ts';

/*
 * objectStore.deletePrefix (the retention sweep's delete of a job's outputs) against a mocked
 * S3: DeleteObjects answers 200 with the keys it could not delete in `Errors`, which must not
 * count as deleted.
 */
const s3 = mockClient(S3Client);

beforeAll(() => {
  Object.assign(process.env, { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y' });
});
beforeEach(() => {
  s3.reset();
  s3.on(ListObjectsV2Command, { ContinuationToken: undefined }).resolves({ Contents: [{ Key: 'jobs/t/j/a' }, { Key: 'jobs/t/j/b' }], IsTruncated: true, NextContinuationToken: 'page2' });
  s3.on(ListObjectsV2Command, { ContinuationToken: 'page2' }).resolves({ Contents: [{ Key: 'jobs/t/j/c' }], IsTruncated: false });
});

describe('objectStore.deletePrefix', () => {
  it('deletes every page and counts the objects', async () => {
    s3.on(DeleteObjectsCommand).resolves({});
    expect(await objectStore.deletePrefix('bucket', 'jobs/t/j/')).toBe(3);
    expect(s3.commandCalls(DeleteObjectsCommand).map((c) => c.args[0].input.Delete?.Objects?.map((o) => o.Key))).toEqual([['jobs/t/j/a', 'jobs/t/j/b'], ['jobs/t/j/c']]);
  });

  it('throws naming the keys S3 reports in Errors, so the caller keeps the work to do again', async () => {
    s3.on(DeleteObjectsCommand).resolves({ Errors: [{ Key: 'jobs/t/j/b', Code: 'AccessDenied', Message: 'Access Denied' }] });
    const err = await objectStore.deletePrefix('bucket', 'jobs/t/j/').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeleteObjectsError);
    expect((err as Error).message).toBe('1 object(s) under jobs/t/j/ were not deleted: jobs/t/j/b (AccessDenied: Access Denied)');
    expect((err as DeleteObjectsError).failures).toEqual([{ Key: 'jobs/t/j/b', Code: 'AccessDenied', Message: 'Access Denied' }]);
  });
});
