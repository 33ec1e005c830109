// The interpreter needs Promise.withResolvers, which Node 20 lacks.
import '../polyfills.ts';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ExecutionAbortedError,
  ExecutionError,
  ExecutionTimeoutError,
  StateMachine,
  type StateMachineDefinition,
} from 'aws-local-stepfunctions';
import { closeServer, listen, readBody } from '../http-server.ts';
import { buildLocalHandlers, collectTaskResources, type TaskHandler } from './task-handlers.ts';
import { toHistoryEvents, type HistoryEvent, type HistoryEventBody } from './history.ts';

/*
 * A thin AWS Step Functions endpoint (AWS JSON 1.0, `X-Amz-Target: AWSStepFunctions.<Op>`)
 * over aws-local-stepfunctions, so the ordinary SFNClient with an endpoint override starts
 * and inspects executions of the same ASL file that runs on AWS. Tasks run in-process
 * through handlers keyed by their Lambda ARN.
 */

export type { TaskHandler } from './task-handlers.ts';
export type { HistoryEvent } from './history.ts';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface ExecutionEvent {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  event: HistoryEvent;
}

export interface LocalSfnOptions {
  port?: number;
  host?: string;
  /** default us-east-1 */
  region?: string;
  /** default 000000000000 */
  accountId?: string;
  stateMachines: { name: string; /** ASL JSON text, placeholders already substituted */ definition: string }[];
  /** in-process handlers keyed by the Task's Resource (a Lambda function ARN) */
  taskHandlers: Record<string, TaskHandler>;
  /** called for every history event, e.g. to log state transitions */
  onExecutionEvent?: (e: ExecutionEvent) => void;
  /** when set, execution summaries and histories are kept in <dataDir>/executions.json across restarts */
  dataDir?: string;
  /**
   * Told once of every execution that ended other than SUCCEEDED (failed, timed out,
   * aborted: also by a stopped or killed stack, told at the next start), as EventBridge's
   * "Step Functions Execution Status Change" tells a subscriber on AWS.
   */
  onExecutionEnded?: (e: EndedExecution) => Promise<void>;
}

export interface EndedExecution {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: Exclude<ExecutionStatus, 'RUNNING' | 'SUCCEEDED'>;
  input: string;
  error?: string;
  cause?: string;
}

export interface LocalStepFunctions {
  endpoint: string;
  port: number;
  stateMachineArn(name: string): string;
  /** resolves once no execution is running */
  waitForIdle(): Promise<void>;
  /** how many executions are running now */
  runningExecutions(): number;
  /** aborts running executions, then stops the server */
  close(): Promise<void>;
}

interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  input: string;
  output?: string;
  /** epoch ms */
  startDate: number;
  stopDate?: number;
  error?: string;
  cause?: string;
  history: HistoryEvent[];
  /** onExecutionEnded has been told of this execution's end */
  announced?: boolean;
}

interface Running {
  stop(): void;
  settled: Promise<void>;
  stopReason: { error?: string; cause?: string };
}

interface LoadedMachine {
  arn: string;
  name: string;
  definition: string;
  machine: StateMachine;
  resources: Map<string, string>;
  creationDate: number;
}

class SfnError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const validated = new Set<string>();
const MAX_INPUT_BYTES = 256 * 1024;
const MAX_REQUEST_BYTES = 1024 * 1024;
// Step Functions' rule for execution names: 1-80 characters, no whitespace, brackets,
// wildcards, punctuation that is special in ARNs/URLs, or control characters.
const INVALID_NAME_CHAR = /[\s<>{}[\]?*"#%\\^|~`$&,;:/]/;
const isControl = (c: string): boolean => c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f);
const isValidName = (name: string): boolean => name.length >= 1 && name.length <= 80 && !INVALID_NAME_CHAR.test(name) && ![...name].some(isControl);

const epochSeconds = (ms: number): number => ms / 1000;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function str(body: Record<string, unknown>, key: string, required: true): string;
function str(body: Record<string, unknown>, key: string, required?: false): string | undefined;
function str(body: Record<string, unknown>, key: string, required = false): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) {
    if (required) throw new SfnError('ValidationException', `1 validation error detected: Value null at '${key}' failed to satisfy constraint: Member must not be null`);
    return undefined;
  }
  if (typeof v !== 'string') throw new SfnError('ValidationException', `Value at '${key}' must be a string`);
  return v;
}

function page<T>(items: T[], body: Record<string, unknown>): { items: T[]; nextToken?: string } {
  const max = typeof body.maxResults === 'number' && body.maxResults > 0 ? Math.min(body.maxResults, 1000) : 100;
  let start = 0;
  const token = str(body, 'nextToken');
  if (token !== undefined) {
    start = Number(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Number.isInteger(start) || start < 0) throw new SfnError('InvalidToken', `Invalid Token: '${token}'`);
  }
  const end = start + max;
  return { items: items.slice(start, end), nextToken: end < items.length ? Buffer.from(String(end)).toString('base64url') : undefined };
}

export async function startLocalStepFunctions(o: LocalSfnOptions): Promise<LocalStepFunctions> {
  const region = o.region ?? 'us-east-1';
  const accountId = o.accountId ?? '000000000000';
  const roleArn = `arn:aws:iam::${accountId}:role/local-stepfunctions`;
  const machines = new Map<string, LoadedMachine>();
  const smArn = (name: string): string => `arn:aws:states:${region}:${accountId}:stateMachine:${name}`;

  for (const sm of o.stateMachines) {
    const placeholder = /\$\{[^}]+\}/.exec(sm.definition);
    if (placeholder) throw new Error(`State machine ${sm.name}: placeholder ${placeholder[0]} was not substituted`);
    const definition = JSON.parse(sm.definition) as StateMachineDefinition;
    const resources = collectTaskResources(definition);
    // Fail now, not in the middle of someone's job, when a Task has no handler.
    const missing = [...resources].filter(([, resource]) => !o.taskHandlers[resource]);
    if (missing.length > 0) {
      throw new Error(`State machine ${sm.name}: no task handler for ${missing.map(([state, res]) => `${res} (state ${state})`).join(', ')}`);
    }
    // Validates like CreateStateMachine does (asl-validator); throws on an invalid definition.
    // Validation costs ~300 ms, so a text already validated in this process is trusted.
    const machine = new StateMachine(definition, { validationOptions: validated.has(sm.definition) ? { noValidate: true } : { checkArn: true, checkPaths: true } });
    validated.add(sm.definition);
    machines.set(smArn(sm.name), { arn: smArn(sm.name), name: sm.name, definition: sm.definition, machine, resources, creationDate: Date.now() });
  }

  const executions = new Map<string, ExecutionRecord>();
  const running = new Map<string, Running>();
  const store = o.dataDir ? executionStore(o.dataDir) : undefined;
  for (const record of (await store?.load()) ?? []) {
    if (record.status === 'RUNNING') {
      // The interpreter's state died with the previous process; nothing can resume it.
      Object.assign(record, { status: 'ABORTED', stopDate: Date.now(), error: 'States.Runtime', cause: 'The local stack stopped while this execution was running' });
    }
    executions.set(record.executionArn, record);
  }
  const persist = (): void => store?.save([...executions.values()]);
  const announcing = new Set<Promise<void>>();
  const announce = (r: ExecutionRecord): void => {
    if (!o.onExecutionEnded || r.announced || r.status === 'RUNNING' || r.status === 'SUCCEEDED') return;
    const { executionArn, stateMachineArn, name, status, input, error, cause } = r;
    const told = o
      .onExecutionEnded({ executionArn, stateMachineArn, name, status, input, ...(error !== undefined && { error }), ...(cause !== undefined && { cause }) })
      .then(() => {
        r.announced = true;
        persist();
      })
      .catch((err: unknown) => console.error('[local-sfn] onExecutionEnded hook failed; retried at the next start', err))
      .finally(() => announcing.delete(told));
    announcing.add(told);
  };

  const emit = (record: ExecutionRecord, bodies: HistoryEventBody[]): void => {
    for (const body of bodies) {
      const id = record.history.length + 1;
      const event: HistoryEvent = { ...body, id, previousEventId: id - 1 };
      record.history.push(event);
      try {
        o.onExecutionEvent?.({ executionArn: record.executionArn, stateMachineArn: record.stateMachineArn, name: record.name, event });
      } catch (err) {
        console.error('[local-sfn] onExecutionEvent hook threw', err);
      }
    }
  };

  function finish(record: ExecutionRecord, outcome: { ok: true; output: unknown } | { ok: false; error: unknown }): void {
    running.delete(record.executionArn);
    // A stopped execution already holds its outcome (StopExecution or close wrote it).
    if (record.status === 'RUNNING') Object.assign(record, { stopDate: Date.now(), ...outcomeFields(outcome) });
    persist();
    announce(record);
  }

  function startExecution(body: Record<string, unknown>): unknown {
    const stateMachineArn = str(body, 'stateMachineArn', true);
    const sm = machines.get(stateMachineArn);
    if (!sm) throw new SfnError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
    const name = str(body, 'name') ?? randomUUID();
    if (!isValidName(name)) throw new SfnError('InvalidName', `Invalid Name: '${name}'`);
    const input = str(body, 'input') ?? '{}';
    if (Buffer.byteLength(input) > MAX_INPUT_BYTES) throw new SfnError('InvalidExecutionInput', `Execution input exceeds ${MAX_INPUT_BYTES} bytes`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(input);
    } catch {
      throw new SfnError('InvalidExecutionInput', `Invalid State Machine Execution Input: '${input.slice(0, 100)}'`);
    }
    const executionArn = `arn:aws:states:${region}:${accountId}:execution:${sm.name}:${name}`;
    const existing = executions.get(executionArn);
    if (existing) {
      // AWS: the same name and input while running is an idempotent retry of the call.
      if (existing.status === 'RUNNING' && existing.input === input) return { executionArn, startDate: epochSeconds(existing.startDate) };
      throw new SfnError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }

    const record: ExecutionRecord = { executionArn, stateMachineArn, name, status: 'RUNNING', input, startDate: Date.now(), history: [] };
    executions.set(executionArn, record);
    const controller = new AbortController();
    const stopReason: Running['stopReason'] = {};
    const run = sm.machine.run(parsed as Parameters<StateMachine['run']>[0], {
      overrides: { taskResourceLocalHandlers: buildLocalHandlers(sm.resources, o.taskHandlers, controller.signal) },
      // What $$.Execution / $$.StateMachine hold on AWS.
      context: {
        Execution: { Id: executionArn, Name: name, RoleArn: roleArn },
        StateMachine: { Id: stateMachineArn, Name: sm.name },
      },
    });
    const historyContext = { resources: sm.resources, roleArn, stopReason, caught: new Set<string>() };
    const drained = (async () => {
      for await (const event of run.eventLogs) emit(record, toHistoryEvents(event, historyContext));
    })().catch((err: unknown) => console.error('[local-sfn] event log failed', err));
    const outcome = run.result.then(
      (output) => ({ ok: true as const, output }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    const settled = Promise.all([outcome, drained])
      .then(([result]) => finish(record, result))
      .catch((err: unknown) => console.error('[local-sfn] could not record the outcome', err));
    running.set(executionArn, {
      stopReason,
      settled,
      stop: () => {
        run.abort();
        controller.abort();
      },
    });
    persist();
    return { executionArn, startDate: epochSeconds(record.startDate) };
  }

  function getExecution(body: Record<string, unknown>): ExecutionRecord {
    const arn = str(body, 'executionArn', true);
    if (!arn.startsWith('arn:aws:states:')) throw new SfnError('InvalidArn', `Invalid Arn: '${arn}'`);
    const record = executions.get(arn);
    if (!record) throw new SfnError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return record;
  }

  function getMachine(body: Record<string, unknown>): LoadedMachine {
    const arn = str(body, 'stateMachineArn', true);
    if (!arn.startsWith('arn:aws:states:')) throw new SfnError('InvalidArn', `Invalid Arn: '${arn}'`);
    const sm = machines.get(arn);
    if (!sm) throw new SfnError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    return sm;
  }

  const summary = (r: ExecutionRecord) => ({
    executionArn: r.executionArn,
    stateMachineArn: r.stateMachineArn,
    name: r.name,
    status: r.status,
    startDate: epochSeconds(r.startDate),
    ...(r.stopDate !== undefined && { stopDate: epochSeconds(r.stopDate) }),
  });

  const operations: Record<string, (body: Record<string, unknown>) => unknown> = {
    StartExecution: startExecution,
    DescribeExecution(body) {
      const r = getExecution(body);
      return {
        ...summary(r),
        input: r.input,
        inputDetails: { included: true },
        ...(r.output !== undefined && { output: r.output, outputDetails: { included: true } }),
        ...(r.error !== undefined && { error: r.error }),
        ...(r.cause !== undefined && { cause: r.cause }),
      };
    },
    StopExecution(body) {
      const r = getExecution(body);
      const run = running.get(r.executionArn);
      if (r.status === 'RUNNING' && run) {
        r.status = 'ABORTED';
        r.stopDate = Date.now();
        r.error = str(body, 'error');
        r.cause = str(body, 'cause');
        Object.assign(run.stopReason, { error: r.error, cause: r.cause });
        run.stop();
        persist();
      }
      return { stopDate: epochSeconds(r.stopDate ?? Date.now()) };
    },
    ListExecutions(body) {
      const sm = getMachine(body);
      const status = str(body, 'statusFilter');
      const list = [...executions.values()]
        .filter((r) => r.stateMachineArn === sm.arn && (status === undefined || r.status === status))
        .sort((a, b) => b.startDate - a.startDate);
      const { items, nextToken } = page(list, body);
      return { executions: items.map(summary), ...(nextToken && { nextToken }) };
    },
    GetExecutionHistory(body) {
      const r = getExecution(body);
      const events = body.reverseOrder === true ? [...r.history].reverse() : r.history;
      const { items, nextToken } = page(events, body);
      return { events: items, ...(nextToken && { nextToken }) };
    },
    DescribeStateMachine(body) {
      const sm = getMachine(body);
      return {
        stateMachineArn: sm.arn,
        name: sm.name,
        status: 'ACTIVE',
        definition: sm.definition,
        roleArn,
        type: 'STANDARD',
        creationDate: epochSeconds(sm.creationDate),
        loggingConfiguration: { level: 'OFF', includeExecutionData: false },
        tracingConfiguration: { enabled: false },
      };
    },
    ListStateMachines(body) {
      const { items, nextToken } = page([...machines.values()], body);
      return {
        stateMachines: items.map((sm) => ({ stateMachineArn: sm.arn, name: sm.name, type: 'STANDARD', creationDate: epochSeconds(sm.creationDate) })),
        ...(nextToken && { nextToken }),
      };
    },
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[local-sfn] request failed', err);
      if (!res.headersSent) send(res, 500, { __type: 'InternalFailure', message: 'Internal failure' });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req, MAX_REQUEST_BYTES);
    const target = req.headers['x-amz-target'];
    const op = typeof target === 'string' && target.startsWith('AWSStepFunctions.') ? target.slice('AWSStepFunctions.'.length) : undefined;
    const operation = req.method === 'POST' && op !== undefined ? operations[op] : undefined;
    if (!operation) return sendError(res, new SfnError('UnknownOperationException', `Unknown operation: ${String(target)}`));
    if (raw === undefined) return sendError(res, new SfnError('ValidationException', 'Request body too large', 413));
    let body: unknown;
    try {
      body = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
    } catch {
      return sendError(res, new SfnError('SerializationException', 'Request body is not valid JSON'));
    }
    if (!isRecord(body)) return sendError(res, new SfnError('SerializationException', 'Request body must be a JSON object'));
    try {
      send(res, 200, operation(body));
    } catch (err) {
      if (err instanceof SfnError) return sendError(res, err);
      throw err;
    }
  }

  const port = await listen(server, o.port ?? 0, o.host ?? '127.0.0.1');
  // Ends the previous process could not tell (killed mid-execution, or its hook failed).
  for (const r of executions.values()) announce(r);

  const waitForIdle = async (): Promise<void> => {
    while (running.size > 0) await Promise.all([...running.values()].map((r) => r.settled));
  };

  return {
    endpoint: `http://${o.host ?? '127.0.0.1'}:${port}`,
    port,
    stateMachineArn(name) {
      const arn = smArn(name);
      if (!machines.has(arn)) throw new Error(`Unknown state machine ${name}`);
      return arn;
    },
    waitForIdle,
    runningExecutions: () => running.size,
    async close() {
      for (const [arn, run] of running) {
        const r = executions.get(arn);
        if (r?.status === 'RUNNING') Object.assign(r, { status: 'ABORTED', stopDate: Date.now(), error: 'States.Runtime', cause: 'The local stack was shut down' });
        run.stop();
      }
      persist();
      await waitForIdle();
      await Promise.all([...announcing]);
      await store?.flush();
      await closeServer(server);
    },
  };
}

function outcomeFields(outcome: { ok: true; output: unknown } | { ok: false; error: unknown }): Partial<ExecutionRecord> {
  if (outcome.ok) return { status: 'SUCCEEDED', output: JSON.stringify(outcome.output ?? null) };
  if (outcome.error instanceof ExecutionAbortedError) return { status: 'ABORTED' };
  if (outcome.error instanceof ExecutionTimeoutError) return { status: 'TIMED_OUT', error: 'States.Timeout' };
  // ExecutionError wraps what ended the run: a Fail state (Error/Cause), a task error, States.Runtime ...
  const cause = outcome.error instanceof ExecutionError ? outcome.error.cause : outcome.error;
  return cause instanceof Error ? { status: 'FAILED', error: cause.name, cause: cause.message } : { status: 'FAILED', error: 'States.Runtime', cause: String(cause) };
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': randomUUID(),
  });
  res.end(body);
}

function sendError(res: ServerResponse, err: SfnError): void {
  res.setHeader('x-amzn-errortype', err.type);
  send(res, err.status, { __type: err.type, message: err.message });
}

/** Execution summaries on disk: one JSON file, rewritten atomically, writes serialised. */
function executionStore(dir: string) {
  const file = join(dir, 'executions.json');
  let chain: Promise<void> = Promise.resolve();
  let pending: ExecutionRecord[] | undefined;
  return {
    async load(): Promise<ExecutionRecord[]> {
      try {
        const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
        return Array.isArray(parsed) ? (parsed as ExecutionRecord[]) : [];
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw err;
      }
    },
    save(records: ExecutionRecord[]): void {
      // Coalesce: a burst of changes becomes one write of the latest state.
      const first = pending === undefined;
      pending = records;
      if (!first) return;
      chain = chain
        .then(async () => {
          const snapshot = JSON.stringify(pending);
          pending = undefined;
          await mkdir(dir, { recursive: true });
          const tmp = `${file}.${process.pid}.tmp`;
          await writeFile(tmp, snapshot);
          await rename(tmp, file);
        })
        .catch((err: unknown) => console.error('[local-sfn] could not persist executions', err));
    },
    flush: (): Promise<void> => chain,
  };
}
