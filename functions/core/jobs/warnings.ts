/**
 * Warnings: what a job read but had to bend to read (bytes that are not valid text, two
 * columns of one name, a quote never closed), what its mapping left out, and what it found
 * checking its own records (an expected field missing on most of them). The job still
 * succeeds; the warnings say what to check. Each stage collects its own, one entry per code with a count, and carries
 * them in its result; the job stores the merged list once, when the attempt ends, so a
 * retried stage or chunk never counts anything twice.
 */

/**
 * Stable codes: clients match on them, so a code is never renamed or reused. Later kinds
 * are added here.
 */
export const WARNING_CODES = {
  /** bytes that are not valid in the file's encoding, decoded as U+FFFD */
  invalidCharacters: 'invalid_characters',
  /** no byte order mark and not valid UTF-8: the encoding is a guess (e.g. Windows-1252) */
  encodingGuessed: 'encoding_guessed',
  /** two columns with the same name: the later ones renamed "Name (2)", "Name (3)" */
  duplicateColumns: 'duplicate_columns',
  /** a quote that opens a cell and is never closed: the row is cut at the end of its line */
  unclosedQuote: 'unclosed_quote',
  // what the job found checking its own records (core/quality/self-checks.ts)
  /** a field the schema expects on a file of this kind (a call's direction) is absent on most records */
  expectedFieldMissing: 'expected_field_missing',
  /** a field with a mapped column is empty on nearly every record */
  mappedFieldEmpty: 'mapped_field_empty',
  /** most rows read were rejected */
  rowsMostlyRejected: 'rows_mostly_rejected',
  // what the mapping warned about, carried onto the job (core/map/mapping-report.ts says when)
  unmappedColumns: 'unmapped_columns',
  emptyMappedField: 'empty_mapped_field',
  schemaLowCoverage: 'schema_low_coverage',
  rangeValues: 'range_values',
  unitScale: 'unit_scale',
  /** the AI was configured but could not help with the mapping (the reason, never the key) */
  aiUnavailable: 'ai_unavailable',
  /** AI answers were refused because the column's values did not fit the field */
  aiRefused: 'ai_refused',
  /** values of an enum field's column that neither the rules, Claude nor a person understood (core/map/value-maps.ts) */
  enumValuesUnknown: 'enum_values_unknown',
  /** clock times without a zone or offset stored as UTC: the job names no timezone and its region gives none (core/records/naive-times.ts) */
  timesReadAsUtc: 'times_read_as_utc',
  /** the file's country, read from its phone numbers, is a guess between countries whose plans hold them all (core/map/region-guess.ts) */
  regionGuessed: 'region_guessed',
} as const;

export type WarningCode = (typeof WARNING_CODES)[keyof typeof WARNING_CODES];

export interface JobWarning {
  code: WarningCode;
  /** what happened, with the first place it happened */
  message: string;
  /** how many times (rows, columns, characters, fields: the message says which) */
  count: number;
  /** the schema fields it concerns, when it concerns fields */
  fields?: string[];
}

/** Collects a stage's warnings: the first message of each code is kept, the counts add up. */
export class WarningTally {
  private readonly byCode = new Map<WarningCode, JobWarning>();

  add(code: WarningCode, count: number, message: () => string, fields?: readonly string[]): void {
    if (count <= 0) return;
    const seen = this.byCode.get(code);
    if (seen) {
      seen.count += count;
      if (fields !== undefined) seen.fields = [...new Set([...(seen.fields ?? []), ...fields])];
    } else {
      this.byCode.set(code, { code, message: message(), count, ...(fields !== undefined ? { fields: [...fields] } : {}) });
    }
  }

  /** the warnings so far, in the order their codes first came up */
  list(): JobWarning[] {
    return [...this.byCode.values()].map((w) => ({ ...w }));
  }
}

/**
 * One list from several (stages, chunks in file order): one entry per code, counts summed,
 * the message of the first list that has the code.
 */
export function mergeWarnings(...lists: readonly (readonly JobWarning[] | undefined)[]): JobWarning[] {
  const tally = new WarningTally();
  for (const list of lists) for (const w of list ?? []) tally.add(w.code, w.count, () => w.message, w.fields);
  return tally.list();
}
