/**
 * Exports that never print a header row, but whose column order is fixed and documented,
 * so a file of their shape can be read under their column names.
 *
 * Asterisk's `cdr_csv` module writes `Master.csv` without a header: accountcode, src,
 * dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, start, answer, end,
 * duration, billsec, disposition, amaflags, then uniqueid and userfield when the
 * module logs them (16 to 18 columns). A file is taken for one only when most of its
 * rows have that shape in the columns that cannot be anything else: the three
 * "YYYY-MM-DD HH:MM:SS" times (answer empty for an unanswered call), two whole numbers
 * of seconds, a disposition and an AMA flag.
 */

export interface HeaderlessLayout {
  /** names the layout in the classification (`impliedHeader`) */
  name: string;
  /** the column names the file's rows are read under */
  headers: string[];
}

const ASTERISK_COLUMNS = [
  'accountcode', 'src', 'dst', 'dcontext', 'clid', 'channel', 'dstchannel', 'lastapp', 'lastdata',
  'start', 'answer', 'end', 'duration', 'billsec', 'disposition', 'amaflags', 'uniqueid', 'userfield',
];
const CDR_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const SECONDS = /^\d+$/;
const DISPOSITIONS = new Set(['ANSWERED', 'NO ANSWER', 'BUSY', 'FAILED', 'CONGESTION']);
const AMA_FLAGS = new Set(['DOCUMENTATION', 'BILLING', 'OMIT', 'DEFAULT']);

function isAsteriskCdr(cells: readonly string[]): boolean {
  if (cells.length < 16 || cells.length > ASTERISK_COLUMNS.length) return false;
  const c = cells.map((x) => x.trim());
  return (
    CDR_TIME.test(c[9]!) &&
    (c[10] === '' || CDR_TIME.test(c[10]!)) &&
    CDR_TIME.test(c[11]!) &&
    SECONDS.test(c[12]!) &&
    SECONDS.test(c[13]!) &&
    DISPOSITIONS.has(c[14]!.toUpperCase()) &&
    (AMA_FLAGS.has(c[15]!.toUpperCase()) || SECONDS.test(c[15]!))
  );
}

/** Share of the (non-blank) rows that must have the layout's shape. */
const MIN_SHARE = 0.8;

/**
 * The documented layout the rows of a header-less file have, with the column names for
 * their width; undefined when they have none (the file then has no header to read by).
 */
export function recognizeHeaderless(rows: readonly (readonly string[])[]): HeaderlessLayout | undefined {
  const filled = rows.filter((r) => r.some((c) => c.trim() !== ''));
  if (filled.length === 0) return undefined;
  const width = filled[0]!.length;
  const matching = filled.filter((r) => r.length === width && isAsteriskCdr(r)).length;
  if (matching < MIN_SHARE * filled.length) return undefined;
  return { name: 'asterisk-cdr-csv', headers: ASTERISK_COLUMNS.slice(0, width) };
}
