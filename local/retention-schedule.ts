import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { functionEntry } from '../functions/shared/routes.ts';

/** How often the local stack runs the retention sweep: the same rate as the EventBridge schedule on AWS. */
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/**
 * The retention sweep's schedule on the local stack: the retention-sweep handler (the one
 * EventBridge invokes hourly on AWS) once at start, for what expired while the stack was
 * stopped, then every hour. Runs never overlap; a failed run is logged and the next one
 * tries again. Returns what stops it (waiting for a run in progress).
 */
export function scheduleRetentionSweep(projectRoot: string): () => Promise<void> {
  const load = import(pathToFileURL(join(projectRoot, functionEntry('retention-sweep'))).href) as Promise<{ handler: () => Promise<unknown> }>;
  const sweep = () =>
    load
      .then((mod) => mod.handler())
      .then(
        () => undefined,
        (err: unknown) => {
          process.stderr.write(`retention sweep failed: ${(err as Error).message}\n`);
        },
      );
  let running = sweep();
  const timer = setInterval(() => (running = running.then(sweep)), SWEEP_INTERVAL_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
