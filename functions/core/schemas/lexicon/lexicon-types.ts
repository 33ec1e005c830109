/**
 * A field lexicon: header wordings that mean a field, by language, each block tagged with
 * the kind of public reference it was compiled from. Data only; the matching lives in
 * functions/core/map/. Terms are compared after the same folding as headers (NFKC, case,
 * diacritics, ø/æ/ß/ł..., punctuation), so they are written as people print them.
 *
 * Source tags:
 * - `std`: standard translations of the term (EU terminology as used in official forms
 *   and business registers of that country, dictionaries)
 * - `outlook`: column names of localized Outlook / Windows contacts CSV exports
 * - `google`: localized Google Contacts / Google Sheets template labels
 * - `crm`: localized CRM and newsletter-tool exports (Salesforce, HubSpot, Bitrix24, Pipedrive, Mailchimp)
 * - `carrier`: itemised carrier bills and PBX reports of that country
 * - `register`: business registers and company databases of that country
 * - `listing`: business listings and store databases (Google Business Profile, Yelp, e-commerce store lists)
 */
export type LexiconSource = 'std' | 'outlook' | 'google' | 'crm' | 'carrier' | 'register' | 'listing';

/**
 * ISO 639-1 language codes the lexicon covers: the EU's 24 official languages, ja, zh, ko,
 * tr, ru, no, uk, Vietnamese, Indonesian, Arabic, Hebrew, Hindi, Thai, Malay, Icelandic,
 * Catalan, Basque, and the languages of the EU's candidate and neighbour countries and
 * Iberia that exports also come in: Serbian (Cyrillic and Latin), Macedonian, Albanian,
 * Belarusian, Kazakh, Azerbaijani, Georgian and Galician; and Swahili and Tagalog (Filipino),
 * the languages of East African and Philippine forms, sheets and CRM fields.
 */
export type LexiconLanguage =
  | 'bg' | 'hr' | 'cs' | 'da' | 'nl' | 'en' | 'et' | 'fi' | 'fr' | 'de' | 'el' | 'hu' | 'ga' | 'it' | 'lv' | 'lt' | 'mt'
  | 'pl' | 'pt' | 'ro' | 'sk' | 'sl' | 'es' | 'sv' | 'ja' | 'zh' | 'ko' | 'tr' | 'ru' | 'no' | 'uk'
  | 'vi' | 'id' | 'ar' | 'he' | 'hi' | 'th' | 'ms' | 'is' | 'ca' | 'eu'
  | 'sr' | 'mk' | 'sq' | 'be' | 'kk' | 'az' | 'ka' | 'gl'
  | 'sw' | 'tl';

export const LEXICON_LANGUAGES: readonly LexiconLanguage[] = [
  'bg', 'hr', 'cs', 'da', 'nl', 'en', 'et', 'fi', 'fr', 'de', 'el', 'hu', 'ga', 'it', 'lv', 'lt', 'mt',
  'pl', 'pt', 'ro', 'sk', 'sl', 'es', 'sv', 'ja', 'zh', 'ko', 'tr', 'ru', 'no', 'uk', 'vi', 'id', 'ar', 'he', 'hi',
  'th', 'ms', 'is', 'ca', 'eu', 'sr', 'mk', 'sq', 'be', 'kk', 'az', 'ka', 'gl', 'sw', 'tl',
];

/**
 * Languages whose header wordings the lexicon holds since 2026-12-07 (Persian, Uzbek in Latin
 * and Cyrillic script, Armenian, Mongolian, Afrikaans, Urdu, Bengali, Nepali, Tamil, Sinhala,
 * Khmer, Amharic, Hausa, Yoruba, Kyrgyz, Tajik; Marathi, Telugu, Gujarati, Punjabi, Malayalam,
 * Kannada, Lao, Burmese, Zulu, Pashto; Welsh; Sorani Kurdish, which has no ISO 639-1 code and
 * goes by its ISO 639-3 `ckb`, Turkmen, Somali and Faroese). Their direction and record-type words are in
 * ./call-code-words-added.ts, which the mapper reads beside Enrich's table
 * (functions/core/enrich/call-code-words.ts, keyed by {@link LexiconLanguage}).
 */
export type AddedLexiconLanguage =
  | 'fa' | 'uz' | 'hy' | 'mn' | 'af' | 'ur' | 'bn' | 'ne' | 'ta' | 'si' | 'km' | 'am' | 'ha' | 'yo' | 'ky' | 'tg'
  | 'mr' | 'te' | 'gu' | 'pa' | 'ml' | 'kn' | 'lo' | 'my' | 'zu' | 'ps' | 'cy'
  | 'ckb' | 'tk' | 'so' | 'fo';

export const ADDED_LEXICON_LANGUAGES: readonly AddedLexiconLanguage[] = [
  'fa', 'uz', 'hy', 'mn', 'af', 'ur', 'bn', 'ne', 'ta', 'si', 'km', 'am', 'ha', 'yo', 'ky', 'tg',
  'mr', 'te', 'gu', 'pa', 'ml', 'kn', 'lo', 'my', 'zu', 'ps', 'cy',
  'ckb', 'tk', 'so', 'fo',
];

/** Every language a lexicon block may hold terms in. */
export type HeaderLanguage = LexiconLanguage | AddedLexiconLanguage;

/**
 * One block: a field (`started_at.time` is the time-of-day column a date column pairs
 * with), where the wordings come from, and the wordings per language, `|`-separated.
 */
export interface LexiconBlock {
  field: string;
  source: LexiconSource;
  terms: Partial<Record<HeaderLanguage, string>>;
}

/** Every term of a lexicon for one field, with its language and source (for audits and tests). */
export function lexiconTerms(blocks: readonly LexiconBlock[], field: string): { term: string; lang: HeaderLanguage; source: LexiconSource }[] {
  const out: { term: string; lang: HeaderLanguage; source: LexiconSource }[] = [];
  for (const b of blocks) {
    if (b.field !== field) continue;
    for (const [lang, list] of Object.entries(b.terms) as [HeaderLanguage, string][]) {
      for (const term of list.split('|')) if (term.trim().length > 0) out.push({ term: term.trim(), lang, source: b.source });
    }
  }
  return out;
}
