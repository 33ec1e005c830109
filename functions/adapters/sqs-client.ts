import { SQSClient } from '@aws-sdk/client-sqs';
import { withoutSdkCallLogging } from './aws-clients.ts';
import { traced } from '../shared/tracer.ts';

/** The SQS client, created once per cold start (aws-clients.ts says why each service has a module of its own). */
let sqs: SQSClient | undefined;

export function sqsClient(): SQSClient {
  // Send to the resolved endpoint, not the queue URL's host: identical on AWS, and
  // fauxqs's queue URLs name a host (sqs.<region>.localhost) that need not resolve.
  sqs ??= traced(withoutSdkCallLogging(new SQSClient({ useQueueUrlAsEndpoint: false })));
  return sqs;
}
