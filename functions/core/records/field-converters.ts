import { numericDateOrder, parseDate, parseDateTime, regionDatesDayFirst } from '../enrich/datetime.ts';
import { parseDurationSeconds } from '../enrich/duration.ts';
import { normalizeDomain, normalizeEmail, normalizeUrl } from '../enrich/email-domain.ts';
import { parseMoney } from '../enrich/money.ts';
import { parseBoolean, parseInteger, parseNumber } from '../enrich/number.ts';
import { normalizePhone } from '../enrich/phone.ts';
import { isBlankCell } from '../enrich/result.ts';
import { enumValue } from '../map/value-patterns.ts';
import type { FieldMapping } from '../pipeline-types.ts';
import { fieldRuleValidator } from '../schemas/record-validator.ts';
import { companionKeys, type FieldDefinition } from '../schemas/schema-types.ts';
import { parseRange } from '../map/units.ts';
import { compileTransforms, dateFormatIsWallClock, type CellReader, type FieldTransform } from '../templates/transforms.ts';
import { readsRanges } from '../templates/transform-rules.ts';
import { currencyFromHeader, durationUnitFromHeader, timeZoneFromHeader } from './column-hints.ts';
import { naiveTimeProbe, type NaiveTimeTally } from './naive-times.ts';

/** Job-wide settings a converter needs (JobOptions with defaults applied). */
export interface ConvertContext {
  timezone: string;
  defaultRegion: string;
  defaultCurrency: string;
  /** the currency was set for this field (a template's constant), so it beats a currency named in the header */
  currencyIsExplicit?: boolean;
  /** rows of the same table, for what a column's values say as a whole (the order of its dates) */
  sample?: readonly (readonly string[])[];
  /** the statement's date (`YYYY-MM-DD`): the year of dates printed without one */
  referenceDate?: string;
  /**
   * set when `timezone` is UTC for want of any (the job names none, its region gives none):
   * the clock times read without a zone of their own are counted here, for the job's warning
   */
  naiveTimes?: NaiveTimeTally;
}

/**
 * Outcome of converting one field of one row:
 * - `true`: the value (and any companion keys) was written to the record
 * - `false`: the cells are blank, nothing written
 * - a string: why the value is invalid, nothing written
 */
export type Outcome = boolean | string;

/** A field compiled once per job: `apply` runs per row on the hot path. */
export interface CompiledField {
  def: FieldDefinition;
  /** header(s) for the error report, "Date + Time" for combined columns */
  column: string;
  /** the raw cell text for the error report */
  rawValue(cells: readonly string[]): string;
  apply(record: Record<string, unknown>, cells: readonly string[]): Outcome;
}

const LIST_SPLIT = /\s*[,;|]\s*/;
const CURRENCY_CODE = /^[A-Za-z]{3}$/;

/** The currency cell of a row, as a money field reads it (see `compileCurrencyCell`). */
export type CurrencyCell = (cells: readonly string[]) => string;

/**
 * Compile the converter for one mapped field. `currencyCell` reads the money field's
 * currency from the row, when a currency column is mapped.
 *
 * A mapping with transforms (or a constant field: no source, a `default`) reads its value
 * through them first; the type conversion then sees the one transformed value. A field
 * with validation rules (custom schemas) checks the converted value against them: a value
 * that breaks a rule is invalid like any unreadable cell.
 */
export function compileField(
  def: FieldDefinition,
  mapping: FieldMapping,
  ctx: ConvertContext,
  currencyCell?: CurrencyCell,
): CompiledField {
  const transforms = mapping.transforms ?? [];
  const base =
    transforms.length === 0 &&
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a mapping without sources or transforms is refused by the builder first
    mapping.sources.length > 0
      ? compileBaseField(def, mapping, ctx, currencyCell)
      : compileTransformedField(def, mapping, ctx, currencyCell, transforms);
  return withValidation(base);
}

function compileTransformedField(
  def: FieldDefinition,
  mapping: FieldMapping,
  ctx: ConvertContext,
  currencyCell: CurrencyCell | undefined,
  transforms: readonly FieldTransform[],
): CompiledField {
  const reader = compileTransforms(mapping.sources, transforms, { timezone: ctx.timezone, fieldType: def.type });
  // the converter reads a one-cell row [value] (plus the currency cell, when there is one);
  // the sample's columns are not that row's
  const { sample: _sample, ...rowless } = ctx;
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: equivalent, the inner row is [value] alone, so row[1] is a blank currency when there is no currency cell
  const inner = compileBaseField(def, { ...mapping, sources: [0], transforms: undefined }, rowless, currencyCell === undefined ? undefined : (row) => row[1] ?? '');
  const rawValue = (cells: readonly string[]): string => mapping.sources.map((s) => cells[s] ?? '').join(' ');
  // a band read as one number keeps its text beside it ("101-250" -> 101 and employee_count_range "101-250")
  const rangeKey = readsRanges(transforms) ? `${def.name}_range` : undefined;
  // a date_format with no zone reads wall clocks in the job's zone: counted when that zone is the UTC fallback
  const naive = def.type === 'datetime' && transforms.some((t) => t.kind === 'date_format' && dateFormatIsWallClock(t.format)) ? ctx.naiveTimes : undefined;
  return {
    def,
    column: mapping.sourceHeaders.join(' + ') || def.name,
    rawValue,
    apply(record, cells) {
      const value = reader(cells);
      if (typeof value !== 'string') return value.reason;
      const outcome = inner.apply(record, currencyCell === undefined ? [value] : [value, currencyCell(cells)]);
      if (naive !== undefined && outcome === true) naive.add(def.name, rawValue(cells));
      if (rangeKey !== undefined && outcome === true) {
        const raw = rawValue(cells).trim();
        if (parseRange(raw) !== undefined) record[rangeKey] = raw;
      }
      return outcome;
    },
  };
}

function withValidation(field: CompiledField): CompiledField {
  const rules = fieldRuleValidator(field.def);
  if (rules === undefined) return field;
  const name = field.def.name;
  const companions = companionKeys(field.def);
  return {
    ...field,
    apply(record, cells) {
      const outcome = field.apply(record, cells);
      if (outcome !== true) return outcome;
      const checked = rules.safeParse(record[name]);
      if (checked.success) return true;
      delete record[name];
      for (const k of companions) delete record[k];
      // Stryker disable next-line OptionalChaining,StringLiteral: unreachable, a failed zod parse has at least one issue with a message
      return checked.error.issues[0]?.message ?? 'breaks a validation rule';
    },
  };
}

function compileBaseField(
  def: FieldDefinition,
  mapping: FieldMapping,
  ctx: ConvertContext,
  currencyCell?: CurrencyCell,
): CompiledField {
  const sources = mapping.sources;
  // Stryker disable next-line UnaryOperator: unreachable, reached only with at least one source
  const first = sources[0] ?? -1;
  const second = sources[1];
  const column = mapping.sourceHeaders.join(' + ') || def.name;
  // one cell, or several joined by a space (blank ones skipped)
  const read =
    // Stryker disable next-line ConditionalExpression: equivalent for false, the several-column reader gives the same text for one column
    sources.length === 1
      ? (cells: readonly string[]): string => cells[first] ?? ''
      : (cells: readonly string[]): string =>
          sources
            .map((s) => cells[s] ?? '')
            .filter((v) => !isBlankCell(v))
            .join(' ');
  const rawValue = (cells: readonly string[]): string =>
    // Stryker disable next-line ConditionalExpression: equivalent for false, joining one column gives the same text
    sources.length === 1 ? (cells[first] ?? '') : sources.map((s) => cells[s] ?? '').join(' ');
  const name = def.name;
  const base = { def, column, rawValue };

  switch (def.type) {
    case 'string':
      if (def.multiple === true) {
        return {
          ...base,
          apply(record, cells) {
            const raw = read(cells);
            // Stryker disable next-line ConditionalExpression: equivalent for false, a blank cell splits into no items, which returns false below
            if (isBlankCell(raw)) return false;
            const items = [...new Set(raw.split(LIST_SPLIT).map((v) => v.trim()).filter((v) => v.length > 0))];
            if (items.length === 0) return false;
            record[name] = items;
            return true;
          },
        };
      }
      return {
        ...base,
        apply(record, cells) {
          const raw = read(cells);
          if (isBlankCell(raw)) return false;
          record[name] = raw.trim();
          return true;
        },
      };

    case 'integer':
    case 'number':
    case 'boolean': {
      // a header's unit ("Revenue (in 000s USD)") is a `scale` transform on the mapping, visible and editable, never applied here too
      const parse = def.type === 'integer' ? parseInteger : def.type === 'number' ? parseNumber : parseBoolean;
      return {
        ...base,
        apply(record, cells) {
          const r = parse(read(cells));
          if (r.ok) {
            record[name] = r.value;
            return true;
          }
          return r.empty === true ? false : r.reason;
        },
      };
    }

    case 'date': {
      // Stryker disable next-line ConditionalExpression: equivalent for true, referenceDate: undefined is read as no reference date
      const opts = { dayFirst: datesDayFirst(ctx, first), ...(ctx.referenceDate !== undefined ? { referenceDate: ctx.referenceDate } : {}) };
      return {
        ...base,
        apply(record, cells) {
          const r = parseDate(read(cells), opts);
          if (r.ok) {
            record[name] = r.iso;
            return true;
          }
          return r.empty === true ? false : r.reason;
        },
      };
    }

    case 'datetime': {
      // a zone the header declares ("(UTC) Time", "Date (EST)") beats the job's, which is for naive times
      const declared = timeZoneFromHeader(mapping.sourceHeaders[0]) ?? timeZoneFromHeader(mapping.sourceHeaders[1]);
      // Stryker disable next-line ConditionalExpression: equivalent for true, referenceDate: undefined is read as no reference date
      const opts = { timezone: declared ?? ctx.timezone, dayFirst: datesDayFirst(ctx, first), ...(ctx.referenceDate !== undefined ? { referenceDate: ctx.referenceDate } : {}) };
      // times read as UTC for want of a zone are counted (the job says so); a declared zone is a zone
      const naive = declared === undefined ? ctx.naiveTimes : undefined;
      const isNaive = naive === undefined ? undefined : naiveTimeProbe(opts);
      return {
        ...base,
        apply(record, cells) {
          const date = cells[first] ?? '';
          // Stryker disable next-line ConditionalExpression: equivalent for false, cells[undefined] is undefined, the same no time column
          const time = second === undefined ? undefined : cells[second];
          const r = parseDateTime(date, time, opts);
          if (r.ok) {
            record[name] = r.iso;
            if (isNaive?.(date, time, r.iso) === true) naive!.add(name, date, time);
            return true;
          }
          return r.empty === true ? false : r.reason;
        },
      };
    }

    case 'phone': {
      const write = phoneWriter(name, ctx.defaultRegion);
      return {
        ...base,
        apply(record, cells) {
          return write(record, read(cells));
        },
      };
    }

    case 'email':
    case 'url':
    case 'domain': {
      const normalize = def.type === 'email' ? normalizeEmail : def.type === 'url' ? normalizeUrl : normalizeDomain;
      return {
        ...base,
        apply(record, cells) {
          const r = normalize(read(cells));
          if (r.ok) {
            record[name] = r.value;
            return true;
          }
          return r.empty === true ? false : r.reason;
        },
      };
    }

    case 'money': {
      const currencyKey = def.currencyField ?? 'currency';
      const microsKey = def.microsField;
      const fallback = ctx.currencyIsExplicit === true ? ctx.defaultCurrency : (currencyFromHeader(mapping.sourceHeaders[0]) ?? ctx.defaultCurrency);
      return {
        ...base,
        apply(record, cells) {
          let currency = fallback;
          if (currencyCell !== undefined) {
            const c = currencyCell(cells).trim();
            // Stryker disable next-line MethodExpression: equivalent, parseMoney upper-cases the currency it is given
            if (CURRENCY_CODE.test(c)) currency = c.toUpperCase();
            else if (!isBlankCell(c)) return `unknown currency "${c}"`;
          }
          const r = parseMoney(read(cells), currency);
          if (r.ok) {
            record[name] = r.minor;
            if (microsKey !== undefined) record[microsKey] = r.micros;
            record[currencyKey] = r.currency;
            return true;
          }
          return r.empty === true ? false : r.reason;
        },
      };
    }

    case 'duration': {
      const unit = durationUnitFromHeader(mapping.sourceHeaders[0]);
      return {
        ...base,
        apply(record, cells) {
          const r = parseDurationSeconds(read(cells), unit);
          if (r.ok) {
            record[name] = r.seconds;
            return true;
          }
          return r.empty === true ? false : r.reason;
        },
      };
    }

    case 'enum': {
      // Stryker disable next-line ArrayDeclaration: unreachable, the schema definition refuses an enum field without values
      const allowed = (def.enumValues ?? []).join(', ');
      return {
        ...base,
        apply(record, cells) {
          const raw = read(cells);
          if (isBlankCell(raw)) return false;
          const v = enumValue(def, raw);
          if (v === undefined) return `not one of ${allowed}`;
          record[name] = v;
          return true;
        },
      };
    }
  }
}

/**
 * Whether the numeric dates of column `column` are day-first: what the column's own dates
 * say ("13/04/2025" somewhere in the sample), else what the region's exports do.
 */
function datesDayFirst(ctx: ConvertContext, column: number): boolean {
  // Stryker disable next-line StringLiteral: equivalent, a sample row too short gives a non-date either way, which numericDateOrder skips
  const order = ctx.sample === undefined ? undefined : numericDateOrder(ctx.sample.map((r) => r[column] ?? ''));
  return order === undefined ? regionDatesDayFirst(ctx.defaultRegion) : order === 'day-first';
}

/** Writes a phone field and its companions from a cell, or says why it cannot. */
export type PhoneWriter = (record: Record<string, unknown>, raw: string) => Outcome;

/**
 * A phone field's writer: E.164 under `name` plus `<name>_region`, `<name>_line_type` and
 * `<name>_extension`; SMS short codes keep their digits with line type `short_code`.
 */
export function phoneWriter(name: string, region: string): PhoneWriter {
  const regionKey = `${name}_region`;
  const lineTypeKey = `${name}_line_type`;
  const extensionKey = `${name}_extension`;
  return (record, raw) => {
    const r = normalizePhone(raw, region);
    if (r.ok) {
      record[name] = r.e164;
      if (r.region !== null) record[regionKey] = r.region;
      record[lineTypeKey] = r.lineType;
      if (r.extension !== undefined) record[extensionKey] = r.extension;
      return true;
    }
    if (r.shortCode !== undefined) {
      // SMS short codes have no E.164 form: keep the digits, flagged by line type
      record[name] = r.shortCode;
      record[regionKey] = region;
      record[lineTypeKey] = 'short_code';
      return true;
    }
    return r.empty === true ? false : r.reason;
  };
}

/**
 * A currency column's cell as its money field reads it: through the column's transforms
 * (a "Yen" -> "JPY" value map), so the amount is scaled by the currency it is written
 * with; as printed when a transform cannot read it (the money field then names it).
 */
export function compileCurrencyCell(mapping: FieldMapping): CurrencyCell {
  // Stryker disable next-line UnaryOperator: unreachable, reached only with at least one source
  const source = mapping.sources[0] ?? -1;
  // Stryker disable next-line StringLiteral: equivalent, the field type matters only to range and date_format results, never a currency code
  const reader = currencyReader(mapping, 'string');
  if (reader === undefined) return (cells) => cells[source] ?? '';
  return (cells) => {
    const read = reader(cells);
    return typeof read === 'string' ? read : (cells[source] ?? '');
  };
}

function currencyReader(mapping: FieldMapping, fieldType: FieldDefinition['type']): CellReader | undefined {
  const transforms = mapping.transforms ?? [];
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ObjectLiteral,StringLiteral: equivalent, an empty transform list reads the cell as it is, and the zone and type matter only to range and date_format results
  return transforms.length > 0 ? compileTransforms(mapping.sources, transforms, { timezone: 'UTC', fieldType }) : undefined;
}

/**
 * A currency column mapped without a money field: the code, upper-cased.
 */
export function compileCurrencyField(def: FieldDefinition, mapping: FieldMapping): CompiledField {
  const source = mapping.sources[0] ?? -1;
  const name = def.name;
  const reader = currencyReader(mapping, def.type);
  return {
    def,
    column: mapping.sourceHeaders.join(' + ') || name,
    rawValue: (cells) => cells[source] ?? '',
    apply(record, cells) {
      const read = reader === undefined ? (cells[source] ?? '') : reader(cells);
      if (typeof read !== 'string') return read.reason;
      const raw = read.trim();
      if (isBlankCell(raw)) return false;
      if (!CURRENCY_CODE.test(raw)) return 'not an ISO 4217 currency code';
      record[name] = raw.toUpperCase();
      return true;
    },
  };
}
