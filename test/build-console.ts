import { ensureConsoleBuilt } from '../local/console-build.ts';

/**
 * Vitest global setup: build the web console once before the test files run (only when its
 * sources changed), so the tests that spawn `serve` in parallel do not each build it.
 */
export default async function setup(): Promise<void> {
  await ensureConsoleBuilt();
}
