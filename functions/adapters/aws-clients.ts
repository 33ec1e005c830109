import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { traced } from '../shared/tracer.ts';

/*
 * SDK clients, created once per cold start (the S3 client on the first object call: s3.ts). One
 * module per service (the DynamoDB clients here; sfn-client.ts, sqs-client.ts, kms-client.ts):
 * where a function loads a module with import(), esbuild puts a module that both its init and
 * that lazy chunk use into a chunk read at init, with every export either side uses. With all
 * the clients in one module, the templates API's lazily loaded job launcher put the Step
 * Functions and SQS clients back into its init. Endpoints come from the SDK's own
 * AWS_ENDPOINT_URL_<SERVICE> variables, which the local stack sets and AWS leaves unset:
 * the same code talks to AWS or to the in-process servers. Each is traced (a subsegment per
 * call) where X-Ray tracing is on: on AWS, never locally or in tests.
 */
/**
 * The SDK's logger middleware builds a sensitive-field-filtered copy of every input and
 * output before it hands them to the logger, and it does so for the default no-op logger
 * too. We never log SDK calls, so the copy is pure cost: for a 3 KB job item it is about
 * a sixth of the client-side CPU of a GetItem, and every API request makes one.
 */
export function withoutSdkCallLogging<T extends { middlewareStack: { remove(name: string): boolean } }>(client: T): T {
  client.middlewareStack.remove('loggerMiddleware');
  return client;
}

let ddb: DynamoDBDocumentClient | undefined;
let ddbItems: DynamoDBClient | undefined;

export function documentClient(): DynamoDBDocumentClient {
  ddb ??= DynamoDBDocumentClient.from(traced(withoutSdkCallLogging(new DynamoDBClient({}))), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return ddb;
}

/**
 * A plain client for single-item reads (every API request makes one). It keeps each
 * command's resolved middleware chain instead of rebuilding it per call, about a quarter
 * of a GetItem's client-side CPU; the document client cannot (lib-dynamodb refuses the
 * option, its marshalling is bound to each command), so this one gets items marshalled
 * by hand (dynamo-item.ts).
 */
export function itemClient(): DynamoDBClient {
  ddbItems ??= traced(withoutSdkCallLogging(new DynamoDBClient({ cacheMiddleware: true })));
  return ddbItems;
}
