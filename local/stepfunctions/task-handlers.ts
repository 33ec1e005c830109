/**
 * Task states run in-process: aws-local-stepfunctions keys its local overrides by STATE
 * NAME, while the stack knows handlers by Lambda ARN. This module walks a definition to
 * join the two, and wraps each handler so a failure looks to Retry/Catch exactly as a
 * Lambda function error does on AWS.
 */

export type TaskHandler = (input: unknown) => Promise<unknown>;

/** What the Node.js Lambda runtime reports for a thrown error (and Step Functions puts in Cause). */
export interface LambdaErrorPayload {
  errorType: string;
  errorMessage: string;
  trace: string[];
}

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
type LocalHandler = (input: JsonValue) => Promise<JsonValue>;

/** Step Functions' limit on a state's input/output (States.DataLimitExceeded on AWS). */
const MAX_PAYLOAD_BYTES = 256 * 1024;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Map every Task state (nested Map processors and Parallel branches included) to its
 * Resource. Throws when one state name is used twice with different resources, because
 * the interpreter's overrides cannot tell the two apart.
 */
export function collectTaskResources(definition: unknown): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (machine: unknown, where: string): void => {
    if (!isRecord(machine) || !isRecord(machine.States)) return;
    for (const [name, state] of Object.entries(machine.States)) {
      if (!isRecord(state)) continue;
      if (state.Type === 'Task') {
        if (typeof state.Resource !== 'string') throw new Error(`Task state ${where}${name} has no Resource`);
        const previous = found.get(name);
        if (previous !== undefined && previous !== state.Resource) {
          throw new Error(`Task state name "${name}" is used with two resources (${previous}, ${state.Resource}); local overrides are keyed by state name, so rename one`);
        }
        found.set(name, state.Resource);
      } else if (state.Type === 'Map') {
        walk(state.ItemProcessor ?? state.Iterator, `${where}${name}/`);
      } else if (state.Type === 'Parallel' && Array.isArray(state.Branches)) {
        state.Branches.forEach((branch, i) => walk(branch, `${where}${name}[${i}]/`));
      }
    }
  };
  walk(definition, '');
  return found;
}

/** The Node.js runtime's error payload: errorType = name, so `ErrorEquals: ["XError"]` matches `class XError`. */
export function toLambdaErrorPayload(err: unknown): LambdaErrorPayload {
  if (err instanceof Error) {
    return { errorType: err.name, errorMessage: err.message, trace: err.stack?.split('\n') ?? [] };
  }
  return { errorType: typeof err, errorMessage: String(err), trace: [] };
}

/**
 * The interpreter's Catch output is `{ Error: error.name, Cause: error.message }` and its
 * Retry matches on `error.name`; so the error it sees carries the runtime's errorType as
 * its name and the runtime payload JSON as its message, which yields AWS's
 * `{ Error: "XError", Cause: "{\"errorType\":\"XError\",\"errorMessage\":...}" }`.
 */
export function toTaskFailure(err: unknown): Error {
  const payload = toLambdaErrorPayload(err);
  const failure = new Error(JSON.stringify(payload));
  failure.name = payload.errorType;
  return failure;
}

/**
 * Raised into a task that belongs to a stopped execution. The interpreter reads
 * `isRetryable`/`isCatchable` off errors: neither, so a Retry/Catch of States.ALL cannot
 * bring a stopped execution back to life (its retry sleep resolves early on abort).
 */
class ExecutionStoppedError extends Error {
  readonly isRetryable = false;
  readonly isCatchable = false;
  constructor() {
    super('The execution was stopped');
    this.name = 'States.Runtime';
  }
}

/** A result over the state payload limit; terminal like on AWS (States.ALL doesn't catch it). */
class DataLimitExceededError extends Error {
  readonly isRetryable = false;
  readonly isCatchable = false;
  constructor(bytes: number) {
    super(`The state/task returned a result with a size (${bytes} bytes) exceeding the maximum number of bytes service limit (${MAX_PAYLOAD_BYTES}).`);
    this.name = 'States.DataLimitExceeded';
  }
}

/**
 * Build the per-run `taskResourceLocalHandlers`. Input and output go through JSON, as they
 * do over the Lambda Invoke API (Dates become strings, undefined becomes null), and a
 * stopped execution's pending task settles at once so its timers are released.
 */
export function buildLocalHandlers(
  resources: ReadonlyMap<string, string>,
  handlers: Readonly<Record<string, TaskHandler>>,
  signal: AbortSignal,
): Record<string, LocalHandler> {
  const stopped = new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(new ExecutionStoppedError()), { once: true });
  });
  // Nobody may be waiting on it when the run is stopped between tasks.
  stopped.catch(() => undefined);

  const local: Record<string, LocalHandler> = {};
  for (const [stateName, resource] of resources) {
    const handler = handlers[resource];
    if (!handler) throw new Error(`No task handler for ${resource} (Task state ${stateName})`);
    local[stateName] = async (input) => {
      if (signal.aborted) throw new ExecutionStoppedError();
      let result: unknown;
      try {
        result = await Promise.race([handler(JSON.parse(JSON.stringify(input)) as unknown), stopped]);
      } catch (err) {
        if (err instanceof ExecutionStoppedError) throw err;
        throw toTaskFailure(err);
      }
      const text = JSON.stringify(result ?? null);
      const bytes = Buffer.byteLength(text);
      if (bytes > MAX_PAYLOAD_BYTES) throw new DataLimitExceededError(bytes);
      return JSON.parse(text) as JsonValue;
    };
  }
  return local;
}
