import { parseNumber } from '../enrich/number.ts';
import { isBlankCell } from '../enrich/result.ts';
import { foldText } from './normalize-header.ts';

/**
 * Units a header states for its numbers, and ranges in the values.
 *
 * A header that says its numbers are in thousands or millions ("Revenue (in 000s USD)",
 * "Umsatz (Mio. €)", "Omsättning (tkr)", "売上高（百万円）", "Выручка, млн руб.") gets a
 * `scale` transform on its mapping, so 25,000 is stored as 25,000,000; the transform is part
 * of the mapping, shown to a person and editable like any other.
 */

/**
 * Scale words of the languages the lexicon added on 2026-12-07, written as people print them
 * and folded like the headers they are matched in (Persian میلیون folds to ميليون): billion,
 * million, lakh/crore, thousand in Persian, Urdu, Uzbek, Armenian, Mongolian, Afrikaans,
 * Bengali, Nepali, Tamil, Kyrgyz, Tajik, Amharic; lakh and crore in Marathi, Gujarati, Punjabi,
 * Malayalam, Kannada and Telugu (with the Gujarati and Marathi "in" written on: "લાખમાં"), the
 * Burmese lakh of kyat (သိန်း), and Sorani Kurdish, Turkmen and Faroese million and thousand.
 */
const ADDED_SCALE_WORDS: [RegExp, number][] = (
  [
    ['میلیارد|ارب|mlrd|миллиард|մլրդ|միլիարդ|тэрбум|miljard|বিলিয়ন|বিলিয়ন', 1e9],
    ['کروڑ|কোটি|கோடி|कोटी|कोटींमध्ये|કરોડ|કરોડમાં|ਕਰੋੜ|കോടി|ಕೋಟಿ|కోటి|కోట్లు', 1e7],
    ['میلیون|ملین|million|mln|млн|միլիոն|մլն|сая|miljoen|মিলিয়ন|মিলিয়ন|மில்லியன்|ሚሊዮን|ملیۆن|milýon|milliónir', 1e6],
    // lakh (100,000), also as Burmese counts money (သိန်း ကျပ်, a hundred thousand kyat)
    ['لاکھ|লাখ|লক্ষ|லட்சம்|લાખ|લાખમાં|ਲੱਖ|ലക്ഷം|ಲಕ್ಷ|లక్ష|లక్షలు|သိန်း', 1e5],
    ['هزار|ہزار|ming|минг|հազ|հազար|мянга|мянган|duisend|হাজার|हजार|ஆயிரம்|миң|ҳазор|ሺህ|هەزار|müň', 1e3],
  ] as [string, number][]
).map(([words, factor]) => [new RegExp(`(?:^|[^\\p{L}\\p{M}])(?:${words.split('|').map((w) => foldText(w)).join('|')})\\.?(?=$|[^\\p{L}\\p{M}])`, 'u'), factor]);

// [pattern on the folded header, factor]; the first that matches wins (longer units first).
const SCALE_PATTERNS: [RegExp, number][] = [
  // Vietnamese (tỷ, triệu, nghìn/ngàn đồng), Indonesian (miliar, juta, ribu), Arabic, Hebrew, Indian lakh and crore;
  // thousands as Spanish, Catalan, Italian, French and Portuguese write them (miles, milers, migliaia, milliers, milhares)
  [/(?:^|[^\p{L}])(?:ty|ti)\s*(?:dong|vnd|đ)(?=$|[^\p{L}])|(?:^|[^\p{L}])(?:miliar|milyar)(?=$|[^\p{L}])|مليار|מיליארד/u, 1e9],
  // "Cr" is crore only beside the rupee ("(₹ Cr)", "Rs. Cr.", "INR Cr"): alone it is a credit or Costa Rica
  [/(?:^|[^\p{L}])(?:crores?|karod)(?=$|[^\p{L}])|करोड|(?:₹|(?:^|[^\p{L}])(?:rs\.?|inr))\s*cr\.?(?=$|[^\p{L}])|(?:^|[^\p{L}])cr\.?\s*(?:₹|rs\.?(?=$|[^\p{L}])|inr(?=$|[^\p{L}]))/u, 1e7],
  [/(?:^|[^\p{L}])(?:trieu|juta|millones|millon|milhoes|milhao)(?=$|[^\p{L}])|(?:r\$|reais)\s*mi(?=$|[^\p{L}])|مليون|ملايين|מיליון|מיליוני|मिलियन/u, 1e6],
  [/(?:^|[^\p{L}])(?:lakhs?|lacs?)(?=$|[^\p{L}])|लाख/u, 1e5],
  [/(?:^|[^\p{L}])(?:nghin|ngan|ribu|miles|milers|migliaia|milliers|milhares|th(?=\s*(?:usd|eur|gbp|chf|\$|€|£)))(?=$|[^\p{L}])|ألف|آلاف|אלפי/u, 1e3],
  // "mil" is a thousand in Portuguese and Spanish ("R$ mil", "mil €"); beside a dollar alone it stays a million below
  [/(?:r\$|reais|€|eur|pesos?)\s*mil(?=$|[^\p{L}])|(?:^|[^\p{L}])mil\s*(?:r\$|reais|€|eur|pesos?)(?=$|[^\p{L}])/u, 1e3],
  ...ADDED_SCALE_WORDS,
  [/百万|百萬|백만/u, 1e6],
  [/千万|千萬|천만/u, 1e7],
  [/億|억/u, 1e8],
  [/万|萬|만원/u, 1e4],
  [/千円|千元|천원/u, 1e3],
  [/(?:^|[^\p{L}])(?:in\s+)?(?:bn|billions?|mrd\.?|mld\.?|milliarden?|miljarder|mia\.?|млрд\.?)(?=$|[^\p{L}])/u, 1e9],
  [/(?:^|[^\p{L}])(?:in\s+)?(?:mio\.?|mill?\.?|millions?|million|mln\.?|mn|miljoner|miljoonaa|milj\.?|mkr|m\.\s?kr\.?|mnok|mdkk|млн\.?|млн|мільйон\w*|milijon\w*|milion\w*|millio\w*|milioane|miljon\w*|milyon|εκατ\.?|mm|m(?:\s*(?:usd|eur|gbp|\$|€|£))|(?:usd|eur|gbp|\$|€|£)\s*mm?)(?=$|[^\p{L}])/u, 1e6],
  [/(?:^|[^\p{L}])(?:in\s+|v\s+|w\s+|u\s+)?(?:000s?|'000s?|thousands?|tsd\.?|tausend|tkr|tnok|tdkk|thus\.?\s?kr\.?|tys\.?|tysiac\w*|tis\.?|tisoc|tisuc\w*|tusen|tuhat|tuhatta|tuh\.?|tukst\.?|tukstos\w*|ezer|mii\s+(?:lei|ron|eur)|bin\s+(?:tl|try|₺|usd|eur)|χιλ\.?|хил\.?|хиљ\.?|hilj\.?|илј\.?|mije|мың|тыс\.?|тис\.?|k(?:\s*(?:usd|eur|gbp|\$|€|£))|(?:usd|eur|gbp|\$|€|£)\s*k|t€|k€|k\$|ke)(?=$|[^\p{L}\d])/u, 1e3],
];

/** Where a header's unit note may stand: in brackets, after a comma, or as the last word. */
function unitNotes(header: string): string[] {
  const folded = foldText(header);
  const notes = [...folded.matchAll(/[([]([^)\]]*)[)\]]/g)].map((m) => m[1] ?? '');
  const comma = folded.lastIndexOf(',');
  if (comma >= 0) notes.push(folded.slice(comma + 1));
  const words = folded.trim().split(/\s+/);
  // a lone "k" only as the last word ("Revenue k"); elsewhere it is too common a letter
  if (words.length > 1 && words[words.length - 1] === 'k') notes.push('000s');
  // the unit as a word of the header itself ("Umsatz Tsd. EUR", "Mkr omsättning"), or written into it ("売上高百万円")
  notes.push(folded);
  return notes;
}

/** The multiplier a header states for its numbers (1000 for "(in 000s USD)"), or undefined. */
export function headerScale(header: string): { factor: number; note: string } | undefined {
  for (const note of unitNotes(header)) {
    for (const [re, factor] of SCALE_PATTERNS) {
      if (re.test(note)) return { factor, note: note.trim() };
    }
  }
  return undefined;
}

/**
 * A range as exports print company sizes and revenue bands: "101-250", "1,001–5,000",
 * "10,001+", "$10M to $50M", "1M-5M", "< 10", "500 - 1000 employees". Returns the bounds
 * (upper undefined when open-ended), or undefined when the value is not a range.
 */
export function parseRange(raw: string): { lower: number; upper?: number } | undefined {
  if (isBlankCell(raw)) return undefined;
  const unit = VALUE_UNIT.exec(raw.trim());
  const range = parseBounds(unit === null ? raw : raw.trim().slice(0, unit.index));
  if (range === undefined || unit === null) return range;
  // the class's own unit: "50 - 100 Mio. EUR", "0,5 - 1 Mio. EUR", "10-50 Tsd. €"
  const factor = unit[1] === undefined ? 1 : (SCALE_PATTERNS.find(([re]) => re.test(foldText(unit[1]!)))?.[1] ?? 1);
  return { lower: range.lower * factor, ...(range.upper !== undefined ? { upper: range.upper * factor } : {}) };
}

/** A unit after a band's numbers: an optional scale word, then an optional currency. */
const VALUE_UNIT = /\s+(mio\.?|mrd\.?|tsd\.?|millions?|billions?|thousands?|mn|bn|mln\.?|milj\.?|tkr|mkr)?\s*(?:eur|usd|gbp|chf|sek|nok|dkk|pln|€|\$|£|kr)?\.?$/i;

function parseBounds(raw: string): { lower: number; upper?: number } | undefined {
  const s = raw.trim().replace(/\s*(?:employees|mitarbeiter|ansatte|anställda|salariés|empleados|dipendenti|pracowników)$/i, '');
  return parsePlainBounds(s) ?? parseWordedBand(s);
}

/** Words a band opens with ("De 50 a 99", "Entre 6 y 10", "From 10 to 49", "Od 10 do 49", "Von 1 bis 5") */
const BAND_OPENERS = /^(?:de|from|von|entre|between|od|van|da|fra|från|desde|от|від|από|tra)\s+/iu;
/** Words between a band's bounds, spaced ("6 y 10", "4,8 mi a 30 mi", "10 and 49", "10 és 49") */
const BAND_JOINERS = /\s+(?:y|e|and|und|et|i|och|og|en|ja|és|ve|и|і|a|to|bis|do|до|à|al|até|tot|till|til)\s+/iu;
/** Scale words a band's bounds carry themselves: Portuguese "mi"/"bi", Czech/Slovak "mil."/"mld.", Spanish "millones", "k", "M" */
const BOUND_SCALES: [RegExp, number][] = [
  [/^(?:bi|bn|mld\.?|mrd\.?|bilh(?:ão|ões|oes)|miliard\w*)$/iu, 1e9],
  [/^(?:mi|mil\.|mio\.?|mln\.?|millones|millón|millon|milhões|milhoes|milhão|milhao|millions?|milion\w*|milióny|miliónov)$/iu, 1e6],
  [/^(?:mil|tis\.?|tys\.?|tsd\.?|thousand|miles|k)$/iu, 1e3],
];

/**
 * A band written in words, as registers and prospecting tools print them: "De 50 a 99",
 * "Entre 6 y 10 millones €", "De R$ 4,8 mi a R$ 30 mi", "100 - 199 zaměstnanců", "250 - 500
 * mil. Kč", "Até R$ 360 mil" (up to). Each bound may carry its own currency and scale word; a
 * scale after the upper bound alone applies to both ("6 y 10 millones"); words after it that
 * are neither (a noun: employees, salariés, zaměstnanců) are set aside.
 */
function parseWordedBand(raw: string): { lower: number; upper?: number } | undefined {
  const s = raw.trim().replace(BAND_OPENERS, '');
  const upTo = /^(?:até|hasta|jusqu'à|up to|do|bis)\s+(.+)$/iu.exec(s);
  if (upTo !== null) {
    const upper = parseBound(upTo[1]!);
    return upper === undefined ? undefined : { lower: 0, upper: upper.value };
  }
  const parts = s.split(BAND_JOINERS);
  if (parts.length !== 2) {
    const dash = /^(.+?)\s*[-–—]\s*(.+)$/u.exec(s);
    if (dash === null) return undefined;
    parts.splice(0, parts.length, dash[1]!, dash[2]!);
  }
  const hi = parseBound(parts[1]!);
  const lo = parseBound(parts[0]!);
  if (hi === undefined || lo === undefined) return undefined;
  const lower = lo.scaled ? lo.value : lo.value * hi.factor;
  return lower <= hi.value ? { lower, upper: hi.value } : undefined;
}

/** One bound of a worded band: a number with an optional currency and scale word, then any noun. */
function parseBound(raw: string): { value: number; factor: number; scaled: boolean } | undefined {
  const tokens = raw.trim().replace(/\p{Sc}|R\$/gu, ' ').split(/\s+/).filter(Boolean);
  const at = tokens.findIndex((t) => /\d/.test(t));
  if (at < 0 || tokens.slice(0, at).some((t) => !/^\p{L}{1,3}\.?$/u.test(t))) return undefined;
  // the number may be written in groups ("1 240 500")
  let end = at + 1;
  while (end < tokens.length && /^\d{3}(?:[.,]\d+)?$/.test(tokens[end]!)) end++;
  const n = parseNumber(tokens.slice(at, end).join(' '));
  if (!n.ok) return undefined;
  const rest = tokens.slice(end);
  if (rest.some((t) => /\d/.test(t))) return undefined;
  const factor = rest.length > 0 ? (BOUND_SCALES.find(([re]) => re.test(rest[0]!))?.[1] ?? 1) : 1;
  return { value: n.value * factor, factor, scaled: factor !== 1 };
}

function parsePlainBounds(s: string): { lower: number; upper?: number } | undefined {
  // open-ended: a word or sign before the number ("> 500", "over 1,000", "plus de 50"), or a mark after it ("10,001+", "500 or more")
  const open =
    /^(?:>|≥|(?:over|more than|mehr als|plus de|más de|oltre)(?=\s|\d))\s*([^+<>≥]*?)\s*(?:\+|or more|and above|und mehr|et plus|o más)?$/i.exec(s) ??
    /^([^+<>≥]*?)\s*(?:\+|or more|and above|und mehr|et plus|o más)$/i.exec(s);
  if (open !== null && open[1] !== undefined) {
    const lower = parseNumber(open[1]);
    return lower.ok ? { lower: lower.value } : undefined;
  }
  const below = /^(?:<|under|less than|bis|moins de|menos de|fino a)\s*(.+)$/i.exec(s);
  if (below !== null && below[1] !== undefined) {
    const upper = parseNumber(below[1]);
    return upper.ok ? { lower: 0, upper: upper.value } : undefined;
  }
  // "10 t/m 19" and "10 tot 19" (Dutch: up to and including), "10 až 19" (Czech, Slovak)
  const two = /^(.+?)\s*(?:-|–|—|t\/m|tot|to|bis|až|à|a|till|til|do|до)\s*(.+)$/i.exec(s);
  if (two === null || two[1] === undefined || two[2] === undefined) return undefined;
  // "1.000 - 4.999": both bounds grouped by dots in threes are thousands, not decimals
  if (GROUPED_BY_DOTS.test(two[1].trim()) && GROUPED_BY_DOTS.test(two[2].trim())) {
    const [a, b] = [two[1], two[2]].map((x) => Number(x.trim().replace(/\./g, '')));
    return a! <= b! ? { lower: a!, upper: b! } : undefined;
  }
  const hi = parseNumber(two[2]);
  if (!hi.ok) return undefined;
  // "1-5M": the lower bound takes the upper one's magnitude when it has none of its own
  let lo = parseNumber(two[1]);
  const suffix = /([kmb]|bn|mm)\s*$/i.exec(two[2].trim());
  if (lo.ok && suffix !== null && !/[kmb]|bn|mm/i.test(two[1])) lo = parseNumber(`${two[1].trim()}${suffix[1]}`);
  if (!lo.ok) return undefined;
  // "500 - 1.000": an upper bound grouped by dots above a plain lower one is thousands too
  if (lo.value > hi.value && /^\d+$/.test(two[1].trim()) && GROUPED_BY_DOTS.test(two[2].trim())) {
    const upper = Number(two[2].trim().replace(/\./g, ''));
    return lo.value <= upper ? { lower: lo.value, upper } : undefined;
  }
  if (lo.value > hi.value) return undefined;
  return { lower: lo.value, upper: hi.value };
}

const GROUPED_BY_DOTS = /^\d{1,3}(?:\.\d{3})+$/;

/** Share of a column's non-blank samples that are ranges (0 when there are none). */
export function rangeShare(values: readonly string[]): number {
  let n = 0;
  let ranges = 0;
  for (const v of values) {
    if (isBlankCell(v)) continue;
    n++;
    if (parseRange(v) !== undefined) ranges++;
  }
  return n === 0 ? 0 : ranges / n;
}

/** currency abbreviations printed in headers beside the ISO codes and symbols: rupees, crowns, złoty, forint, koruna, lira, lei, lev, hryvnia, rouble, ringgit, rupiah, baht, riyal, dirham */
const CURRENCY_WORDS = new Set(['rs', 'kr', 'zl', 'ft', 'kc', 'tl', 'lei', 'lv', 'rm', 'rp', 'грн', 'руб', 'лв', 'บาท', 'ريال', 'درهم']);
let isoCodes: ReadonlySet<string> | undefined;

/** True when a note of the header (in brackets, after a comma) is a currency: a symbol, an ISO code or a common abbreviation. */
export function namesCurrency(header: string): boolean {
  isoCodes ??= new Set(Intl.supportedValuesOf('currency').map((c) => c.toLowerCase()));
  const notes = [...header.matchAll(/[([（]([^)\]）]*)[)\]）]|,\s*([^,]+)$/gu)].map((m) => (m[1] ?? m[2] ?? '').trim().toLowerCase().replace(/\.$/, ''));
  return notes.some((n) => /\p{Sc}/u.test(n) || isoCodes!.has(n) || CURRENCY_WORDS.has(n));
}
