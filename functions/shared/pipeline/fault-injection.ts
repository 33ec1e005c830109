import { optionalEnv } from '../config.ts';
import { TransientError } from '../../core/errors.ts';
import type { Stage } from '../../core/pipeline-types.ts';

/**
 * Chaos hook for resilience tests: FAULT_INJECTION='{"tenantId":"t1","stage":"enrich","times":1}'
 * makes the next `times` runs of that stage for that tenant throw. Read on every call so
 * a test can arm it at run time; never set in a deployed stack (the CDK app has no such
 * variable), so it costs one env lookup there.
 */
// Counted in the environment, not in module state: the local stack runs heavy stages in
// worker threads that share the process environment, so `times` holds across them.
const FIRED = 'FAULT_INJECTION_FIRED';

export class InjectedFaultError extends Error {
  constructor(stage: Stage) {
    super(`Injected fault in ${stage} (FAULT_INJECTION)`);
    this.name = 'InjectedFaultError';
  }
}

/**
 * `when`: 'before' the stage's work (default), 'after' it, once its output is written (a
 * crash at the end of a stage), or 'committed': Persist only, once the job is committed
 * succeeded and before its event is queued, or 'accounts-store': the stage after Persist, before
 * it merges the job's records into the accounts store (armed with stage 'persist'); `error`: 'TransientError' makes the fault one
 * the state machine retries, anything else (default) one that fails the job.
 */
export function maybeInjectFault(stage: Stage, tenantId: string, when: 'before' | 'after' | 'committed' | 'accounts-store' = 'before'): void {
  const raw = optionalEnv('FAULT_INJECTION');
  if (!raw) return;
  let spec: { tenantId?: string; stage?: string; times?: number; when?: string; error?: string };
  try {
    spec = JSON.parse(raw) as typeof spec;
  } catch {
    return;
  }
  if (spec.stage !== stage || spec.tenantId !== tenantId || (spec.when ?? 'before') !== when) return;
  const fired = JSON.parse(optionalEnv(FIRED) ?? '{}') as Record<string, number>;
  const count = fired[raw] ?? 0;
  if (count >= (spec.times ?? 1)) return;
  process.env[FIRED] = JSON.stringify({ ...fired, [raw]: count + 1 });
  if (spec.error === 'TransientError') throw new TransientError(`Injected transient fault ${when} ${stage} (FAULT_INJECTION)`);
  throw new InjectedFaultError(stage);
}
