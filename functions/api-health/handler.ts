import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStateMachineCommand } from '@aws-sdk/client-sfn';
import { documentClient } from '../adapters/aws-clients.ts';
import { sfnClient } from '../adapters/sfn-client.ts';
import { s3 as loadS3 } from '../adapters/s3.ts';
import { publicHttpHandler } from '../shared/http/api.ts';
import { json } from '../shared/http/responses.ts';
import { requiredEnv, tableName } from '../shared/config.ts';
import { ENV } from '../shared/env-names.ts';

const CHECK_TIMEOUT_MS = 2000;

async function check(fn: () => Promise<unknown>): Promise<'ok' | 'error'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([fn(), timeout]);
    return 'ok';
  } catch {
    return 'error';
  } finally {
    clearTimeout(timer);
  }
}

/** GET /v1/health (no auth): each dependency reachable, 503 when one is not. */
export const handler = publicHttpHandler(async () => {
  const [dynamodb, s3, stepfunctions] = await Promise.all([
    check(() => documentClient().send(new DescribeTableCommand({ TableName: tableName.jobs() }))),
    check(async () => {
      const { client, sdk } = await loadS3();
      return client.send(new sdk.HeadBucketCommand({ Bucket: requiredEnv(ENV.uploadBucket) }));
    }),
    check(() => sfnClient().send(new DescribeStateMachineCommand({ stateMachineArn: requiredEnv(ENV.stateMachineArn) }))),
  ]);
  const ok = dynamodb === 'ok' && s3 === 'ok' && stepfunctions === 'ok';
  return json(ok ? 200 : 503, { status: ok ? 'ok' : 'degraded', checks: { dynamodb, s3, stepfunctions } });
});
