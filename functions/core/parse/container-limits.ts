import type { ZipLimits } from '../detect/zip-archive.ts';
import { LimitExceededError } from '../errors.ts';

/**
 * Size caps for the formats read whole. Kept apart from their readers so the size checks
 * need no heavy library (exceljs, mammoth, pdfjs are loaded only for their own format).
 *
 * XLSX: workbooks are read from memory (the archive, then rows streamed out of it); the
 * inflated caps bound exceljs's temporary files and its shared-strings table. A
 * 1,000,000-row call log is about 30 MiB zipped and 150 MiB inflated.
 */
export const XLSX_LIMITS: ZipLimits = {
  maxArchiveBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
  maxInflatedBytes: 1024 * 1024 * 1024,
  maxEntryInflatedBytes: 768 * 1024 * 1024,
};

/**
 * DOCX: mammoth reads the whole document into memory and builds a tree of it (about ten
 * times the XML), so documents are capped well below spreadsheets: Word tables of call
 * logs are small.
 */
export const DOCX_LIMITS: ZipLimits = {
  maxArchiveBytes: 25 * 1024 * 1024,
  maxEntries: 5_000,
  maxInflatedBytes: 256 * 1024 * 1024,
  maxEntryInflatedBytes: 128 * 1024 * 1024,
};

/** PDF: read whole (pdfjs needs random access); statements and call logs are small. */
export const PDF_LIMITS = {
  maxBytes: 50 * 1024 * 1024,
  maxPages: 5_000,
  /** reading stops with LimitExceededError after this long (Parse; Classify gives it less) */
  maxMillis: 600_000,
};

/** Largest whole-file read per container format (the archive or document itself). */
export const READ_WHOLE_MAX_BYTES: Readonly<Record<'xlsx' | 'docx' | 'pdf', number>> = {
  xlsx: XLSX_LIMITS.maxArchiveBytes,
  docx: DOCX_LIMITS.maxArchiveBytes,
  pdf: PDF_LIMITS.maxBytes,
};

/** Throws LimitExceededError for a container too big to be read whole. */
export function assertReadWholeSize(format: 'xlsx' | 'docx' | 'pdf', size: number): void {
  if (size > READ_WHOLE_MAX_BYTES[format]) {
    throw new LimitExceededError(
      `${format.toUpperCase()} files are read whole and may be at most ${READ_WHOLE_MAX_BYTES[format]} bytes; this one is ${size}. Export the data as CSV instead`,
    );
  }
}
