/**
 * The target-schema model. Schemas are plain JSON-serialisable data (users add their own
 * through the API), so everything the mapper and the record builder need to know about a
 * field is declared here rather than coded per schema.
 */

export type FieldType =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'phone'
  | 'email'
  | 'url'
  /** a bare host name ("acme.com"), read from a domain, URL or e-mail address */
  | 'domain'
  | 'money'
  | 'duration'
  | 'enum';

export const FIELD_TYPES: readonly FieldType[] = [
  'string', 'integer', 'number', 'boolean', 'date', 'datetime', 'phone', 'email', 'url', 'domain', 'money', 'duration', 'enum',
];

/** Named carrier code tables an enum field can be normalised with. */
export type CodeTable = 'call_direction' | 'call_record_type';

/**
 * How to fill a field that has no mapped column (or a blank cell) from other fields of
 * the same output record, after they are normalised.
 */
export type FieldDerivation =
  /** company domain of an e-mail field (free-mail providers give nothing) */
  | { kind: 'domain_from_email'; from: string }
  /** join other string fields with a space ("first_name last_name") */
  | { kind: 'join'; from: string[] }
  /** one part of a full name: "Doe, Jane" and "Jane Doe" both give first "Jane", last "Doe" */
  | { kind: 'name_part'; from: string; part: 'first' | 'last' };

/** What the values of a text field are, for recognising its column by its values (see map/value-kinds.ts). */
export type ValueKind = 'person_name' | 'given_name' | 'family_name' | 'company_name' | 'country' | 'city' | 'industry' | 'job_title';

export const VALUE_KINDS: readonly ValueKind[] = ['person_name', 'given_name', 'family_name', 'company_name', 'country', 'city', 'industry', 'job_title'];

export interface FieldDefinition {
  /** output key, snake_case */
  name: string;
  type: FieldType;
  /** a row without a value for this field is rejected */
  required: boolean;
  /** source headers that mean this field, most specific first (compared normalised) */
  synonyms: string[];
  /** enum: the allowed output values */
  enumValues?: string[];
  /** enum: source value (any case) -> output value, for codes not in a code table */
  enumAliases?: Record<string, string>;
  /** enum: normalise values with a named carrier code table */
  codes?: CodeTable;
  /** datetime: headers of a separate time-of-day column combined with the date column */
  timeSynonyms?: string[];
  /** money: output key for the ISO 4217 currency (default "currency") */
  currencyField?: string;
  /** money: output key for the amount in integer millionths of the currency, as precise as printed (none by default) */
  microsField?: string;
  /** the cell holds a list ("a, b; c"): output is string[] */
  multiple?: boolean;
  derive?: FieldDerivation;
  /**
   * A required field some records do without: when the record's `field` has one of `in`
   * (a data session's record_type "data" has no other party), the field is optional.
   */
  requiredUnless?: { field: string; in: string[] };
  /** string fields: what the values are (names, companies, places...), so a column can be recognised by them */
  kind?: ValueKind;
  /** extra checks on the converted value; a value that fails is invalid (row error if required, else a warning) */
  validation?: FieldValidation;
  description: string;
}

/**
 * Validation rules of a custom schema's field, checked on the output value: text rules on
 * string outputs (e-mail, phone E.164, ISO dates... included), bounds on numeric outputs
 * (money in minor units, durations in seconds).
 */
export interface FieldValidation {
  /** the output must match this regular expression (ECMAScript syntax, whole-string anchors are yours to add) */
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
}

export interface SchemaDefinition {
  name: string;
  description?: string;
  fields: FieldDefinition[];
  /** groups of fields of which each row needs at least one (e.g. a contact needs a name, e-mail or phone) */
  requireAnyOf?: string[][];
  /**
   * Fields a file of this kind should fill on (nearly) every record although a record may
   * lack them (a call's direction and type): a job whose records mostly lack one still
   * succeeds, with an `expected_field_missing` warning naming the field and the share.
   */
  expected?: string[];
}

/** Output keys a field writes besides its own name (phone details, a money field's currency). */
export function companionKeys(field: FieldDefinition): string[] {
  if (field.type === 'phone') return [`${field.name}_region`, `${field.name}_line_type`, `${field.name}_extension`];
  if (field.type === 'money') return field.microsField === undefined ? [field.currencyField ?? 'currency'] : [field.currencyField ?? 'currency', field.microsField];
  return [];
}

/** True when a required field's requirement is lifted for this record (see `requiredUnless`). */
export function requirementWaived(field: FieldDefinition, record: Readonly<Record<string, unknown>>): boolean {
  const unless = field.requiredUnless;
  if (unless === undefined) return false;
  const v = record[unless.field];
  return typeof v === 'string' && unless.in.includes(v);
}
