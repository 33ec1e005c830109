import { isBlankCell } from '../enrich/result.ts';
import type { FieldDefinition, SchemaDefinition } from '../schemas/schema-types.ts';
import { MAX_SCANNED_COLUMNS } from './header-match.ts';
import { normalizeHeader } from './normalize-header.ts';
import { headerScale, namesCurrency } from './units.ts';
import { kindShare } from './value-kinds.ts';
import type { ValueKind } from '../schemas/schema-types.ts';
import { columnDateTimeShape, fitsField, ratio, type ValueCheckContext } from './value-patterns.ts';

/**
 * Evidence, from an unused column's values alone, that the mapping leaves out a field the
 * file has. None of it is strong enough to map the column (a person would be asked anyway),
 * but each is enough to keep a layout from being auto-accepted: a job that succeeds with a
 * field silently lost is worse than one click of confirmation.
 *
 * - a call-code field (a call's direction, its record type) with no column, while a column
 *   holds short labels that repeat from row to row (`SAL`/`ENT`, `Вихідний дзвінок`): the
 *   schema expects the field, and such a column is where a file says it in words no rule
 *   reads yet;
 * - a number field (a headcount, a revenue) with no column, while a column holds numbers of
 *   varying size that are no identifiers, postal codes, years or row numbers;
 * - a person's name with no column at all, while a column holds person names.
 */
export interface LeftOutFile {
  headers: readonly string[];
  columnValues: (c: number) => string[];
  ctx: ValueCheckContext;
  /** the column may never take the field (negative cues: a share capital is no revenue) */
  refused: (field: number, column: number) => boolean;
  /** columns whose header names a field the mapping took from another column (a second duration, a gross next to a net amount) */
  siblings: ReadonlySet<number>;
}

/** header words of an identifier or key column */
export const ID_WORDS = new Set(['id', 'ids', 'uid', 'uuid', 'guid', 'key', 'ref', 'reference', 'sid', 'code', 'hash']);

/** header words of a device's or a SIM card's identifier (no account, no line) */
const DEVICE_ID_WORDS = new Set(['imei', 'imeisv', 'imsi', 'iccid', 'meid', 'esn', 'serial', 'device', 'sim', 'version']);

/** values of these kinds are people, places and firms, not codes */
const NOT_CODES: readonly ValueKind[] = ['person_name', 'company_name', 'city', 'country'];

/** a label is short: a code or a few words, not a sentence or a path */
const LABEL_MAX_LENGTH = 40;
const LABEL_MAX_WORDS = 4;
/** share of an unused column's values that must be person names to say the file has a name */
const NAME_EVIDENCE_SHARE = 0.5;

const filledOf = (values: readonly string[]): string[] => values.filter((v) => !isBlankCell(v)).map((v) => v.trim());

/**
 * A column of short labels that repeat: some value, or some word of the values, comes back
 * on another row ("SAL", "ENT", "SAL"; "Вихідний дзвінок", "Вхідний дзвінок", "Вихідне
 * SMS"). Numbers, dates, times, phone numbers, e-mails, links and ids are no labels.
 */
export function isLabelColumn(values: readonly string[]): boolean {
  const filled = filledOf(values);
  if (filled.length < 2 || columnDateTimeShape(filled) !== null) return false;
  const label = (v: string) =>
    v.length <= LABEL_MAX_LENGTH && /\p{L}/u.test(v) && !/[@/\\]|^\S*\d\S*$/u.test(v) && v.split(/\s+/).length <= LABEL_MAX_WORDS;
  if (ratio(filled, label).ratio < 0.8) return false;
  if (NOT_CODES.some((kind) => kindShare(filled, kind).share >= 0.5)) return false;
  if (new Set(filled.map((v) => v.toLowerCase())).size < filled.length) return true;
  const seen = new Set<string>();
  for (const v of filled) {
    const words = new Set(v.toLowerCase().split(/[\s,.;:()-]+/u).filter((w) => /\p{L}{2,}/u.test(w)));
    for (const w of words) {
      if (seen.has(w)) return true;
    }
    for (const w of words) seen.add(w);
  }
  return false;
}

/**
 * A column of quantities for a number field: most values fit the field (an amount with its
 * cents or currency, a count as a whole number), they differ in size, and they are not identifiers (an id header, leading zeros, or digits of one fixed length,
 * as register numbers and postal codes print), nor years.
 */
export function isQuantityColumn(def: FieldDefinition, header: string, values: readonly string[], ctx: ValueCheckContext): boolean {
  const filled = filledOf(values);
  if (filled.length < 2 || normalizeHeader(header).split(' ').some((w) => ID_WORDS.has(w))) return false;
  // a count is a plain whole number under a header with no money unit ("Capital (Rs)" is no headcount)
  const count = def.type === 'integer';
  if (count && (headerScale(header) !== undefined || namesCurrency(header))) return false;
  const fits = (v: string) => fitsField(def, v, ctx) && /\d/.test(v) && (!count || /^\d{1,3}(?:[ .,\u00a0']?\d{3})*$/.test(v));
  if (ratio(filled, fits).ratio < 0.8) return false;
  // an amount is printed with its cents or its currency ("0,00", "-0.0520", "€ 2.50"); whole
  // numbers in a call log are extensions, lengths and counts
  if (def.type === 'money' && ratio(filled, (v) => /\d[.,]\d{2,4}$|\p{Sc}/u.test(v)).ratio < 0.5) return false;
  const digits = filled.map((v) => v.replace(/\D/g, ''));
  if (digits.some((d, i) => d.length > 1 && d.startsWith('0') && !/[.,]/.test(filled[i]!))) return false;
  // whole parts of one length: register numbers, postal codes, epoch-second ids ("1741101954.10")
  const integerParts = filled.map((v) => v.replace(/[.,]\d{1,4}$/, '').replace(/\D/g, ''));
  if (new Set(integerParts.map((d) => d.length)).size === 1 && integerParts[0]!.length >= 4) return false;
  if (filled.every((v) => /^(1[89]|20)\d\d$/.test(v))) return false;
  if (countsRows(values)) return false;
  return new Set(digits).size > 1;
}

/**
 * A sheet's row number ("ល.រ", "ተ.ቁ", "S.No", "№": 1, 2, 3 ... down the rows): every row filled
 * with the number one above the row before it. It counts the rows and says nothing of them.
 */
export function countsRows(values: readonly string[]): boolean {
  const numbers = values.map((v) => (/^\s*\d{1,6}\.?\s*$/.test(v) ? Number.parseInt(v, 10) : Number.NaN));
  return numbers.length >= 2 && numbers.every((n, i) => !Number.isNaN(n) && (i === 0 || n === numbers[i - 1]! + 1));
}


/**
 * Fields the mapping leaves out although an unused column's values say the file has them
 * (see the module comment). `mapped` are the fields the mapping (or the call semantics)
 * fills; each entry reads `field <- "header" (why)`.
 */
export function leftOutByValues(schema: SchemaDefinition, mapped: ReadonlySet<string>, usedColumns: ReadonlySet<number>, file: LeftOutFile): string[] {
  const out: string[] = [];
  const fields = schema.fields;
  const unused = file.headers.map((_, c) => c).filter((c) => !usedColumns.has(c) && c < MAX_SCANNED_COLUMNS && file.columnValues(c).some((v) => !isBlankCell(v)));
  const expected = new Set(schema.expected ?? []);
  fields.forEach((def, field) => {
    // a money field's micro-units come with it, never from a column of their own
    if (mapped.has(def.name) || fields.some((f) => f.microsField === def.name)) return;
    const numeric = def.type === 'integer' || def.type === 'number' || def.type === 'money';
    for (const c of unused) {
      if (file.refused(field, c) || file.siblings.has(c)) continue;
      const header = file.headers[c] ?? '';
      const values = file.columnValues(c);
      if (def.codes !== undefined && expected.has(def.name) && isLabelColumn(values)) out.push(`${def.name} <- "${header}" (labels no rule reads)`);
      else if (numeric && isQuantityColumn(def, header, values, file.ctx)) out.push(`${def.name} <- "${header}" (numbers)`);
    }
  });
  // a record's account or reference number (a string field named `*_number`, not a phone) left
  // out while an unused column holds one identifier on every row ("ID Pelanggan" 1029384756 on
  // each line of a bill): the account the whole file belongs to, under a header no rule reads
  // (a constant number with no id word in its header may as well be the line itself, "Línia"
  // 600000011, which the line's own rules judge; it counts only once every phone field is mapped)
  const phonesMapped = fields.filter((f) => f.type === 'phone').every((f) => mapped.has(f.name));
  for (const def of fields) {
    if (def.type !== 'string' || !def.name.endsWith('_number') || mapped.has(def.name)) continue;
    const field = fields.indexOf(def);
    for (const c of unused) {
      if (file.refused(field, c) || file.siblings.has(c) || !isOneIdentifier(file.columnValues(c))) continue;
      const words = normalizeHeader(file.headers[c] ?? '').split(' ');
      // a handset's or a SIM's number (IMEI, ICCID) is the same on every row of one phone's log too
      if (words.some((w) => DEVICE_ID_WORDS.has(w))) continue;
      const idHeader = words.some((w) => ID_WORDS.has(w));
      if (!idHeader && !phonesMapped && !/\p{L}/u.test(file.columnValues(c).find((v) => !isBlankCell(v)) ?? '')) continue;
      out.push(`${def.name} <- "${file.headers[c] ?? ''}" (one identifier on every row)`);
    }
  }
  // a contact or an account with no name at all, beside a column of person names
  const nameFields = fields.filter((f) => f.kind === 'person_name' || f.kind === 'given_name' || f.kind === 'family_name');
  const whole = nameFields.find((f) => f.kind === 'person_name');
  if (whole !== undefined && !nameFields.some((f) => mapped.has(f.name))) {
    for (const c of unused) {
      if (!isNameColumn(file.columnValues(c))) continue;
      out.push(`${whole.name} <- "${file.headers[c] ?? ''}" (person names)`);
    }
  }
  return out;
}

/** a name as people write one: two or three capitalised words, no digits ("Kadri Tamm", "Jean-Luc Picard") */
const NAME_SHAPE = /^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?(?: \p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?){1,2}$/u;

/**
 * A column of person names: known names (the name lists), or, since those know only part of
 * the world's names, values shaped like names that are not firms or places.
 */
function isNameColumn(values: readonly string[]): boolean {
  const known = kindShare(values, 'person_name');
  if (known.count < 2) return false;
  if (known.share >= NAME_EVIDENCE_SHARE) return true;
  const filled = filledOf(values);
  const firmOrPlace = (['company_name', 'city', 'country'] as const).some((kind) => kindShare(filled, kind).share >= 0.3);
  return !firmOrPlace && ratio(filled, (v) => NAME_SHAPE.test(v)).ratio >= 0.8 && new Set(filled).size > 1;
}

/** rows a constant column must fill to say it belongs to the whole file */
const ONE_IDENTIFIER_MIN_ROWS = 3;

/**
 * One identifier on every row: the same code of five digits or more (letters allowed, no
 * spaces inside a word run, not a date or an amount) on three rows or more, none blank.
 */
export function isOneIdentifier(values: readonly string[]): boolean {
  const filled = filledOf(values);
  if (filled.length < ONE_IDENTIFIER_MIN_ROWS || filled.length < values.length || filled.some((v) => v !== filled[0])) return false;
  const v = filled[0]!;
  // a billing month ("2026年11月", "202611", "2026-11") is a date, not an identifier
  if (/^(?:19|20)\d{2}\D{0,3}\d{1,2}\D{0,2}$/u.test(v)) return false;
  return /^[\p{L}\d][\p{L}\d/._-]*$/u.test(v) && (v.match(/\d/g) ?? []).length >= 5 && columnDateTimeShape([v]) === null && !/^\d+[.,]\d{1,2}$/.test(v);
}
