import { isValidTimeZone, zoneAbbreviationOffset } from '../enrich/datetime.ts';
import type { DurationUnit } from '../enrich/duration.ts';
import { normalizeHeader } from '../map/normalize-header.ts';

const MINUTE_WORDS = new Set(['min', 'mins', 'minute', 'minutes', 'mou', 'mn']);
const SECOND_WORDS = new Set(['sec', 'secs', 'second', 'seconds', 's']);

/**
 * The unit of bare numbers in a duration column, from its header: AT&T's "Min", Verizon's
 * "Minutes", "Duration (min)", "MOU" are minutes; everything else is seconds. A mapping has
 * no slot for hints, so the builder reads them from `sourceHeaders` — the header a person
 * confirmed is the evidence.
 */
/** Whether a duration column's header names its unit ("Duration (min)", "billsec" does not). */
export function headerStatesDurationUnit(header: string | undefined): boolean {
  if (header === undefined) return false;
  return normalizeHeader(header)
    .split(' ')
    .some((w) => SECOND_WORDS.has(w) || MINUTE_WORDS.has(w));
}

export function durationUnitFromHeader(header: string | undefined): DurationUnit {
  if (header === undefined) return 'seconds';
  const words = normalizeHeader(header).split(' ');
  if (words.some((w) => SECOND_WORDS.has(w))) return 'seconds';
  return words.some((w) => MINUTE_WORDS.has(w)) ? 'minutes' : 'seconds';
}

let currencies: Set<string> | undefined;

/** A currency named in a money column's header ("Cost (EUR)", "Total USD"), or undefined. */
export function currencyFromHeader(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  if (header.includes('€')) return 'EUR';
  if (header.includes('£')) return 'GBP';
  const known = currencies;
  const bracketed = new Set([...header.matchAll(/[([]\s*([A-Za-z]{3})\s*[)\]]/g)].map((m) => m[1]!.toUpperCase()));
  return normalizeHeader(header)
    .split(' ')
    .map((w) => w.toUpperCase())
    .find((w) => known.has(w) && (!CODES_THAT_ARE_WORDS.has(w) || bracketed.has(w))); // every ISO 4217 code has three letters
}

/**
 * ISO 4217 codes that are also everyday words in headers ("Top-Up Amount", "All calls", "Try",
 * "Cup"): they name a currency only in brackets, "Cost (TRY)", "Amount [ALL]". Elsewhere the
 * word wins, and the amount is read in the job's currency rather than Tonga's or Albania's.
 */
const CODES_THAT_ARE_WORDS = new Set(['ALL', 'BOB', 'CUP', 'GEL', 'MOP', 'SOS', 'TOP', 'TRY']);

// US zone names without standard/daylight: the zone's rules decide the offset of each date.
const US_ZONES = new Map([
  ['et', 'America/New_York'], ['eastern', 'America/New_York'], ['ct', 'America/Chicago'], ['central', 'America/Chicago'],
  ['mt', 'America/Denver'], ['mountain', 'America/Denver'], ['pt', 'America/Los_Angeles'], ['pacific', 'America/Los_Angeles'],
]);

/**
 * The time zone a date/time column's header declares, as a zone luxon reads: "(UTC) Time",
 * "Time (GMT)", "Start Time Z" -> "UTC"; "Date (EST)" -> "UTC-5"; "Time (UTC+02:00)" ->
 * "UTC+2"; "Time (ET)" -> "America/New_York"; "Time (Europe/Berlin)" -> that zone.
 * Undefined when the header names none: the job's zone applies.
 */
export function timeZoneFromHeader(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const iana = /\b([A-Z][a-z]+\/[A-Z][A-Za-z_]+(?:\/[A-Z][A-Za-z_]+)?)\b/.exec(header); // IANA area names have no underscore
  if (iana !== null && isValidTimeZone(iana[1]!)) return iana[1];
  const offset = /\b(?:utc|gmt)\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?\b/i.exec(header);
  if (offset !== null) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    if (minutes <= 14 * 60) return fixedZone(offset[1] === '+' ? minutes : -minutes);
  }
  const bare = /(?:^|[\s([])([+-])(\d{2}):?(\d{2})(?=$|[\s)\]])/.exec(header);
  if (bare !== null) return fixedZone((bare[1] === '+' ? 1 : -1) * (Number(bare[2]) * 60 + Number(bare[3])));
  // Stryker disable next-line Regex: equivalent for [^a-z]+ -> [^a-z], the empty words it makes match no zone word
  for (const word of header.toLowerCase().split(/[^a-z]+/)) {
    // Stryker disable next-line ConditionalExpression: equivalent for false, an empty word matches no zone word, zulu nor abbreviation
    if (word.length === 0) continue;
    const us = US_ZONES.get(word);
    if (us !== undefined) return us;
    if (word === 'zulu') return 'UTC';
    const fixed = zoneAbbreviationOffset(word);
    // a lone "Z" counts only as a word of its own ("Start Time Z"), never inside one
    if (fixed !== undefined) return fixedZone(fixed);
  }
  return undefined;
}

function fixedZone(minutes: number): string {
  if (minutes === 0) return 'UTC';
  // Stryker disable next-line EqualityOperator: equivalent for <=, fixedZone(0) has returned 'UTC' above
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 === 0 ? '' : `:${String(abs % 60).padStart(2, '0')}`}`;
}
