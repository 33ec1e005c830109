import { RecordPacker } from '../parse/record-packer.ts';
import type { QualityTally } from '../quality/field-tally.ts';
import type { RowError } from '../pipeline-types.ts';
import type { RecordBuilder } from './build-record.ts';
import type { JobWarning } from '../jobs/warnings.ts';

/**
 * Packers kept between invocations of a warm container: a chunk's records take 10-20 MiB,
 * and a fresh buffer per chunk would leave the last one for the collector.
 *
 * Each starts with 64 MiB that is never written unless a chunk needs it: memory the
 * process has not touched is not resident, so this costs only what chunks write, and the
 * buffer does not have to grow. Growing by doubling freed a 1, 2, 4 and 8 MiB buffer,
 * and after such frees glibc serves later mid-sized allocations from its per-thread
 * arenas, where they stay resident: peak RSS of a 1M-row job was 485-495 MiB that way,
 * 439-464 MiB this way (100k rows: ~400 MiB either way).
 */
// Stryker disable next-line ArithmeticOperator: equivalent, a smaller first buffer grows as records are added and the bytes written are the same
const PACKER_RESERVE_BYTES = 64 * 1024 * 1024;
const sparePackers: RecordPacker[] = [];
const takePacker = () => sparePackers.pop() ?? new RecordPacker(PACKER_RESERVE_BYTES);

/**
 * Rows a chunk's record builder learns the table from before it builds any (which columns
 * carry direction codes, which party is the subscriber's line): read once, held briefly.
 */
const SAMPLE_ROWS = 200;

/**
 * One chunk's records and error report, as NDJSON packed into buffers, with its counts:
 * which rows are written, which rejected (once, however many reasons), which kept with a
 * warning. rowsRead = rowsWritten + rowsRejected once `finish` has run.
 */
export class ChunkOutput {
  private readonly records = takePacker();
  private readonly errors = takePacker();
  rowsRead = 0;
  rowsRejected = 0;
  private build: RecordBuilder | undefined;
  private held: [row: number, cells: string[], parseError: string | undefined][] = [];

  constructor(
    private readonly makeBuilder: (sample: readonly string[][]) => RecordBuilder,
    /** the chunk's data-quality counts, taken as its records are built */
    readonly quality: QualityTally,
  ) {}

  get rowsWritten(): number {
    return this.records.size;
  }

  get errorLines(): number {
    return this.errors.size;
  }

  /** The counts so far, for a live report (rows held for the sample are not counted yet). */
  counts(): { read: number; written: number; rejected: number } {
    return { read: this.rowsRead, written: this.rowsWritten, rejected: this.rowsRejected };
  }

  add(row: number, cells: string[], parseError: string | undefined): void {
    if (this.build === undefined) {
      this.held.push([row, cells, parseError]);
      if (this.held.length >= SAMPLE_ROWS) this.finish();
      return;
    }
    this.convert(this.build, row, cells, parseError);
  }

  /** Builds the rows still held (a chunk shorter than the sample); the builder is made even for an empty chunk, so a bad mapping fails the job. */
  finish(): void {
    if (this.build !== undefined) return;
    const held = this.held;
    // Stryker disable next-line ArrayDeclaration: equivalent, once the builder exists add() never reads held again
    this.held = [];
    const build = (this.build = this.makeBuilder(held.filter((h) => h[2] === undefined).map((h) => h[1])));
    for (const [row, cells, parseError] of held) this.convert(build, row, cells, parseError);
  }

  private convert(build: RecordBuilder, row: number, cells: string[], parseError: string | undefined): void {
    this.rowsRead++;
    const result = parseError ? { ok: false as const, errors: [{ row, reason: parseError }] } : build(cells, row);
    if (result.ok) {
      this.records.addRecord(result.record);
      this.quality.record(result.record);
      // An optional field that could not be read: the row is kept, the report says what was dropped.
      if (result.warnings !== undefined) {
        for (const w of result.warnings) this.errors.addRecord({ ...w, severity: 'warning' });
        this.quality.problems(result.warnings, false);
      }
    } else {
      // A row can fail on several columns; it is one rejected row with several reasons.
      this.rowsRejected += 1;
      for (const e of result.errors as RowError[]) this.errors.addRecord({ ...e, severity: 'error' });
      this.quality.problems(result.errors, true);
    }
  }

  /** What the chunk's builder noticed over its rows, for the job (once `finish` has run). */
  warnings(): JobWarning[] {
    return this.build?.warnings?.() ?? [];
  }

  /** The fields the chunk's records have, in first-seen order. */
  columns(): string[] {
    return this.records.keys();
  }

  recordsBody(): Buffer {
    return this.records.bytes();
  }

  errorsBody(): Buffer {
    return this.errors.bytes();
  }

  /** Give the buffers back once the bodies are written. */
  // Stryker disable next-line BlockStatement: equivalent, buffers not handed back are made afresh for the next chunk, empty as a reset one
  release(): void {
    // Stryker disable next-line ArrayDeclaration: equivalent, buffers not handed back are made afresh for the next chunk, empty as a reset one
    for (const packer of [this.records, this.errors]) {
      packer.reset();
      sparePackers.push(packer);
    }
  }
}
