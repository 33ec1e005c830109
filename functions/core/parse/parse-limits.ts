/**
 * Limits on what a file may make the parsers do, beyond its own size: how far its
 * compressed parts may inflate and how deep its records may nest. A file past one fails
 * the job with LimitExceededError naming the limit, before the expensive work starts.
 * Operators can change them (the Classify and Parse functions read the settings named in
 * LIMIT_SETTINGS from their environment); the core takes them as an argument.
 */
export interface ParseLimits {
  /** PDF: bytes one stream (page content, font, object stream) may inflate to */
  pdfMaxStreamInflatedBytes: number;
  /** PDF: bytes all its streams together may inflate to (images excepted: text extraction does not decode them) */
  pdfMaxInflatedBytes: number;
  /** XLSX: bytes of the shared-strings table (xl/sharedStrings.xml, inflated), which the reader holds in memory */
  xlsxMaxSharedStringsBytes: number;
  /** XLSX: strings in the shared-strings table */
  xlsxMaxSharedStrings: number;
  /** JSON/NDJSON: deepest nesting of objects and arrays in one record */
  jsonMaxDepth: number;
}

const MiB = 1024 * 1024;

/**
 * The defaults. A 5,000-page statement (the page limit) inflates to ~250 MiB of page
 * content, a page's own content is well under 1 MiB and a large font 20 MiB. A
 * 1,000,000-row workbook with a unique text per row has ~1,000,000 shared strings in
 * ~40 MiB.
 */
export const DEFAULT_PARSE_LIMITS: Readonly<ParseLimits> = {
  pdfMaxStreamInflatedBytes: 64 * MiB,
  pdfMaxInflatedBytes: 512 * MiB,
  xlsxMaxSharedStringsBytes: 100 * MiB,
  xlsxMaxSharedStrings: 2_000_000,
  jsonMaxDepth: 64,
};

/** The setting that changes each limit: an environment variable of the Classify and Parse functions. */
export const LIMIT_SETTINGS: Readonly<Record<keyof ParseLimits, string>> = {
  pdfMaxStreamInflatedBytes: 'PDF_MAX_STREAM_INFLATED_BYTES',
  pdfMaxInflatedBytes: 'PDF_MAX_INFLATED_BYTES',
  xlsxMaxSharedStringsBytes: 'XLSX_MAX_SHARED_STRINGS_BYTES',
  xlsxMaxSharedStrings: 'XLSX_MAX_SHARED_STRINGS',
  jsonMaxDepth: 'JSON_MAX_DEPTH',
};

/** "the limit of 67108864 bytes (PDF_MAX_STREAM_INFLATED_BYTES)": how an error names a limit. */
export function describeLimit(limits: ParseLimits, name: keyof ParseLimits, unit: string): string {
  return `the limit of ${limits[name]}${unit ? ` ${unit}` : ''} (${LIMIT_SETTINGS[name]})`;
}
