import { isBlankCell } from '../enrich/result.ts';
import type { ValueKind } from '../schemas/schema-types.ts';
import { CITY_NAMES } from './data/cities.generated.ts';
import { COUNTRY_NAMES } from './data/countries.generated.ts';
import { FAMILY_NAME_ENDINGS, GIVEN_NAMES } from './data/person-names.ts';
import { foldText } from './normalize-header.ts';

/**
 * What a column's values say it holds when its header does not: person names (given,
 * family, full), company names (legal forms across countries), countries (CLDR names in
 * the lexicon's languages and ISO codes), cities, industries, job titles. Each test is on one value;
 * {@link kindShare} gives the share of a column's values that pass.
 */

let countries: Set<string> | undefined;
let cities: Set<string> | undefined;
let givenNames: Set<string> | undefined;
let familyEndings: string[] | undefined;

const fold = (v: string) => foldText(v.trim()).replace(/\s+/g, ' ');

// Legal forms, folded, as whole words at the start or end of a name (and CJK/Korean markers anywhere).
const LEGAL_FORMS = new Set([
  'inc', 'incorporated', 'llc', 'llp', 'lp', 'ltd', 'limited', 'plc', 'corp', 'corporation', 'co', 'company', 'pty', 'pte', 'gmbh', 'ag', 'kg',
  'ohg', 'ug', 'ek', 'e.k', 'mbh', 'se', 'sa', 'sas', 'sarl', 'sasu', 'eurl', 'sl', 'slu', 'srl', 'spa', 'snc', 'bv', 'nv', 'vof', 'cv', 'ab', 'hb',
  'kb', 'aktiebolag', 'as', 'asa', 'ans', 'da', 'aps', 'a/s', 'ivs', 'i/s', 'p/s', 'k/s', 'oy', 'oyj', 'abp', 'ky', 'tmi', 'ou', 'uab', 'ab',
  'sia', 'as', 'ad', 'ead', 'eood', 'ood', 'doo', 'd.o.o', 'dd', 'd.d', 'sro', 's.r.o', 'a.s', 'spol', 'zoo', 'z.o.o', 'sp', 'sa', 'kft', 'zrt', 'nyrt',
  'bt', 'rt', 'lda', 'ltda', 'sgps', 'ae', 'epe', 'ike', 'oe', 'ee', 'as', 'a.s', 'anonim', 'sti', 'şti', 'sirketi', 'kk', 'gk', 'holding', 'holdings', 'group',
  'gruppe', 'groupe', 'grupo', 'gruppo', 'ltd.', 'inc.', 'corp.', 'co.', 'ооо', 'оао', 'зао', 'пао', 'ао', 'тов', 'прат', 'пат', 'фоп', 'ип', 'еоод', 'оод', 'ад',
  // Latin America (Ltda, EIRELI, S.A.S., S.A.P.I., S.A.B.), India/Malaysia (Pvt, Sdn Bhd), Vietnam (TNHH, CP, JSC),
  // Indonesia (PT, CV, Tbk), the Gulf (W.L.L., B.S.C., P.S.C., FZE, FZCO, FZ-LLC), Israel (בע"מ), Arabic (ذ.م.م, ش.م.ع)
  'eireli', 'sapi', 'sab', 'cia', 'pvt', 'private', 'sdn', 'bhd', 'tnhh', 'jsc', 'pt', 'cv', 'tbk', 'persero', 'wll', 'w.l.l', 'bsc', 'b.s.c', 'psc', 'p.s.c',
  'fze', 'fzco', 'fzc', 'fz-llc', 'בעמ', 'ذ.م.م', 'ش.م.م', 'ش.م.ع', 'ش.م.ب', 'c.v', 's.a', 's.a.s', 's.l', 's.r.l', 's.p.a', 'b.v', 'n.v',
  // Lao, Thai, Burmese and Khmer registers: "company" opens the name, "limited" closes it
  // ("ບໍລິສັດ ລາວເທັກ ຈຳກັດ", "บริษัท ... จำกัด", "... ကုမ္ပဏီလီမိတက်"); folded like the values (NFKC splits ຳ/ำ)
  ...['ບໍລິສັດ', 'ຈຳກັດ', 'บริษัท', 'จำกัด', 'ကုမ္ပဏီ', 'လီမိတက်', 'ကုမ္ပဏီလီမိတက်', 'ក្រុមហ៊ុន'].map(fold),
]);
/** Words that open a company's name in languages that put the legal form first ("Công ty TNHH ...", "شركة ...", "חברת ..."). */
const COMPANY_OPENERS = /^(?:cong ty|tong cong ty|tap doan|شركه|مؤسسه|مجموعه|חברת|कंपनी)(?:\s|$)/u;
const CJK_COMPANY = /株式会社|有限会社|合同会社|合資会社|\(株\)|㈱|（株）|有限公司|股份|集团|集團|公司|\(주\)|㈜|주식회사|유한회사|그룹/u;

function lists() {
  countries ??= new Set(COUNTRY_NAMES.split('|'));
  cities ??= new Set(CITY_NAMES.split('|'));
  givenNames ??= new Set(GIVEN_NAMES.split('|').map(fold));
  familyEndings ??= FAMILY_NAME_ENDINGS.map(fold);
  return { countries, cities, givenNames, familyEndings };
}

const WORD = /^[\p{L}][\p{L}\p{M}'’.-]*$/u;
const HAN = /^[\p{Script=Han}]{2,4}$/u;
const HANGUL_NAME = /^[\p{Script=Hangul}]{2,4}$/u;

/** True when `raw` is a company name by its legal form or corporate marker. */
export function isCompanyName(raw: string): boolean {
  if (CJK_COMPANY.test(raw)) return true;
  if (COMPANY_OPENERS.test(fold(raw))) return true;
  const words = fold(raw).replace(/[«»"“”„()]/g, ' ').split(/[\s,]+/).filter((w) => w.length > 0);
  if (words.length < 2) return false;
  const first = words[0]!.replace(/\.$/, '');
  const last = words[words.length - 1]!.replace(/\.$/, '');
  const lastTwo = words.slice(-2).join(' ');
  // a form written with dots between its letters ("S.n.c.", "S.a.s.", "A.B.") is the form without them
  const undotted = (w: string) => w.includes('.') && LEGAL_FORMS.has(w.replace(/\./g, ''));
  return LEGAL_FORMS.has(first) || LEGAL_FORMS.has(last) || undotted(first) || undotted(last) || LEGAL_FORMS.has(words[words.length - 1]!) || /^(?:gmbh & co\. kg|ltd\. sti|san\. ve tic\.|בע מ)$/u.test(lastTwo) || /\b(?:a\.s|s\.r\.o|sp\. z o\.o|z o\.o|a\.ş|ltd\. şti)\.?$/u.test(fold(raw));
}

/**
 * Nouns that end the name of a firm or an institution that has no legal form in its name
 * ("Addington Hospital", "Northfield University", "eThekwini Municipality", "BioSyn Labs", "Arora
 * Hand Tools", "Malabar Spice Exports"): where an employer, an affiliation or a member's firm is
 * written. Not words that end industries too ("IT Services", "Business Solutions").
 */
const ORGANISATION_WORDS: ReadonlySet<string> = new Set([
  'university', 'college', 'school', 'academy', 'institute', 'hospital', 'hospitals', 'clinic', 'municipality', 'council', 'ministry',
  'bank', 'hotel', 'hotels', 'restaurant', 'bakery', 'pharmacy', 'lab', 'labs', 'laboratory', 'laboratories', 'center', 'centre', 'foundation',
  'trust', 'society', 'association', 'cooperative', 'co-operative', 'federation', 'chamber', 'agency', 'studio', 'studios', 'store', 'stores',
  'mart', 'supermarket', 'exports', 'imports', 'exporters', 'importers', 'traders', 'trading', 'industries', 'enterprises', 'works', 'mills',
  'motors', 'textiles', 'foods', 'tools', 'parts', 'implements', 'travels', 'tours', 'associates', 'consultants', 'jewellers', 'jewelers',
  'builders', 'contractors', 'distributors', 'suppliers', 'manufacturers', 'pharmaceuticals', 'ventures',
  'universität', 'hochschule', 'klinikum', 'krankenhaus', 'universidad', 'universidade', 'université', 'università', 'universiteit',
].map((w) => fold(w)));

/**
 * The same nouns where a language puts them first ("Lycée Blaise Diagne", "Atelier Ndiaye
 * Couture", "Espital de Purpan", "Cooperativa Agrícola Sol"): French, Occitan, Spanish, Italian,
 * Portuguese, Catalan and Romanian.
 */
const ORGANISATION_OPENERS: ReadonlySet<string> = new Set([
  'atelier', 'lycee', 'college', 'ecole', 'garage', 'hopital', 'clinique', 'pharmacie', 'boulangerie', 'banque', 'mairie', 'cooperative',
  'universite', 'institut', 'centre', 'ministere', 'hotel', 'restaurant', 'espital', 'escola', 'colegio', 'escuela', 'instituto', 'hospital',
  'clinica', 'farmacia', 'panaderia', 'banco', 'ayuntamiento', 'cooperativa', 'universidad', 'centro', 'ministerio', 'taller', 'liceo',
  'scuola', 'ospedale', 'comune', 'universita', 'officina', 'fabbrica', 'universidade', 'oficina', 'fabrica', 'prefeitura', 'ajuntament',
  'universitat', 'spital', 'primaria', 'scoala', 'universitatea', 'calandreta', 'fustaria', 'farmacie', 'banca',
].map((w) => fold(w)));

/**
 * A firm or an institution: a legal form, or two words or more ending in a noun of one
 * ({@link ORGANISATION_WORDS}) or opening with one ({@link ORGANISATION_OPENERS}) that is not
 * a job title ("Head of School").
 */
export function isOrganisationName(raw: string): boolean {
  if (isCompanyName(raw)) return true;
  // the name before a place written after a comma ("Community Secondary School, Nnewi")
  const words = fold(raw).split(',')[0]!.replace(/[«»"“”„()]/g, ' ').split(/\s+/).filter((w) => w.length > 0);
  if (words.length < 2 || isJobTitle(raw)) return false;
  return ORGANISATION_WORDS.has(words[words.length - 1]!.replace(/\.$/, '')) || ORGANISATION_OPENERS.has(words[0]!);
}

/** A given name alone ("Mikko", "Олена", "김민준" is a full name). */
export function isGivenName(raw: string): boolean {
  const v = fold(raw);
  return v.length > 1 && !v.includes(' ') && lists().givenNames.has(v);
}

/** A family name alone: one capitalised word that is not a given name and ends like a family name. */
export function isFamilyName(raw: string): boolean {
  const t = raw.trim();
  if (!WORD.test(t) || t.includes(' ') || t[0] !== t[0]!.toUpperCase()) return false;
  const v = fold(t);
  if (lists().givenNames.has(v)) return false;
  return lists().familyEndings.some((e) => v.endsWith(e) && v.length > e.length + 1);
}

/** A person's full name: two to four capitalised words with a known given name first or last, or a 2-4 character Han or Hangul name. */
export function isPersonName(raw: string): boolean {
  const t = raw.trim();
  if (HAN.test(t) && !CJK_COMPANY.test(t)) return true;
  if (HANGUL_NAME.test(t)) return true;
  const words = t.split(/\s+/);
  if (words.length < 2 || words.length > 4 || !words.every((w) => WORD.test(w.replace(/,$/, '')))) return false;
  if (isCompanyName(t)) return false;
  const g = lists().givenNames;
  return g.has(fold(words[0]!.replace(/,$/, ''))) || g.has(fold(words[words.length - 1]!));
}

export function isCountry(raw: string): boolean {
  const v = fold(raw);
  if (lists().countries.has(v)) return true;
  // a state's long form: "Kingdom of Saudi Arabia", "المملكة العربية السعودية", "République française" is read by its name
  const words = v.split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && STATE_FORM_WORDS.has(words[i]!)) i++;
  return i > 0 && lists().countries.has(words.slice(i).join(' '));
}

/** Folded words a state's official long form starts with (kingdom, republic, federal, of...), in the lexicon's main languages. */
const STATE_FORM_WORDS: ReadonlySet<string> = new Set([
  'kingdom', 'republic', 'federal', 'democratic', 'islamic', 'socialist', 'state', 'of', 'the', 'united', 'arab', 'grand', 'duchy', 'principality',
  'royaume', 'republique', 'du', 'de', 'la', 'republik', 'bundesrepublik', 'konigreich', 'reino', 'republica', 'repubblica', 'regno', 'del',
  'koninkrijk', 'republiek', 'krolestwo', 'rzeczpospolita', 'republika', 'kralovstvi', 'республика', 'королевство', 'cumhuriyeti',
  'المملكة', 'جمهورية', 'دولة', 'العربية', 'الاتحادية', 'الاسلامية', 'الهاشمية',
].map((w) => fold(w)));

export function isCity(raw: string): boolean {
  const v = fold(raw).replace(/\s+(?:[a-z]|\d+)$/, ''); // "Aarhus C", "København Ø" (Ø folds to o), "Paris 8"
  if (lists().cities.has(v)) return true;
  return /^[\p{Script=Han}]{1,4}[市区町村郡县]$/u.test(raw.trim()) || /^[\p{Script=Hangul}]{1,4}[시구군]$/u.test(raw.trim());
}

// Stems of industry words in the lexicon's languages (folded; matched as a word start).
const INDUSTRY_STEMS = [
  'software', 'softwar', 'logisti', 'manufactur', 'retail', 'wholesale', 'construct', 'bau', 'maschinenbau', 'chemi', 'pharma', 'health', 'hospital',
  'medic', 'insur', 'bank', 'financ', 'real estate', 'telecom', 'media', 'education', 'learning', 'energ', 'renewab', 'automot', 'aerospace', 'food',
  'beverage', 'hospitality', 'travel', 'transport', 'textil', 'tekstil', 'agri', 'mining', 'oil', 'utilit', 'consult', 'marketing', 'advertis',
  'computer', 'information technology', 'it services', 'internet', 'electronic', 'semicond', 'robot', 'import', 'export', 'lebensmittel', 'handel',
  'logistik', 'bauwesen', 'holding', 'gida', 'yazilim', 'lojistik', 'insaat', 'beyaz esya', 'turism', 'tourism', 'energi', 'programvar', 'bygg',
  'grafisk', 'transport', 'utvinning', 'produksjon', 'butikkhandel', 'drosje', 'bygging', 'handel', 'teollisuus', 'kauppa', 'rakent', 'stavebn',
  'vyroba', 'obchod', 'przemysl', 'budown', 'produkcja', 'uslugi', 'ipar', 'kereskedelem', 'epit', 'tirdzniec', 'razosan', 'apstrad', 'pramone',
  'prekyba', 'statyb', 'industri', 'commerce', 'fabrica', 'costruz', 'servizi', 'servicios', 'construccion', 'kokapstrad', 'poligraf',
  '業', '产业', '行业', '制造', '製造', '小売', '情報', '通信', '建設', '輸送', '銀行', '保険', '서비스', '제조', '유통', '건설', '금융',
  'производ', 'торговл', 'строител', 'услуг', 'виробництв', 'торгівл',
];
// Words of job titles (folded; matched as a word or word start).
const TITLE_STEMS = [
  'manager', 'director', 'head', 'chief', 'ceo', 'cfo', 'cto', 'coo', 'cmo', 'vp', 'vice president', 'president', 'engineer', 'developer', 'analyst',
  'consultant', 'specialist', 'assistant', 'officer', 'lead', 'architect', 'designer', 'buyer', 'recruiter', 'accountant', 'founder', 'owner', 'partner',
  'sales', 'account executive', 'product', 'project', 'admin', 'coordinator', 'leiter', 'geschaftsfuhrer', 'einkauf', 'referent', 'berater', 'ingenieur',
  'directeur', 'responsable', 'chef', 'ingenieur', 'directora', 'director', 'jefe', 'gerente', 'responsabile', 'direttore', 'diretor', 'gestor',
  'directeur', 'inkoper', 'adviseur', 'paallikko', 'johtaja', 'insinoori', 'asiantuntija', 'chef', 'chefe', 'ledare', 'ansvarig', 'saljare', 'konsult',
  'leder', 'radgiver', 'reditel', 'manazer', 'nakupc', 'technik', 'analyti', 'specialista', 'kierownik', 'dyrektor', 'specjalista', 'vezeto', 'menedzser',
  'mernok', 'asszisztens', 'pilota', 'vadītāj', 'vaditaj', 'direktor', 'vadovas', 'vadove', 'muhendis', 'mudur', 'uzman', 'yonetici',
  'менеджер', 'директор', 'руководител', 'инженер', 'бухгалтер', 'юрист', 'логіст', 'власниц', 'керівник', 'διευθυντ', 'μηχανικ',
  '部長', '課長', '係長', '主任', '社長', '取締役', '経理', 'マネージャー', 'エンジニア', '经理', '总监', '工程师', '专员', '主管', '会计', '总裁',
  '과장', '대리', '부장', '팀장', '차장', '사원', '연구원', '매니저', '이사', '대표',
];

function hasStem(raw: string, stems: readonly string[]): boolean {
  const v = fold(raw);
  if (v.length === 0 || /^[\d\s.,%+-]+$/.test(v)) return false;
  return stems.some((s) => (/^[a-z]/.test(s) ? new RegExp(`(?:^|[^\\p{L}])${s.replace(/ /g, '\\s')}`, 'u').test(v) : v.includes(s)));
}

export function isIndustry(raw: string): boolean {
  return hasStem(raw, INDUSTRY_STEMS) && !isCompanyName(raw);
}

export function isJobTitle(raw: string): boolean {
  return hasStem(raw, TITLE_STEMS) && !isCompanyName(raw) && !/@|https?:/.test(raw);
}

const TESTS: Record<ValueKind, (v: string) => boolean> = {
  person_name: isPersonName,
  given_name: isGivenName,
  family_name: isFamilyName,
  company_name: isCompanyName,
  country: isCountry,
  city: isCity,
  industry: isIndustry,
  job_title: isJobTitle,
};

/** Share of a column's non-blank values of this kind, and how many there were. */
export function kindShare(values: readonly string[], kind: ValueKind): { share: number; count: number } {
  let n = 0;
  let hits = 0;
  const test = TESTS[kind];
  for (const v of values) {
    if (isBlankCell(v)) continue;
    n++;
    if (test(v)) hits++;
  }
  return { share: n === 0 ? 0 : hits / n, count: n };
}

/** Share of a column's non-blank values that name a firm or an institution ({@link isOrganisationName}), and how many there were. */
export function organisationShare(values: readonly string[]): { share: number; count: number } {
  const filled = values.filter((v) => !isBlankCell(v));
  return { share: filled.length === 0 ? 0 : filled.filter(isOrganisationName).length / filled.length, count: filled.length };
}
