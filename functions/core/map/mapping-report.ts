import { isBlankCell } from '../enrich/result.ts';
import type { FieldMapping, MappingWarning, UnmappedColumn } from '../pipeline-types.ts';

/** Sample values listed per unmapped column. */
const UNMAPPED_SAMPLES = 3;
/**
 * Unmapped columns listed at most, and how long a header or sample may be there: the mapping
 * travels through the state machine (256 KB) and is stored on the job item (400 KB), so a
 * 10,000-column file lists its first 50 (the warning's count says how many there are).
 */
const UNMAPPED_LISTED = 50;
const LISTED_CHARS = 120;
/** An auto-chosen schema that leaves more than this share of the non-empty columns unused is flagged. */
export const LOW_COVERAGE_SHARE = 0.25;

/**
 * What a mapping leaves out of a file, so nothing is lost silently: every non-empty column
 * (in the samples) that no field takes, with up to three sample values, and warnings with
 * stable codes: `unmapped_columns` (how many), `empty_mapped_field` (a field mapped to a
 * column that is empty in the samples), `range_values` (a field reads bands such as
 * "101-250" by the range rule), `unit_scale` (a field's numbers are multiplied by the unit
 * its header states).
 */
export function describeMapping(
  mapped: readonly FieldMapping[],
  headers: readonly string[],
  sampleRows: readonly (readonly string[])[],
): { unmappedColumns: UnmappedColumn[]; warnings: MappingWarning[]; nonEmptyColumns: number; unmapped: number } {
  const used = new Set(mapped.flatMap((f) => f.sources));
  const filled = (c: number) => sampleRows.length === 0 || sampleRows.some((r) => !isBlankCell(r[c] ?? ''));
  const unmappedColumns: UnmappedColumn[] = [];
  let nonEmptyColumns = 0;
  let unmapped = 0;
  headers.forEach((header, column) => {
    if (!filled(column) || (header.trim() === '' && sampleRows.length === 0)) return;
    nonEmptyColumns++;
    if (used.has(column)) return;
    unmapped++;
    if (unmappedColumns.length >= UNMAPPED_LISTED) return;
    const samples: string[] = [];
    for (const r of sampleRows) {
      const v = (r[column] ?? '').trim().slice(0, LISTED_CHARS);
      if (!isBlankCell(v) && !samples.includes(v)) samples.push(v);
      if (samples.length >= UNMAPPED_SAMPLES) break;
    }
    unmappedColumns.push({ column, header: header.slice(0, LISTED_CHARS), samples });
  });
  const warnings: MappingWarning[] = [];
  if (unmapped > 0) {
    const names = unmappedColumns.slice(0, 5).map((u) => `"${u.header}"`).join(', ');
    warnings.push({
      code: 'unmapped_columns',
      message: `${unmapped} non-empty column(s) are not mapped to any field and are not imported: ${names}${unmapped > 5 ? ', ...' : ''}`,
      count: unmapped,
    });
  }
  // without sample rows every column counts as filled, so no field is empty
  const empty = mapped.filter((f) => f.sources.length > 0 && f.sources.every((c) => !filled(c)));
  if (empty.length > 0) {
    warnings.push({
      code: 'empty_mapped_field',
      message: `mapped to a column that is empty in the sample rows: ${empty.map((f) => `${f.field} <- "${f.sourceHeaders.join(' + ')}"`).join(', ')}`,
      count: empty.length,
    });
  }
  const ranges = mapped.filter((f) => f.transforms?.some((t) => t.kind === 'range'));
  if (ranges.length > 0) {
    warnings.push({
      code: 'range_values',
      message: `ranges such as "101-250" are stored as their lower bound, with the text as printed in <field>_range: ${ranges.map((f) => f.field).join(', ')}`,
      count: ranges.length,
    });
  }
  const scaled = mapped.filter((f) => f.transforms?.some((t) => t.kind === 'scale'));
  if (scaled.length > 0) {
    const factor = (f: FieldMapping) => {
      // Stryker disable next-line OptionalChaining: equivalent, a scaled field has transforms
      const t = f.transforms?.find((x) => x.kind === 'scale');
      // Stryker disable next-line ConditionalExpression,OptionalChaining: equivalent, a scaled field's find always gives its scale transform (the test narrows the type)
      return t?.kind === 'scale' ? t.factor : 1;
    };
    const what = scaled.map((f) => `${f.field} x ${factor(f)} (from "${f.sourceHeaders[0] ?? ''}")`);
    warnings.push({ code: 'unit_scale', message: `numbers multiplied by the unit their header states: ${what.join(', ')}`, count: scaled.length });
  }
  return { unmappedColumns, warnings, nonEmptyColumns, unmapped };
}

/** The warning for an auto-chosen schema that leaves much of the file unused, or undefined. */
export function lowCoverageWarning(schema: string, unmapped: number, nonEmpty: number): MappingWarning | undefined {
  if (nonEmpty === 0 || unmapped / nonEmpty <= LOW_COVERAGE_SHARE) return undefined;
  return {
    code: 'schema_low_coverage',
    message: `schema ${schema} was chosen automatically but leaves ${unmapped} of ${nonEmpty} non-empty columns unused; check the schema, or map the columns by hand`,
    count: unmapped,
  };
}
