import { CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import { CfnSecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  CfnBucket,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { DeduplicationScope, FifoThroughputLimit, Queue, QueueEncryption, type QueueProps } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { TABLES } from '../../functions/shared/tables.ts';
import { AppTable } from '../constructs/app-table.ts';
import { pascalCase, resourcePrefix } from '../naming.ts';
import { MAX_RETENTION_DAYS } from '../../functions/core/retention/retention.ts';

export type TableKey = keyof typeof TABLES;

/**
 * RETAIN: jobs, tenants, API keys and the accounts store's index (entities) are the customer's record
 * and access; losing them to a stack delete is not recoverable. Upload sessions and WebSocket connections are short-lived
 * (TTL-expired) and may go with the stack.
 */
const RETAINED_TABLES: ReadonlySet<TableKey> = new Set<TableKey>(['jobs', 'apiKeys', 'entities', 'tenants']);

/** Where tenants' files are kept: uploads, inbox files and job outputs (functions/core/jobs/keys.ts). */
const RETAINED_PREFIXES = ['uploads/', 'inbox/', 'jobs/'];

/** A queue delivered at least maxReceiveCount times before it lands in its dead-letter queue. */
const MAX_RECEIVE_COUNT = 5;

export interface StatefulStackProps extends StackProps {
  stage: string;
  /** origins allowed to PUT/GET upload parts straight to S3 from a browser */
  allowedOrigins: string[];
  /** subscribed to the alarm topic by mail, when given */
  alarmEmail?: string;
}

/**
 * Everything that holds data: tables, the upload bucket, queues and their DLQs. Kept apart
 * from the stateless stack so functions and APIs can be replaced freely without touching data.
 */
export class StatefulStack extends Stack {
  readonly tables: { readonly [K in TableKey]: AppTable };
  readonly uploadBucket: Bucket;
  /** job completion events (job.succeeded, job.failed, ...) sent by persist and job-status */
  readonly eventsQueue: Queue;
  readonly eventsDeadLetterQueue: Queue;
  /** webhook deliveries, retried with backoff until they land in the DLQ */
  readonly webhooksQueue: Queue;
  readonly webhooksDeadLetterQueue: Queue;
  /** progress ticks of running jobs (FIFO, one group per job), fanned out to WebSocket subscribers */
  readonly progressQueue: Queue;
  readonly progressDeadLetterQueue: Queue;
  /** every alarm of the app notifies this topic; subscribe on-call to it */
  readonly alarmTopic: Topic;
  /** seals webhook signing secrets at rest (KMS Encrypt with tenant + webhook as encryption context) */
  readonly webhookSecretsKey: Key;
  /** the Anthropic API key for AI mapping; created empty, its value put by the operator (README, Deploy) */
  readonly anthropicApiKeySecret: Secret;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const prefix = resourcePrefix(props.stage);

    const tables = {} as Record<TableKey, AppTable>;
    for (const key of Object.keys(TABLES) as TableKey[]) {
      const design = TABLES[key];
      tables[key] = new AppTable(this, `${pascalCase(design.name)}Table`, {
        design,
        tableName: `${prefix}-${design.name}`,
        removalPolicy: RETAINED_TABLES.has(key) ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      });
    }
    this.tables = tables;

    // Who read or wrote which customer file: S3 server access logs, kept 90 days.
    const accessLogs = new Bucket(this, 'UploadAccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging it into itself would loop.',
    });

    this.uploadBucket = new Bucket(this, 'UploadBucket', {
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'upload-bucket/',
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      cors: [
        {
          allowedMethods: [HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD],
          allowedOrigins: props.allowedOrigins,
          allowedHeaders: ['*'],
          // Browsers hide ETag from scripts unless exposed, and multipart complete needs each part's ETag.
          exposedHeaders: ['ETag'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [
        // Abandoned multipart uploads are invisible in listings but still billed.
        { id: 'abort-incomplete-multipart-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // Account/contact exports are fetched through a 5-minute link; a day is plenty.
        { id: 'expire-entity-exports', prefix: 'exports/', expiration: Duration.days(1) },
        // Retention is per tenant, so the hourly sweep deletes files (core/retention); these rules
        // are the backstop should it ever stop: no file outlives the longest retention a tenant may set.
        ...RETAINED_PREFIXES.map((prefix) => ({ id: `retention-backstop-${prefix.slice(0, -1)}`, prefix, expiration: Duration.days(MAX_RETENTION_DAYS + 1) })),
      ],
      // RETAIN: uploaded files and job outputs are customer data.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Object Created events to EventBridge (a file put into inbox/<tenant>/ starts a job: the
    // stateless stack's rule). Set on the CloudFormation bucket itself: the construct's
    // eventBridgeEnabled adds a custom-resource Lambda to do what this property does.
    (this.uploadBucket.node.defaultChild as CfnBucket).notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };

    this.alarmTopic = new Topic(this, 'AlarmTopic', { displayName: `${prefix} alarms`, enforceSSL: true });
    if (props.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));

    // RETAIN: every stored webhook secret is sealed with this key; without it none can sign again.
    this.webhookSecretsKey = new Key(this, 'WebhookSecretsKey', {
      description: `${prefix}: seals webhook signing secrets stored in the webhooks table`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // No value in the template: CloudFormation creates the secret empty and the operator puts
    // the key (README, "Deploy to AWS"). Until then mapping runs on the heuristics alone.
    this.anthropicApiKeySecret = new Secret(this, 'AnthropicApiKeySecret', {
      description: `${prefix}: Anthropic API key for AI column mapping (put the value after deploy)`,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // CDK would generate a random value; an empty secret reads as "no key yet".
    (this.anthropicApiKeySecret.node.defaultChild as CfnSecret).addPropertyDeletionOverride('GenerateSecretString');
    Validations.of(this.anthropicApiKeySecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'A third-party API key issued in the Anthropic console: no rotation Lambda can create one. Rotate it by putting a new value; functions pick it up within 5 minutes.',
    });
    new CfnOutput(this, 'AnthropicApiKeySecretArn', {
      value: this.anthropicApiKeySecret.secretArn,
      description: 'Put the Anthropic API key here (aws secretsmanager put-secret-value); empty = no AI',
    });

    [this.eventsQueue, this.eventsDeadLetterQueue] = this.queueWithDlq('Events', Duration.seconds(60));
    // Delivery attempts can wait on slow subscriber endpoints.
    [this.webhooksQueue, this.webhooksDeadLetterQueue] = this.queueWithDlq('Webhooks', Duration.minutes(2));
    // FIFO so a job's ticks reach the fan-out in order and one batch at a time (its pacing
    // relies on that); high-throughput mode, since only order within a job matters. Six times
    // the fan-out's timeout, as Lambda advises for an SQS source. A tick is stale within
    // seconds: an hour of retention is plenty.
    [this.progressQueue, this.progressDeadLetterQueue] = this.queueWithDlq('Progress', Duration.minutes(3), {
      fifo: true,
      deduplicationScope: DeduplicationScope.MESSAGE_GROUP,
      fifoThroughputLimit: FifoThroughputLimit.PER_MESSAGE_GROUP_ID,
      retentionPeriod: Duration.hours(1),
    });
  }

  private queueWithDlq(name: string, visibilityTimeout: Duration, extra: Pick<QueueProps, 'fifo' | 'deduplicationScope' | 'fifoThroughputLimit' | 'retentionPeriod'> = {}): [Queue, Queue] {
    const dlq = new Queue(this, `${name}DeadLetterQueue`, {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      ...(extra.fifo && { fifo: true }),
    });
    const queue = new Queue(this, `${name}Queue`, {
      visibilityTimeout,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: dlq, maxReceiveCount: MAX_RECEIVE_COUNT },
      ...extra,
    });
    dlq
      .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' })
      .createAlarm(this, `${name}DeadLetterQueueAlarm`, {
        alarmDescription: `Messages in the ${name.toLowerCase()} dead-letter queue: they were not processed after ${MAX_RECEIVE_COUNT} attempts.`,
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      })
      .addAlarmAction(new SnsAction(this.alarmTopic));
    return [queue, dlq];
  }
}
