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
  return normalizeHeader(header)
    .split(' ')
    .map((w) => w.toUpperCase())
    .find((w) => w.length === 3 && known.has(w) && w !== 'ALL'); // "ALL" is Albania's lek, and a word
}
