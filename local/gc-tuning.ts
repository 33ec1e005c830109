import { setFlagsFromString } from 'node:v8';

/*
 * The local stack serves a whole fleet from one process. Its main isolate holds a steady
 * ~50 MB (servers, SDK clients, the state machine interpreter) while the job's bytes stream
 * through it as Buffers. V8 counts external memory (Buffers) grown since the last
 * mark-compact against the old generation's limit, and sizes that limit by a growing factor
 * it tunes from GC and allocation speeds. When it settles on its minimum, the limit
 * sits ~20 MB above the live heap, the Buffers in flight fill that at once, and the main
 * isolate runs mark-compact after mark-compact: 18-49 of them in a 1M-row job instead of
 * 3-5, the job 1.1-1.5x as slow. That happened in 7 of 32 runs here.
 *
 * A fixed factor of 2 (the old generation may double before a full GC) ended it: 0 of 32
 * runs, same peak RSS (430-458 MiB), same speed otherwise. V8 reads the flag at each
 * limit computation, so setting it at boot applies to every isolate of the process (the
 * stack's, the workers', and a test runner's that hosts a stack), for as long as it runs.
 * Node keeps V8's flags writable after start for v8.setFlagsFromString, though it does
 * not promise the effect of every flag; `--trace-gc` shows whether it holds.
 */
export function fixHeapGrowingFactor(): void {
  setFlagsFromString('--heap-growing-percent=100');
}
