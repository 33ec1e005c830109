/**
 * Legal-form words that say what kind of company a name is, not which: "Acme Inc.",
 * "ACME GmbH" and "Acme, S.A. de C.V." are one company. Written as they look once a
 * name is folded for matching (lower case, diacritics and dots removed, "&" read as "and"),
 * grouped by where the form is used (a form used in several places is listed once, where it
 * first appears). A form made of other forms ("pty ltd", "gmbh and co kg") is not listed: its
 * parts are removed one after the other.
 */
const SUFFIX_FORMS: readonly string[] = [
  // English-speaking countries
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'and co', 'llc', 'l l c', 'llp', 'lllp', 'lp', 'pllc', 'pc',
  'ltd', 'limited', 'plc', 'public limited company', 'limited liability company', 'cic',
  'pty', 'proprietary limited', 'pvt', 'private limited', 'pte', 'opc pvt ltd', 'nl',
  // German-speaking countries
  'gmbh', 'mbh', 'ag', 'kg', 'kgaa', 'ohg', 'gbr', 'ev', 'eg', 'ug', 'ug haftungsbeschrankt', 'se', 'gesmbh',
  // French-, Spanish-, Italian-, Portuguese-speaking countries
  'sa', 'sas', 'sasu', 'sarl', 'eurl', 'snc', 'sca', 'sci', 'scop', 'sem',
  'sl', 'slu', 'sau', 'sll', 'sa de cv', 'sab de cv', 'sapi de cv', 's de rl de cv', 's de rl', 'sa de cv sofom', 'srl', 'sac', 'saa', 'sas bic', 'ltda', 'cia ltda', 'y cia',
  'spa', 'srls', 'sapa', 'scarl', 'sas di', 'eireli', 'lda', 'sgps', 'epp',
  // Benelux, Nordics, Baltics
  'bv', 'nv', 'vof', 'cv', 'bvba', 'sprl', 'scrl', 'ab', 'publ', 'hb', 'kb', 'asa', 'as', 'a s', 'aps', 'ivs', 'oy', 'oyj', 'ehf', 'hf', 'ou', 'uab', 'sia',
  // Central and Eastern Europe, Turkey
  'sp z oo', 'spzoo', 'sp j', 'sp k', 'sro', 'spol s ro', 'vos', 'kft', 'zrt', 'nyrt', 'bt', 'doo', 'dd', 'ead', 'ood', 'eood', 'pfa',
  'ooo', 'zao', 'oao', 'pao', 'ao', 'ип', 'ооо', 'зао', 'оао', 'пао', 'ао', 'тов', 'пат', 'anonim sirketi', 'ltd sti', 'limited sirketi',
  // Asia, Middle East, Africa
  'kk', 'gk', 'yk', 'kabushiki kaisha', 'godo kaisha', 'yugen kaisha', 'sdn bhd', 'bhd', 'berhad', 'tbk', 'jsc', 'ojsc', 'pjsc', 'cjsc', 'llc fz', 'fze', 'fzco', 'fz llc', 'fzllc', 'wll', 'spc', 'saog', 'saoc', 'psc', 'qsc', 'qpsc',
  'rf', 'soc ltd', 'pcl',
];

/** Forms written before the name ("PT Astra", "OOO Romashka", "(주) Kakao"). */
const PREFIX_FORMS: readonly string[] = ['pt', 'cv', 'ooo', 'zao', 'oao', 'pao', 'ao', 'ооо', 'зао', 'оао', 'пао', 'тов', 'ип', 'the', '주', '주식회사'];

/** CJK forms are written without spaces, before or after the name ("トヨタ自動車株式会社"). */
export const CJK_FORMS: readonly string[] = ['株式会社', '有限会社', '合同会社', '合资会社', '股份有限公司', '有限责任公司', '有限公司', '股份公司', '(株)', '（株）', '주식회사', '(주)', '（주）', '유한회사'];

const toTokens = (form: string) => form.split(' ');

/** Longest first, so "gmbh and co kg" is removed whole before "kg" alone. */
export const LEGAL_SUFFIXES: readonly string[][] = [...new Set(SUFFIX_FORMS)].map(toTokens).sort((a, b) => b.length - a.length);
/** One word each, so in no particular order. */
export const LEGAL_PREFIXES: readonly string[][] = [...new Set(PREFIX_FORMS)].map(toTokens);
