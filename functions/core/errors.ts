/**
 * Domain errors. Each sets `name`, which becomes the Step Functions error type on AWS
 * (Lambda reports errorType = name) and locally, so operators and the job's
 * `error.type` see e.g. "EmptyFileError" rather than a generic failure.
 */
export class DomainError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * A byte range of a split file met columns its header does not have (a later section
 * with another header): raised by Persist, on which the state machine reads the file in
 * one pass instead.
 */
export class LayoutChangedError extends DomainError {}
/** The file has no bytes, or only whitespace. */
export class EmptyFileError extends DomainError {}
/** Bytes that are not text and not a known container (junk named .csv, images...). */
export class BinaryContentError extends DomainError {}
/** A known format this version does not read (yet). */
export class UnsupportedFormatError extends DomainError {}
/** A header was found but no data rows follow it. */
export class NoDataRowsError extends DomainError {}
/** No line of the file looks like a header row. */
export class HeaderNotFoundError extends DomainError {}
/** The text cannot be decoded in the detected encoding. */
export class EncodingError extends DomainError {}
/** A line, field or column count beyond what the parser accepts. */
export class LimitExceededError extends DomainError {}
/** The requested target schema does not exist. */
export class UnknownSchemaError extends DomainError {}
/** The file's bytes do not have the SHA-256 the client declared: a corrupted or substituted upload. */
export class ChecksumMismatchError extends DomainError {}
/** A dependency hiccup worth retrying (the state machine retries this type). */
export class TransientError extends DomainError {}

/** Narrow an unknown catch value to an Error. Not in a best-effort catch: it throws for anything else (use loggable there). */
export function assertIsError(value: unknown): asserts value is Error {
  if (!(value instanceof Error)) throw new Error(`Expected an Error, got ${String(value)}`);
}

/**
 * A caught value as a best-effort catch logs it: the Error itself (the logger keeps its name,
 * message and stack), or its text when something else was thrown, so the catch never throws.
 */
export function loggable(value: unknown): Error | string {
  return value instanceof Error ? value : String(value);
}

/** A caught value's message, whatever was thrown. */
export const messageOf = (value: unknown): string => (value instanceof Error ? value.message : String(value));

/** A caught value's error name (no message: where the message might carry what must not be logged). */
export const nameOf = (value: unknown): string => (value instanceof Error ? value.name : typeof value);

/** A ZIP container (XLSX, DOCX) whose entries would inflate beyond the limits: a zip bomb, or too big to read safely. */
export class ZipBombError extends DomainError {}
/** The file stops before its end: a ZIP without its central directory, a cut-off PDF. */
export class TruncatedFileError extends DomainError {}
/** A PDF whose pages carry no text (scanned images): there is nothing to read without OCR. */
export class NoTextLayerError extends DomainError {}
/** A known container format whose content is broken (not a workbook inside, invalid XML, unreadable PDF). */
export class CorruptFileError extends DomainError {}
