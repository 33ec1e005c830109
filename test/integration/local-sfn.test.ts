import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
  type DescribeExecutionCommandOutput,
} from '@aws-sdk/client-sfn';
import { startLocalStepFunctions, type ExecutionEvent, type LocalStepFunctions, type TaskHandler } from '../../local/stepfunctions/local-sfn.ts';
import { PIPELINE_FUNCTIONS } from '../../functions/shared/routes.ts';

const arnOf = (fn: string): string => `arn:aws:lambda:us-east-1:000000000000:function:${fn}`;
const asl = readFileSync(new URL('../../statemachines/pipeline.asl.json', import.meta.url), 'utf8').replace(
  /\$\{(\w+)\}/g,
  (_, key: string) => arnOf(PIPELINE_FUNCTIONS[key as keyof typeof PIPELINE_FUNCTIONS]),
);

class XError extends Error {
  override name = 'XError';
}
class TransientError extends Error {
  override name = 'TransientError';
}

interface JobInput {
  tenantId: string;
  jobId: string;
  attempt: number;
  schema: string;
  options: Record<string, unknown>;
  scenario: 'happy' | 'parse-fails' | 'transient-once' | 'needs-mapping' | 'slow-parse' | 'store' | 'store-fails';
}

const calls: { fn: string; input: Record<string, unknown> }[] = [];
const callsFor = (fn: string, jobId: string) => calls.filter((c) => c.fn === fn && c.input.jobId === jobId).map((c) => c.input);
const transientSeen = new Set<string>();
let releaseSlowParse: (() => void) | undefined;
let slowParseEntered: Promise<void> | undefined;
let slowParseEnteredResolve: (() => void) | undefined;

function fake(fn: string, body: (input: JobInput & Record<string, unknown>) => unknown): TaskHandler {
  return async (raw) => {
    const input = raw as JobInput & Record<string, unknown>;
    calls.push({ fn, input });
    return body(input);
  };
}

const taskHandlers: Record<string, TaskHandler> = {
  [arnOf('classify')]: fake('classify', () => ({ format: 'csv', delimiter: ',', headerRow: 0 })),
  [arnOf('parse')]: fake('parse', async (input) => {
    if (input.scenario === 'parse-fails') throw new XError('cannot parse row 3: unbalanced quote');
    if (input.scenario === 'transient-once' && !transientSeen.has(input.jobId)) {
      transientSeen.add(input.jobId);
      throw new TransientError('S3 throttled');
    }
    if (input.scenario === 'slow-parse') {
      slowParseEnteredResolve?.();
      await new Promise<void>((resolve) => (releaseSlowParse = resolve));
    }
    return { chunks: [{ key: 'c/0' }, { key: 'c/1' }, { key: 'c/2' }], rowsRead: 30 };
  }),
  [arnOf('map')]: fake('map', (input) =>
    input.scenario === 'needs-mapping' ? { status: 'needs_mapping', suggested: { a: 'full_name' } } : { status: 'confident', fields: { a: 'full_name' } },
  ),
  [arnOf('enrich')]: fake('enrich', (input) => {
    const { key } = input.chunk as { key: string };
    // Enrich sees only the ItemSelector's fields, so this job is picked by id.
    if (input.jobId === 'job-enrich-fails' && key === 'c/1') throw new XError(`bad rows in ${key}`);
    return { key, rowsWritten: 10 };
  }),
  // a company or contact job commits with its accounts store pending; the next stage brings it in
  [arnOf('persist')]: fake('persist', (input) => ({ persisted: true, ...(input.scenario === 'store' || input.scenario === 'store-fails' ? { accountsStore: 'pending' } : {}) })),
  [arnOf('accounts-store')]: fake('accounts-store', (input) => {
    if (input.storeError) return { state: 'failed' };
    // UpdateAccountsStore sees only its Parameters' ids, so this job is picked by id
    if (input.jobId === 'job-store-fails') throw new XError('the store shard could not be read');
    return { state: 'applied' };
  }),
  [arnOf('job-status')]: fake('job-status', () => ({ recorded: true })),
};

const hookEvents: ExecutionEvent[] = [];
let sfn: LocalStepFunctions;
let client: SFNClient;
let pipelineArn: string;

beforeAll(async () => {
  sfn = await startLocalStepFunctions({ stateMachines: [{ name: 'pipeline', definition: asl }], taskHandlers, onExecutionEvent: (e) => hookEvents.push(e) });
  client = new SFNClient({ endpoint: sfn.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  pipelineArn = sfn.stateMachineArn('pipeline');
});

afterAll(async () => {
  releaseSlowParse?.();
  client?.destroy();
  await sfn?.close();
});

function jobInput(jobId: string, scenario: JobInput['scenario']): JobInput {
  return { tenantId: `t-${jobId}`, jobId, attempt: 1, schema: 'contact', options: { ai: false }, scenario };
}

async function start(jobId: string, scenario: JobInput['scenario']): Promise<string> {
  const out = await client.send(new StartExecutionCommand({ stateMachineArn: pipelineArn, name: `${jobId}-1`, input: JSON.stringify(jobInput(jobId, scenario)) }));
  expect(typeof out.executionArn).toBe('string');
  expect(out.startDate).toBeInstanceOf(Date);
  return out.executionArn!;
}

async function waitForEnd(executionArn: string): Promise<DescribeExecutionCommandOutput> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const out = await client.send(new DescribeExecutionCommand({ executionArn }));
    if (out.status !== 'RUNNING' || Date.now() > deadline) return out;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('local Step Functions running the real pipeline ASL', () => {
  it('runs Classify -> Parse -> Map -> Enrich (one iteration per chunk) -> Persist and succeeds', async () => {
    const arn = await start('job-happy', 'happy');
    const done = await waitForEnd(arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(done.stopDate).toBeInstanceOf(Date);
    const output = JSON.parse(done.output!) as Record<string, unknown>;
    expect(output).toMatchObject({
      jobId: 'job-happy',
      classification: { format: 'csv' },
      parsed: { rowsRead: 30 },
      mapping: { status: 'confident' },
      enriched: [{ key: 'c/0' }, { key: 'c/1' }, { key: 'c/2' }],
      persisted: { persisted: true },
    });

    const enrichInputs = callsFor('enrich', 'job-happy');
    expect(enrichInputs).toHaveLength(3);
    for (const input of enrichInputs) {
      // exactly the ItemSelector's fields
      expect(Object.keys(input).sort()).toEqual(['attempt', 'chunk', 'jobId', 'mapping', 'options', 'schema', 'tenantId']);
      expect(input).toMatchObject({ tenantId: 't-job-happy', jobId: 'job-happy', mapping: { status: 'confident' } });
    }
    expect(enrichInputs.map((i) => (i.chunk as { key: string }).key).sort()).toEqual(['c/0', 'c/1', 'c/2']);
    expect(callsFor('persist', 'job-happy')).toHaveLength(1);

    const { events = [] } = await client.send(new GetExecutionHistoryCommand({ executionArn: arn, maxResults: 1000 }));
    const entered = events.filter((e) => e.type?.endsWith('StateEntered')).map((e) => `${e.type}:${e.stateEnteredEventDetails?.name}`);
    expect(entered.filter((e) => !e.includes('EnrichChunk'))).toEqual([
      'ChoiceStateEntered:ResumeFrom',
      'TaskStateEntered:Classify',
      'TaskStateEntered:Parse',
      'TaskStateEntered:Map',
      'ChoiceStateEntered:MappingConfident',
      'MapStateEntered:Enrich',
      'TaskStateEntered:Persist',
      'ChoiceStateEntered:AccountsStoreDue',
      'SucceedStateEntered:Succeeded',
    ]);
    expect(events.filter((e) => e.type === 'MapIterationStarted')).toHaveLength(3);
    expect(events[0]?.type).toBe('ExecutionStarted');
    expect(events.at(-1)?.type).toBe('ExecutionSucceeded');
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i + 1));
    // the hook sees the same events, e.g. for the local stack's log
    expect(hookEvents.filter((e) => e.executionArn === arn).map((e) => e.event.type)).toEqual(events.map((e) => e.type));
  });

  it("runs UpdateAccountsStore after Persist when the commit left the store pending, with the job's ids only", async () => {
    const arn = await start('job-store', 'store');
    const done = await waitForEnd(arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toMatchObject({ persisted: { accountsStore: 'pending' }, accountsStore: { state: 'applied' } });
    expect(callsFor('accounts-store', 'job-store')).toEqual([{ tenantId: 't-job-store', jobId: 'job-store', attempt: 1 }]);
    // the happy job's Persist said nothing of a store: no such stage ran for it
    expect(callsFor('accounts-store', 'job-happy')).toEqual([]);
  });

  it('hands an update that fails to MarkAccountsStoreFailed with { Error, Cause }, and the execution still succeeds', async () => {
    const arn = await start('job-store-fails', 'store-fails');
    const done = await waitForEnd(arn);
    expect(done.status).toBe('SUCCEEDED');
    const [update, mark] = callsFor('accounts-store', 'job-store-fails');
    expect(update).toEqual({ tenantId: 't-job-store-fails', jobId: 'job-store-fails', attempt: 1 });
    expect(mark).toMatchObject({ jobId: 'job-store-fails', storeError: { Error: 'XError', Cause: expect.stringContaining('the store shard could not be read') as unknown } });
    expect(callsFor('job-status', 'job-store-fails')).toEqual([]);
  });

  it('sends a thrown XError to MarkFailed as { Error, Cause } exactly like a Lambda error, and fails', async () => {
    const arn = await start('job-xerror', 'parse-fails');
    const done = await waitForEnd(arn);
    expect(done.status).toBe('FAILED');
    expect(done.error).toBe('JobFailed');
    expect(callsFor('parse', 'job-xerror')).toHaveLength(1); // XError is not retried

    const [marked] = callsFor('job-status', 'job-xerror');
    expect(marked).toMatchObject({ outcome: 'failed', tenantId: 't-job-xerror', attempt: 1, error: { Error: 'XError' } });
    const cause = JSON.parse((marked!.error as { Cause: string }).Cause) as { errorType: string; errorMessage: string; trace: string[] };
    expect(cause.errorType).toBe('XError');
    expect(cause.errorMessage).toBe('cannot parse row 3: unbalanced quote');
    expect(cause.trace[0]).toContain('XError: cannot parse row 3');

    const { events = [] } = await client.send(new GetExecutionHistoryCommand({ executionArn: arn, maxResults: 1000 }));
    expect(events.find((e) => e.type === 'LambdaFunctionFailed')?.lambdaFunctionFailedEventDetails?.error).toBe('XError');
    expect(events.filter((e) => e.type === 'LambdaFunctionSucceeded')).toHaveLength(2); // Classify, MarkFailed; not the caught Parse
    expect(events.at(-1)?.executionFailedEventDetails).toMatchObject({ error: 'JobFailed' });
  });

  it('fails the Map on an iteration error and hands MarkFailed the same { Error, Cause }', async () => {
    const arn = await start('job-enrich-fails', 'happy');
    const done = await waitForEnd(arn);
    expect(done.status).toBe('FAILED');
    const [marked] = callsFor('job-status', 'job-enrich-fails');
    expect(marked).toMatchObject({ outcome: 'failed', error: { Error: 'XError' } });
    expect(JSON.parse((marked!.error as { Cause: string }).Cause)).toMatchObject({ errorType: 'XError', errorMessage: 'bad rows in c/1' });
    expect(callsFor('persist', 'job-enrich-fails')).toHaveLength(0);
  });

  it('retries a TransientError and then succeeds', async () => {
    const arn = await start('job-transient', 'transient-once');
    const done = await waitForEnd(arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(callsFor('parse', 'job-transient')).toHaveLength(2);
    expect(callsFor('job-status', 'job-transient')).toHaveLength(0);
  });

  it('parks a needs_mapping job through MarkNeedsMapping and succeeds', async () => {
    const arn = await start('job-mapping', 'needs-mapping');
    const done = await waitForEnd(arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(callsFor('job-status', 'job-mapping')).toEqual([
      { outcome: 'needs_mapping', tenantId: 't-job-mapping', jobId: 'job-mapping', attempt: 1, mapping: { status: 'needs_mapping', suggested: { a: 'full_name' } } },
    ]);
    expect(callsFor('enrich', 'job-mapping')).toHaveLength(0);
  });

  it('rejects a second execution with the same name as ExecutionAlreadyExists', async () => {
    const arn = await start('job-dup', 'happy');
    await waitForEnd(arn);
    await expect(start('job-dup', 'happy')).rejects.toBeInstanceOf(ExecutionAlreadyExists);
  });

  it('stops a running execution: ABORTED, and no later state runs', async () => {
    slowParseEntered = new Promise<void>((resolve) => (slowParseEnteredResolve = resolve));
    const input = JSON.stringify(jobInput('job-stop', 'slow-parse'));
    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn: pipelineArn, name: 'job-stop-1', input }));
    await slowParseEntered;
    // same name and input while running: an idempotent retry, as on AWS
    const again = await client.send(new StartExecutionCommand({ stateMachineArn: pipelineArn, name: 'job-stop-1', input }));
    expect(again.executionArn).toBe(executionArn);

    const { stopDate } = await client.send(new StopExecutionCommand({ executionArn, error: 'Cancelled', cause: 'user cancelled' }));
    expect(stopDate).toBeInstanceOf(Date);
    releaseSlowParse?.();
    await sfn.waitForIdle();

    const done = await client.send(new DescribeExecutionCommand({ executionArn }));
    expect(done).toMatchObject({ status: 'ABORTED', error: 'Cancelled', cause: 'user cancelled' });
    expect(callsFor('map', 'job-stop')).toHaveLength(0);
    expect(callsFor('job-status', 'job-stop')).toHaveLength(0);
    const { events = [] } = await client.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 1 }));
    expect(events[0]).toMatchObject({ type: 'ExecutionAborted', executionAbortedEventDetails: { error: 'Cancelled' } });
  });

  it('answers the read operations and AWS errors an operator or the API relies on', async () => {
    const listed = await client.send(new ListExecutionsCommand({ stateMachineArn: pipelineArn, statusFilter: 'SUCCEEDED', maxResults: 2 }));
    expect(listed.executions).toHaveLength(2);
    expect(listed.executions!.every((e) => e.status === 'SUCCEEDED')).toBe(true);
    expect(listed.nextToken).toBeTruthy();
    const rest = await client.send(new ListExecutionsCommand({ stateMachineArn: pipelineArn, statusFilter: 'SUCCEEDED', nextToken: listed.nextToken }));
    expect(rest.executions!.length).toBeGreaterThanOrEqual(2);

    const sm = await client.send(new DescribeStateMachineCommand({ stateMachineArn: pipelineArn }));
    expect(sm).toMatchObject({ name: 'pipeline', status: 'ACTIVE', type: 'STANDARD', definition: asl });

    await expect(
      client.send(new DescribeExecutionCommand({ executionArn: `arn:aws:states:us-east-1:000000000000:execution:pipeline:nope` })),
    ).rejects.toBeInstanceOf(ExecutionDoesNotExist);

    const res = await fetch(sfn.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.CreateActivityX' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });

  it('keeps executions and their history across a restart when given a dataDir', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'local-sfn-'));
    const definition = JSON.stringify({ StartAt: 'Classify', States: { Classify: { Type: 'Task', Resource: arnOf('classify'), End: true } } });
    const options = { stateMachines: [{ name: 'tiny', definition }], taskHandlers, dataDir };
    try {
      const first = await startLocalStepFunctions(options);
      const c1 = new SFNClient({ endpoint: first.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
      const { executionArn } = await c1.send(new StartExecutionCommand({ stateMachineArn: first.stateMachineArn('tiny'), name: 'kept', input: '{"jobId":"job-kept"}' }));
      await first.waitForIdle();
      c1.destroy();
      await first.close();

      const second = await startLocalStepFunctions(options);
      const c2 = new SFNClient({ endpoint: second.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
      try {
        expect(await c2.send(new DescribeExecutionCommand({ executionArn }))).toMatchObject({ status: 'SUCCEEDED', output: '{"format":"csv","delimiter":",","headerRow":0}' });
        const { events = [] } = await c2.send(new GetExecutionHistoryCommand({ executionArn }));
        expect(events.at(-1)?.type).toBe('ExecutionSucceeded');
      } finally {
        c2.destroy();
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to start when a Task resource has no handler', async () => {
    const { [arnOf('persist')]: _persist, ...withoutPersist } = taskHandlers;
    await expect(startLocalStepFunctions({ stateMachines: [{ name: 'pipeline', definition: asl }], taskHandlers: withoutPersist })).rejects.toThrow(
      /no task handler for arn:aws:lambda:us-east-1:000000000000:function:persist \(state Persist\)/,
    );
  });
});
