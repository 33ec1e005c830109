import { isBlankCell } from '../enrich/result.ts';

/** the number in a cell, without its currency, sign or unit: "$ 1.250" -> "1.250", "-28.400 đ" -> "28.400" */
const NUMBER_CORE = /\d[\d.,\s\u00a0']*\d|\d/;

/**
 * Whether a column of numbers groups thousands with dots ("28.400", "1.250.000", "2.415,50"),
 * as Vietnamese, Indonesian, Colombian, German or Turkish exports print them, judged on the
 * column as a whole, never one value: "28.400" alone reads as 28.4 anywhere.
 *
 * Dots group thousands when every dotted number has groups of exactly three digits after a
 * first group of one to three that is not a lone zero ("0.125" is a decimal), and either one
 * number shows it beyond doubt (two dots, or a dot group then a decimal comma) or at least
 * two numbers are dotted that way while none is written otherwise.
 */
export function dotsGroupThousands(values: readonly string[]): boolean {
  let dotted = 0;
  let certain = false;
  for (const v of values) {
    if (isBlankCell(v)) continue;
    const core = NUMBER_CORE.exec(v)?.[0]?.replace(/[\s\u00a0']/g, '');
    if (core === undefined || !core.includes('.')) continue;
    // a decimal point: a dot followed by other than three digits, a comma group before it, or "0.xxx"
    if (!/^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/.test(core)) return false;
    dotted++;
    if (/\..*[.,]/.test(core)) certain = true;
  }
  return certain || dotted >= 2;
}
