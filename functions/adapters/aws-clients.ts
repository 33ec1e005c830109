import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SQSClient } from '@aws-sdk/client-sqs';
import { ENV } from '../shared/env-names.ts';
import { optionalEnv } from '../shared/config.ts';

/*
 * SDK clients, created once per cold start. Endpoints come from the SDK's own
 * AWS_ENDPOINT_URL_<SERVICE> variables, which the local stack sets and AWS leaves unset:
 * the same code talks to AWS or to the in-process servers.
 */
let s3: S3Client | undefined;
let ddb: DynamoDBDocumentClient | undefined;
let sfn: SFNClient | undefined;
let sqs: SQSClient | undefined;

export function s3Client(): S3Client {
  s3 ??= new S3Client({
    forcePathStyle: optionalEnv(ENV.s3ForcePathStyle) === 'true',
    // Presigned part URLs would otherwise carry the CRC32 of an empty body, which the
    // browser's real part then contradicts; checksums only where an operation needs one.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return s3;
}

export function documentClient(): DynamoDBDocumentClient {
  ddb ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return ddb;
}

export function sfnClient(): SFNClient {
  sfn ??= new SFNClient({});
  return sfn;
}

export function sqsClient(): SQSClient {
  // Send to the resolved endpoint, not the queue URL's host: identical on AWS, and
  // fauxqs's queue URLs name a host (sqs.<region>.localhost) that need not resolve.
  sqs ??= new SQSClient({ useQueueUrlAsEndpoint: false });
  return sqs;
}
