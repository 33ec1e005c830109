import type { MappingResult } from '../pipeline-types.ts';
import type { SchemaDefinition } from '../schemas/schema-types.ts';
import type { QualityCounts } from './field-tally.ts';

/*
 * The data-quality report on a succeeded job (`quality` on GET /v1/jobs/{id}, in the
 * completion event and in the CLI): per schema field, how many records have it, how many
 * values could not be read and why, and an enum's distribution. Built by Persist from the
 * chunks' counts and stored on the job item, so it stays small: at most MAX_FIELDS_LISTED
 * fields are listed (the schema's own order, fields with a column or a value first).
 */

const MAX_FIELDS_LISTED = 200;
/** Values listed for an enum field (its allowed values, plus any a custom schema lets through). */
const MAX_ENUM_VALUES = 20;

export interface FieldQuality {
  field: string;
  /** a source column (or a default) is mapped to it; a field can also be filled without one (direction from a location column) */
  mapped: boolean;
  /** the schema marks the field as expected on a file of this kind (see SchemaDefinition.expected) */
  expected: boolean;
  /** records with a value */
  filled: number;
  /** records without one (blank cells, unreadable values, no column) */
  empty: number;
  /** of the empty: records where the schema does not ask for the field (a data session's other party) */
  notApplicable: number;
  /** filled / (records - notApplicable), 0..1 with 3 decimals; 1 when no record needs the field */
  fillRate: number;
  /** values that could not be read and were left out of records that were written */
  blanked: number;
  /** rows rejected over this field (a required value missing or unreadable) */
  rejected: number;
  /** why values were blanked or rejected: reason -> count (quoted values left out) */
  reasons: Record<string, number>;
  /** distinct values among the records, or null when there are more than the report counts (100) */
  distinct: number | null;
  /** enum fields: value -> records (the records without a value are `empty`) */
  values?: Record<string, number>;
}

export interface JobQuality {
  /** records written (the report's denominator) */
  records: number;
  /** fields with a value on at least one record, of the schema's fields */
  fieldsFilled: number;
  fieldsTotal: number;
  fields: FieldQuality[];
  /** fields of the schema not listed (a very wide custom schema) */
  fieldsOmitted?: number;
  /** problems no field explains: an empty row or a wrong cell count (rejected rows), a value in a column no mapping names ("<column>: <reason>"): reason -> count */
  rowReasons: Record<string, number>;
}

/** Share rounded to 3 decimals. */
export const share = (part: number, whole: number): number => (whole <= 0 ? 1 : Math.round((part / whole) * 1000) / 1000);

/** The job's report from its merged counts. */
export function buildQualityReport(counts: QualityCounts, schema: SchemaDefinition, mapping: Pick<MappingResult, 'fields'>): JobQuality {
  const mapped = new Set(mapping.fields.map((m) => m.field));
  // Stryker disable next-line ArrayDeclaration: equivalent, a field name is snake_case and never the text a filled default would hold
  const expected = new Set(schema.expected ?? []);
  const all: FieldQuality[] = schema.fields.map((def) => {
    const c = counts.fields[def.name] ?? { filled: 0 };
    const notApplicable = c.notApplicable ?? 0;
    const q: FieldQuality = {
      field: def.name,
      mapped: mapped.has(def.name),
      expected: expected.has(def.name),
      filled: c.filled,
      empty: counts.records - c.filled,
      notApplicable,
      fillRate: share(c.filled, counts.records - notApplicable),
      blanked: c.blanked ?? 0,
      rejected: c.rejected ?? 0,
      reasons: c.reasons ?? {},
      distinct: c.manyValues ? null : (c.values?.length ?? 0),
    };
    if (def.type === 'enum') {
      const sorted = [...(c.values ?? [])].sort((a, b) => b[1] - a[1]).slice(0, MAX_ENUM_VALUES);
      q.values = Object.fromEntries(sorted.map(([v, n]) => [String(v), n]));
    }
    return q;
  });
  // the fields that say something first, each group in schema order
  const telling = (q: FieldQuality) => q.mapped || q.expected || q.filled > 0 || q.rejected > 0 || q.blanked > 0;
  const ordered = [...all.filter(telling), ...all.filter((q) => !telling(q))];
  const fields = ordered.slice(0, MAX_FIELDS_LISTED);
  return {
    records: counts.records,
    fieldsFilled: all.filter((q) => q.filled > 0).length,
    fieldsTotal: all.length,
    fields,
    ...(all.length > fields.length ? { fieldsOmitted: all.length - fields.length } : {}),
    rowReasons: counts.rowReasons ?? {},
  };
}
