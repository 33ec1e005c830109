import type { StateMachine } from 'aws-local-stepfunctions';

/**
 * Turns the interpreter's event log (StateEntered/StateExited/StateFailed/...) into
 * events shaped like GetExecutionHistory's (TaskStateEntered, LambdaFunctionFailed,
 * ExecutionFailed ...). Not every AWS event has a counterpart; this is the set an
 * operator reads to follow a job through Classify -> Parse -> Map -> Enrich -> Persist.
 */

export type InterpreterEvent = ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer E> ? E : never;

export interface HistoryEventBody {
  /** epoch seconds, as the AWS JSON protocol sends timestamps */
  timestamp: number;
  type: string;
  /** e.g. stateEnteredEventDetails, lambdaFunctionFailedEventDetails */
  [details: string]: unknown;
}

export interface HistoryEvent extends HistoryEventBody {
  id: number;
  previousEventId: number;
}

const json = (v: unknown): string => JSON.stringify(v ?? null);
const seconds = (ms: number): number => ms / 1000;
const causeText = (cause: unknown): string => (typeof cause === 'string' ? cause : json(cause));

export interface HistoryContext {
  /** Task state name -> Resource (Lambda ARN) */
  resources: ReadonlyMap<string, string>;
  roleArn: string;
  /** error/cause given to StopExecution, reported on ExecutionAborted */
  stopReason?: { error?: string; cause?: string };
  /** states whose failure a Catch took: their exit is not a success (per execution, mutated) */
  caught: Set<string>;
}

export function toHistoryEvents(e: InterpreterEvent, ctx: HistoryContext): HistoryEventBody[] {
  const timestamp = seconds(e.timestamp);
  const ev = (type: string, details?: Record<string, unknown>): HistoryEventBody => ({ timestamp, type, ...details });
  switch (e.type) {
    case 'ExecutionStarted':
      return [ev('ExecutionStarted', { executionStartedEventDetails: { input: json(e.input), inputDetails: { truncated: false }, roleArn: ctx.roleArn } })];
    case 'ExecutionSucceeded':
      return [ev('ExecutionSucceeded', { executionSucceededEventDetails: { output: json(e.output), outputDetails: { truncated: false } } })];
    case 'ExecutionFailed':
      return [ev('ExecutionFailed', { executionFailedEventDetails: { error: e.Error, cause: causeText(e.Cause) } })];
    case 'ExecutionAborted':
      return [ev('ExecutionAborted', { executionAbortedEventDetails: { ...ctx.stopReason } })];
    case 'ExecutionTimeout':
      return [ev('ExecutionTimedOut', { executionTimedOutEventDetails: { error: 'States.Timeout' } })];
    case 'StateEntered': {
      const entered = ev(`${e.state.type}StateEntered`, { stateEnteredEventDetails: { name: e.state.name, input: json(e.state.input), inputDetails: { truncated: false } } });
      if (e.state.type === 'Task') return [entered, ...lambdaStarted(e.state.name, ctx, ev)];
      if (e.state.type === 'Map') return [entered, ev('MapStateStarted')];
      if (e.state.type === 'Parallel') return [entered, ev('ParallelStateStarted')];
      return [entered];
    }
    case 'StateExited': {
      const exited = ev(`${e.state.type}StateExited`, { stateExitedEventDetails: { name: e.state.name, output: json(e.state.output), outputDetails: { truncated: false } } });
      if (ctx.caught.delete(`${e.state.name}#${e.index ?? ''}`)) return [exited];
      // The interpreter only reports the state's output (after ResultPath), not the function's own.
      if (e.state.type === 'Task') return [ev('LambdaFunctionSucceeded'), exited];
      if (e.state.type === 'Map') return [ev('MapStateSucceeded'), exited];
      if (e.state.type === 'Parallel') return [ev('ParallelStateSucceeded'), exited];
      return [exited];
    }
    case 'StateFailed': {
      const details = { error: e.Error, cause: causeText(e.Cause) };
      if (e.state.type === 'Task') {
        return e.Error === 'States.Timeout'
          ? [ev('LambdaFunctionTimedOut', { lambdaFunctionTimedOutEventDetails: details })]
          : [ev('LambdaFunctionFailed', { lambdaFunctionFailedEventDetails: details })];
      }
      if (e.state.type === 'Map') return [ev('MapStateFailed')];
      if (e.state.type === 'Parallel') return [ev('ParallelStateFailed')];
      return [];
    }
    case 'StateRetried':
      // AWS has no retry event: the history just shows the function scheduled again.
      return e.state.type === 'Task' ? lambdaStarted(e.state.name, ctx, ev) : [];
    case 'StateCaught':
      ctx.caught.add(`${e.state.name}#${e.index ?? ''}`);
      return [];
    case 'MapIterationStarted':
    case 'MapIterationSucceeded':
    case 'MapIterationFailed':
      return [ev(e.type, { [detailsKey(e.type)]: { name: e.parentState.name, index: e.index } })];
    case 'ParallelBranchStarted':
    case 'ParallelBranchSucceeded':
    case 'ParallelBranchFailed':
      return [];
    default:
      return [];
  }
}

function lambdaStarted(stateName: string, ctx: HistoryContext, ev: (type: string, d?: Record<string, unknown>) => HistoryEventBody): HistoryEventBody[] {
  const resource = ctx.resources.get(stateName) ?? 'unknown';
  return [ev('LambdaFunctionScheduled', { lambdaFunctionScheduledEventDetails: { resource } }), ev('LambdaFunctionStarted')];
}

const detailsKey = (type: string): string => `${type.charAt(0).toLowerCase()}${type.slice(1)}EventDetails`;
