/**
 * Bind a resource to a function in one call: set the env var the handler reads (names from
 * functions/shared/env-names.ts) and grant exactly the access it needs, so the two can't drift.
 */
import type { WebSocketStage } from 'aws-cdk-lib/aws-apigatewayv2';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { ENV, type EnvName } from '../functions/shared/env-names.ts';
import type { AppTable } from './constructs/app-table.ts';

export type DataAccess = 'read' | 'readWrite';

/** Env var from the table's shared design (`TableDesign.envName`), plus data-plane access. */
export function bindTable(fn: LambdaFunction, table: AppTable, access: DataAccess): void {
  fn.addEnvironment(table.design.envName, table.tableName);
  if (access === 'read') table.grantReadData(fn);
  else table.grantReadWriteData(fn);
}

/** readWrite covers multipart: s3:PutObject, s3:Abort* and s3:List* (ListParts). */
export function bindBucket(fn: LambdaFunction, envName: EnvName, bucket: IBucket, access: DataAccess): void {
  fn.addEnvironment(envName, bucket.bucketName);
  if (access === 'read') bucket.grantRead(fn);
  else bucket.grantReadWrite(fn);
}

/** depth: only GetQueueAttributes, for metrics. */
export type QueueAccess = 'send' | 'consume' | 'depth';

export function bindQueue(fn: LambdaFunction, envName: EnvName, queue: IQueue, access: QueueAccess): void {
  fn.addEnvironment(envName, queue.queueUrl);
  if (access === 'send') queue.grantSendMessages(fn);
  else if (access === 'consume') queue.grantConsumeMessages(fn);
  else queue.grant(fn, 'sqs:GetQueueAttributes');
}

/** start: start, describe and stop executions (jobs, cancel, retry); read: health checks. */
export type StateMachineAccess = 'start' | 'read';

export function bindStateMachine(
  fn: LambdaFunction,
  envName: EnvName,
  stateMachine: IStateMachine,
  access: StateMachineAccess,
): void {
  fn.addEnvironment(envName, stateMachine.stateMachineArn);
  if (access === 'start') {
    stateMachine.grantStartExecution(fn);
    stateMachine.grantExecution(fn, 'states:DescribeExecution', 'states:StopExecution');
  } else {
    stateMachine.grantRead(fn);
  }
}

/**
 * Push messages to WebSocket clients: the stage's callback URL as the management endpoint and
 * execute-api:ManageConnections on that stage's @connections only.
 */
export function bindWebSocketManagement(fn: LambdaFunction, stage: WebSocketStage): void {
  fn.addEnvironment(ENV.wsManagementEndpoint, stage.callbackUrl);
  stage.grantManagementApiAccess(fn);
}

/**
 * A secret the function reads at run time: its ARN as the env var (never its value, which
 * would land in the template and the console) and GetSecretValue/DescribeSecret on it alone.
 */
export function bindSecret(fn: LambdaFunction, envName: EnvName, secret: ISecret): void {
  fn.addEnvironment(envName, secret.secretArn);
  secret.grantRead(fn);
}

/** A key the function seals and opens small secrets with: KMS Encrypt and Decrypt on it, nothing else. */
export function bindSealingKey(fn: LambdaFunction, envName: EnvName, key: IKey): void {
  fn.addEnvironment(envName, key.keyArn);
  key.grant(fn, 'kms:Encrypt', 'kms:Decrypt');
}
