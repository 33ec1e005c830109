import { isValidTimeZone } from '../enrich/datetime.ts';
import { regionDefaults } from './region-defaults.ts';
import { NaiveTimeTally, naiveTimesFallBackToUtc, naiveTimesWarning } from './naive-times.ts';
import type { JobWarning } from '../jobs/warnings.ts';
import { isBlankCell } from '../enrich/result.ts';
import type { JobOptions, MappingResult, RowError } from '../pipeline-types.ts';
import { requirementWaived, type FieldDefinition, type SchemaDefinition } from '../schemas/schema-types.ts';
import { compileCallSemantics } from './call-semantics.ts';
import { deriveValue } from './derive.ts';
import { compileCurrencyCell, compileCurrencyField, compileField, type CompiledField, type ConvertContext, type CurrencyCell } from './field-converters.ts';
import { hasDefault } from '../templates/transform-rules.ts';
import { valueOverrides, withValueOverrides } from '../map/value-maps.ts';

export type BuildRecordResult =
  | {
      ok: true;
      record: Record<string, unknown>;
      /** optional fields whose cell was invalid and left out; the row is still written */
      warnings?: RowError[];
    }
  | { ok: false; errors: RowError[] };

/** Turns one parsed row into a record. `rowNumber` is the 1-based row in the source file. */
export type RecordBuilder = ((cells: string[], rowNumber: number) => BuildRecordResult) & {
  /** what the rows built so far leave the job to say (clock times read as UTC for want of a zone) */
  warnings?: () => JobWarning[];
};

/** The options that shape records (onDuplicate only decides whether a job runs at all). */
export const DEFAULT_JOB_OPTIONS: Required<Omit<JobOptions, 'onDuplicate'>> = { timezone: 'UTC', defaultRegion: 'US', defaultCurrency: 'USD' };

/**
 * Compile a mapping into a fast row -> record function. Everything that depends only on
 * the job (field lookups, type converters, unit hints from headers, defaults) is resolved
 * here once; the returned function does only per-cell work.
 *
 * Output record (keys are the schema's field names; absent values are left out, never null):
 * - datetime: ISO 8601 UTC `YYYY-MM-DDTHH:mm:ssZ` (wall-clock cells read in `timezone`)
 * - date: `YYYY-MM-DD`
 * - phone: E.164 under the field name plus flat companions `<field>_region` (ISO 3166),
 *   `<field>_line_type` and `<field>_extension`; SMS short codes keep their digits with
 *   line type `short_code`
 * - money: integer minor units under the field name, ISO 4217 code under its
 *   `currencyField` (default `currency`)
 * - duration: whole seconds (bare numbers under a "Min"/"Minutes" header are minutes)
 * - enum: carrier codes normalised ("Incoming" -> inbound, "TXT" -> sms)
 * - email lower-cased; domain a bare host; lists (`multiple`) string arrays
 * - derived fields (contact full_name, first/last name, domain) filled when their own
 *   column is absent or blank
 *
 * Rejection policy (the row goes to the error report, one RowError per problem):
 * - a cell count different from the header's: "expected 7 columns, found 9" (extra
 *   trailing cells that are all blank are tolerated: exports often end lines with a
 *   delimiter)
 * - every cell blank: "empty row"
 * - a required field blank, invalid, or not mapped; an unmet `requireAnyOf` group
 * An invalid optional field does not reject the row: the field is left out and the
 * problem is returned in `warnings` (same shape as errors), so nothing is lost silently.
 * When a row is rejected, its optional-field problems are listed after its errors.
 *
 * Throws when the mapping cannot apply to this layout (unknown field, a source column
 * beyond the headers) or the time zone is unknown: those are job-level errors, not row errors.
 */
export function createRecordBuilder(
  mapping: MappingResult,
  schema: SchemaDefinition,
  options: JobOptions,
  headers: string[],
  sample?: readonly (readonly string[])[],
  file: { statementDate?: string } = {},
): RecordBuilder {
  // the job's region; else the one the file showed (Map); else the United States
  const region = (options.defaultRegion ?? mapping.region?.region ?? DEFAULT_JOB_OPTIONS.defaultRegion).toUpperCase();
  // what the region's files leave unsaid, where the job does not say it: a French bill's clock
  // times are Paris time and its bare amounts euros
  const local = regionDefaults(region);
  // with no zone from the job nor the region, naive clock times are read as UTC, and counted for the job's warning
  const naiveTimes = naiveTimesFallBackToUtc(options, region) ? new NaiveTimeTally() : undefined;
  const ctx: ConvertContext = {
    timezone: options.timezone ?? local.timezone ?? DEFAULT_JOB_OPTIONS.timezone,
    defaultRegion: region,
    // Stryker disable next-line MethodExpression: equivalent, parseMoney upper-cases the currency it is given
    defaultCurrency: (options.defaultCurrency ?? local.currency ?? DEFAULT_JOB_OPTIONS.defaultCurrency).toUpperCase(),
    // Stryker disable next-line ConditionalExpression: equivalent for true, a key set to undefined is read as absent
    ...(file.statementDate !== undefined ? { referenceDate: file.statementDate } : {}),
  };
  if (!isValidTimeZone(ctx.timezone)) throw new Error(`Unknown time zone "${ctx.timezone}" in job options`);
  // Stryker disable next-line ConditionalExpression: equivalent for true, a key set to undefined is read as absent
  if (sample !== undefined) ctx.sample = sample;
  if (naiveTimes !== undefined) ctx.naiveTimes = naiveTimes;

  const width = headers.length;
  const defs = new Map(schema.fields.map((f) => [f.name, f]));
  const byField = new Map(mapping.fields.map((m) => [m.field, m]));
  for (const m of mapping.fields) {
    if (!defs.has(m.field)) throw new Error(`Mapping names field "${m.field}", which schema "${schema.name}" does not have`);
    if (m.sources.length === 0 && !hasDefault(m.transforms)) throw new Error(`Mapping for field "${m.field}" has no source column`);
    for (const s of m.sources) {
      if (!Number.isInteger(s) || s < 0 || s >= width) {
        throw new Error(`Mapping for field "${m.field}" reads column ${s}, but the file has ${width} columns`);
      }
    }
  }

  // Currency columns feed their money field rather than standing alone, read through their
  // transforms: the amount is scaled by the currency it is written with.
  // A constant currency (no column, a default) becomes the money field's currency instead.
  const consumedCurrency = new Map<string, CurrencyCell>();
  const constantCurrency = new Map<string, string>();
  for (const def of schema.fields) {
    if (def.type !== 'money' || !byField.has(def.name)) continue;
    const key = def.currencyField ?? 'currency';
    const cm = byField.get(key);
    if (cm !== undefined && cm.sources.length > 0) consumedCurrency.set(key, compileCurrencyCell(cm));
    // Stryker disable next-line ConditionalExpression,OptionalChaining: equivalent, a currency column's default transform yields the same constant for the blank cell, the only time it is used; a mapping without sources has transforms
    const constant = cm !== undefined && cm.sources.length === 0 ? cm.transforms?.find((t) => t.kind === 'default') : undefined;
    // Stryker disable next-line MethodExpression: equivalent, parseMoney upper-cases the currency it is given
    if (constant?.kind === 'default' && /^[A-Za-z]{3}$/.test(constant.value)) constantCurrency.set(key, constant.value.toUpperCase());
  }

  // Stryker disable next-line ConditionalExpression: equivalent for true, a key set to undefined is read as absent
  const semantics = compileCallSemantics({ schema, mapping, headers, region: ctx.defaultRegion, ...(sample !== undefined ? { sample } : {}) });
  const compiled: CompiledField[] = [];
  const unmappedRequired: FieldDefinition[] = [];
  for (const def of schema.fields) {
    const m = byField.get(def.name);
    if (m === undefined) {
      if (def.required && def.derive === undefined && semantics?.fills.has(def.name) !== true) unmappedRequired.push(def);
      continue;
    }
    if (consumedCurrency.has(def.name) || constantCurrency.has(def.name) || semantics?.owns.has(def.name) === true) continue;
    const isCurrencyOnly = schema.fields.some((f) => f.type === 'money' && (f.currencyField ?? 'currency') === def.name);
    if (isCurrencyOnly) {
      compiled.push(compileCurrencyField(def, m));
      continue;
    }
    const currencyKey = def.currencyField ?? 'currency';
    // Stryker disable next-line ConditionalExpression: equivalent for true, only the money converter reads the currency cell
    const currencyCell = def.type === 'money' ? consumedCurrency.get(currencyKey) : undefined;
    // Stryker disable next-line ConditionalExpression: equivalent for true, only the money converter reads the job currency
    const constant = def.type === 'money' ? constantCurrency.get(currencyKey) : undefined;
    // an enum column's values read by Claude or a person: their answers first
    const read = def.type === 'enum' ? withValueOverrides(m, valueOverrides(mapping, def.name)) : m;
    compiled.push(compileField(def, read, constant === undefined ? ctx : { ...ctx, defaultCurrency: constant, currencyIsExplicit: true }, currencyCell));
  }
  const derived = schema.fields.filter((f) => f.derive !== undefined);
  const requiredDerived = derived.filter((f) => f.required);
  const groups = schema.requireAnyOf ?? [];
  const unmappedErrors = (row: number): RowError[] =>
    unmappedRequired.map((def) => ({ row, column: def.name, reason: `required field "${def.name}" has no mapped column` }));

  buildRecord.warnings = (): JobWarning[] => {
    const warning = naiveTimes === undefined ? undefined : naiveTimesWarning(naiveTimes, region);
    return warning === undefined ? [] : [warning];
  };
  return buildRecord;

  function buildRecord(cells: string[], rowNumber: number): BuildRecordResult {
    if (blankFrom(cells, 0)) return { ok: false, errors: [{ row: rowNumber, reason: 'empty row' }] };
    // Stryker disable next-line EqualityOperator: equivalent for > -> >=, the test runs only when the lengths differ
    if (cells.length !== width && !(cells.length > width && blankFrom(cells, width))) {
      return { ok: false, errors: [{ row: rowNumber, reason: `expected ${width} columns, found ${cells.length}` }] };
    }
    if (unmappedRequired.length > 0) return { ok: false, errors: unmappedErrors(rowNumber) };

    const record: Record<string, unknown> = {};
    let errors: RowError[] | undefined;
    let warnings: RowError[] | undefined;
    // invalid cells of required fields that a derivation may still fill
    let pending: Map<string, RowError> | undefined;
    // required fields some records do without (a data session's other party): decided once the record is built
    let waivable: { def: FieldDefinition; problem: RowError; blank: boolean }[] | undefined;
    for (let i = 0; i < compiled.length; i++) {
      const f = compiled[i]!;
      const outcome = f.apply(record, cells);
      if (outcome === true) continue;
      const def = f.def;
      if (outcome === false) {
        if (def.required && def.derive === undefined) {
          const problem: RowError = { row: rowNumber, column: f.column, value: f.rawValue(cells), reason: 'required field is empty' };
          if (def.requiredUnless !== undefined) (waivable ??= []).push({ def, problem, blank: true });
          else (errors ??= []).push(problem);
        }
        continue;
      }
      const problem: RowError = { row: rowNumber, column: f.column, value: f.rawValue(cells), reason: outcome };
      if (!def.required) (warnings ??= []).push(problem);
      else if (def.derive !== undefined) (pending ??= new Map()).set(def.name, problem);
      else if (def.requiredUnless !== undefined) (waivable ??= []).push({ def, problem, blank: false });
      else (errors ??= []).push(problem);
    }

    if (semantics !== undefined) {
      const found = semantics.apply(record, cells, rowNumber);
      if (found?.errors !== undefined) (errors ??= []).push(...found.errors);
      if (found?.warnings !== undefined) (warnings ??= []).push(...found.warnings);
    }
    for (const w of waivable ?? []) {
      if (!requirementWaived(w.def, record)) (errors ??= []).push(w.problem);
      else if (!w.blank) (warnings ??= []).push(w.problem);
    }

    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, with no derived fields the block does nothing
    if (derived.length > 0) {
      // read from the row's own values only: derived values never feed other derivations
      let fills: [string, string][] | undefined;
      for (const def of derived) {
        if (record[def.name] !== undefined) continue;
        const v = deriveValue(def.derive!, record);
        if (v !== undefined) (fills ??= []).push([def.name, v]);
      }
      if (fills !== undefined) for (const [k, v] of fills) record[k] = v;
      for (const def of requiredDerived) {
        const problem = pending?.get(def.name);
        if (record[def.name] === undefined) {
          (errors ??= []).push(problem ?? { row: rowNumber, column: def.name, reason: 'required field is empty' });
        } else if (problem !== undefined) {
          (warnings ??= []).push(problem);
        }
      }
    }
    for (const group of groups) {
      if (!group.some((name) => record[name] !== undefined)) {
        (errors ??= []).push({ row: rowNumber, reason: `needs one of: ${group.join(', ')}` });
      }
    }

    // a rejected row reports its optional-field problems too: the report explains the whole row
    if (errors !== undefined) return { ok: false, errors: warnings === undefined ? errors : errors.concat(warnings) };
    return warnings === undefined ? { ok: true, record } : { ok: true, record, warnings };
  }
}

/** True when every cell from `start` on is blank. */
function blankFrom(cells: readonly string[], start: number): boolean {
  // Stryker disable next-line EqualityOperator: equivalent for <=, isBlankCell(undefined) is true
  for (let i = start; i < cells.length; i++) if (!isBlankCell(cells[i])) return false;
  return true;
}
