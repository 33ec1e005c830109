import { createRequire } from 'node:module';
import {
  getCountryCallingCode as getCallingCodeWith,
  isSupportedCountry as isSupportedCountryWith,
  parsePhoneNumberFromString as parsePhoneNumberWith,
  validatePhoneNumberLength as validateLengthWith,
  type CountryCode,
  type MetadataJson,
  type NumberType,
  type PhoneNumber,
} from 'libphonenumber-js/core';
import { BoundedCache } from './bounded-cache.ts';
import { constrainedDepth } from './pattern-depth.ts';
import { EMPTY, fail, isBlankCell, type ParseFailure } from './result.ts';

/*
 * The `max` metadata: the only one with the patterns getType() needs for line types. Read on the
 * first number, not at import, through a require of this module's own that esbuild leaves alone:
 * the Lambda bundles ship the JSON beside themselves (lib/bundling.ts, REQUIRED_LAZILY), so the
 * functions that only sometimes meet a phone number (persist, the accounts API) do not compile
 * its ~200 KB at every cold start. The functions below are libphonenumber-js/max's, which pass
 * the same metadata as their last argument.
 */
const requireHere = createRequire(import.meta.url);
let maxMetadata: MetadataJson | undefined;
const metadata = (): MetadataJson => (maxMetadata ??= requireHere('libphonenumber-js/metadata.max.json') as MetadataJson);
const isSupportedCountry = (country: string): country is CountryCode => isSupportedCountryWith(country as CountryCode, metadata());
const getCountryCallingCode = (country: CountryCode) => getCallingCodeWith(country, metadata());
const validatePhoneNumberLength = (text: string, country: CountryCode | undefined) =>
  // Stryker disable next-line ConditionalExpression: equivalent, libphonenumber-js takes an undefined default country as none
  country === undefined ? validateLengthWith(text, metadata()) : validateLengthWith(text, country, metadata());
const parseInRegion = (text: string, country: CountryCode | undefined) =>
  // Stryker disable next-line ConditionalExpression: equivalent, libphonenumber-js takes an undefined default country as none
  country === undefined ? parsePhoneNumberWith(text, metadata()) : parsePhoneNumberWith(text, country, metadata());
const parseInternational = (text: string) => parsePhoneNumberWith(text, metadata());

/** The calling code of a country ("49" for DE), or undefined for a code the metadata does not know. */
export function callingCodeOf(region: string): string | undefined {
  return isSupportedCountry(region) ? getCountryCallingCode(region) : undefined;
}

/**
 * The number as `region` prints it nationally ("06 12 34 56 78" in France, "061 234 5678" in
 * South Africa), or undefined when it is no number there: how a file groups its digits says
 * where it was written.
 */
export function nationalFormatIn(raw: string, region: string): string | undefined {
  // a region the metadata does not know parses nothing
  return parseInRegion(raw, region as CountryCode)?.formatNational();
}

/** Line type of a number, from libphonenumber's metadata (snake_case), or 'unknown'. */
export type PhoneLineType =
  | 'mobile'
  | 'fixed_line'
  | 'fixed_line_or_mobile'
  | 'toll_free'
  | 'premium_rate'
  | 'shared_cost'
  | 'voip'
  | 'personal_number'
  | 'pager'
  | 'uan'
  | 'voicemail'
  | 'unknown';

export interface PhoneOk {
  ok: true;
  /** E.164, e.g. "+12125551234" (extension not included) */
  e164: string;
  /** ISO 3166-1 alpha-2 region, or null when the number's calling code is shared and the number fits no region */
  region: string | null;
  lineType: PhoneLineType;
  /** true when the number is in an assigned range of its region; false for well-formed but unassigned numbers (e.g. 555-01xx) */
  valid: boolean;
  /** extension digits when the cell carried one ("x123", "ext. 55", "#12") */
  extension?: string;
}

/**
 * A failure. `shortCode` is set when the cell is an SMS/service short code ("12345",
 * "611", "*86"): those have no E.164 form, so callers decide whether to keep the digits.
 */
export type PhoneFailure = ParseFailure & { shortCode?: string };

export type PhoneResult = PhoneOk | PhoneFailure;

const LINE_TYPES: Record<NumberType & string, PhoneLineType> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'fixed_line',
  FIXED_LINE_OR_MOBILE: 'fixed_line_or_mobile',
  TOLL_FREE: 'toll_free',
  PREMIUM_RATE: 'premium_rate',
  SHARED_COST: 'shared_cost',
  VOIP: 'voip',
  PERSONAL_NUMBER: 'personal_number',
  PAGER: 'pager',
  UAN: 'uan',
  VOICEMAIL: 'voicemail',
};

// What carriers print instead of a number for calls with caller ID withheld.
const WITHHELD = new Set([
  'private',
  'private number',
  'private caller',
  'restricted',
  'unknown',
  'unknown caller',
  'anonymous',
  'blocked',
  'unavailable',
  'no caller id',
  'withheld',
  'caller id blocked',
]);

const URI_PREFIX = /^(?:tel|callto|p):\s*/i;
const KEYPAD = '22233344455566677778889999';
const SHORT_CODE = /^(?:\d{3,6}|[*#]\d{2,6}#?)$/;
// "1-800-FLOWERS": digits first (at least a country/area prefix), then letters
const VANITY = /^\+?[\d\s().-]*\d[\d\s().-]*[A-Za-z][A-Za-z\d\s-]*$/;
const EXTENSION_MARK = /(?:ext\.?|extension|x|#|;ext=)\s*\d{1,7}\s*$/i;

const CACHE_CAPACITY = 50_000;
// one memo per region, keyed by the raw cell: no key concatenation on the hot path
const caches = new Map<string, BoundedCache<PhoneResult>>();

/**
 * Normalise a phone number as carriers and CRMs print it to E.164, with its region and
 * line type. National numbers are read in `defaultRegion` (ISO 3166 alpha-2, e.g. "US");
 * US-style "011" and "00" international prefixes, a leading national "1", extensions,
 * `tel:` URIs, Meta lead-ads' `p:` mark and vanity letters ("1-800-FLOWERS") are understood.
 *
 * Policy: a number of the right length for its country is accepted even when it is not in
 * an assigned range (`valid: false`, `lineType: 'unknown'`) — carrier logs are the record of
 * what was dialled, and test/fictional ranges like 555 are common. Short codes fail with
 * `shortCode` set (E.164 cannot represent them); withheld caller IDs ("Private",
 * "Restricted") fail with reason "number withheld".
 *
 * Results are memoised per (raw, region) in a bounded cache; the returned objects are
 * frozen and shared, so do not mutate them.
 */
export function normalizePhone(raw: string, defaultRegion: string): PhoneResult {
  const nanp = nanpFastPath(raw, defaultRegion);
  // Stryker disable next-line ConditionalExpression: equivalent for -> false, the slow path gives the same answer
  if (nanp !== undefined) return nanp;
  let cache = caches.get(defaultRegion);
  // Stryker disable next-line ConditionalExpression: equivalent for -> true, a fresh memo per call only works each answer out again
  if (cache === undefined) {
    cache = new BoundedCache<PhoneResult>(CACHE_CAPACITY);
    caches.set(defaultRegion, cache);
  }
  const hit = cache.get(raw);
  // Stryker disable next-line ConditionalExpression: equivalent for -> false, without the memo the same answer is worked out again
  if (hit !== undefined) return hit;
  const result = Object.freeze(normalizePhoneUncached(raw, defaultRegion));
  cache.set(raw, result);
  return result;
}

/** {@link normalizePhone} without the memo (for measuring, and for callers with one-off values). */
export function normalizePhoneUncached(raw: string, defaultRegion: string): PhoneResult {
  if (isBlankCell(raw)) return EMPTY;
  let text = raw.trim();
  if (text.length > 64) return fail('too long for a phone number');
  // a URI scheme or an export's type mark before the number: `tel:`, and Meta lead-ads
  // downloads' `p:` (which keeps spreadsheets from reading "+1..." as a formula)
  text = text.replace(URI_PREFIX, '');

  const lower = text.toLowerCase();
  if (WITHHELD.has(lower)) return fail('number withheld');

  const compact = text.replace(/[\s().-]/g, '');
  if (SHORT_CODE.test(compact)) return { ok: false, reason: 'short code (no E.164 form)', shortCode: compact };

  if (/[a-z]/i.test(text) && !EXTENSION_MARK.test(text)) {
    // Stryker disable next-line StringLiteral,Regex: equivalent for the replacement and the $ (with the s flag .* runs to the end anyway), letters put in are dropped with every other non-digit
  const leadingDigits = text.replace(/[a-z].*$/is, '').replace(/\D/g, '').length;
    if (!VANITY.test(text) || leadingDigits < 4) return fail('not a phone number');
    text = lettersToDigits(text);
  }

  const upper = defaultRegion.toUpperCase();
  const region: CountryCode | undefined = isSupportedCountry(upper) ? upper : undefined;

  let parsed = parseInRegion(text, region);
  if (parsed === undefined || !parsed.isPossible()) {
    // Exports often drop the "+" (or use "00"): "447700900123", "0044 20 7946 0958".
    // Retry as international, but only keep the guess when it lands in an assigned range.
    const digits = compact.replace(/\D/g, '');
    const intl = digits.startsWith('00') ? digits.slice(2) : digits.startsWith('011') ? digits.slice(3) : digits;
    if (!compact.startsWith('+') && intl.length >= 8) {
      const guess = parseInternational('+' + intl);
      // a bare run of 11-15 digits is how switch records (MSC CDRs) print every international
      // number: there a possible number is kept like a national one is (`valid` says the rest)
      if (guess?.isValid() === true || (guess?.isPossible() === true && /^[1-9]\d{10,14}$/.test(compact))) parsed = guess;
    }
  }
  if (parsed === undefined) return fail('not a phone number');
  if (!parsed.isPossible()) return fail(lengthReason(text, region));
  return toOk(parsed, region);
}

function toOk(parsed: PhoneNumber, defaultRegion: CountryCode | undefined): PhoneOk {
  const valid = parsed.isValid();
  const type = valid ? parsed.getType() : undefined;
  let region: string | null = parsed.country ?? null;
  // "+1 555 123 4567" has no region of its own (NANP is shared); read it in the default
  // region when that shares the calling code, so the same number gets the same region
  // however it was written.
  if (region === null && defaultRegion !== undefined && getCountryCallingCode(defaultRegion) === parsed.countryCallingCode) {
    region = defaultRegion;
  }
  const ok: PhoneOk = {
    ok: true,
    e164: parsed.number,
    region,
    lineType: type === undefined ? 'unknown' : LINE_TYPES[type],
    valid,
  };
  if (parsed.ext !== undefined) ok.extension = parsed.ext;
  return ok;
}

function lengthReason(text: string, region: CountryCode | undefined): string {
  const why = validatePhoneNumberLength(text, region);
  // Stryker disable next-line MethodExpression,ConditionalExpression: equivalent for trimStart and region === undefined -> false, the text is trimmed, and without a region only a + number parses
  const where = text.trimStart().startsWith('+') || region === undefined ? '' : ` for ${region}`;
  switch (why) {
    case 'TOO_SHORT':
      return `too few digits${where}`;
    case 'TOO_LONG':
      return `too many digits${where}`;
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, unreachable: a parsed number has a known calling code
    case 'INVALID_COUNTRY':
      // Stryker disable next-line StringLiteral: equivalent, unreachable: a parsed number has a known calling code
      return 'unknown country calling code';
    default:
      return 'not a phone number';
  }
}

function lettersToDigits(text: string): string {
  // Stryker disable next-line StringLiteral: equivalent, libphonenumber-js reads a number from its first digit or +, so letters before it change nothing
  let out = '';
  // Stryker disable next-line EqualityOperator: equivalent, the 'undefined' one more turn appends is trailing text libphonenumber-js leaves out
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20; // lower-case ASCII letters
    // Stryker disable next-line ConditionalExpression: equivalent for c <= 122 -> true, the vanity pattern lets no character above z through
    out += c >= 97 && c <= 122 ? KEYPAD[c - 97] : text[i];
  }
  return out;
}

/** Empty the memos (tests and benchmarks). */
// Stryker disable next-line BlockStatement: equivalent, emptying the memos changes how often an answer is worked out, never the answer
export function clearPhoneCache(): void {
  caches.clear();
  nanpMemos.clear();
}

/*
 * The NANP fast path. Carrier exports are mostly North American numbers, and a million
 * distinct numbers defeat any per-number memo, while libphonenumber costs ~15 µs each.
 * For a 10-digit NANP national number, region, validity and line type come from metadata
 * patterns that look only at its first few digits: how many, per area code, is worked out
 * from the metadata itself (pattern-depth.ts; 4 for most US area codes, 7 at most today).
 * So the verdict is memoised per such prefix, and the E.164 form is "+1" and the ten
 * digits. The first number of each prefix goes the whole way through libphonenumber;
 * tests compare the two paths.
 */
let nanpRegions: ReadonlySet<string> | undefined;
// Stryker disable next-line ArrayDeclaration: equivalent with the bundled metadata, which always lists calling code 1
const NANP = (): ReadonlySet<string> => (nanpRegions ??= new Set(metadata().country_calling_codes['1'] ?? []));
/** A deeper prefix would make the memo as large as the numbers: use libphonenumber then. */
const MAX_KEY_DIGITS = 7;
/** deciding digits per area code (index = the three digits), 0 until worked out */
const nanpDepths = new Int8Array(1000);
type Verdict = Omit<PhoneOk, 'e164' | 'ok'>;
/** per default region: verdicts by the number value of the deciding prefix (no key strings on the hot path) */
const nanpMemos = new Map<string, { byPrefix: Map<number, Verdict>; verdicts: Map<string, Verdict> }>();

/**
 * How many leading digits decide the region, validity and type of a 10-digit NANP number
 * starting with `areaCode` (all of them when omitted); Infinity when the metadata has a
 * shape this reading does not know.
 */
export function nanpDecidingDigits(areaCode = ''): number {
  let k = areaCode.length;
  for (const code of NANP()) {
    // the compressed metadata layout: [calling code, IDD, national pattern, lengths, formats, ..., leading digits (10), types (11)]
    const entry = (metadata().countries as unknown as Record<string, unknown[]>)[code];
    // Stryker disable next-line OptionalChaining: equivalent with the bundled metadata, every NANP region has an entry
    const national = entry?.[2];
    // Stryker disable next-line OptionalChaining: equivalent with the bundled metadata, every NANP region has an entry
    const leading = entry?.[10];
    // Stryker disable next-line OptionalChaining: equivalent with the bundled metadata, every NANP region has an entry
    const types = entry?.[11];
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent with the bundled metadata, whose NANP entries all have this shape
    if (typeof national !== 'string' || !Array.isArray(types)) return Infinity;
    const at = { startsWith: areaCode };
    k = Math.max(k, constrainedDepth(national, 10, at));
    // Stryker disable next-line ConditionalExpression,StringLiteral,ObjectLiteral,BooleanLiteral: equivalent with the bundled metadata, whose leading-digit patterns decide no deeper than the types
    if (typeof leading === 'string') k = Math.max(k, constrainedDepth(leading, 10, { ...at, prefix: true }));
    for (const type of types as unknown[]) {
      // Stryker disable next-line LogicalOperator,ConditionalExpression,StringLiteral: equivalent with the bundled metadata, whose type entries are all pattern arrays or 0
      if (Array.isArray(type) && typeof type[0] === 'string' && type[0] !== '') k = Math.max(k, constrainedDepth(type[0], 10, at));
      // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent with the bundled metadata, whose type entries are all pattern arrays or 0
      else if (type !== 0 && !(Array.isArray(type) && type[0] === '')) return Infinity;
    }
  }
  return k;
}

function depthFor(national: string): number {
  // Stryker disable next-line ArithmeticOperator: equivalent, for a first digit of 2-9 each variant still gives every area code an index of its own below 1000
  const area = (national.charCodeAt(0) - 48) * 100 + (national.charCodeAt(1) - 48) * 10 + (national.charCodeAt(2) - 48);
  let k = nanpDepths[area]!;
  // Stryker disable next-line ConditionalExpression: equivalent for -> true, the depth is worked out again to the same number
  if (k === 0) {
    // Infinity (metadata this reading does not know) is kept as "too deep"
    k = Math.min(nanpDecidingDigits(national.slice(0, 3)), 127);
    nanpDepths[area] = k;
  }
  return k;
}

const NOT_DIGIT = /\D/g;

/** The ten national digits of a plainly written NANP number ("(415) 530-2492", "1-646-776-4257", "+1 212.541.5903"). */
function nanpNational(raw: string, defaultRegion: string): string | undefined {
  let count = 0;
  let plus = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) count++;
    // Stryker disable next-line ConditionalExpression,BooleanLiteral: equivalent for -> false and plus, a + then ends the fast path, and the slow path gives the same answer
    else if (c === 43 && count === 0 && !plus) plus = true;
    // Stryker disable next-line ConditionalExpression: equivalent for each separator -> true, that separator then ends the fast path, and the slow path gives the same answer
    else if (c !== 32 && c !== 45 && c !== 46 && c !== 40 && c !== 41) return undefined;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, 11 or more digits are refused below or left to the slow path, and the slow path gives the same answer
    if (count > 11) return undefined;
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, fewer than 10 digits fail the length checks below, and 10 left to the slow path get the same answer
  if (count < 10) return undefined;
  // one string for the digits: the cell itself when it is only digits
  // Stryker disable next-line ConditionalExpression: equivalent, a cell with separators taken as its digits fails the length or first-digit check below
  let digits = count === raw.length ? raw : raw.replace(NOT_DIGIT, '');
  // A bare "1" + ten digits reads as NANP only in a NANP default region; elsewhere it needs its "+".
  // Stryker disable next-line ConditionalExpression: equivalent for length === 11 -> true, ten digits starting 1 leave nine, which never read as +1 and nine digits, so are never memoised
  if (digits.length === 11 && digits.charCodeAt(0) === 49 && (plus || NANP().has(defaultRegion))) digits = digits.slice(1);
  else if (plus || digits.length !== 10 || !NANP().has(defaultRegion)) return undefined;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a national number starting 0 or 1 never reads as +1 and its digits, so it is never memoised, and the slow path answers
  return digits.charCodeAt(0) >= 50 ? digits : undefined;
}

/** The memoised answer for a North American number, or undefined for libphonenumber to decide (exported for tests). */
export function nanpFastPath(raw: string, defaultRegion: string): PhoneResult | undefined {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for >= 40 and -> true, the slow path gives the same answer (-> false is killed: over 64 characters)
  if (raw.length > 40) return undefined;
  const national = nanpNational(raw, defaultRegion);
  if (national === undefined) return undefined;
  const k = depthFor(national);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, no area code needs more than 7 digits in today's metadata (a unit test checks), and the slow path gives the same answer for 7
  if (k > MAX_KEY_DIGITS) return undefined;
  let memo = nanpMemos.get(defaultRegion);
  // Stryker disable next-line ConditionalExpression: equivalent for -> true, a fresh memo per call only sends each number the slow way
  if (memo === undefined) {
    memo = { byPrefix: new Map(), verdicts: new Map() };
    nanpMemos.set(defaultRegion, memo);
  }
  let prefix = 0;
  // Stryker disable next-line ArithmeticOperator,EqualityOperator: equivalent, each variant still gives k digits a key of their own (<= k keys one digit more)
  for (let i = 0; i < k; i++) prefix = prefix * 10 + (national.charCodeAt(i) - 48);
  // Stryker disable next-line StringLiteral: equivalent, a wrong E.164 form matches no answer, so nothing is memoised and the slow path gives the same answer
  const e164 = '+1' + national;
  const known = memo.byPrefix.get(prefix);
  // Stryker disable next-line ConditionalExpression: equivalent for -> false, the slow path gives the same answer
  if (known !== undefined) return { ok: true, e164, region: known.region, lineType: known.lineType, valid: known.valid };
  const full = normalizePhoneUncached(raw, defaultRegion);
  // Only a plain answer is memoised; anything else (never seen so far) stays on the slow path.
  // Stryker disable next-line ConditionalExpression,LogicalOperator,BooleanLiteral,EqualityOperator: equivalent, a plainly written NANP number always reads ok as +1 and its digits without an extension; an answer not memoised sends the next one the slow way
  if (!full.ok || full.e164 !== e164 || full.extension !== undefined) return full;
  const name = `${full.region}|${full.lineType}|${full.valid}`;
  let verdict = memo.verdicts.get(name);
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: equivalent, verdicts are shared objects to save memory; an unset one leaves its prefix to the slow path
  if (verdict === undefined) {
    verdict = { region: full.region, lineType: full.lineType, valid: full.valid };
    memo.verdicts.set(name, verdict);
  }
  // Bounded like the other memo: prefixes are few in real files, but a file of random numbers must not grow it forever.
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent, the memo's bound changes only how often an answer is worked out again
  if (memo.byPrefix.size >= CACHE_CAPACITY * 4) memo.byPrefix.clear();
  memo.byPrefix.set(prefix, verdict);
  return full;
}
