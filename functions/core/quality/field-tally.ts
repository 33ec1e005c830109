import type { MappingResult, RowError } from '../pipeline-types.ts';
import { requirementWaived, type FieldDefinition, type SchemaDefinition } from '../schemas/schema-types.ts';

/*
 * The counters behind a job's data-quality report. Enrich counts each chunk as it builds
 * the chunk's records (no second pass over the output), Persist adds the chunks up. The
 * counts are small and add: per schema field, how many records have it, how many values
 * could not be read (left out of a record that was still written, or the reason a row was
 * rejected) and why, and the field's values while there are few of them (the distribution
 * of an enum, or a field that holds one value on every record).
 */

/** Distinct values counted per field; past this a field's values are no longer kept (it has "many"). */
export const DISTINCT_CAP = 100;
/** Reasons kept per field and for the job: the rest add up under OTHER_REASONS. */
export const REASONS_CAP = 10;
export const OTHER_REASONS = 'other reasons';
const REASON_CHARS = 120;

/** "No value yet" for the last-value cache (no record value is this object). */
const NO_VALUE = Symbol('no value');

/** One field's counts over the records of a chunk (or of the job, once merged). */
export interface FieldCounts {
  /** records with a value */
  filled: number;
  /** records without a value where the schema does not ask for one (a data session's other party) */
  notApplicable?: number;
  /** values that could not be read and were left out of a record that was still written */
  blanked?: number;
  /** values that could not be read (or required values missing) in rows that were rejected */
  rejected?: number;
  /** why values were blanked or rejected: reason -> count */
  reasons?: Record<string, number>;
  /** the field's values and how many records hold each, while there are at most DISTINCT_CAP of them */
  values?: [value: string | number | boolean, count: number][];
  /** more than DISTINCT_CAP distinct values: `values` is left out */
  manyValues?: true;
}

/** A chunk's (or the job's) counts: JSON, so Enrich can write them and Persist add them up. */
export interface QualityCounts {
  /** records written */
  records: number;
  fields: Record<string, FieldCounts>;
  /** problems no field explains: an empty row or a wrong cell count (rejected), a value in a column no mapping names ("<column>: <reason>"): reason -> count */
  rowReasons?: Record<string, number>;
}

/**
 * A reason as a key to count by: values a reason quotes are left out ("not a recognised
 * time: \"25:99\"" and "... \"31:00\"" are one reason), and long reasons are cut.
 */
export function reasonKey(reason: string): string {
  const key = reason.replace(/"[^"]*"/g, '"…"');
  return key.length > REASON_CHARS ? `${key.slice(0, REASON_CHARS - 1)}…` : key;
}

function addReason(reasons: Record<string, number>, reason: string, count: number): void {
  reasons[reason] = (reasons[reason] ?? 0) + count;
}

/** Keeps the REASONS_CAP most frequent reasons; the others add up under OTHER_REASONS. */
function capReasons(reasons: Record<string, number>): Record<string, number> {
  const entries = Object.entries(reasons);
  if (entries.length <= REASONS_CAP) return reasons;
  entries.sort((a, b) => b[1] - a[1]);
  const kept = Object.fromEntries(entries.filter(([r]) => r !== OTHER_REASONS).slice(0, REASONS_CAP - 1));
  const rest = entries.reduce((n, [r, c]) => (r in kept ? n : n + c), 0);
  return { ...kept, [OTHER_REASONS]: rest };
}

/**
 * Counts one chunk's records and row problems. Built once per chunk from the schema and the
 * mapping; `record` is called for every record written, `problems` for every row's errors
 * and warnings (the row errors of the report). The per-record work is a property read per
 * field and, while a field has few values, a Map update.
 */
export class QualityTally {
  private records = 0;
  private readonly defs: readonly FieldDefinition[];
  private readonly names: readonly string[];
  private readonly filled: number[];
  private readonly notApplicable: number[];
  /** per field: value -> records (boxed: one hash lookup per value), or undefined once the field has more than DISTINCT_CAP values */
  private readonly values: (Map<string | number | boolean, { n: number }> | undefined)[];
  /** per field: the last value seen and its counter, so a run of one value (a currency, an account) skips the Map */
  private readonly lastValue: unknown[];
  private readonly lastBox: { n: number }[];
  /** field name -> index, and the key and field index seen at each position of the previous record */
  private readonly indexOf: Map<string, number>;
  // Stryker disable next-line ArrayDeclaration: equivalent, a position is looked up whenever its key differs, and both arrays are written then
  private readonly keyAt: string[] = [];
  // Stryker disable next-line ArrayDeclaration: equivalent, a position's field is read only after its key matched, which writes it first
  private readonly fieldAt: number[] = [];
  /** per field: blanked / rejected counts and their reasons */
  private readonly problemsByField = new Map<string, { blanked: number; rejected: number; reasons: Record<string, number> }>();
  private readonly rowReasons: Record<string, number> = {};
  /** a source column (as a row error names it) -> the field it feeds */
  private readonly fieldOfColumn = new Map<string, string>();
  private readonly waivable: number[];

  constructor(schema: SchemaDefinition, mapping: Pick<MappingResult, 'fields'>) {
    this.defs = schema.fields;
    this.names = schema.fields.map((f) => f.name);
    this.filled = this.names.map(() => 0);
    this.notApplicable = this.names.map(() => 0);
    this.values = this.names.map(() => new Map());
    // Stryker disable next-line ArrowFunction: equivalent, undefined values are skipped before the cache is compared, so undefined is "no value" too
    this.lastValue = this.names.map(() => NO_VALUE);
    // Stryker disable next-line ArrowFunction,ObjectLiteral: equivalent, a field's box is read only after its first value set it
    this.lastBox = this.names.map(() => ({ n: 0 }));
    this.indexOf = new Map(this.names.map((n, i) => [n, i]));
    // Stryker disable next-line ConditionalExpression: equivalent for true, a field without requiredUnless is never waived (requirementWaived)
    this.waivable = this.defs.flatMap((d, i) => (d.requiredUnless !== undefined ? [i] : []));
    // Row errors name a column as the record builder saw it: the mapped headers joined by " + ", one header, or the field.
    for (const name of this.names) this.fieldOfColumn.set(name, name);
    for (const m of mapping.fields) {
      const joined = m.sourceHeaders.join(' + ');
      if (joined !== '') this.fieldOfColumn.set(joined, m.field);
    }
    for (const m of mapping.fields) for (const h of m.sourceHeaders) if (!this.fieldOfColumn.has(h)) this.fieldOfColumn.set(h, m.field);
  }

  /** A record that is written. */
  record(record: Readonly<Record<string, unknown>>): void {
    this.records++;
    const { values, filled, lastValue, lastBox, keyAt, fieldAt } = this;
    // for-in with `record[key]` takes V8's enum-cache path; a lookup by a list of names does not
    let position = 0;
    for (const key in record) {
      const v = record[key];
      if (v === undefined) continue;
      // the previous record's key at this position: a chunk's records mostly share one shape
      let i = fieldAt[position];
      // Stryker disable next-line ConditionalExpression: equivalent for true, the cache only saves the lookup
      if (keyAt[position] !== key) {
        i = this.indexOf.get(key) ?? -1;
        keyAt[position] = key;
        fieldAt[position] = i;
      }
      // Stryker disable next-line UpdateOperator: equivalent, the positions only need to differ from one another
      position++;
      // a key no schema field has (a phone's region and line type) is not counted
      // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, i is never undefined, and -1 reaches only counters no field reads and stops at values[-1], undefined
      if (i === undefined || i < 0) continue;
      filled[i]!++;
      // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, the value's box in the map is the same box: the cache only saves the lookup
      if (v === lastValue[i]) {
        lastBox[i]!.n++;
        continue;
      }
      const seen = values[i];
      if (seen === undefined) continue;
      const k = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v);
      let box = seen.get(k);
      if (box !== undefined) box.n++;
      else if (seen.size < DISTINCT_CAP) seen.set(k, (box = { n: 1 }));
      else {
        values[i] = undefined;
        lastValue[i] = NO_VALUE;
        continue;
      }
      lastValue[i] = v;
      lastBox[i] = box;
    }
    for (const i of this.waivable) {
      const def = this.defs[i]!;
      if (record[def.name] === undefined && requirementWaived(def, record)) this.notApplicable[i]!++;
    }
  }

  /** A row's problems: `rejected` when the row was rejected (its errors and its warnings), else values left out of its record. */
  problems(problems: readonly RowError[], rejected: boolean): void {
    for (const p of problems) {
      // Stryker disable next-line ConditionalExpression: equivalent for false, the map has no undefined key
      const field = p.column === undefined ? undefined : this.fieldOfColumn.get(p.column);
      const reason = reasonKey(p.reason);
      if (field === undefined) {
        // a row's own problem (no column), or a value in a column the mapping does not name (the call semantics reads some such): keep the column
        addReason(this.rowReasons, p.column === undefined ? reason : `${p.column}: ${reason}`, 1);
        continue;
      }
      let counts = this.problemsByField.get(field);
      if (counts === undefined) this.problemsByField.set(field, (counts = { blanked: 0, rejected: 0, reasons: {} }));
      if (rejected) counts.rejected++;
      else counts.blanked++;
      addReason(counts.reasons, reason, 1);
    }
  }

  /** The counts so far, as JSON-ready data. */
  counts(): QualityCounts {
    const fields: Record<string, FieldCounts> = {};
    this.names.forEach((name, i) => {
      const f: FieldCounts = { filled: this.filled[i]! };
      if (this.notApplicable[i]! > 0) f.notApplicable = this.notApplicable[i]!;
      const p = this.problemsByField.get(name);
      if (p !== undefined) {
        if (p.blanked > 0) f.blanked = p.blanked;
        if (p.rejected > 0) f.rejected = p.rejected;
        f.reasons = capReasons(p.reasons);
      }
      const seen = this.values[i];
      if (seen === undefined) f.manyValues = true;
      else if (seen.size > 0) f.values = [...seen].map(([v, box]) => [v, box.n]);
      fields[name] = f;
    });
    const out: QualityCounts = { records: this.records, fields };
    if (Object.keys(this.rowReasons).length > 0) out.rowReasons = capReasons(this.rowReasons);
    return out;
  }
}

/** Adds up chunks' counts (in any order: the sums and unions do not depend on it). */
export function mergeQualityCounts(parts: readonly QualityCounts[]): QualityCounts {
  const fields: Record<string, FieldCounts> = {};
  const valueMaps = new Map<string, Map<string | number | boolean, number> | undefined>();
  let records = 0;
  let rowReasons: Record<string, number> | undefined;
  for (const part of parts) {
    records += part.records;
    for (const [name, c] of Object.entries(part.fields)) {
      const f = (fields[name] ??= { filled: 0 });
      f.filled += c.filled;
      if (c.notApplicable) f.notApplicable = (f.notApplicable ?? 0) + c.notApplicable;
      if (c.blanked) f.blanked = (f.blanked ?? 0) + c.blanked;
      if (c.rejected) f.rejected = (f.rejected ?? 0) + c.rejected;
      if (c.reasons) {
        f.reasons ??= {};
        for (const [r, n] of Object.entries(c.reasons)) addReason(f.reasons, r, n);
      }
      if (!valueMaps.has(name)) valueMaps.set(name, new Map());
      const seen = valueMaps.get(name);
      if (seen === undefined) continue;
      if (c.manyValues) {
        valueMaps.set(name, undefined);
        continue;
      }
      for (const [v, n] of c.values ?? []) seen.set(v, (seen.get(v) ?? 0) + n);
      if (seen.size > DISTINCT_CAP) valueMaps.set(name, undefined);
    }
    if (part.rowReasons) {
      rowReasons ??= {};
      for (const [r, n] of Object.entries(part.rowReasons)) addReason(rowReasons, r, n);
    }
  }
  for (const [name, f] of Object.entries(fields)) {
    if (f.reasons) f.reasons = capReasons(f.reasons);
    const seen = valueMaps.get(name);
    if (seen === undefined) f.manyValues = true;
    else if (seen.size > 0) f.values = [...seen];
  }
  const out: QualityCounts = { records, fields };
  if (rowReasons) out.rowReasons = capReasons(rowReasons);
  return out;
}
