import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../functions/shared/env-names.ts';
import { HTTP_ROUTES, OBJECT_CREATED_CONSUMERS, PIPELINE_FUNCTIONS, QUEUE_CONSUMERS, WS_AUTHORIZER, WS_FUNCTION, WS_ROUTES, type FunctionName } from '../../functions/shared/routes.ts';
import { TABLES } from '../../functions/shared/tables.ts';
import { AUDITED_ROUTES } from '../../functions/core/audit/audited-routes.ts';
import { addStacks } from '../../lib/app-stacks.ts';
import { PROJECT_ROOT } from '../../lib/project-paths.ts';
import { API_CORS } from '../../lib/api-cors.ts';
import { PIPELINE_ASL_PATH } from '../../lib/stacks/stateless-stack.ts';

// ---- readers over the synthesized CloudFormation ------------------------------------------

type Json = unknown;
interface Resource {
  Type: string;
  Properties?: Record<string, Json>;
  DeletionPolicy?: string;
}
interface CfnTemplate {
  Resources: Record<string, Resource>;
  Outputs?: Record<string, { Value: Json; Export?: { Name: Json } }>;
}

/**
 * An App with the same context as `cdk synth` (feature flags from cdk.json), minus bundling:
 * the template differs only in asset hashes, and bundling ten functions would double the time and
 * couple it to handler code. `npx cdk synth` does bundle.
 */
function newTestApp(): App {
  const cdkJson = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, Json> };
  return new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
}

function resourcesOfType(template: CfnTemplate, type: string): [string, Resource][] {
  return Object.entries(template.Resources).filter(([, r]) => r.Type === type);
}

function props(resource: Resource): Record<string, Json> {
  return resource.Properties ?? {};
}

/** The logical id a `{ Ref }` or `{ Fn::GetAtt: [id, attr] }` points at, if it is one. */
function localTarget(value: Json): { id: string; attr?: string } | undefined {
  if (value && typeof value === 'object') {
    const v = value as Record<string, Json>;
    if (typeof v.Ref === 'string') return { id: v.Ref };
    const getAtt = v['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return { id: getAtt[0], attr: String(getAtt[1]) };
  }
  return undefined;
}

/**
 * Follow a cross-stack reference in the consumer back to the producer's resource: a weak
 * `Fn::GetStackOutput` (this app's default) or a strong `Fn::ImportValue`.
 */
function crossStackTarget(value: Json, producer: CfnTemplate): { id: string; attr?: string } | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, Json>;
  const outputs = producer.Outputs ?? {};
  const getStackOutput = v['Fn::GetStackOutput'] as { OutputName?: string } | undefined;
  if (getStackOutput?.OutputName) return localTarget(outputs[getStackOutput.OutputName]?.Value);
  const importName = v['Fn::ImportValue'];
  if (importName !== undefined) {
    const output = Object.values(outputs).find((o) => JSON.stringify(o.Export?.Name) === JSON.stringify(importName));
    return localTarget(output?.Value);
  }
  return undefined;
}

/** Turn `{ Fn::Join: ["", [...]] }` into one string, tokens rendered as `${...}`; strings pass through. */
function joinToString(value: Json): string {
  if (typeof value === 'string') return value;
  const join = (value as Record<string, Json>)['Fn::Join'];
  if (!Array.isArray(join)) throw new Error(`not a string or Fn::Join: ${JSON.stringify(value).slice(0, 200)}`);
  const [separator, parts] = join as [string, Json[]];
  return parts.map((p) => (typeof p === 'string' ? p : '${' + JSON.stringify(p) + '}')).join(separator);
}

/** Every IAM statement attached (through AWS::IAM::Policy) to the role with this logical id. */
function statementsOfRole(template: CfnTemplate, roleId: string): { Action: Json; Resource: Json }[] {
  return resourcesOfType(template, 'AWS::IAM::Policy')
    .filter(([, p]) => (props(p).Roles as Json[]).some((r) => localTarget(r)?.id === roleId))
    .flatMap(([, p]) => (props(p).PolicyDocument as { Statement: { Action: Json; Resource: Json }[] }).Statement);
}

const asArray = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

/** A `{ Ref }` that CloudFormation resolves to the resource's ARN (a secret's Ref is its ARN). */
const isArnReference = (template: CfnTemplate, target: { id: string; attr?: string }) =>
  target.attr === undefined && template.Resources[target.id]?.Type === 'AWS::SecretsManager::Secret';

// ---- the stacks under test ---------------------------------------------------------------

const STAGE = 'test';
const ORIGINS = ['https://app.example.com'];
// Every function the contract names: a new one must be deployed (and is checked below).
const ALL_FUNCTIONS: FunctionName[] = [...new Set<FunctionName>([...HTTP_ROUTES.map((r) => r.fn), WS_FUNCTION, WS_AUTHORIZER.fn, ...Object.values(PIPELINE_FUNCTIONS), ...QUEUE_CONSUMERS.map((c) => c.fn), ...OBJECT_CREATED_CONSUMERS.map((c) => c.fn), 'retention-sweep'])];

// One synth for the whole file (~10 s, ~450 MB): every test reads these.
let stateful: Template;
let stateless: Template;
let statefulJson: CfnTemplate;
let statelessJson: CfnTemplate;

/**
 * Secret-shaped values in the deploying shell at synth time: a template must never carry
 * them (an earlier stack copied ANTHROPIC_API_KEY into the functions' environment).
 */
const SHELL_SECRETS = {
  ANTHROPIC_API_KEY: 'sk-ant-api03-infraTestFakeKey0000000000000000000000000000-AAAAAA',
  AI_FILE_PARSER_API_KEY: 'afp_infraTestFakeKey000000000000000000',
  WEBHOOK_SECRET: 'whsec_aW5mcmEgdGVzdCBmYWtlIHNlY3JldCAwMDAwMDAwMDA=',
};

beforeAll(() => {
  const saved = Object.keys(SHELL_SECRETS).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, SHELL_SECRETS);
  try {
    const stacks = addStacks(newTestApp(), { stage: STAGE, allowedOrigins: ORIGINS });
    stateful = Template.fromStack(stacks.stateful);
    stateless = Template.fromStack(stacks.stateless);
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  statefulJson = stateful.toJSON() as CfnTemplate;
  statelessJson = stateless.toJSON() as CfnTemplate;
});

describe('both templates', () => {
  it('hold no secret-shaped value, even with keys in the deploying shell at synth', () => {
    for (const [name, template] of [['stateful', statefulJson], ['stateless', statelessJson]] as const) {
      const text = JSON.stringify(template);
      expect(text.match(/sk-ant-[A-Za-z0-9_-]*|whsec_[A-Za-z0-9+/=]*|afp_[A-Za-z0-9_-]{8,}/)?.[0], name).toBeUndefined();
      for (const value of Object.values(SHELL_SECRETS)) expect(text.includes(value), name).toBe(false);
    }
  });
});

/** Logical id of the Lambda function deployed for `fn` (found by its physical name). */
function functionId(fn: FunctionName): string {
  const found = resourcesOfType(statelessJson, 'AWS::Lambda::Function').find(
    ([, r]) => props(r).FunctionName === `ai-file-parser-${STAGE}-${fn}`,
  );
  if (!found) throw new Error(`no Lambda function for ${fn}`);
  return found[0];
}

function functionEnv(fn: FunctionName): Record<string, Json> {
  const env = props(statelessJson.Resources[functionId(fn)]!).Environment as { Variables: Record<string, Json> };
  return env.Variables;
}

function tableId(name: string): string {
  const found = resourcesOfType(statefulJson, 'AWS::DynamoDB::Table').find(
    ([, r]) => props(r).TableName === `ai-file-parser-${STAGE}-${name}`,
  );
  if (!found) throw new Error(`no table ${name}`);
  return found[0];
}

describe('StatefulStack', () => {
  it('creates every table of TABLES with its keys, GSIs and TTL, on demand with PITR', () => {
    for (const design of Object.values(TABLES)) {
      const keySchema: { AttributeName: string; KeyType: string }[] = [{ AttributeName: design.partitionKey, KeyType: 'HASH' }];
      if ('sortKey' in design) keySchema.push({ AttributeName: design.sortKey, KeyType: 'RANGE' });
      stateful.hasResourceProperties('AWS::DynamoDB::Table', {
        TableName: `ai-file-parser-${STAGE}-${design.name}`,
        KeySchema: keySchema,
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        GlobalSecondaryIndexes:
          design.indexes.length === 0
            ? Match.absent()
            : design.indexes.map((index) =>
                Match.objectLike({
                  IndexName: index.indexName,
                  KeySchema: [
                    { AttributeName: index.partitionKey, KeyType: 'HASH' },
                    ...(index.sortKey ? [{ AttributeName: index.sortKey, KeyType: 'RANGE' }] : []),
                  ],
                }),
              ),
        TimeToLiveSpecification:
          'ttlAttribute' in design ? { AttributeName: design.ttlAttribute, Enabled: true } : Match.absent(),
      });
    }
    expect(resourcesOfType(statefulJson, 'AWS::DynamoDB::Table')).toHaveLength(Object.keys(TABLES).length);
  });

  it('keys tenant data by tenantId: jobs and uploads by partition key, api keys through byTenant', () => {
    for (const name of ['jobs', 'uploads']) {
      const keys = props(statefulJson.Resources[tableId(name)]!).KeySchema as { AttributeName: string; KeyType: string }[];
      expect(keys[0]).toEqual({ AttributeName: 'tenantId', KeyType: 'HASH' });
    }
    const gsis = props(statefulJson.Resources[tableId('api-keys')]!).GlobalSecondaryIndexes as {
      IndexName: string;
      KeySchema: { AttributeName: string }[];
    }[];
    expect(gsis.find((g) => g.IndexName === 'byTenant')?.KeySchema[0]?.AttributeName).toBe('tenantId');
  });

  it('retains the jobs, api-keys and entities tables and the upload bucket on stack delete', () => {
    expect(statefulJson.Resources[tableId('jobs')]?.DeletionPolicy).toBe('Retain');
    expect(statefulJson.Resources[tableId('api-keys')]?.DeletionPolicy).toBe('Retain');
    expect(statefulJson.Resources[tableId('entities')]?.DeletionPolicy).toBe('Retain');
    const [[, bucket] = []] = resourcesOfType(statefulJson, 'AWS::S3::Bucket');
    expect(bucket?.DeletionPolicy).toBe('Retain');
  });

  it('creates the webhook-secrets KMS key with rotation, retained on stack delete', () => {
    const keys = resourcesOfType(statefulJson, 'AWS::KMS::Key');
    expect(keys).toHaveLength(1);
    expect(props(keys[0]![1]).EnableKeyRotation).toBe(true);
    expect(keys[0]![1].DeletionPolicy).toBe('Retain');
  });

  it('creates the Anthropic key secret empty (no value in the template) and outputs its ARN for the operator', () => {
    const secrets = resourcesOfType(statefulJson, 'AWS::SecretsManager::Secret');
    expect(secrets).toHaveLength(1);
    expect(props(secrets[0]![1])).not.toHaveProperty('SecretString');
    expect(props(secrets[0]![1])).not.toHaveProperty('GenerateSecretString');
    expect(localTarget(statefulJson.Outputs?.AnthropicApiKeySecretArn?.Value)?.id).toBe(secrets[0]![0]);
  });

  it('lets browsers PUT parts and read the ETag from the upload bucket, nothing public', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({
            AllowedMethods: Match.arrayWith(['PUT', 'GET', 'HEAD']),
            AllowedOrigins: ORIGINS,
            ExposedHeaders: Match.arrayWith(['ETag']),
          }),
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    });
  });

  it('aborts incomplete multipart uploads after one day', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
        ]),
      },
    });
  });

  it('expires account and contact exports after a day', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ Prefix: 'exports/', ExpirationInDays: 1, Status: 'Enabled' })]),
      },
    });
  });

  it('denies non-TLS access to the bucket and every queue', () => {
    const deniesInsecure = {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    };
    stateful.hasResourceProperties('AWS::S3::BucketPolicy', deniesInsecure);
    const queues = resourcesOfType(statefulJson, 'AWS::SQS::Queue').map(([id]) => id);
    const policies = resourcesOfType(statefulJson, 'AWS::SQS::QueuePolicy');
    expect(queues).toHaveLength(6);
    for (const queue of queues) {
      const policy = policies.find(([, p]) => (props(p).Queues as Json[]).some((q) => localTarget(q)?.id === queue));
      expect(policy, `policy of ${queue}`).toBeDefined();
      expect(JSON.stringify(props(policy![1]).PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    }
  });

  it('gives the events, webhooks and progress queues each a dead-letter queue that keeps messages 14 days', () => {
    const queues = resourcesOfType(statefulJson, 'AWS::SQS::Queue');
    const withRedrive = queues.filter(([, q]) => props(q).RedrivePolicy !== undefined);
    expect(withRedrive).toHaveLength(3);
    const dlqIds = new Set<string>();
    for (const [, queue] of withRedrive) {
      const redrive = props(queue).RedrivePolicy as { deadLetterTargetArn: Json; maxReceiveCount: number };
      expect(redrive.maxReceiveCount).toBe(5);
      const dlq = localTarget(redrive.deadLetterTargetArn);
      expect(dlq?.attr).toBe('Arn');
      expect(props(statefulJson.Resources[dlq!.id]!).MessageRetentionPeriod).toBe(14 * 24 * 3600);
      dlqIds.add(dlq!.id);
    }
    expect(dlqIds.size).toBe(3);
  });

  it('makes the progress queue FIFO (a job\'s ticks in order, one batch at a time) in high-throughput mode, with a FIFO DLQ', () => {
    const fifo = resourcesOfType(statefulJson, 'AWS::SQS::Queue').filter(([, q]) => props(q).FifoQueue === true);
    expect(fifo).toHaveLength(2);
    const [, progress] = fifo.find(([, q]) => props(q).RedrivePolicy !== undefined)!;
    expect(props(progress)).toMatchObject({ DeduplicationScope: 'messageGroup', FifoThroughputLimit: 'perMessageGroupId' });
    const dlq = localTarget((props(progress).RedrivePolicy as { deadLetterTargetArn: Json }).deadLetterTargetArn)!;
    expect(props(statefulJson.Resources[dlq.id]!).FifoQueue).toBe(true);
  });

  it('expires WebSocket connection rows with TTL (a client gone without $disconnect leaves nothing behind)', () => {
    const tables = resourcesOfType(statefulJson, 'AWS::DynamoDB::Table').map(([, t]) => props(t));
    const connections = tables.find((t) => String(JSON.stringify(t.TableName)).includes('connections'));
    expect(connections?.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAtEpoch', Enabled: true });
  });

  it('alarms on any message in either dead-letter queue', () => {
    const alarms = resourcesOfType(statefulJson, 'AWS::CloudWatch::Alarm').map(([, a]) => props(a));
    const dlqIds = resourcesOfType(statefulJson, 'AWS::SQS::Queue')
      .filter(([, q]) => props(q).RedrivePolicy === undefined)
      .map(([id]) => id);
    for (const dlq of dlqIds) {
      const alarm = alarms.find((a) =>
        (a.Dimensions as { Name: string; Value: Json }[] | undefined)?.some(
          (d) => d.Name === 'QueueName' && localTarget(d.Value)?.id === dlq,
        ),
      );
      expect(alarm, `alarm for ${dlq}`).toMatchObject({
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
      });
      expect(alarm?.AlarmActions).toHaveLength(1);
    }
  });
});

describe('StatelessStack', () => {
  it('deploys one Node 22 arm64 function per function name, untraced by default, without source maps loaded at start, with a log retention', () => {
    // beside them, CDK's own custom-resource handlers for the console's deployment (console-site.test.ts)
    const cdkOwn = /^(CustomCDKBucketDeployment|CustomS3AutoDeleteObjectsCustomResourceProviderHandler)[A-Za-z0-9]+$/;
    const functions = resourcesOfType(statelessJson, 'AWS::Lambda::Function').filter(([id]) => !cdkOwn.test(id));
    expect(functions).toHaveLength(ALL_FUNCTIONS.length);
    for (const fn of ALL_FUNCTIONS) {
      const p = props(statelessJson.Resources[functionId(fn)]!);
      expect(p, fn).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
      });
      // tracing is a deploy option (--context tracing=true: tracing.test.ts); off, the handlers never load the Tracer
      expect(p.TracingConfig, fn).toBeUndefined();
      expect(functionEnv(fn).POWERTOOLS_TRACE_ENABLED, fn).toBeUndefined();
      // no --enable-source-maps: it makes Node read and decode the bundle's map at cold start
      expect(functionEnv(fn).NODE_OPTIONS, fn).toBeUndefined();
      const logGroup = localTarget((p.LoggingConfig as { LogGroup: Json }).LogGroup);
      expect(props(statelessJson.Resources[logGroup!.id]!).RetentionInDays, fn).toBeGreaterThan(0);
    }
  });

  it('sets exactly the env vars each function needs, and never S3_FORCE_PATH_STYLE nor the Anthropic key itself', () => {
    const tables = [ENV.jobsTable, ENV.uploadsTable, ENV.apiKeysTable];
    // stages queue progress ticks; only ws and progress-fanout touch connections
    const pipeline = [ENV.jobsTable, ENV.uploadBucket, ENV.progressQueueUrl];
    const expected: Record<FunctionName, string[]> = {
      'api-health': [...tables, ENV.connectionsTable, ENV.uploadBucket, ENV.stateMachineArn],
      // every authenticated API function counts requests against the key's rate limit, and
      // every function that authenticates a tenant or starts its jobs reads its status
      'api-uploads': [ENV.auditTable, ENV.tenantsTable, ENV.jobsTable, ENV.uploadsTable, ENV.apiKeysTable, ENV.rateLimitsTable, ENV.templatesTable, ENV.uploadTokensTable, ENV.quotasTable, ENV.usageTable, ENV.uploadBucket, ENV.stateMachineArn],
      // no API keys: an upload token is the only credential of these routes
      'api-companion': [ENV.tenantsTable, ENV.jobsTable, ENV.uploadsTable, ENV.uploadTokensTable, ENV.rateLimitsTable, ENV.quotasTable, ENV.usageTable, ENV.uploadBucket, ENV.stateMachineArn],
      'api-jobs': [ENV.auditTable, ENV.tenantsTable, ...tables, ENV.rateLimitsTable, ENV.templatesTable, ENV.entitiesTable, ENV.quotasTable, ENV.uploadBucket, ENV.stateMachineArn, ENV.progressQueueUrl, ENV.eventsQueueUrl],
      'api-templates': [ENV.auditTable, ENV.tenantsTable, ...tables, ENV.rateLimitsTable, ENV.templatesTable, ENV.quotasTable, ENV.usageTable, ENV.uploadBucket, ENV.stateMachineArn, ENV.progressQueueUrl, ENV.eventsQueueUrl, ENV.anthropicApiKeySecretArn],
      'api-webhooks': [ENV.auditTable, ENV.tenantsTable, ENV.apiKeysTable, ENV.rateLimitsTable, ENV.usageTable, ENV.webhooksTable, ENV.webhooksQueueUrl, ENV.webhookSecretsKeyArn],
      'api-accounts': [ENV.auditTable, ENV.tenantsTable, ENV.apiKeysTable, ENV.rateLimitsTable, ENV.entitiesTable, ENV.usageTable, ENV.uploadBucket, ENV.anthropicApiKeySecretArn],
      'api-openapi': [],
      inbox: [ENV.tenantsTable, ENV.jobsTable, ENV.uploadsTable, ENV.templatesTable, ENV.quotasTable, ENV.usageTable, ENV.uploadBucket, ENV.stateMachineArn, ENV.eventsQueueUrl],
      'api-admin': [ENV.auditTable, ENV.tenantsTable, ENV.webhooksTable, ENV.usageTable, ENV.jobsTable, ENV.apiKeysTable, ENV.rateLimitsTable, ENV.eventsQueueUrl, ENV.webhooksQueueUrl, ENV.eventsDlqUrl, ENV.webhooksDlqUrl],
      'job-events': [ENV.jobsTable, ENV.webhooksTable, ENV.quotasTable, ENV.tenantsTable, ENV.stateMachineArn, ENV.eventsQueueUrl, ENV.webhooksQueueUrl],
      'webhook-delivery': [ENV.webhooksTable, ENV.usageTable, ENV.webhooksQueueUrl, ENV.webhookSecretsKeyArn],
      // the tenant comes with each event from the authorizer; uploads: an upload token's connection follows only its own jobs
      ws: [ENV.jobsTable, ENV.uploadsTable, ENV.connectionsTable, ENV.wsManagementEndpoint],
      'ws-authorizer': [ENV.tenantsTable, ENV.apiKeysTable, ENV.uploadTokensTable],
      'progress-fanout': [ENV.connectionsTable, ENV.progressQueueUrl, ENV.wsManagementEndpoint],
      classify: [...pipeline, ENV.templatesTable],
      parse: pipeline,
      map: [...pipeline, ENV.templatesTable, ENV.rateLimitsTable, ENV.usageTable, ENV.anthropicApiKeySecretArn],
      enrich: pipeline,
      persist: [...pipeline, ENV.usageTable, ENV.eventsQueueUrl],
      // after Persist: the accounts store (entities and its shards in the bucket) and Claude for insights
      'accounts-store': [ENV.jobsTable, ENV.uploadBucket, ENV.entitiesTable, ENV.rateLimitsTable, ENV.usageTable, ENV.eventsQueueUrl, ENV.anthropicApiKeySecretArn],
      'job-status': [ENV.jobsTable, ENV.quotasTable, ENV.tenantsTable, ENV.stateMachineArn, ENV.progressQueueUrl, ENV.eventsQueueUrl],
      'retention-sweep': [ENV.jobsTable, ENV.quotasTable, ENV.uploadBucket],
    };
    for (const fn of ALL_FUNCTIONS) {
      const names = Object.keys(functionEnv(fn)).filter((n) => n !== 'NODE_OPTIONS' && !n.startsWith('POWERTOOLS_'));
      expect(names.sort(), fn).toEqual([...expected[fn]].sort());
      expect(functionEnv(fn)).not.toHaveProperty(ENV.s3ForcePathStyle);
      expect(functionEnv(fn)).not.toHaveProperty(ENV.anthropicApiKey);
    }
  });

  it('lets every function that serves a sensitive route write the audit trail', () => {
    const auditing = new Set(HTTP_ROUTES.filter((r) => AUDITED_ROUTES[r.routeKey]).map((r) => r.fn));
    expect(auditing.size).toBeGreaterThan(0);
    for (const fn of auditing) expect(functionEnv(fn), fn).toHaveProperty(ENV.auditTable);
    // and the table names no route that does not exist
    for (const routeKey of Object.keys(AUDITED_ROUTES)) expect(HTTP_ROUTES.map((r) => r.routeKey)).toContain(routeKey);
  });

  it('grants access to the very resource each env var names (env and grant cannot drift)', () => {
    const actionFor: Record<string, string> = {
      [ENV.jobsTable]: 'dynamodb:GetItem',
      [ENV.uploadsTable]: 'dynamodb:GetItem',
      [ENV.apiKeysTable]: 'dynamodb:GetItem',
      [ENV.uploadTokensTable]: 'dynamodb:GetItem',
      [ENV.connectionsTable]: 'dynamodb:GetItem',
      [ENV.entitiesTable]: 'dynamodb:GetItem',
      [ENV.tenantsTable]: 'dynamodb:GetItem',
      [ENV.auditTable]: 'dynamodb:PutItem',
      [ENV.quotasTable]: 'dynamodb:UpdateItem',
      [ENV.usageTable]: 'dynamodb:Query',
      [ENV.uploadBucket]: 's3:GetObject*',
      // common to send, consume and depth grants: the env var's queue is the granted one
      [ENV.eventsQueueUrl]: 'sqs:GetQueueAttributes',
      [ENV.webhooksQueueUrl]: 'sqs:GetQueueAttributes',
      [ENV.eventsDlqUrl]: 'sqs:GetQueueAttributes',
      [ENV.webhooksDlqUrl]: 'sqs:GetQueueAttributes',
      [ENV.progressQueueUrl]: 'sqs:GetQueueAttributes',
      [ENV.anthropicApiKeySecretArn]: 'secretsmanager:GetSecretValue',
      [ENV.webhookSecretsKeyArn]: 'kms:Decrypt',
    };
    let checked = 0;
    for (const fn of ALL_FUNCTIONS) {
      const roleId = localTarget(props(statelessJson.Resources[functionId(fn)]!).Role)!.id;
      const statements = statementsOfRole(statelessJson, roleId);
      for (const [name, value] of Object.entries(functionEnv(fn))) {
        const action = actionFor[name];
        if (!action) continue;
        // the env var holds the resource's name/URL (Ref) or its ARN; the grant must cover that ARN
        const target = crossStackTarget(value, statefulJson);
        expect(target, `${fn} ${name}`).toBeDefined();
        const granted = statements.some(
          (s) =>
            asArray(s.Action).includes(action) &&
            asArray(s.Resource).some((r) => {
              const t = crossStackTarget(r, statefulJson);
              return t?.id === target!.id && (t.attr === 'Arn' || isArnReference(statefulJson, t));
            }),
        );
        expect(granted, `${fn}: ${action} on ${name}`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('sends the upload bucket\'s Object Created events under each OBJECT_CREATED_CONSUMERS prefix to its function', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', { NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } } });
    for (const consumer of OBJECT_CREATED_CONSUMERS) {
      stateless.hasResourceProperties('AWS::Events::Rule', {
        EventPattern: {
          source: ['aws.s3'],
          'detail-type': ['Object Created'],
          detail: { bucket: { name: [Match.anyValue()] }, object: { key: [{ prefix: consumer.prefix }] } },
        },
        Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [functionId(consumer.fn), 'Arn'] }, RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 8 }) })],
      });
    }
  });

  it('serves every HTTP_ROUTES entry with the function the contract names', () => {
    const routes = resourcesOfType(statelessJson, 'AWS::ApiGatewayV2::Route').map(([, r]) => props(r));
    for (const { routeKey, fn } of HTTP_ROUTES) {
      const route = routes.find((r) => r.RouteKey === routeKey);
      expect(route, routeKey).toBeDefined();
      const integrationId = /integrations\/\$\{\{"Ref":"([^"]+)"\}\}/.exec(joinToString(route!.Target))?.[1];
      const integration = props(statelessJson.Resources[integrationId!]!);
      expect(localTarget(integration.IntegrationUri)?.id, routeKey).toBe(functionId(fn));
    }
  });

  it('puts CORS preflight, throttling and access logs on the HTTP API', () => {
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({
        AllowOrigins: ORIGINS,
        AllowHeaders: Match.arrayWith(['authorization', 'content-type']),
        // the local stack answers preflights with the same lib/api-cors.ts
        MaxAge: API_CORS.maxAgeSeconds,
      }),
    });
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('\\$context\\.requestId') },
    });
  });

  it('routes every WS_ROUTES key to the ws function, selecting on body.action', () => {
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'WEBSOCKET',
      RouteSelectionExpression: '$request.body.action',
    });
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageName: STAGE, AutoDeploy: true });
    const routes = resourcesOfType(statelessJson, 'AWS::ApiGatewayV2::Route').map(([, r]) => props(r));
    for (const routeKey of WS_ROUTES) {
      const route = routes.find((r) => r.RouteKey === routeKey);
      expect(route, routeKey).toBeDefined();
      const integrationId = /integrations\/\$\{\{"Ref":"([^"]+)"\}\}/.exec(joinToString(route!.Target))?.[1];
      // a WebSocket integration URI wraps the function ARN in the apigateway:lambda invocation path
      expect(JSON.stringify(props(statelessJson.Resources[integrationId!]!).IntegrationUri), routeKey).toContain(
        JSON.stringify({ 'Fn::GetAtt': [functionId('ws'), 'Arn'] }),
      );
    }
  });

  it('authorizes $connect with the ws-authorizer function on ?token=, and no other route (its context reaches them)', () => {
    const authorizers = resourcesOfType(statelessJson, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizers).toHaveLength(1);
    const [authorizerId, authorizer] = authorizers[0]!;
    expect(props(authorizer)).toMatchObject({ AuthorizerType: 'REQUEST', IdentitySource: [...WS_AUTHORIZER.identitySource] });
    expect(WS_AUTHORIZER.identitySource).toEqual(['route.request.querystring.token']);
    expect(JSON.stringify(props(authorizer).AuthorizerUri)).toContain(JSON.stringify({ 'Fn::GetAtt': [functionId(WS_AUTHORIZER.fn), 'Arn'] }));
    const routes = resourcesOfType(statelessJson, 'AWS::ApiGatewayV2::Route').map(([, r]) => props(r));
    for (const routeKey of WS_ROUTES) {
      const route = routes.find((r) => r.RouteKey === routeKey)!;
      if (routeKey === '$connect') expect(route, routeKey).toMatchObject({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: authorizerId } });
      else expect(route.AuthorizerId, routeKey).toBeUndefined();
    }
  });

  it('lets only ws and progress-fanout manage WebSocket connections, through the stage callback URL', () => {
    for (const fn of ALL_FUNCTIONS) {
      if (fn === 'ws' || fn === 'progress-fanout') continue;
      const roleId = localTarget(props(statelessJson.Resources[functionId(fn)]!).Role)!.id;
      expect(statementsOfRole(statelessJson, roleId).filter((s) => asArray(s.Action).includes('execute-api:ManageConnections')), fn).toEqual([]);
    }
    for (const fn of ['ws', 'progress-fanout'] as FunctionName[]) {
      const endpoint = joinToString(functionEnv(fn)[ENV.wsManagementEndpoint]);
      expect(endpoint, fn).toMatch(/^https:\/\/\$\{\{"Ref":"WebSocketApi[^}]+\}\}\.execute-api\..+\/test$/);
      const roleId = localTarget(props(statelessJson.Resources[functionId(fn)]!).Role)!.id;
      const manage = statementsOfRole(statelessJson, roleId).filter((s) =>
        asArray(s.Action).includes('execute-api:ManageConnections'),
      );
      expect(manage, fn).toHaveLength(1);
      expect(JSON.stringify(manage[0]!.Resource)).toContain('/test/*/@connections/*');
    }
  });

  describe('pipeline state machine', () => {
    const asl = JSON.parse(readFileSync(PIPELINE_ASL_PATH, 'utf8')) as Json;
    let definition: { States: Record<string, Record<string, Json>> };
    let sm: Record<string, Json>;
    let smId: string;

    beforeAll(() => {
      const machines = resourcesOfType(statelessJson, 'AWS::StepFunctions::StateMachine');
      expect(machines).toHaveLength(1);
      smId = machines[0]![0];
      sm = props(machines[0]![1]);
      definition = JSON.parse(joinToString(sm.DefinitionString)) as typeof definition;
    });

    it('embeds statemachines/pipeline.asl.json inline, unchanged', () => {
      expect(definition).toEqual(asl);
      expect(sm).toMatchObject({ StateMachineType: 'STANDARD', TracingConfiguration: { Enabled: false } });
      expect(sm.DefinitionS3Location).toBeUndefined();
    });

    it('names the states after the pipeline stages', () => {
      expect(Object.keys(definition.States)).toEqual(
        expect.arrayContaining(['Classify', 'Parse', 'Map', 'Enrich', 'Persist']),
      );
    });

    it('retries every Task and catches every top-level one (MarkFailed retries only, by design)', () => {
      const tasks: [string, Record<string, Json>, boolean][] = [];
      const walk = (states: Record<string, Record<string, Json>>, topLevel: boolean): void => {
        for (const [name, state] of Object.entries(states)) {
          if (state.Type === 'Task') tasks.push([name, state, topLevel]);
          const nested = (state.ItemProcessor ?? state.Iterator) as { States: typeof states } | undefined;
          if (nested) walk(nested.States, false);
          if (state.Type === 'Map' && topLevel) expect(state.Catch, name).toBeDefined();
        }
      };
      walk(definition.States, true);
      expect(tasks.length).toBeGreaterThanOrEqual(7);
      for (const [name, state, topLevel] of tasks) {
        expect(state.Retry, name).toBeDefined();
        if (topLevel && name !== 'MarkFailed') expect(state.Catch, name).toBeDefined();
      }
      expect(definition.States.MarkFailed?.Catch).toBeUndefined();
    });

    it('substitutes each ${...Arn} placeholder with the function PIPELINE_FUNCTIONS names, and may invoke it', () => {
      const placeholders = [...JSON.stringify(asl).matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]!);
      const substitutions = sm.DefinitionSubstitutions as Record<string, Json>;
      expect(Object.keys(substitutions).sort()).toEqual([...new Set(placeholders)].sort());
      const roleId = localTarget(sm.RoleArn)!.id;
      const invokable = JSON.stringify(
        statementsOfRole(statelessJson, roleId).filter((s) => asArray(s.Action).includes('lambda:InvokeFunction')),
      );
      for (const [placeholder, fn] of Object.entries(PIPELINE_FUNCTIONS)) {
        expect(localTarget(substitutions[placeholder]), placeholder).toEqual({ id: functionId(fn), attr: 'Arn' });
        expect(invokable, fn).toContain(`"${functionId(fn)}"`);
      }
    });

    it('runs Enrich as a DISTRIBUTED Map over chunks from the state input, and may start and stop its child executions', () => {
      const enrich = definition.States.Enrich as Record<string, Json>;
      expect(enrich).toMatchObject({ Type: 'Map', ItemsPath: '$.parsed.chunks', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } } });
      expect(enrich.ItemReader).toBeUndefined();
      const roleId = localTarget(sm.RoleArn)!.id;
      const statements = JSON.stringify(statementsOfRole(statelessJson, roleId));
      for (const action of ['states:StartExecution', 'states:DescribeExecution', 'states:StopExecution']) expect(statements).toContain(action);
      const name = sm.StateMachineName as string;
      expect(statements).toContain(`:stateMachine:${name}"`);
      expect(statements).toContain(`:execution:${name}/*"`);
    });

    it('sends executions that end without succeeding to job-status (the watchdog)', () => {
      stateless.hasResourceProperties('AWS::Events::Rule', {
        EventPattern: {
          source: ['aws.states'],
          'detail-type': ['Step Functions Execution Status Change'],
          detail: { stateMachineArn: [{ Ref: smId }], status: ['FAILED', 'TIMED_OUT', 'ABORTED'] },
        },
        Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [functionId('job-status'), 'Arn'] } })],
      });
    });

    it('runs the admission sweep (job-status) every 5 minutes', () => {
      stateless.hasResourceProperties('AWS::Events::Rule', {
        ScheduleExpression: 'rate(5 minutes)',
        Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [functionId('job-status'), 'Arn'] } })],
      });
    });

    it('logs errors without execution data', () => {
      expect(sm.LoggingConfiguration).toMatchObject({ Level: 'ERROR', IncludeExecutionData: false });
    });

    it('alarms on failed executions', () => {
      stateless.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/States',
        MetricName: 'ExecutionsFailed',
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: Match.anyValue(),
      });
    });

    it('lets api-uploads and api-jobs start, describe and stop executions', () => {
      for (const fn of ['api-uploads', 'api-jobs'] as FunctionName[]) {
        const roleId = localTarget(props(statelessJson.Resources[functionId(fn)]!).Role)!.id;
        const actions = statementsOfRole(statelessJson, roleId).flatMap((s) => asArray(s.Action));
        expect(actions, fn).toEqual(
          expect.arrayContaining(['states:StartExecution', 'states:DescribeExecution', 'states:StopExecution']),
        );
        expect(localTarget(functionEnv(fn)[ENV.stateMachineArn])?.id, fn).toBe(smId);
      }
    });
  });

  it('lets only the functions that sign or rotate use the webhook-secrets key, and only the AI users read the Anthropic secret', () => {
    const keyId = resourcesOfType(statefulJson, 'AWS::KMS::Key')[0]![0];
    const secretId = resourcesOfType(statefulJson, 'AWS::SecretsManager::Secret')[0]![0];
    const touching = (resourceId: string) =>
      ALL_FUNCTIONS.filter((fn) => {
        const roleId = localTarget(props(statelessJson.Resources[functionId(fn)]!).Role)!.id;
        return statementsOfRole(statelessJson, roleId).some((s) => asArray(s.Resource).some((r) => crossStackTarget(r, statefulJson)?.id === resourceId));
      });
    expect(touching(keyId).sort()).toEqual(['api-webhooks', 'webhook-delivery']);
    expect(touching(secretId).sort()).toEqual(['accounts-store', 'api-accounts', 'api-templates', 'map']);
    for (const fn of touching(keyId)) {
      const roleId = localTarget(props(statelessJson.Resources[functionId(fn)]!).Role)!.id;
      const actions = statementsOfRole(statelessJson, roleId)
        .filter((s) => asArray(s.Resource).some((r) => crossStackTarget(r, statefulJson)?.id === keyId))
        .flatMap((s) => asArray(s.Action));
      expect(actions.sort(), fn).toEqual(['kms:Decrypt', 'kms:Encrypt']);
    }
  });

  it('outputs the HTTP and WebSocket URLs, the state machine ARN and the bucket name', () => {
    expect(Object.keys(statelessJson.Outputs ?? {})).toEqual(
      expect.arrayContaining(['HttpApiUrl', 'WebSocketUrl', 'StateMachineArn', 'UploadBucketName']),
    );
  });
});
