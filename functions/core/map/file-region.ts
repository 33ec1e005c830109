import { nationalFormatIn, normalizePhone } from '../enrich/phone.ts';
import { isBlankCell } from '../enrich/result.ts';
import { BUILTIN_LEXICONS, type HeaderLanguage } from '../schemas/lexicon/index.ts';
import { BUILTIN_SCHEMAS } from '../schemas/index.ts';
import { normalizeHeader } from './normalize-header.ts';
import { currencyFromHeader } from '../records/column-hints.ts';
import { regionDefaults } from '../records/region-defaults.ts';
import { CURRENCY_REGIONS, ENGLISH_REGIONS, FICTIONAL, LANGUAGE_REGIONS } from './data/region-evidence.ts';

/**
 * The country a file was exported in, read from the file when the job names none.
 *
 * A job without `defaultRegion` used to read every file as American: "06 12 34 56 78" on a
 * French bill became +1 061 234 5678 and "01/10/2026" the 10th of January, and the job
 * succeeded. The region decides two things, national phone numbers and the order of numeric
 * dates, and a file usually says it:
 * - its national numbers are valid numbers of one country and not of the United States;
 * - its international numbers (+33 …) mostly carry one country's calling code;
 * - its headers are in a language (the field lexicon knows which).
 * The United States stays the answer unless the file says otherwise, so an American file is
 * read as before.
 */
export interface FileRegion {
  /** ISO 3166-1 alpha-2 */
  region: string;
  /** what in the file said so, for a person: "7 of 7 national numbers are valid FR numbers" */
  evidence: string;
  /** the countries the file's numbers fit as well, when nothing in it told them apart: `region` is a guess */
  tiedWith?: string[];
}

const DEFAULT_REGION = 'US';
/** How many sample values of each column are read. */
const VALUES_PER_COLUMN = 50;
/** A column is read for numbers when this share of its filled values look like phone numbers. */
const PHONE_SHARE = 0.6;
/** National numbers below this many say nothing (a column of three numbers can be anything's). */
const MIN_NATIONAL = 3;
/** The United States keeps a file whose national numbers are this often valid American numbers. */
const US_KEEPS_AT = 0.5;
/** Another country takes the file when this share of its national numbers are valid there. */
const OTHER_TAKES_AT = 0.8;
/** International numbers: the country whose code this share of them carries. */
const INTERNATIONAL_MAJORITY = 0.6;




/** The countries the headers' currencies point to ("Cost (£)": GB; the dollar and the euro point nowhere). */
function headerCurrencyRegions(headers: readonly string[]): string[] {
  const regions = new Set<string>();
  for (const header of headers) for (const [pattern, list] of CURRENCY_REGIONS) if (pattern.test(header)) list.forEach((r) => regions.add(r));
  return [...regions];
}


const isAmerican = (v: string) => isValidIn(v, DEFAULT_REGION);

/** Ten digits after the +1 as the North American plan writes them, assigned or not (or a 555 demo number). */
function isNanpShaped(v: string): boolean {
  const p = normalizePhone(v, DEFAULT_REGION);
  return p.ok && (/^\+1[2-9]\d\d[2-9]\d{6}$/.test(p.e164) || FICTIONAL.test(p.e164));
}

/** Phone-shaped: an optional +, then 7-15 digits with the separators exports print. */
const PHONE_SHAPED = /^(?:\+|00)?[\d\s().\-/]+$/;
const digitCount = (v: string) => v.replace(/\D/g, '').length;
/** "01/10/2026", "2026-10-01", "1.10.2026": digits and separators too, but a date. */
const DATE_SHAPED = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\.?$/;
/**
 * Written as a phone number is: with a country code, a trunk 0, or separators. A bare run of
 * digits ("500000017") is as often a tax or customer number, which can be valid somewhere.
 */
const WRITTEN_AS_PHONE = /^(?:\+|0|\()|\d[\s().\-/]\d/;
/** A phone number's value; bare digits only under a header that names a phone field. */
const looksLikePhone = (v: string, phoneHeader: boolean) =>
  PHONE_SHAPED.test(v) && !DATE_SHAPED.test(v) && (phoneHeader || WRITTEN_AS_PHONE.test(v)) && digitCount(v) >= 7 && digitCount(v) <= 15;
/**
 * How a phone value is written: with its country code ("+33 6…", "0033 6…", or the bare digits
 * of a valid international number, as newsletter tools export them: "33612345678"), in the
 * national format, or unclear: bare digits that read as an international number nowhere valid
 * ("13800138000" is a Chinese mobile without its +86, or nothing), which say nothing.
 */
function writtenAs(v: string): 'international' | 'national' | 'unclear' {
  if (/^(?:\+|00[1-9])/.test(v)) return 'international';
  const p = normalizePhone(v, DEFAULT_REGION);
  if (!p.ok || p.e164 !== `+${v.replace(/\D/g, '')}`) return 'national';
  // Stryker disable next-line StringLiteral: equivalent, only 'international' and 'national' are asked for
  return p.valid ? 'international' : 'unclear';
}

/**
 * The region the file speaks for, or undefined to keep the default (the United States).
 * `headers` and `sampleRows` as the mapper sees them.
 */
export function inferFileRegion(headers: readonly string[], sampleRows: readonly (readonly string[])[]): FileRegion | undefined {
  const { nationalByColumn, international } = phoneValues(headers, sampleRows);
  const { language, tiedLanguages, hinted } = headerLanguage(headers);
  // calls abroad are no evidence against the language: a Brazilian list with two Dutch numbers is Brazilian
  const majority = internationalMajority(international);
  const abroad = majority !== undefined && (language === undefined || (LANGUAGE_REGIONS[language.lang] ?? []).includes(majority.region)) ? majority : undefined;
  const money = headerCurrencyRegions(headers);
  // headers as much Czech as Slovak ("Číslo", "Čas", "Cena") speak for both countries; their numbers decide
  // with no language, the countries of the languages single headers hinted at ("Téléphone"), then the English-speaking ones
  const spoken = language ? (LANGUAGE_REGIONS[language.lang] ?? []) : tiedLanguages.length > 0 ? tiedLanguages.flatMap((l) => LANGUAGE_REGIONS[l] ?? []) : [...hinted.flatMap((l) => LANGUAGE_REGIONS[l] ?? []), ...ENGLISH_REGIONS];
  const candidates = [...new Set([abroad?.region, ...money, ...spoken].filter((r): r is string => r !== undefined))];
  // a column of customer or tax numbers written like phone numbers is valid in no country: left out
  const national = nationalByColumn.filter((col) => [DEFAULT_REGION, ...candidates].some((r) => col.filter((v) => isValidIn(v, r)).length >= col.length * PHONE_SHARE)).flat();

  if (national.length >= MIN_NATIONAL) {
    let { best, tied } = mostValid(candidates, national);
    // Numbers grouped as no candidate writes them ("06 12 34 56 78" under English headers: France
    // writes 0612345678 so, South Africa "061 234 5678") bring in the countries that write them
    // so, to be weighed alike.
    // (counted again when none does: the numbers' validity is remembered, so it costs little)
    // Stryker disable next-line ConditionalExpression: equivalent, every header language has countries (LANGUAGE_REGIONS lists them all), so there is a best candidate
    if (best !== undefined) ({ best, tied } = mostValid([...candidates, ...groupWriters(national, best.region, candidates)], national));
    if (best === undefined || best.valid < national.length * OTHER_TAKES_AT) return undefined;
    // Numbers an American could have written keep the default. With nothing else to go on, the
    // North American shape is enough (an unassigned exchange is still an American number to
    // whoever typed it, and Pakistan or India validate many such digits). When the headers
    // speak a language or a currency, the numbers must be valid American ones and no fewer
    // than another country's (Italian mobiles without their 0 are often valid American
    // numbers too), and the currency the dollar ("Amount (₹)" over Indian mobiles is Indian).
    const other = language !== undefined || money.length > 0;
    const us = national.filter(other ? isAmerican : isNanpShaped).length;
    if (us >= national.length * US_KEEPS_AT && (!other || (us >= best.valid && (money.length === 0 || money.includes(DEFAULT_REGION))))) return undefined;
    const numbers = `${best.valid} of ${national.length} national numbers`;
    const usToo = `(${us} are valid US numbers)`;
    if (tied.length === 1) return { region: best.region, evidence: `${numbers} are valid ${best.region} numbers ${usToo}` };
    const currencies = headers.map((h) => currencyFromHeader(h)).filter((c): c is string => c !== undefined);
    // one language hinted at is as good as a named one for telling equally valid countries apart
    const spokenLanguage = language?.lang ?? (hinted.length === 1 ? hinted[0] : undefined);
    const broken = breakTie(tied, { national, international, money, currencies, language: spokenLanguage });
    if (broken !== undefined) {
      const others = tied.filter((r) => r !== broken.region).join(', ');
      return { region: broken.region, evidence: `${numbers} are valid ${broken.region} numbers, as many as are valid ${others} numbers; ${broken.why} ${usToo}` };
    }
    // nothing tells them apart: the first candidate (abroad, the currency's, then the language's most populous) is read, and said to be a guess
    const others = tied.slice(1).join(' or ');
    return {
      region: best.region,
      tiedWith: tied.slice(1),
      evidence: `a tie: ${numbers} are valid ${best.region} numbers and as many are valid ${others} numbers, and nothing else in the file tells them apart; read as ${best.region}, a guess: name the job's region if it is ${others} ${usToo}`,
    };
  }
  if (abroad !== undefined && abroad.region !== DEFAULT_REGION) {
    return { region: abroad.region, evidence: `${abroad.count} of ${international.length} international numbers are ${abroad.region} numbers` };
  }
  if (abroad === undefined && language !== undefined) {
    const region = LANGUAGE_REGIONS[language.lang]?.[0];
    if (region !== undefined) return { region, evidence: `${language.headers} headers are in ${language.lang}` };
  }
  return undefined;
}

/** Line types a person's calls and contacts mostly are; premium-rate, VoIP or shared-cost numbers are few in any file. */
const ORDINARY_LINES = new Set(['mobile', 'fixed_line', 'fixed_line_or_mobile']);

/**
 * The one of `tied` (two countries or more whose plans hold the same national numbers) that the rest of
 * the file points to, with what points: more of the numbers ordinary lines there (a Slovak
 * "905 123 456" is a mobile, in Czechia a premium-rate number), more of them grouped as it
 * prints them ("04 70 12 34 56" is French, "0470 12 34 56" Belgian), more of its international
 * numbers than of the others', a currency in the headers, the headers' language. Each says
 * one thing; the country more of them name wins, and none (or as many for two) leaves the tie.
 */
export function breakTie(
  tied: readonly string[],
  file: { national: readonly string[]; international: readonly string[]; money: readonly string[]; currencies: readonly string[]; language: HeaderLanguage | undefined },
): { region: string; why: string } | undefined {
  const reasons = new Map<string, string[]>(tied.map((r) => [r, []]));
  const isOrdinary = (v: string, region: string) => {
    const p = normalizePhone(v, region);
    // a sample file's fictional numbers (Ofcom's 07700 900xxx) stand for ordinary lines
    return p.ok && ((p.valid && ORDINARY_LINES.has(p.lineType)) || FICTIONAL.test(p.e164));
  };
  const ordinary = tied.map((r) => [r, file.national.filter((v) => isOrdinary(v, r)).length] as const).sort((a, b) => b[1] - a[1]);
  const [most, nextMost] = ordinary;
  if (most !== undefined && nextMost !== undefined && most[1] > nextMost[1]) reasons.get(most[0])!.push(`${most[1]} of them are mobile or fixed lines there (${nextMost[1]} in ${nextMost[0]})`);
  const grouping = tied.map((r) => [r, groupedAsIn(file.national, r)] as const).sort((a, b) => b[1] - a[1]);
  // `tied` names two countries or more, so both are there
  const [[groupedBest, groupedCount], [nextGrouped, nextCount]] = grouping as [readonly [string, number], readonly [string, number]];
  if (groupedCount > nextCount) reasons.get(groupedBest)!.push(`${groupedCount} of them are grouped as ${groupedBest} writes its numbers (${nextCount} as ${nextGrouped} does)`);
  const abroad = new Map<string, number>();
  for (const v of file.international) {
    const p = normalizePhone(v, DEFAULT_REGION);
    if (p.ok && p.valid && p.region !== null && reasons.has(p.region)) abroad.set(p.region, (abroad.get(p.region) ?? 0) + 1);
  }
  const [first, second] = [...abroad].sort((a, b) => b[1] - a[1]);
  if (first !== undefined && (second === undefined || first[1] > second[1])) reasons.get(first[0])!.push(`${first[1]} of its international numbers are ${first[0]} numbers`);
  // a currency the headers print that is one country's and not the other's: "€" over numbers France and Morocco both hold
  const named = tied.filter((r) => file.money.includes(r) || file.currencies.includes(regionDefaults(r).currency ?? ''));
  if (named.length === 1) reasons.get(named[0]!)!.push(`the headers' currency is ${named[0]}'s`);
  const spoken = file.language === undefined ? [] : tied.filter((r) => (LANGUAGE_REGIONS[file.language!] ?? []).includes(r));
  if (spoken.length === 1) reasons.get(spoken[0]!)!.push(`the headers are in ${file.language}`);
  const ranked = [...reasons].sort((a, b) => b[1].length - a[1].length);
  const [top, next] = ranked;
  if (top === undefined || top[1].length === 0 || (next !== undefined && next[1].length === top[1].length)) return undefined;
  return { region: top[0], why: top[1].join(', ') };
}

/** The filled values of the columns that hold phone numbers, split by how they are written. */
function phoneValues(headers: readonly string[], rows: readonly (readonly string[])[]): { nationalByColumn: string[][]; international: string[] } {
  const nationalByColumn: string[][] = [];
  const international: string[] = [];
  for (let c = 0; c < headers.length; c++) {
    const values: string[] = [];
    for (const row of rows.slice(0, VALUES_PER_COLUMN)) {
      const v = row[c];
      if (v !== undefined && !isBlankCell(v)) values.push(v.trim());
    }
    const phoneHeader = phoneHeaders().has(normalizeHeader(headers[c] ?? ''));
    const phones = values.filter((v) => looksLikePhone(v, phoneHeader));
    if (phones.length < Math.max(1, values.length * PHONE_SHARE)) continue;
    const national: string[] = [];
    for (const v of phones) {
      const kind = writtenAs(v);
      if (kind === 'international') international.push(v);
      else if (kind === 'national') national.push(v);
    }
    nationalByColumn.push(national);
  }
  return { nationalByColumn, international };
}

/** The country most international numbers belong to, when it holds a clear majority. */
function internationalMajority(values: readonly string[]): { region: string; count: number } | undefined {
  const tally = new Map<string, number>();
  for (const v of values) {
    const p = normalizePhone(v, DEFAULT_REGION);
    if (p.ok && p.valid && p.region !== null) tally.set(p.region, (tally.get(p.region) ?? 0) + 1);
  }
  const [region, count] = [...tally].sort((a, b) => b[1] - a[1])[0] ?? [];
  return region !== undefined && count! >= MIN_NATIONAL && count! >= values.length * INTERNATIONAL_MAJORITY ? { region, count: count! } : undefined;
}

/** Valid in the region's numbering plan (a British number may belong to Guernsey, an American one to Canada). */
function isValidIn(value: string, region: string): boolean {
  const p = normalizePhone(value, region);
  return p.ok && (p.valid || FICTIONAL.test(p.e164));
}

/**
 * The candidates whose numbering plans hold the most of the numbers, and the others that hold
 * as many (Belgian 04xx mobiles are French numbers too), in the candidates' order.
 */
function mostValid(candidates: readonly string[], national: readonly string[]): { best?: { region: string; valid: number }; tied: string[] } {
  const counts = candidates.map((region) => ({ region, valid: national.filter((v) => isValidIn(v, region)).length }));
  const most = Math.max(...counts.map((c) => c.valid));
  const tied = counts.filter((c) => c.valid === most).map((c) => c.region);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the candidates are never none (every header language has countries)
  return { best: tied.length > 0 ? { region: tied[0]!, valid: most } : undefined, tied };
}

/**
 * The lengths of a value's digit groups after its trunk 0 ("1,2,2,2,2" for "06 12 34 56 78"),
 * or undefined for digits in one piece. The 0 is left out because files drop it ("905 123 456"
 * is how Slovaks write the mobile their plan prints as "0905 123 456").
 */
function digitGroups(v: string): string | undefined {
  // Stryker disable next-line StringLiteral: equivalent, any text without digits in place of the trunk 0 leaves the same groups
  const groups = v.replace(/^\D*0/, '').match(/\d+/g) ?? [];
  // Stryker disable next-line StringLiteral: equivalent, lengths under ten digits (every plan's groups) read the same without a separator
  return groups.length < 2 ? undefined : groups.map((g) => g.length).join(',');
}

/** How many of the numbers are grouped as `region` prints its national numbers (numbers in one piece say nothing). */
function groupedAsIn(national: readonly string[], region: string): number {
  return national.filter((v) => {
    const groups = digitGroups(v);
    // Stryker disable next-line ConditionalExpression: equivalent, a number in one piece equals no printed grouping; the test spares formatting it
    const printed = groups === undefined ? undefined : nationalFormatIn(v, region);
    return printed !== undefined && digitGroups(printed) === groups;
  }).length;
}

/** Every country a header language points to: where numbers grouped as no candidate writes them may come from. */
const LANGUAGE_COUNTRIES = [...new Set(Object.values(LANGUAGE_REGIONS).flat())];

/**
 * The countries that group most of the numbers as they are written, when `best` (the likeliest
 * candidate) groups fewer than half of them so. Only numbers written in groups count, and at
 * least three of them: a file of numbers in one piece says nothing of where it was written.
 */
function groupWriters(national: readonly string[], best: string, candidates: readonly string[]): string[] {
  const grouped = national.filter((v) => digitGroups(v) !== undefined);
  // Stryker disable next-line ArrayDeclaration: equivalent, a region no plan knows holds no number and never ties
  if (grouped.length < MIN_NATIONAL || groupedAsIn(grouped, best) >= grouped.length / 2) return [];
  return LANGUAGE_COUNTRIES.filter((r) => !candidates.includes(r) && groupedAsIn(grouped, r) >= grouped.length * OTHER_TAKES_AT);
}

let phoneTerms: Set<string> | undefined;

/** Every wording of the built-in schemas' phone fields (synonyms and lexicon), folded. */
function phoneHeaders(): Set<string> {
  if (phoneTerms !== undefined) return phoneTerms;
  phoneTerms = new Set();
  for (const [name, schema] of BUILTIN_SCHEMAS) {
    const fields = schema.fields.filter((f) => f.type === 'phone');
    for (const f of fields) for (const term of [f.name, ...(f.synonyms ?? [])]) phoneTerms.add(normalizeHeader(term));
    for (const block of BUILTIN_LEXICONS.get(name) ?? []) {
      if (!fields.some((f) => f.name === block.field)) continue;
      for (const list of Object.values(block.terms)) for (const term of (list as string).split('|')) phoneTerms.add(normalizeHeader(term));
    }
  }
  phoneTerms.delete('');
  return phoneTerms;
}

/** Every lexicon wording, keyed by `keyOf`, with the languages it is a word of. */
function indexTerms(keyOf: (term: string) => string): Map<string, Set<HeaderLanguage>> {
  const index = new Map<string, Set<HeaderLanguage>>();
  for (const blocks of BUILTIN_LEXICONS.values()) {
    for (const block of blocks) {
      for (const [lang, list] of Object.entries(block.terms) as [HeaderLanguage, string][]) {
        for (const term of list.split('|')) {
          const key = keyOf(term);
          if (key.length === 0) continue;
          const langs = index.get(key) ?? new Set();
          langs.add(lang);
          index.set(key, langs);
        }
      }
    }
  }
  return index;
}

let termLanguages: Map<string, Set<HeaderLanguage>> | undefined;
/** Every lexicon wording, folded as headers are. */
const lexiconLanguages = () => (termLanguages ??= indexTerms(normalizeHeader));
let termsAsWritten: Map<string, Set<HeaderLanguage>> | undefined;
/** Every lexicon wording as written, accents kept ("téléphone" is French and not English). */
const writtenLanguages = () => (termsAsWritten ??= indexTerms(writtenKey));

/** A header's words in lower case with their accents: "Téléphone (bureau)" -> "téléphone bureau". */
// The wordings and the header are keyed by this one function, so a change that keys both alike
// (upper case, empty words kept, other separators) changes no match: those mutants are marked.
const writtenKey = (text: string) =>
  // Stryker disable next-line MethodExpression: equivalent, both sides keyed alike (the normalisation's removal is killed, and shares the line)
  text
    .normalize('NFC')
    .toLowerCase()
    // Stryker disable next-line Regex: equivalent, both sides split alike
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, empty words kept on both sides alike
    .filter((w) => w.length > 0)
    // Stryker disable next-line StringLiteral: equivalent, words joined alike on both sides
    .join(' ');

/**
 * The language most headers are lexicon wordings of, when it is not English and at least two
 * headers say so (and more than say any other non-English language: "Name" or "Email" is a
 * word of many). Languages that share that many headers (Czech and Slovak write "Číslo",
 * "Čas", "Cena" alike) are `tiedLanguages` instead, when no English header outnumbers them.
 */
function headerLanguage(headers: readonly string[]): { language?: { lang: HeaderLanguage; headers: number }; tiedLanguages: HeaderLanguage[]; hinted: HeaderLanguage[] } {
  const lexicon = lexiconLanguages();
  const counts = new Map<HeaderLanguage, number>();
  let english = 0;
  for (const header of headers) {
    let langs = lexicon.get(normalizeHeader(header));
    if (langs === undefined) continue;
    if (langs.has('en')) {
      // "Téléphone" folds to the English "telephone", but as written it is French
      const written = writtenLanguages().get(writtenKey(header));
      if (written === undefined || written.has('en')) {
        english++;
        continue;
      }
      langs = written;
    }
    for (const lang of langs) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  // too few to name a language: the languages a header was a word of still say where to look ("Name", "Mobil")
  if (top === undefined || top[1] < 2 || top[1] <= english) return { tiedLanguages: [], hinted: ranked.map(([lang]) => lang) };
  if (second !== undefined && second[1] === top[1]) return { tiedLanguages: ranked.filter(([, n]) => n === top[1]).map(([lang]) => lang), hinted: [] };
  return { language: { lang: top[0], headers: top[1] }, tiedLanguages: [], hinted: [] };
}
