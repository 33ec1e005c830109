import { ArnFormat, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
  WebSocketApi,
  WebSocketStage,
  type ThrottleSettings,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration, WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { WebSocketLambdaAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { ENV } from '../../functions/shared/env-names.ts';
import {
  HTTP_ROUTES,
  OBJECT_CREATED_CONSUMERS,
  PIPELINE_FUNCTIONS,
  QUEUE_CONSUMERS,
  WS_AUTHORIZER,
  WS_FUNCTION,
  WS_ROUTES,
  type FunctionName,
} from '../../functions/shared/routes.ts';
import {
  bindBucket,
  bindQueue,
  bindSealingKey,
  bindSecret,
  bindStateMachine,
  bindTable,
  bindWebSocketManagement,
  type DataAccess,
  type QueueAccess,
  type StateMachineAccess,
} from '../bind.ts';
import { AppFunction } from '../constructs/app-function.ts';
import { ConsoleSite } from '../constructs/console-site.ts';
import { ServiceMonitoring } from '../constructs/service-monitoring.ts';
import { PIPELINE_ASL_PATH } from '../project-paths.ts';
import { API_CORS } from '../api-cors.ts';
import { assertPlaceholdersCovered, pipelineSubstitutions, readPipelineAsl } from '../pipeline-definition.ts';
import { pascalCase, resourcePrefix } from '../naming.ts';
import type { StatefulStack, TableKey } from './stateful-stack.ts';

/** The one ASL file, shared with the local stack's interpreter. */
export { PIPELINE_ASL_PATH };

interface FunctionSpec {
  description: string;
  timeout: Duration;
  memorySize: number;
  tables: Partial<Record<TableKey, DataAccess>>;
  uploadBucket?: DataAccess;
  /** job completion events: persist/job-status/api-jobs send, job-events consumes */
  eventsQueue?: QueueAccess;
  /** webhook delivery attempts: fanned out by job-events, consumed (and re-queued) by webhook-delivery */
  webhooksQueue?: QueueAccess[];
  /** reads queue and DLQ depths (GET /v1/metrics) */
  queueDepths?: boolean;
  /** may call Claude: reads the Anthropic key from its secret at run time (no value = heuristics only) */
  usesAi?: boolean;
  /** signs webhook deliveries or rotates their secrets: seals and opens them with the KMS key */
  sealsWebhookSecrets?: boolean;
  stateMachine?: StateMachineAccess;
  /** progress ticks: consumed by progress-fanout (the stages send with `reportsProgress`) */
  progressQueue?: QueueAccess;
  /** queues job.progress / job.status ticks for the job's WebSocket subscribers */
  reportsProgress?: boolean;
  /** posts to WebSocket connections (@connections): the ws replies and the progress fan-out */
  postsToConnections?: boolean;
}

/*
 * One row per function: sizing and what it may touch. API functions answer within API Gateway's
 * 30 s integration limit; pipeline stages stay under the ASL's TimeoutSeconds (900, 60 for
 * job-status), so a slow stage fails as a Lambda timeout with a cause, not a States.Timeout.
 * Parse and enrich get 1769 MB: that is one full vCPU, and both are CPU-bound.
 * Access is least privilege for what the handlers do today: API keys are only looked up by
 * hash, every function that authenticates a tenant (or starts its jobs) reads the tenants
 * table to refuse a disabled one, every function serving a sensitive route (core/audit) writes
 * the audit trail, every function where a metered event happens (core/usage) adds to the
 * usage table, and job-status touches no objects. Widen a row here when a handler starts needing more.
 */
const FUNCTIONS: Record<FunctionName, FunctionSpec> = {
  'api-health': {
    description: 'GET /v1/health: checks DynamoDB, S3 and Step Functions',
    timeout: Duration.seconds(10),
    memorySize: 256,
    tables: { jobs: 'read', uploads: 'read', apiKeys: 'read', connections: 'read' },
    uploadBucket: 'read',
    stateMachine: 'read',
  },
  'api-uploads': {
    description: 'Upload sessions: presigned multipart (the Uppy @uppy/aws-s3 contract), complete starts the job',
    timeout: Duration.seconds(29),
    memorySize: 512,
    tables: { tenants: 'read', audit: 'readWrite', jobs: 'readWrite', uploads: 'readWrite', apiKeys: 'read', rateLimits: 'readWrite', templates: 'read', uploadTokens: 'readWrite', quotas: 'readWrite', usage: 'readWrite' },
    uploadBucket: 'readWrite',
    stateMachine: 'start',
  },
  'api-companion': {
    description: 'Uppy companion-mode routes for browser uploads, authorised by an upload token in the path; complete starts the job',
    timeout: Duration.seconds(29),
    memorySize: 512,
    tables: { tenants: 'read', jobs: 'readWrite', uploads: 'readWrite', uploadTokens: 'read', rateLimits: 'readWrite', quotas: 'readWrite', usage: 'readWrite' },
    uploadBucket: 'readWrite',
    stateMachine: 'start',
  },
  'api-jobs': {
    description: 'Jobs: list, inspect, cancel, retry, records and errors',
    timeout: Duration.seconds(29),
    memorySize: 512,
    // entities: a deleted job's entities keep their values, and their sources are marked
    tables: { tenants: 'read', audit: 'readWrite', jobs: 'readWrite', uploads: 'readWrite', apiKeys: 'read', rateLimits: 'readWrite', templates: 'read', entities: 'readWrite', quotas: 'readWrite' },
    uploadBucket: 'readWrite',
    stateMachine: 'start',
    eventsQueue: 'send',
    reportsProgress: true,
  },
  'api-templates': {
    description: 'Templates, schemas, mapping suggestions and a job\'s mapping (confirm to resume)',
    timeout: Duration.seconds(29),
    memorySize: 512,
    tables: { tenants: 'read', audit: 'readWrite', jobs: 'readWrite', uploads: 'read', apiKeys: 'read', templates: 'readWrite', rateLimits: 'readWrite', quotas: 'readWrite', usage: 'readWrite' },
    uploadBucket: 'read',
    stateMachine: 'start',
    eventsQueue: 'send',
    reportsProgress: true,
    usesAi: true,
  },
  'api-webhooks': {
    description: 'Webhook endpoints: CRUD, secret rotation, test, deliveries and replay',
    timeout: Duration.seconds(29),
    memorySize: 256,
    tables: { tenants: 'read', audit: 'readWrite', apiKeys: 'read', webhooks: 'readWrite', rateLimits: 'readWrite', usage: 'readWrite' },
    webhooksQueue: ['send'],
    // create and rotate seal; test and replay sign
    sealsWebhookSecrets: true,
  },
  'api-accounts': {
    description: 'Accounts and contacts: faceted lists, edits, merge, CSV/XLSX export, AI insights',
    // The tenant's whole store is read into memory and listed there (entity-store.ts): 1 GB
    // holds a few hundred thousand entities and buys the CPU that keeps lists fast.
    timeout: Duration.seconds(29),
    memorySize: 1024,
    tables: { tenants: 'read', audit: 'readWrite', apiKeys: 'read', rateLimits: 'readWrite', entities: 'readWrite', usage: 'readWrite' },
    uploadBucket: 'readWrite',
    usesAi: true,
  },
  'api-admin': {
    description: 'API keys, the audit trail and service metrics (admin)',
    timeout: Duration.seconds(29),
    memorySize: 256,
    // tenants readWrite: an admin's retention setting (PUT /v1/settings/retention)
    tables: { tenants: 'readWrite', audit: 'readWrite', jobs: 'read', apiKeys: 'readWrite', rateLimits: 'readWrite', webhooks: 'read', usage: 'read' },
    queueDepths: true,
  },
  'api-openapi': {
    description: 'GET /v1/openapi.json: the OpenAPI 3.1 document, built from the handlers\' zod schemas (only this function loads it)',
    timeout: Duration.seconds(10),
    memorySize: 256,
    tables: {},
  },
  inbox: {
    description: 'S3 Object Created under inbox/<tenantId>/ (EventBridge): start a job with the options in the object metadata',
    timeout: Duration.seconds(60),
    memorySize: 256,
    tables: { tenants: 'read', jobs: 'readWrite', uploads: 'readWrite', templates: 'read', quotas: 'readWrite', usage: 'readWrite' },
    uploadBucket: 'read',
    stateMachine: 'start',
    eventsQueue: 'send',
  },
  'job-events': {
    description: 'Job completion events -> one webhook delivery per subscribed endpoint',
    timeout: Duration.seconds(60),
    memorySize: 256,
    // jobs: an event is fanned out only when the job it names bears it out; a job's end gives
    // its running slots back and starts the queued jobs that then fit (quotas, tenants, jobs, start)
    tables: { webhooks: 'readWrite', jobs: 'readWrite', quotas: 'readWrite', tenants: 'read' },
    stateMachine: 'start',
    eventsQueue: 'consume',
    webhooksQueue: ['send'],
  },
  'webhook-delivery': {
    description: 'Deliver one signed webhook attempt; re-queue with backoff on failure',
    timeout: Duration.seconds(60),
    memorySize: 256,
    tables: { webhooks: 'readWrite', usage: 'readWrite' },
    webhooksQueue: ['send', 'consume'],
    // signs; seals in place a secret stored before sealing existed
    sealsWebhookSecrets: true,
  },
  ws: {
    description: 'WebSocket $connect/$disconnect and job subscriptions',
    timeout: Duration.seconds(10),
    memorySize: 256,
    // uploads: whether an upload token's connection may follow a job (its session's token)
    tables: { jobs: 'read', uploads: 'read', connections: 'readWrite' },
    postsToConnections: true,
  },
  'ws-authorizer': {
    description: 'WebSocket $connect authorizer: API key or upload token in ?token= -> the connection\'s tenant (no write)',
    timeout: Duration.seconds(10),
    memorySize: 256,
    tables: { tenants: 'read', apiKeys: 'read', uploadTokens: 'read' },
  },
  'progress-fanout': {
    description: 'Progress ticks -> WebSocket subscribers: coalesced per job, paced, 429 retried, gone connections removed',
    // a batch: one subscriber lookup, a few paced posts to each subscriber (1 s timeout each, 429 retried ~5 s)
    timeout: Duration.seconds(30),
    memorySize: 512,
    tables: { connections: 'readWrite' },
    progressQueue: 'consume',
    postsToConnections: true,
  },
  classify: {
    description: 'Pipeline: sniff format, encoding, delimiter and header row; score templates',
    timeout: Duration.seconds(300),
    memorySize: 1024,
    tables: { jobs: 'readWrite', templates: 'read' },
    uploadBucket: 'readWrite',
    reportsProgress: true,
  },
  parse: {
    description: 'Pipeline: stream rows out of the upload into chunks',
    timeout: Duration.seconds(890),
    memorySize: 1769,
    tables: { jobs: 'readWrite' },
    uploadBucket: 'readWrite',
    reportsProgress: true,
  },
  map: {
    description: 'Pipeline: map source columns to the target schema',
    timeout: Duration.seconds(300),
    memorySize: 1024,
    // rateLimits: Claude's circuit breaker state (adapters/circuit-store.ts)
    tables: { jobs: 'readWrite', templates: 'readWrite', rateLimits: 'readWrite', usage: 'readWrite' },
    uploadBucket: 'readWrite',
    reportsProgress: true,
    usesAi: true,
  },
  enrich: {
    description: 'Pipeline: normalise, enrich and validate one chunk',
    timeout: Duration.seconds(890),
    memorySize: 1769,
    tables: { jobs: 'readWrite' },
    uploadBucket: 'readWrite',
    reportsProgress: true,
  },
  persist: {
    description: 'Pipeline: commit records, error report and job summary; emit the completion event',
    timeout: Duration.seconds(890),
    memorySize: 1024,
    tables: { jobs: 'readWrite', usage: 'readWrite' },
    uploadBucket: 'readWrite',
    eventsQueue: 'send',
    reportsProgress: true,
  },
  'accounts-store': {
    description: 'Pipeline, after Persist: merge a company or contact job\'s records into the tenant\'s accounts store; emit accounts.updated',
    timeout: Duration.seconds(890),
    // the whole store is held in memory while it changes (adapters/entity-store.ts)
    memorySize: 1769,
    // entities: the accounts store; rateLimits and usage: Claude's circuit breaker and budget for insights
    tables: { jobs: 'readWrite', entities: 'readWrite', rateLimits: 'readWrite', usage: 'readWrite' },
    // the job's records, and the store's shards (adapters/entity-store.ts)
    uploadBucket: 'readWrite',
    eventsQueue: 'send',
    usesAi: true,
  },
  'job-status': {
    description: 'Pipeline: record failed / needs_mapping on the job and emit the event',
    timeout: Duration.seconds(50),
    memorySize: 256,
    // quotas, tenants, start: the scheduled admission sweep (core/quotas, adapters/job-admission.ts)
    tables: { jobs: 'readWrite', quotas: 'readWrite', tenants: 'read' },
    stateMachine: 'start',
    eventsQueue: 'send',
    reportsProgress: true,
  },
  'retention-sweep': {
    description: 'Hourly: delete every tenant\'s uploads, job outputs and job records past their retention (core/retention); deleted files leave the stored bytes',
    // 10,000 entries a run at a few S3 and DynamoDB calls each; what is left is due in the next run
    timeout: Duration.minutes(10),
    memorySize: 256,
    // quotas: the expiry schedule and the stored-bytes counter; jobs: marks and deletes records
    tables: { jobs: 'readWrite', quotas: 'readWrite' },
    uploadBucket: 'readWrite',
  },
};

export interface StatelessStackProps extends StackProps {
  stage: string;
  stateful: StatefulStack;
  /** origins allowed by the HTTP API's CORS preflight */
  allowedOrigins: string[];
  /** default-stage throttling of the HTTP API (per account and region, all clients together) */
  httpThrottle?: ThrottleSettings;
  /** @default one month */
  logRetention?: RetentionDays;
  /** X-Ray tracing of the functions and the state machine (lib/config.ts); @default false */
  tracing?: boolean;
}

/** Functions, the HTTP and WebSocket APIs, the pipeline state machine and its alarms. */
export class StatelessStack extends Stack {
  readonly functions: { readonly [F in FunctionName]: AppFunction };
  readonly httpApi: HttpApi;
  readonly httpStage: HttpStage;
  readonly webSocketApi: WebSocketApi;
  readonly webSocketStage: WebSocketStage;
  readonly stateMachine: StateMachine;
  readonly console: ConsoleSite;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { stateful, stage } = props;
    const prefix = resourcePrefix(stage);
    const logRetention = props.logRetention ?? RetentionDays.ONE_MONTH;

    const functions = {} as Record<FunctionName, AppFunction>;
    for (const [fn, spec] of Object.entries(FUNCTIONS) as [FunctionName, FunctionSpec][]) {
      functions[fn] = new AppFunction(this, `${pascalCase(fn)}Function`, {
        fn,
        namePrefix: prefix,
        description: spec.description,
        timeout: spec.timeout,
        memorySize: spec.memorySize,
        logRetention,
        tracing: props.tracing ?? false,
      });
    }
    this.functions = functions;

    // ---- HTTP API -------------------------------------------------------------------------
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `${prefix}-http`,
      description: 'ai-file-parser HTTP API (/v1)',
      corsPreflight: {
        allowOrigins: props.allowedOrigins,
        allowMethods: [...API_CORS.allowMethods.map((method) => CorsHttpMethod[method]), CorsHttpMethod.OPTIONS],
        allowHeaders: [...API_CORS.allowHeaders],
        exposeHeaders: [...API_CORS.exposeHeaders],
        maxAge: Duration.seconds(API_CORS.maxAgeSeconds),
      },
      // The stage is created below with throttling and access logs, which the implicit one lacks.
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'HttpAccessLogs', {
      retention: logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.httpStage = new HttpStage(this, 'HttpDefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.httpThrottle ?? { rateLimit: 100, burstLimit: 200 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    const httpIntegrations = new Map<FunctionName, HttpLambdaIntegration>();
    for (const route of HTTP_ROUTES) {
      const [method, path] = parseRouteKey(route.routeKey);
      let integration = httpIntegrations.get(route.fn);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${pascalCase(route.fn)}Integration`, functions[route.fn]);
        httpIntegrations.set(route.fn, integration);
      }
      new HttpRoute(this, `Route${pascalCase(`${method} ${path}`)}`, {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.with(path, method),
        integration,
      });
    }

    // ---- WebSocket API --------------------------------------------------------------------
    this.webSocketApi = new WebSocketApi(this, 'WebSocketApi', {
      apiName: `${prefix}-ws`,
      description: 'ai-file-parser live job progress',
      routeSelectionExpression: '$request.body.action',
    });
    const wsIntegration = new WebSocketLambdaIntegration('WsIntegration', functions[WS_FUNCTION]);
    // The authorizer runs on $connect only; its context reaches every later event of the
    // connection. WebSocket APIs cache no authorizer results: it runs on every connect.
    const wsAuthorizer = new WebSocketLambdaAuthorizer('WsAuthorizer', functions[WS_AUTHORIZER.fn], { identitySource: [...WS_AUTHORIZER.identitySource] });
    for (const routeKey of WS_ROUTES) {
      this.webSocketApi.addRoute(routeKey, { integration: wsIntegration, ...(routeKey === '$connect' && { authorizer: wsAuthorizer }) });
    }
    // No access logs here: WebSocket APIs log through the account-wide API Gateway CloudWatch
    // role, which is account state this app should not own. The ws function logs each event.
    this.webSocketStage = new WebSocketStage(this, 'WebSocketStage', {
      webSocketApi: this.webSocketApi,
      stageName: stage,
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
    });

    // ---- State machine --------------------------------------------------------------------
    const asl = readPipelineAsl();
    const definitionSubstitutions = pipelineSubstitutions((fn) => functions[fn].functionArn);
    assertPlaceholdersCovered(asl, definitionSubstitutions);
    const pipelineLogs = new LogGroup(this, 'PipelineLogs', {
      // /aws/vendedlogs/ keeps Step Functions clear of the CloudWatch Logs resource-policy size limit.
      logGroupName: `/aws/vendedlogs/states/${prefix}-pipeline`,
      retention: logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const pipelineName = pipelineNameFor(prefix);
    this.stateMachine = new StateMachine(this, 'Pipeline', {
      stateMachineName: pipelineName,
      stateMachineType: StateMachineType.STANDARD,
      // Inline (not fromFile, an S3 asset): the template holds the exact definition we test.
      definitionBody: DefinitionBody.fromString(asl),
      definitionSubstitutions,
      tracingEnabled: props.tracing ?? false,
      logs: { destination: pipelineLogs, level: LogLevel.ERROR, includeExecutionData: false },
    });
    for (const fn of new Set(Object.values(PIPELINE_FUNCTIONS))) {
      functions[fn].grantInvoke(this.stateMachine);
    }
    // The DISTRIBUTED Map (Enrich) runs each chunk as a child execution of this state
    // machine. ARNs built from the name: referencing the machine itself would be circular.
    this.stateMachine.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:StartExecution'],
        resources: [this.formatArn({ service: 'states', resource: 'stateMachine', resourceName: pipelineName, arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
      }),
    );
    this.stateMachine.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:DescribeExecution', 'states:StopExecution'],
        resources: [this.formatArn({ service: 'states', resource: 'execution', resourceName: `${pipelineName}/*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
      }),
    );
    // The watchdog: an execution that ends without succeeding tells job-status, which fails
    // a job still standing `running` (stopped, timed out, or MarkFailed itself failed).
    new Rule(this, 'PipelineEndedRule', {
      description: 'Pipeline executions that ended without succeeding: job-status fails their job if it was left running.',
      eventPattern: {
        source: ['aws.states'],
        detailType: ['Step Functions Execution Status Change'],
        detail: { stateMachineArn: [this.stateMachine.stateMachineArn], status: ['FAILED', 'TIMED_OUT', 'ABORTED'] },
      },
      targets: [new LambdaFunction(functions['job-status'], { retryAttempts: 8, maxEventAge: Duration.hours(6) })],
    });
    // The admission sweep: slots of jobs that ended without their event given back, queued jobs
    // that fit started (job-admission.ts). Five minutes bounds how long a lost event can hold a slot.
    new Rule(this, 'AdmissionSweepRule', {
      description: 'Every 5 minutes: job-status releases running slots of ended jobs and starts queued jobs that fit.',
      schedule: Schedule.rate(Duration.minutes(5)),
      targets: [new LambdaFunction(functions['job-status'], { retryAttempts: 2 })],
    });
    // Retention: per-tenant days cannot be S3 lifecycle rules (one per tenant and class, 1,000 at
    // most per bucket), so the sweep deletes what each job's schedule says is due (core/retention).
    // Runs may overlap (an async invocation is delivered at least once, and retried): the sweep is safe for that (docs/retention.md).
    new Rule(this, 'RetentionSweepRule', {
      description: 'Every hour: retention-sweep deletes uploads, job outputs and job records past their tenant\'s retention.',
      schedule: Schedule.rate(Duration.hours(1)),
      targets: [new LambdaFunction(functions['retention-sweep'], { retryAttempts: 2 })],
    });
    // Note: a job that fails on bad input also ends in the Fail state, so this counts those too.
    const executionsFailed = this.stateMachine.metricFailed({ period: Duration.minutes(5), statistic: 'Sum' }).createAlarm(this, 'PipelineExecutionsFailedAlarm', {
      alarmDescription: 'Pipeline executions failed (ExecutionsFailed > 0): see the job records for type and stage.',
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    executionsFailed.addAlarmAction(new SnsAction(stateful.alarmTopic));
    // The job failure rate alarm and the operations dashboard, over the metrics the functions emit.
    new ServiceMonitoring(this, 'Monitoring', {
      prefix,
      functions,
      stateMachine: this.stateMachine,
      deadLetterQueues: { events: stateful.eventsDeadLetterQueue, webhooks: stateful.webhooksDeadLetterQueue, progress: stateful.progressDeadLetterQueue },
      alarmTopic: stateful.alarmTopic,
      otherAlarms: [executionsFailed],
    });

    // ---- Bindings: env var + grant in one call each ----------------------------------------
    const pipelineByName = StateMachine.fromStateMachineName(this, 'PipelineByName', pipelineName);
    for (const [fn, spec] of Object.entries(FUNCTIONS) as [FunctionName, FunctionSpec][]) {
      const lambda = functions[fn];
      for (const [key, access] of Object.entries(spec.tables) as [TableKey, DataAccess][]) {
        bindTable(lambda, stateful.tables[key], access);
      }
      if (spec.uploadBucket) bindBucket(lambda, ENV.uploadBucket, stateful.uploadBucket, spec.uploadBucket);
      if (spec.eventsQueue) bindQueue(lambda, ENV.eventsQueueUrl, stateful.eventsQueue, spec.eventsQueue);
      for (const access of spec.webhooksQueue ?? []) bindQueue(lambda, ENV.webhooksQueueUrl, stateful.webhooksQueue, access);
      if (spec.queueDepths) {
        bindQueue(lambda, ENV.eventsQueueUrl, stateful.eventsQueue, 'depth');
        bindQueue(lambda, ENV.webhooksQueueUrl, stateful.webhooksQueue, 'depth');
        bindQueue(lambda, ENV.eventsDlqUrl, stateful.eventsDeadLetterQueue, 'depth');
        bindQueue(lambda, ENV.webhooksDlqUrl, stateful.webhooksDeadLetterQueue, 'depth');
      }
      // The secret's ARN only: its value never reaches the template or the function's configuration.
      if (spec.usesAi) bindSecret(lambda, ENV.anthropicApiKeySecretArn, stateful.anthropicApiKeySecret);
      if (spec.sealsWebhookSecrets) bindSealingKey(lambda, ENV.webhookSecretsKeyArn, stateful.webhookSecretsKey);
      // A function the state machine invokes (job-status) reaches it by an ARN built from its
      // name: a reference to the machine itself would make the two depend on each other.
      const machine = (Object.values(PIPELINE_FUNCTIONS) as FunctionName[]).includes(fn) ? pipelineByName : this.stateMachine;
      if (spec.stateMachine) bindStateMachine(lambda, ENV.stateMachineArn, machine, spec.stateMachine);
      if (spec.reportsProgress) bindQueue(lambda, ENV.progressQueueUrl, stateful.progressQueue, 'send');
      if (spec.progressQueue) bindQueue(lambda, ENV.progressQueueUrl, stateful.progressQueue, spec.progressQueue);
      if (spec.postsToConnections) bindWebSocketManagement(lambda, this.webSocketStage);
    }

    // ---- Queue consumers: the same list the local stack polls ------------------------------
    const queues = { events: stateful.eventsQueue, webhooks: stateful.webhooksQueue, progress: stateful.progressQueue };
    for (const consumer of QUEUE_CONSUMERS) {
      functions[consumer.fn].addEventSource(
        new SqsEventSource(queues[consumer.queue], { batchSize: consumer.batchSize, reportBatchItemFailures: true }),
      );
    }

    // ---- Direct uploads: the bucket's Object Created events, the same prefixes the local S3 serves
    for (const consumer of OBJECT_CREATED_CONSUMERS) {
      new Rule(this, `ObjectCreated${pascalCase(consumer.fn)}Rule`, {
        description: `Files created under ${consumer.prefix} in the upload bucket -> ${consumer.fn}`,
        eventPattern: {
          source: ['aws.s3'],
          detailType: ['Object Created'],
          detail: { bucket: { name: [stateful.uploadBucket.bucketName] }, object: { key: [{ prefix: consumer.prefix }] } },
        },
        // EventBridge retries a failed invoke; a repeated event starts nothing (one job per write).
        targets: [new LambdaFunction(functions[consumer.fn], { retryAttempts: 8, maxEventAge: Duration.hours(24) })],
      });
    }

    // ---- The web console (S3 + CloudFront), told where the two APIs are ----------------------
    this.console = new ConsoleSite(this, 'Console', {
      apiUrl: this.httpApi.apiEndpoint,
      wsUrl: this.webSocketStage.url,
      uploadBucket: stateful.uploadBucket,
    });

    // ---- Outputs (read by the CLI's --endpoint users and by operators) ----------------------
    new CfnOutput(this, 'HttpApiUrl', { value: this.httpStage.url, description: 'HTTP API base URL (routes under /v1)' });
    new CfnOutput(this, 'WebSocketUrl', { value: this.webSocketStage.url, description: 'WebSocket URL (?token=<api key>)' });
    new CfnOutput(this, 'StateMachineArn', { value: this.stateMachine.stateMachineArn });
    new CfnOutput(this, 'UploadBucketName', { value: stateful.uploadBucket.bucketName });
  }
}

/** "GET /v1/jobs/{jobId}" -> [HttpMethod.GET, "/v1/jobs/{jobId}"]; a typo fails the synth. */
function parseRouteKey(routeKey: string): [HttpMethod, string] {
  const match = /^([A-Z]+) (\/\S*)$/.exec(routeKey);
  const method = match?.[1];
  const path = match?.[2];
  if (!method || !path || !(Object.values(HttpMethod) as string[]).includes(method)) {
    throw new Error(`Malformed HTTP route key "${routeKey}": expected "<METHOD> /path"`);
  }
  return [method as HttpMethod, path];
}

const pipelineNameFor = (prefix: string) => `${prefix}-pipeline`;
