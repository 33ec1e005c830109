import './polyfills.ts';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startLocalS3 } from './s3/local-s3.ts';
import { startLocalDynamo, ensureTables } from './dynamodb.ts';
import { startLocalSqs } from './sqs.ts';
import { startLocalKms } from './kms.ts';
import { startLocalStepFunctions, type TaskHandler } from './stepfunctions/local-sfn.ts';
import { startLocalHttpApi, type HttpHandler } from './apigateway/http-api.ts';
import { startLocalWebSocketApi, type WsAuthorizerHandler, type WsHandler } from './apigateway/websocket-api.ts';
import { ENV } from '../functions/shared/env-names.ts';
import { TABLES } from '../functions/shared/tables.ts';
import { HTTP_ROUTES, OBJECT_CREATED_CONSUMERS, PIPELINE_FUNCTIONS, QUEUE_CONSUMERS, WS_AUTHORIZER, WS_ROUTES, functionEntry, type FunctionName } from '../functions/shared/routes.ts';
import { createObjectCreatedDelivery, type ObjectCreatedDelivery, type ObjectCreatedHandler } from './object-created-events.ts';
import { startQueuePoller, type SqsHandler } from './sqs-event-source.ts';
import { createPipelineWorkers } from './pipeline-workers.ts';
import { fixHeapGrowingFactor } from './gc-tuning.ts';
import { PROJECT_ROOT } from '../lib/project-paths.ts';
import { API_CORS } from '../lib/api-cors.ts';
import { pipelineSubstitutions, readPipelineAsl, substitutePlaceholders } from '../lib/pipeline-definition.ts';
import { CONSOLE_PATH, consoleSite, type ConsoleConfig } from './console-site.ts';
import { scheduleRetentionSweep } from './retention-schedule.ts';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';
/** physical-name prefix of the local stack's tables, queues and bucket (an operator's CLI reaches its tables by it) */
export const LOCAL_PREFIX = 'afp-local';
const PREFIX = LOCAL_PREFIX;
const BUCKET = `${PREFIX}-uploads`;
const STATE_MACHINE = `${PREFIX}-pipeline`;
/**
 * Every server of the stack listens here and nowhere else: none of them checks who calls
 * (s3rver takes any signature, fauxqs and dynalite any key, the Step Functions endpoint
 * none), so reachable from the network they would hand out every tenant's files and
 * jobs, and take forged events.
 */
const LOOPBACK = '127.0.0.1';
export const DEV_TENANT = 'dev';
/** The local dev key serves a whole web app under development; it gets a roomy limit. */
const DEV_KEY_RPS = 1000;
/** how often the local stack sweeps admissions (AWS: every 5 minutes) */
const SWEEP_INTERVAL_MS = 60_000;

export interface LocalStackOptions {
  /** where S3 objects and DynamoDB tables live; survives restarts */
  dataDir: string;
  /** fixed HTTP port (WebSocket gets the next one); 0 or absent = random ports */
  port?: number;
  /** CORS origins for the HTTP API and the bucket (browser uploads) */
  allowedOrigins?: string[];
  /** start the worker threads now, as a server waiting for jobs would (default: at the first job) */
  warmWorkers?: boolean;
  /** a built web console (console/dist) to serve under /console/ at the API's origin */
  consoleDist?: string;
  /** print the functions' metrics as EMF lines on stdout, as Lambda writes them to CloudWatch Logs (the CLI's --verbose); silent otherwise */
  printMetrics?: boolean;
}

export interface LocalStack {
  httpUrl: string;
  wsUrl: string;
  /** the dev admin key of tenant "dev" (kept in the data folder so it survives restarts) */
  apiKey: string;
  bucket: string;
  /** the local S3 (path-style; access key id and secret S3RVER): files put under inbox/<tenant>/ start jobs */
  s3Endpoint: string;
  /** the web console's URL, when consoleDist was given */
  consoleUrl?: string;
  /** the local DynamoDB (dynalite): the operator's `admin` commands reach a running stack's tables through it */
  dynamoEndpoint: string;
  /**
   * Resolves once no pipeline execution runs, so a command that started or resumed a job can
   * stop the stack without aborting it; `onWait` is called first when one does. A job waiting
   * for a slot (queued) is not waited for: the next stack on the folder starts it.
   */
  settle(onWait?: (running: number) => void): Promise<void>;
  close(): Promise<void>;
}

let running = false;

/** What the stack has started, stopped in reverse order by close(). */
type Closers = (() => Promise<void>)[];

/**
 * Boot the embedded local stack: real protocol servers in-process (s3rver, dynalite,
 * fauxqs, the ASL interpreter behind a Step Functions endpoint, API Gateway HTTP and
 * WebSocket adapters) and the same handlers that run on AWS, reached through the SDK's
 * endpoint-override variables. One per process: handlers read their config at load.
 */
export async function startLocalStack(opts: LocalStackOptions): Promise<LocalStack> {
  if (running) throw new Error('A local stack is already running in this process');
  running = true;
  fixHeapGrowingFactor();
  const dataDir = resolve(opts.dataDir);
  await mkdir(join(dataDir, 's3'), { recursive: true });
  await mkdir(join(dataDir, 'dynamodb'), { recursive: true });
  const closers: Closers = [];
  const close = async () => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
    running = false;
  };
  try {
    // The bucket's Object Created events go where the EventBridge rules send them on AWS.
    const objectEvents = createObjectCreatedDelivery({
      bucket: BUCKET,
      consumers: OBJECT_CREATED_CONSUMERS,
      loadHandler: (fn) => loadHandler<ObjectCreatedHandler>(fn as FunctionName),
    });
    const emulators = await startEmulators(dataDir, opts, objectEvents, closers);
    await exportServiceEnv(emulators, opts.printMetrics === true);
    const ws = await startLocalWebSocketApi({
      host: LOOPBACK,
      port: opts.port ? opts.port + 1 : 0,
      stage: 'local',
      routes: WS_ROUTES,
      loadHandler: () => loadHandler<WsHandler>('ws'),
      authorizer: { identitySource: WS_AUTHORIZER.identitySource, functionName: WS_AUTHORIZER.fn, loadHandler: () => loadHandler<WsAuthorizerHandler>(WS_AUTHORIZER.fn) },
    });
    closers.push(() => ws.close());
    process.env[ENV.wsManagementEndpoint] = ws.managementEndpoint;

    const taskHandlers = await pipelineTaskHandlers(opts, closers);
    // EventBridge's execution status changes, delivered to the watchdog as the CDK rule does.
    const jobStatus = taskHandlers[arnOf('job-status')]!;
    const sfn = await startLocalStepFunctions({
      host: LOOPBACK,
      dataDir: join(dataDir, 'stepfunctions'),
      region: REGION,
      accountId: ACCOUNT,
      stateMachines: [{ name: STATE_MACHINE, definition: substitutePlaceholders(readPipelineAsl(), pipelineSubstitutions(arnOf)) }],
      taskHandlers,
      onExecutionEnded: async (detail) => {
        await jobStatus({ version: '0', source: 'aws.states', 'detail-type': 'Step Functions Execution Status Change', detail });
      },
    });
    closers.push(() => sfn.close());
    process.env.AWS_ENDPOINT_URL_SFN = sfn.endpoint;
    process.env[ENV.stateMachineArn] = sfn.stateMachineArn(STATE_MACHINE);

    const http = await startHttpApi(opts, emulators.s3.endpoint, ws.url, closers);
    startQueuePollers(emulators.sqs, closers);
    scheduleAdmissionSweep(jobStatus, closers);

    closers.push(scheduleRetentionSweep(PROJECT_ROOT));
    // first to stop: deliveries in flight finish while the servers they need still run
    closers.push(() => objectEvents.drain());
    const apiKey = await ensureDevApiKey(dataDir);
    const consoleUrl = opts.consoleDist ? `${http.url}${CONSOLE_PATH}` : undefined;
    return {
      httpUrl: http.url,
      wsUrl: ws.url,
      apiKey,
      bucket: BUCKET,
      s3Endpoint: emulators.s3.endpoint,
      dynamoEndpoint: emulators.dynamo.endpoint,
      ...(consoleUrl && { consoleUrl }),
      async settle(onWait) {
        const runningNow = sfn.runningExecutions();
        if (runningNow > 0) onWait?.(runningNow);
        await sfn.waitForIdle();
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

const arnOf = (fn: FunctionName) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${PREFIX}-${fn}`;

interface Emulators {
  s3: { endpoint: string };
  dynamo: { endpoint: string };
  sqs: { endpoint: string; queueUrls: Record<string, string> };
  kms: { endpoint: string; keyArn: string };
}

/** The AWS services' stand-ins (S3, DynamoDB, SQS, KMS), each on a random loopback port. */
async function startEmulators(dataDir: string, opts: LocalStackOptions, objectEvents: ObjectCreatedDelivery, closers: Closers): Promise<Emulators> {
  const s3 = await startLocalS3({
    dataDir: join(dataDir, 's3'),
    host: LOOPBACK,
    buckets: [BUCKET],
    allowedOrigins: opts.allowedOrigins ?? ['*'],
    silent: true,
    onObjectCreated: (event) => objectEvents.deliver(event),
  });
  closers.push(() => s3.close());
  const dynamo = await startLocalDynamo({ dataDir: join(dataDir, 'dynamodb'), host: LOOPBACK });
  closers.push(() => dynamo.close());
  const sqs = await startLocalSqs({
    host: LOOPBACK,
    queues: QUEUE_CONSUMERS.map((c) => ({ name: `${PREFIX}-${c.queue}`, maxReceiveCount: 5, fifo: 'fifo' in c && c.fifo })),
  });
  closers.push(() => sqs.close());
  const kms = await startLocalKms({ dataDir, host: LOOPBACK, region: REGION, accountId: ACCOUNT });
  closers.push(() => kms.close());
  return { s3, dynamo, sqs, kms };
}

/**
 * Create the tables and point the handlers (which run in this process) at the emulators:
 * the SDK's AWS_ENDPOINT_URL_* variables and the names CDK would set on each function.
 */
async function exportServiceEnv({ s3, dynamo, sqs, kms }: Emulators, printMetrics: boolean): Promise<void> {
  const tables = Object.values(TABLES).map((design) => ({ design, tableName: `${PREFIX}-${design.name}` }));
  await ensureTables(dynamo.endpoint, tables);
  Object.assign(process.env, {
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    // s3rver only accepts this access key; the other local servers accept any.
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_SQS: sqs.endpoint,
    AWS_ENDPOINT_URL_KMS: kms.endpoint,
    [ENV.webhookSecretsKeyArn]: kms.keyArn,
    [ENV.s3ForcePathStyle]: 'true',
    [ENV.uploadBucket]: BUCKET,
    [ENV.eventsQueueUrl]: sqs.queueUrls[`${PREFIX}-events`],
    [ENV.webhooksQueueUrl]: sqs.queueUrls[`${PREFIX}-webhooks`],
    [ENV.eventsDlqUrl]: sqs.queueUrls[`${PREFIX}-events-dlq`],
    [ENV.webhooksDlqUrl]: sqs.queueUrls[`${PREFIX}-webhooks-dlq`],
    [ENV.progressQueueUrl]: sqs.queueUrls[`${PREFIX}-progress`],
    // Local development and tests deliver webhooks to receivers on this machine.
    [ENV.allowLoopbackWebhooks]: 'true',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'ERROR',
    POWERTOOLS_DEV: 'true',
    // Powertools Metrics is off in dev mode unless this says otherwise (functions/shared/metrics.ts)
    POWERTOOLS_METRICS_DISABLED: printMetrics ? 'false' : 'true',
    // no X-Ray daemon here: nothing may try to send a segment (functions/shared/tracer.ts)
    POWERTOOLS_TRACE_ENABLED: 'false',
  });
  delete process.env.AWS_PROFILE;
  for (const t of tables) process.env[t.design.envName] = t.tableName;
}

/**
 * The state machine's Task handlers, keyed by the ARN its definition names. Classify, Parse
 * and Enrich run in worker threads (see pipeline-workers.ts). Unless warmWorkers asks for it
 * now, the worker functions are bundled and the Enrich workers warmed when the first pipeline
 * stage runs: most CLI commands boot the stack and run no job (it cost them ~0.7 s and ~70 MB).
 */
async function pipelineTaskHandlers(opts: LocalStackOptions, closers: Closers): Promise<Record<string, TaskHandler>> {
  const taskHandlers: Record<string, TaskHandler> = {};
  const workers = createPipelineWorkers(PROJECT_ROOT);
  if (workers) closers.push(() => workers.close());
  for (const fn of new Set(Object.values(PIPELINE_FUNCTIONS))) {
    const inWorker = workers?.taskHandler(fn);
    if (inWorker) {
      taskHandlers[arnOf(fn)] = inWorker;
      continue;
    }
    const handler = await loadHandler<TaskHandler>(fn);
    // A pipeline stage starts the workers' warm-up; job-status does not: it records how
    // a job ended (and is the watchdog, called at start-up for executions a killed stack
    // left behind), and no Enrich follows it.
    taskHandlers[arnOf(fn)] =
      workers && fn !== 'job-status'
        ? (input) => {
            workers.prepare().catch(() => undefined); // a worker task reports the failure
            return handler(input);
          }
        : handler;
  }
  if (workers && opts.warmWorkers) await workers.prepare();
  return taskHandlers;
}

/** The HTTP API adapter, with the CDK stack's CORS settings and, when asked, the web console at its origin. */
async function startHttpApi(opts: LocalStackOptions, s3Endpoint: string, wsUrl: string, closers: Closers) {
  // known once the HTTP API listens; the console asks for it only after that
  const consoleConfig: { current?: ConsoleConfig } = {};
  const http = await startLocalHttpApi({
    host: LOOPBACK,
    port: opts.port ?? 0,
    routes: HTTP_ROUTES,
    ...(opts.consoleDist && { site: consoleSite(opts.consoleDist, () => consoleConfig.current!, new URL(s3Endpoint).origin) }),
    loadHandler: (fn) => loadHandler<HttpHandler>(fn),
    cors: {
      allowOrigins: opts.allowedOrigins ?? ['*'],
      allowHeaders: [...API_CORS.allowHeaders],
      allowMethods: [...API_CORS.allowMethods],
      exposeHeaders: [...API_CORS.exposeHeaders],
      maxAge: API_CORS.maxAgeSeconds,
    },
  });
  closers.push(() => http.close());
  consoleConfig.current = { apiUrl: http.url, wsUrl };
  return http;
}

/** The SQS event source mappings: each queue's consumer polled as Lambda would. */
function startQueuePollers(sqs: Emulators['sqs'], closers: Closers): void {
  for (const consumer of QUEUE_CONSUMERS) {
    const name = `${PREFIX}-${consumer.queue}`;
    const pollers = 'localPollers' in consumer ? consumer.localPollers : 1;
    for (let i = 0; i < pollers; i++) {
      const poller = startQueuePoller({
        endpoint: sqs.endpoint,
        queueUrl: sqs.queueUrls[name]!,
        queueArn: `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}${'fifo' in consumer && consumer.fifo ? '.fifo' : ''}`,
        batchSize: consumer.batchSize,
        functionName: `${PREFIX}-${consumer.fn}`,
        loadHandler: () => loadHandler<SqsHandler>(consumer.fn),
      });
      closers.push(() => poller.stop());
    }
  }
}

/**
 * The schedule that runs the admission sweep on AWS (job-status, every 5 minutes): here at
 * start, for slots a killed stack left held, then every minute.
 */
function scheduleAdmissionSweep(jobStatus: TaskHandler, closers: Closers): void {
  const sweep = () => jobStatus({ version: '0', source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} }).catch(() => undefined);
  let sweeping = sweep();
  const sweepTimer = setInterval(() => (sweeping = sweeping.then(sweep)), SWEEP_INTERVAL_MS);
  sweepTimer.unref();
  closers.push(async () => {
    clearInterval(sweepTimer);
    await sweeping;
  });
}

/** Import a function's handler exactly as Lambda would load its entry file. */
async function loadHandler<T>(fn: FunctionName): Promise<T> {
  const mod = (await import(pathToFileURL(join(PROJECT_ROOT, functionEntry(fn))).href)) as { handler: T };
  return mod.handler;
}

/** The dev admin key: created once per data folder, stored hashed in the table like any key. */
async function ensureDevApiKey(dataDir: string): Promise<string> {
  const { apiKeyStore } = await import('../functions/adapters/api-key-store.ts');
  const file = join(dataDir, 'dev-api-key.json');
  if (existsSync(file)) {
    const saved = JSON.parse(await readFile(file, 'utf8')) as { apiKey: string; keyId: string };
    await apiKeyStore.storeExisting(saved.apiKey, saved.keyId, { tenantId: DEV_TENANT, role: 'admin', name: 'local dev key', rateLimitRps: DEV_KEY_RPS });
    return saved.apiKey;
  }
  const issued = await apiKeyStore.issue({ tenantId: DEV_TENANT, role: 'admin', name: 'local dev key', rateLimitRps: DEV_KEY_RPS });
  await writeFile(file, JSON.stringify(issued), { mode: 0o600 });
  return issued.apiKey;
}

/** Issue an extra API key on a running local stack (tests use one tenant each). */
export async function issueApiKey(tenantId: string, role: 'admin' | 'member' | 'viewer' = 'admin', opts: { rateLimitRps?: number } = {}): Promise<string> {
  const { apiKeyStore } = await import('../functions/adapters/api-key-store.ts');
  return (await apiKeyStore.issue({ tenantId, role, rateLimitRps: opts.rateLimitRps })).apiKey;
}
