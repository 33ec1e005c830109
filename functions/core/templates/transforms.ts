import { DateTime } from 'luxon';
import { isBlankCell } from '../enrich/result.ts';
import { parseNumber } from '../enrich/number.ts';
import { parseRange } from '../map/units.ts';
import type { FieldDefinition } from '../schemas/schema-types.ts';
import type { FieldTransform } from './transform-rules.ts';

/*
 * Running a template's transforms on a row's cells, once compiled per job. What a transform
 * may be, its API schema and its checks against a field are transform-rules.ts.
 */

export type { FieldTransform, TransformKind } from './transform-rules.ts';

/** Regexes run on at most this many characters of a cell: a 1 MiB cell cannot stall a worker. */
const REGEX_INPUT_LIMIT = 1000;

/** A transform that could not produce a value (the row's error report gets `reason`). */
export interface TransformFailure {
  reason: string;
}

/** Reads one field's value from a row's cells, transforms applied. */
export type CellReader = (cells: readonly string[]) => string | TransformFailure;

export interface TransformContext {
  /** IANA zone for wall-clock dates read with a `date_format` */
  timezone: string;
  /** the field's type: `date_format` writes a date or an instant */
  fieldType: FieldDefinition['type'];
}

/**
 * Compile a field's sources and transforms into a reader, once per job. Blank source cells
 * are skipped when joining (as the record builder always did).
 */
export function compileTransforms(sources: readonly number[], transforms: readonly FieldTransform[], ctx: TransformContext): CellReader {
  const concat = transforms.find((t): t is Extract<FieldTransform, { kind: 'concat' }> => t.kind === 'concat');
  const separator = concat?.separator ?? ' ';
  const dateFormat = transforms.find((t): t is Extract<FieldTransform, { kind: 'date_format' }> => t.kind === 'date_format');
  const steps = transforms.filter((t) => t.kind !== 'concat' && t.kind !== 'date_format').map((t) => compileStep(t, ctx));
  const toDate = dateFormat === undefined ? undefined : compileDateFormat(dateFormat.format, ctx);
  return (cells) => {
    let value: string;
    if (sources.length === 1) value = cells[sources[0]!] ?? '';
    else {
      const parts: string[] = [];
      for (const s of sources) {
        const v = cells[s] ?? '';
        if (!isBlankCell(v)) parts.push(v.trim());
      }
      value = parts.join(separator);
    }
    for (const step of steps) value = step(value);
    if (toDate !== undefined && !isBlankCell(value)) return toDate(value);
    return value;
  };
}

function compileStep(t: Exclude<FieldTransform, { kind: 'concat' } | { kind: 'date_format' }>, ctx: TransformContext): (v: string) => string {
  switch (t.kind) {
    case 'split':
      return (v) => {
        const parts = v.split(t.separator);
        const part = t.index < 0 ? parts[parts.length + t.index] : parts[t.index];
        return (part ?? '').trim();
      };
    case 'regex': {
      const re = new RegExp(t.pattern, (t.flags ?? '').replace(/g/g, ''));
      // the first capture group, or the whole match when the pattern has none (or it took no part)
      const group = t.group ?? 1;
      return (v) => {
        const m = re.exec(v.slice(0, REGEX_INPUT_LIMIT));
        return (m?.[group] ?? m?.[0] ?? '').trim();
      };
    }
    case 'value_map': {
      const table = new Map<string, string>();
      for (const [from, to] of Object.entries(t.map)) table.set(t.caseSensitive === true ? from.trim() : from.trim().toLowerCase(), to);
      return (v) => {
        const key = t.caseSensitive === true ? v.trim() : v.trim().toLowerCase();
        return table.get(key) ?? v;
      };
    }
    case 'default':
      return (v) => (isBlankCell(v) ? t.value : v);
    case 'range':
      return (v) => {
        const r = parseRange(v);
        if (r === undefined) return v;
        const value = t.pick === 'upper' ? (r.upper ?? r.lower) : t.pick === 'midpoint' && r.upper !== undefined ? (r.lower + r.upper) / 2 : r.lower;
        return String(ctx.fieldType === 'integer' ? Math.floor(value + 0.5) : value);
      };
    case 'decimal_comma':
      // dots and spaces between digit groups go, the comma becomes the decimal point
      return (v) => v.replace(/(\d)[.\s\u00a0](?=\d{3}(?!\d))/g, '$1').replace(/(\d),(\d)/g, '$1.$2');
    case 'scale':
      return (v) => {
        // the currency stays where it was printed, so a money field still knows it
        // ("$25,000" -> "$25000000", "25 EUR" -> "25000 EUR")
        const before = /^\s*((?:[A-Z]{0,3}\$|[€£¥₹]|[A-Z]{3}\s))/.exec(v)?.[1];
        const after = before === undefined ? /(\s?(?:[$€£¥₹]|[A-Z]{3}))\s*$/.exec(v)?.[1] : undefined;
        const n = parseNumber(v);
        return n.ok ? `${before ?? ''}${round6(n.value * t.factor)}${after ?? ''}` : v;
      };
  }
}

/** Float noise off a scaled value (48.5 x 1e6 = 48500000.00000001). */
function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/**
 * True when a luxon `date_format` says nothing of a zone: no offset or zone name token (`Z`,
 * `ZZ`, `ZZZ`, `z`...) and no instant token (`X` seconds, `x` milliseconds) outside its
 * quoted literals. Such a value is a wall clock, read in the job's zone.
 */
export function dateFormatIsWallClock(format: string): boolean {
  // every unquoted letter of a luxon format is a token, so any Z, z, X or x is one of those
  // Stryker disable next-line StringLiteral: equivalent, only Z, z, X and x are looked for and a replacement without them reads the same
  return !/[ZzXx]/.test(format.replace(/'[^']*'/g, ''));
}

function compileDateFormat(format: string, ctx: TransformContext): (v: string) => string | TransformFailure {
  const opts = { zone: ctx.timezone, setZone: false };
  return (v) => {
    const dt = DateTime.fromFormat(v.trim(), format, opts);
    if (!dt.isValid) return { reason: `does not match the date format "${format}"` };
    if (ctx.fieldType === 'date') return dt.toISODate() ?? v;
    return dt.toUTC().toISO({ suppressMilliseconds: true }) ?? v;
  };
}
