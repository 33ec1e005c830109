import { isBlankCell } from '../enrich/result.ts';
import { headerStatesDurationUnit } from '../records/column-hints.ts';
import { liesWithin } from './talk-time.ts';
import { timeColumnKind } from './value-patterns.ts';

/**
 * Header words that say a length is the one billed: carriers and SIP platforms round a call
 * up to their billing step (a minute, six seconds), so the billed length is no measure of the
 * call when the file prints the measured one beside it (Telnyx `call_sec` / `billed_sec`, Digi
 * `Minutos facturados`). English, Spanish, Portuguese, French, Italian, German, Dutch and the
 * Nordic languages; accents are folded by normalizeHeader. Asterisk's `billsec` is one word and
 * is the talk time, not a rounded length: it is not matched.
 */
const BILLED_WORDS = new Set([
  'billed', 'billable', 'charged', 'chargeable', 'rated',
  'facturado', 'facturados', 'facturada', 'facturable', 'tarificado', 'tarificados',
  'faturado', 'faturados', 'tarifado', 'tarifados',
  'facture', 'facturee', 'facturees', 'factures', 'taxe', 'taxee', 'taxees', 'taxes',
  'fatturato', 'fatturati', 'fatturata', 'tariffato', 'tariffati',
  'abgerechnet', 'abgerechnete', 'berechnet', 'berechnete', 'verrechnet', 'verrechnete',
  'gefactureerd', 'gefactureerde', 'afgerekend',
  'debiterad', 'debiteret', 'fakturert', 'fakturerad',
]);

/** True when a duration header says the length is the one billed ("billed_sec", "Minutos facturados", "Abgerechnete Dauer"). */
export function saysBilledLength(normalizedHeader: string): boolean {
  return normalizedHeader.split(' ').some((w) => BILLED_WORDS.has(w));
}

/**
 * The columns whose lengths lie within a billed length on every row, among `columns`: each a
 * length in its own right (its header states a time unit, "call_sec", "Talk (s)", or its values
 * are printed as lengths, "00:04:51"), never longer than the billed one and shorter on some row.
 * Such a column is the call as measured; the billed one is it rounded up to the billing step.
 */
export function measuredWithinBilled(
  billed: { header: string; values: readonly string[] },
  columns: readonly { column: number; header: string; values: readonly string[] }[],
): number[] {
  return columns
    .filter(({ header, values }) => {
      const filled = values.filter((v) => !isBlankCell(v));
      // Stryker disable next-line ConditionalExpression: equivalent for false, a shortcut: liesWithin needs two rows whose lengths both read, and a blank cell reads as none
      if (filled.length < 2) return false;
      const lengthLike = (headerStatesDurationUnit(header) && filled.every((v) => /^\d+$/.test(v.trim()))) || timeColumnKind(values) === 'duration';
      return lengthLike && liesWithin({ header, values }, billed);
    })
    .map((c) => c.column);
}
