import type { Classification } from '../pipeline-types.ts';
import { HeaderNotFoundError, NoDataRowsError } from '../errors.ts';
import { assembleSample, findHeaderRow } from './csv-dialect.ts';
import { assertHeaderSize, sectionFields, warningsField, type ClassifyHints, type TextClassification } from './classify-text.ts';
import { renamedColumnsWarnings } from '../parse/table-assembler.ts';
import { filledWidth, isBlankCells } from './row-shapes.ts';
import type { SourceRecord } from '../parse/table-assembler.ts';

/** Rows of a table source kept for header detection and schema scoring. */
export const SAMPLE_RECORDS = 500;

/** A table as a container format reads it: its first rows, and how many there are. */
export interface TableScan {
  /** the first SAMPLE_RECORDS records (1-based `line`) */
  sample: SourceRecord[];
  /** the sample is the whole table */
  complete: boolean;
  /** non-blank records in the whole table */
  nonBlank: number;
  /** widest filled row after the sample */
  tailWidth: number;
}

/** Collects a TableScan from records as they stream by. */
export class TableScanner {
  readonly scan: TableScan = { sample: [], complete: true, nonBlank: 0, tailWidth: 0 };

  add(rec: SourceRecord): void {
    if (!isBlankCells(rec.cells)) this.scan.nonBlank++;
    if (this.scan.sample.length < SAMPLE_RECORDS) this.scan.sample.push(rec);
    else {
      this.scan.complete = false;
      this.scan.tailWidth = Math.max(this.scan.tailWidth, filledWidth(rec.cells));
    }
  }
}

/** What a table source says about its table: the part of a Classification it decides. */
export type TableClassification = Pick<Classification, 'headerRow' | 'headers' | 'rowEstimate' | 'sections' | 'contextColumns' | 'warnings'> & {
  sampleRows: string[][];
  dataRows: number;
};

/**
 * Finds the header and sections of a table whose rows omit trailing empty cells (an XLSX
 * sheet, a DOCX table): the header is found as findHeaderRow says, widened to every
 * column that holds data (unnamed ones become "Column N"), and the rows after it run
 * through the TableAssembler as Parse will. `prepare` rewrites the sample for a header
 * line (merged cells: Infinity while looking for the header, then the header's line).
 * Throws HeaderNotFoundError / NoDataRowsError.
 */
export function classifyTable(scan: TableScan, describe: string, prepare?: (sample: SourceRecord[], headerLine: number) => SourceRecord[]): TableClassification {
  const first = findHeaderRow(prepare ? prepare(scan.sample, Infinity) : scan.sample);
  if (first === -1) {
    throw new HeaderNotFoundError(`No header row found in the first ${scan.sample.length} rows of ${describe}: expected a row of column names followed by data`);
  }
  const sample = prepare ? prepare(scan.sample, scan.sample[first]!.line) : scan.sample;
  const header = sample[first]!;
  let width = filledWidth(header.cells);
  for (let i = first + 1; i < sample.length; i++) width = Math.max(width, filledWidth(sample[i]!.cells));
  width = Math.max(width, scan.tailWidth);
  const headers = Array.from({ length: width }, (_, i) => {
    const name = header.cells[i]?.trim() ?? '';
    return name.length > 0 ? name : `Column ${i + 1}`;
  });
  assertHeaderSize(headers);
  const table = assembleSample(
    sample.slice(0, first),
    sample.slice(first).map((r) => ({ cells: r.cells, line: r.line - 1 })),
    headers,
    { complete: scan.complete, lenient: true },
  );
  if (table.rows === 0 && scan.complete) throw new NoDataRowsError(`No data rows after the header of ${describe}`);
  const before = sample.slice(0, first + 1).filter((r) => !isBlankCells(r.cells)).length;
  const rowEstimate = scan.complete ? table.rows : Math.max(table.rows, scan.nonBlank - before);
  return {
    headerRow: header.line - 1,
    headers: table.headers,
    rowEstimate,
    ...sectionFields(
      table.sections.map((s, i) => (i === 0 ? { ...s, headers } : s)),
      table.contextColumns,
    ),
    ...warningsField(renamedColumnsWarnings(table.renamed)),
    sampleRows: table.sampleRows,
    dataRows: table.rows,
  };
}

/** The fields every container classification shares. */
export function baseFields(hints: ClassifyHints, detectedType: string, typeMismatch: boolean): Pick<TextClassification, 'detectedType' | 'typeMismatch' | 'declaredType' | 'encoding' | 'hasBom'> {
  return {
    ...(hints.declaredType !== undefined ? { declaredType: hints.declaredType } : {}),
    detectedType,
    typeMismatch,
    encoding: 'utf-8',
    hasBom: false,
  };
}
