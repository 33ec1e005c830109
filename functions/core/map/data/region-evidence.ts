import type { HeaderLanguage } from '../../schemas/lexicon/index.ts';

/*
 * Facts the file-region reading (../file-region.ts) weighs: which countries export in which
 * language, which currency points to which country, and which number ranges are set aside
 * for fiction. Data, kept apart from the logic that reads it.
 */

/**
 * The countries whose exports come in a language, most populous (or most likely to export
 * in it) first. The first is the answer when only the language speaks; the others are tried
 * against national numbers. English is absent: it is the default's language.
 */
export const LANGUAGE_REGIONS: Partial<Record<HeaderLanguage, readonly string[]>> = {
  cy: ['GB'], ckb: ['IQ', 'IR'], tk: ['TM'], so: ['SO', 'DJ', 'ET', 'KE'], fo: ['FO'],
  fr: ['FR', 'BE', 'CH', 'CA', 'MA', 'SN', 'CI', 'LU'], de: ['DE', 'AT', 'CH', 'LU'], es: ['ES', 'MX', 'CO', 'AR', 'CL', 'PE', 'EC', 'VE'],
  it: ['IT', 'CH'], nl: ['NL', 'BE'], pt: ['PT', 'BR', 'AO', 'MZ'], sv: ['SE', 'FI'], da: ['DK'], no: ['NO'], fi: ['FI'], is: ['IS'],
  pl: ['PL'], cs: ['CZ'], sk: ['SK'], hu: ['HU'], ro: ['RO', 'MD'], bg: ['BG'], hr: ['HR', 'BA'], sl: ['SI'], sr: ['RS', 'BA', 'ME'],
  mk: ['MK'], sq: ['AL', 'XK'], el: ['GR', 'CY'], et: ['EE'], lv: ['LV'], lt: ['LT'], mt: ['MT'], ga: ['IE'], ca: ['ES', 'AD'],
  eu: ['ES'], gl: ['ES'], tr: ['TR', 'CY'], ru: ['RU', 'KZ', 'BY', 'UA'], uk: ['UA'], be: ['BY'], kk: ['KZ'], az: ['AZ'], ka: ['GE'],
  ja: ['JP'], zh: ['CN', 'TW', 'HK', 'SG'], ko: ['KR'], vi: ['VN'], id: ['ID'], ms: ['MY', 'BN'], th: ['TH'], ar: ['SA', 'AE', 'EG', 'MA', 'JO'],
  he: ['IL'], hi: ['IN'], sw: ['KE', 'TZ'], tl: ['PH'], fa: ['IR'], uz: ['UZ'], hy: ['AM'], mn: ['MN'], af: ['ZA'], ur: ['PK'],
  bn: ['BD', 'IN'], ne: ['NP'], ta: ['IN', 'LK'], si: ['LK'], km: ['KH'], am: ['ET'], ha: ['NG'], yo: ['NG'], ky: ['KG'], tg: ['TJ'],
  mr: ['IN'], te: ['IN'], gu: ['IN'], pa: ['IN', 'PK'], ml: ['IN'], kn: ['IN'], lo: ['LA'], my: ['MM'], zu: ['ZA'], ps: ['AF'],
} satisfies Record<Exclude<HeaderLanguage, 'en'>, readonly string[]>; // every language but English, so a language always has countries

/** Where files with English (or no recognised) headers come from, besides the United States. */
export const ENGLISH_REGIONS = ['GB', 'AU', 'IE', 'NZ', 'ZA', 'IN', 'SG', 'PH', 'NG', 'KE', 'GH', 'PK'];

/**
 * The countries a currency in the headers points to ("Cost (£)", "Amount (₹)", "Betrag (EUR)"):
 * those whose exports print it. The euro and the dollar point nowhere in particular.
 */
export const CURRENCY_REGIONS: readonly [RegExp, readonly string[]][] = [
  [/£|\bgbp\b/i, ['GB']], [/₹|\binr\b|\brs\.?(?=\W|$)/i, ['IN']], [/¥|\bjpy\b|円/i, ['JP']], [/\bcny\b|\brmb\b|元/i, ['CN']], [/₩|\bkrw\b|원/i, ['KR']],
  [/₺|\btry\b|\btl\b/i, ['TR']], [/₽|\brub\b|руб/i, ['RU']], [/zł|\bpln\b/i, ['PL']], [/R\$|\bbrl\b/i, ['BR']], [/₴|\buah\b|грн/i, ['UA']],
  [/₱|\bphp\b/i, ['PH']], [/₦|\bngn\b/i, ['NG']], [/\bsek\b/i, ['SE']], [/\bnok\b/i, ['NO']], [/\bdkk\b/i, ['DK']], [/\bchf\b/i, ['CH']],
  [/\baud\b|A\$/i, ['AU']], [/\bnzd\b|NZ\$/i, ['NZ']], [/\bcad\b|C\$/i, ['CA']], [/\bzar\b/i, ['ZA']], [/\bmxn\b/i, ['MX']], [/\bczk\b|kč/i, ['CZ']],
  [/\bhuf\b|\bft\b/i, ['HU']], [/\bron\b|\blei\b/i, ['RO']], [/\bidr\b|\brp\b/i, ['ID']], [/\bmyr\b|\brm\b/i, ['MY']], [/\bsgd\b|S\$/i, ['SG']],
  [/\bkes\b|\bksh\b/i, ['KE']], [/\bpkr\b/i, ['PK']], [/৳|\bbdt\b/i, ['BD']], [/₫|\bvnd\b/i, ['VN']], [/฿|\bthb\b|บาท/i, ['TH']], [/₪|\bils\b/i, ['IL']],
  [/\bsar\b|ر\.س/i, ['SA']], [/\baed\b/i, ['AE']], [/\busd\b|US\$/i, ['US']],
];

/**
 * Numbers set aside for films, demos and sample files, which no real line has: the American
 * 555 numbers, Ofcom's drama ranges (07700 900xxx, 020 7946 0xxx, 0161 496 0xxx…) and
 * ACMA's fictitious ones. Sample and test exports are full of them, and they say where the
 * file is from as surely as a real number.
 */
export const FICTIONAL =
  /^\+1(?:555|[2-9]\d\d555)\d{4}$|^\+44(?:7700900\d{3}|207946\d{4}|(?:113|114|115|116|117|118|121|131|141|151|161)4960\d{3}|1914980\d{3}|2896496\d{3}|2920180\d{3}|1632960\d{3}|8081570\d{3}|9098790\d{3}|3069990\d{3})$|^\+61(?:491570\d{3}|[2378](?:5550|7010)\d{4})$/;
