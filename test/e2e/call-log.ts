/** Call logs of a chosen size for the browser tests: one header, the same valid row repeated. */

export const MIB = 1024 * 1024;
const HEADER = 'Start Time,Direction,Phone Number,Duration,Type\n';
const ROW = '2025-09-14T16:16:00Z,Outgoing,+15123359335,12:34,Voice\n';

/** A call log of at least `mib` MiB, and its row count. */
export function callLog(mib: number): { bytes: Buffer; rows: number } {
  const rows = Math.ceil((mib * MIB) / ROW.length);
  return { bytes: Buffer.from(HEADER + ROW.repeat(rows)), rows };
}
