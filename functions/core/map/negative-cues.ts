import { isBlankCell } from '../enrich/result.ts';
import type { FieldDefinition } from '../schemas/schema-types.ts';
import { foldText } from './normalize-header.ts';
import { namesCurrency } from './units.ts';
import { PROFILE_URL } from './value-patterns.ts';

/**
 * Columns that look like a field but are about something else, whatever their header's
 * likeness or their values' shape:
 * - a record's owner, assignee, salesperson or creator ("Contact owner", "assigned_user_name",
 *   "Vendeur", "Proprietário", "Pemilik", "Người phụ trách") holds a person's name, but not
 *   the name of the person or company the record is about;
 * - a salutation ("Mr.", "Madame", "Herr", "Sra.", "Bapak", "السيد") is neither a job title
 *   nor a name, whether the header says "Salutation", "Civilité" or "Titre";
 * - a social-network profile ("LinkedIn URL", "Perfil no LinkedIn", or a "URL" column of
 *   linkedin.com/in/... links) is not the company's web site;
 * - a column of yes and no ("No"/"Sì") is a flag, not a place ("NO" is also Norway's code);
 * - a column of departments ("Sales", "Finanzen", "Keuangan", "SDM") is a unit inside the
 *   employer, not a company, whatever its header says: HR exports head it "Organisation",
 *   "Organisasi", "Organização", words the lexicon rightly reads as the company elsewhere.
 * Words are folded like headers (no accents, lower case) and written in the languages of
 * the field lexicon, from the CRMs' own localized labels and dictionaries.
 */

/** Whole words of a header that make it the record's owner or author. */
const OWNER_WORDS = new Set([
  'owner', 'owners', 'owned', 'assigned', 'assignee', 'salesperson', 'salesman', 'saleswoman', 'seller', 'creator',
  // fr, es, pt, it, nl, de, nordic, fi, pl, cs, tr, ru/uk, id, ar, he, hi
  'vendeur', 'vendeuse', 'proprietaire', 'vendedor', 'vendedora', 'propietario', 'proprietario', 'responsavel', 'venditore',
  'verkoper', 'eigenaar', 'verkaufer', 'besitzer', 'betreuer', 'kundenbetreuer', 'zustandig', 'agare', 'eier', 'ejer', 'saljare', 'omistaja',
  'wlasciciel', 'opiekun', 'vlastnik', 'sahibi', 'temsilci', 'владелец', 'ответственный', 'власник', 'відповідальний',
  'pemilik', 'المالك', 'المسؤول', 'בעלים', 'אחראי', 'मालिक',
]);
/** Phrases (folded, space-separated) with the same meaning. */
const OWNER_PHRASES = ['created by', 'modified by', 'updated by', 'sales rep', 'account manager', 'record manager', 'phu trach', 'penanggung jawab', 'cree par', 'creado por', 'criado por', 'erstellt von'];

/**
 * The same in Chinese, Japanese and Korean, written inside a header without spaces
 * ("负责人所属部门", the owner's department): the owner fields of Salesforce's localized
 * interfaces (所有人, 所有者, 소유자) and of Chinese CRMs (负责人 in Fxiaoke, Kingdee, Xiaoshouyi),
 * and the creator (创建人, 作成者, 작성자). The Japanese and Korean "person in charge" (担当者,
 * 담당자) is left out: a customer list uses it for the customer's own contact person too.
 */
const OWNER_INFIXES = /负责人|負責人|所有人|所有者|拥有者|擁有者|创建人|創建人|作成者|소유자|작성자/u;

/** True when the normalised header names a record's owner, assignee or author. */
export function isOwnerHeader(normalized: string): boolean {
  const words = normalized.split(' ');
  if (words.some((w) => OWNER_WORDS.has(w)) || OWNER_INFIXES.test(normalized)) return true;
  const text = ` ${normalized} `;
  return OWNER_PHRASES.some((p) => text.includes(` ${p} `));
}

/** Salutations and honorifics, folded, without their final dot. */
const SALUTATIONS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam', 'm', 'mme', 'mlle', 'monsieur', 'madame', 'mademoiselle', 'herr', 'frau',
  'hr', 'fr', 'fru', 'sr', 'sra', 'srta', 'senor', 'senora', 'senorita', 'don', 'dona', 'sig', 'sig.ra', 'sigra', 'signor', 'signora', 'dott', 'dott.ssa',
  'dhr', 'mevr', 'mevrouw', 'de heer', 'pan', 'pani', 'pane', 'pani', 'gospodin', 'gospodja', 'bay', 'bayan', 'sayin', 'kyrios', 'kyria',
  'господин', 'госпожа', 'г-н', 'г-жа', 'пан', 'пані', 'κος', 'κα', 'κύριος', 'κυρία', 'κυριος', 'κυρια',
  'anh', 'chi', 'ong', 'ba', 'co', 'em', 'bapak', 'bpk', 'ibu', 'sdr', 'sdri', 'tuan', 'nyonya', 'nona',
  'السيد', 'السيده', 'الانسه', 'سيد', 'سيده', 'מר', 'גב', 'גברת', 'ד"ר', 'श्री', 'श्रीमती', 'सुश्री', 'कुमारी', '様', '殿', '先生', '女士', '小姐', '님', '씨',
]);

/** True when the value is a salutation or honorific alone ("Mr.", "Madame", "Sra.", "Bapak"). */
export function isSalutation(raw: string): boolean {
  const v = foldText(raw.trim()).replace(/\.$/, '').replace(/\s+/g, ' ');
  return v.length > 0 && SALUTATIONS.has(v);
}

/** Header words that name a salutation column, for when its samples are empty. */
const SALUTATION_HEADERS = new Set(['salutation', 'civility', 'civilite', 'anrede', 'aanhef', 'tratamiento', 'saludo', 'tilltal', 'honorific', 'xung', 'sapaan', 'appellativo', 'обращение', 'תואר', 'اللقب']);

/** True when the column holds salutations: most of its values, or, when it is empty, its header. */
export function isSalutationColumn(normalized: string, values: readonly string[]): boolean {
  const filled = values.filter((v) => !isBlankCell(v));
  if (filled.length >= 2) return filled.filter(isSalutation).length / filled.length >= 0.6;
  return normalized.split(' ').some((w) => SALUTATION_HEADERS.has(w));
}

/** Header words of a social-network profile column. */
const PROFILE_WORDS = new Set(['linkedin', 'xing', 'facebook', 'twitter', 'instagram', 'tiktok', 'profile', 'profil', 'perfil', 'profilo', 'profiel']);

/** True when the header names a profile, or most of the column's values are profile links. */
function isProfileColumn(normalized: string, values: readonly string[]): boolean {
  if (normalized.split(' ').some((w) => PROFILE_WORDS.has(w))) return true;
  const filled = values.filter((v) => !isBlankCell(v));
  return filled.length >= 2 && filled.filter((v) => PROFILE_URL.test(v.trim())).length / filled.length >= 0.6;
}

/**
 * The business functions companies name their departments after (sales, marketing, finance,
 * accounting, human resources, IT, logistics, purchasing, production, operations, legal,
 * customer service, research, administration, management), folded like headers, in the
 * lexicon's main languages; standard translations (the same dictionaries the lexicon's
 * `std` blocks were written from) and the usual short forms (HR, SDM, RH, RRHH, TI).
 */
const DEPARTMENT_NAMES = new Set([
  // en
  'sales', 'marketing', 'finance', 'accounting', 'accounts', 'human resources', 'hr', 'it', 'information technology', 'logistics', 'warehouse',
  'purchasing', 'procurement', 'production', 'operations', 'customer service', 'customer support', 'support', 'r&d', 'research and development',
  'administration', 'admin', 'management', 'engineering', 'quality', 'quality assurance', 'facilities', 'general affairs', 'payroll', 'compliance',
  // de, nl
  'vertrieb', 'verkauf', 'finanzen', 'buchhaltung', 'rechnungswesen', 'personal', 'personalwesen', 'einkauf', 'produktion', 'lager', 'recht', 'verwaltung',
  'kundendienst', 'geschaftsfuhrung', 'entwicklung', 'qualitatssicherung', 'verkoop', 'financien', 'boekhouding', 'personeelszaken', 'inkoop', 'productie',
  'magazijn', 'juridisch', 'klantenservice', 'administratie', 'directie',
  // fr, es, pt, it
  'ventes', 'commercial', 'comptabilite', 'ressources humaines', 'rh', 'informatique', 'logistique', 'achats', 'juridique', 'service client', 'direction',
  'ventas', 'finanzas', 'contabilidad', 'recursos humanos', 'rrhh', 'logistica', 'compras', 'produccion', 'operaciones', 'legal', 'atencion al cliente',
  'administracion', 'vendas', 'financas', 'financeiro', 'contabilidade', 'ti', 'producao', 'operacoes', 'juridico', 'atendimento', 'administrativo',
  'vendite', 'amministrazione', 'contabilita', 'risorse umane', 'acquisti', 'produzione', 'magazzino', 'ufficio legale', 'assistenza clienti',
  // nordic, pl, tr
  'forsaljning', 'ekonomi', 'personalavdelning', 'inkop', 'salg', 'okonomi', 'regnskab', 'regnskap', 'innkjop', 'indkob',
  'sprzedaz', 'ksiegowosc', 'finanse', 'kadry', 'zakupy', 'produkcja', 'magazyn', 'satis', 'pazarlama', 'muhasebe', 'finans', 'insan kaynaklari',
  'satin alma', 'uretim', 'depo', 'hukuk', 'bilgi islem',
  // id, ms, vi
  'penjualan', 'pemasaran', 'keuangan', 'akuntansi', 'sdm', 'sumber daya manusia', 'personalia', 'logistik', 'gudang', 'pembelian', 'produksi',
  'operasional', 'hukum', 'umum', 'layanan pelanggan', 'administrasi', 'jualan', 'kewangan', 'perakaunan', 'sumber manusia', 'pentadbiran',
  'kinh doanh', 'ke toan', 'tai chinh', 'nhan su', 'hanh chinh', 'mua hang', 'san xuat', 'kho',
  // ru, uk
  'продажи', 'маркетинг', 'финансы', 'бухгалтерия', 'кадры', 'отдел кадров', 'логистика', 'закупки', 'производство', 'склад', 'юридический отдел',
  'продажі', 'фінанси', 'бухгалтерія', 'закупівлі', 'виробництво',
].map(foldText));
/** Words that call a value a department ("Sales Department", "Abteilung Einkauf", "Bagian Keuangan", "Phòng Kế toán"), dropped before the lookup. */
const DEPARTMENT_WORDS = /^(?:department|dept|division|team|abteilung|afdeling|service|departement|departamento|reparto|ufficio|dzial|bagian|divisi|jabatan|phong|отдел|відділ)(?:\s+(?:of|de|du|des|di))?\s+|\s+(?:department|dept|division|team|abteilung|afdeling|avdelning|avdeling)$/u;

/** True when most filled values (at least two) of the column are departments. */
export function isDepartmentColumn(values: readonly string[]): boolean {
  const filled = values.filter((v) => !isBlankCell(v));
  if (filled.length < 2) return false;
  const departments = filled.filter((v) => DEPARTMENT_NAMES.has(foldText(v.trim()).replace(/\s+/g, ' ').replace(DEPARTMENT_WORDS, '')));
  return departments.length / filled.length >= 0.6;
}

/**
 * Yes and no as sheets and bills print them in a flag column ("Fuori soglia": "No"/"Sì",
 * "Roaming": "Ja"/"Nein"), folded; "No" is also Norway's country code and "Si" a place name.
 */
const YES_WORDS = new Set(['yes', 'y', 'true', 'si', 'ja', 'oui', 'sim', 'tak', 'evet', 'da', 'да', 'так', 'ano', 'kylla', 'igen', 'ναι', 'ya', 'iya', 'co', 'はい', '是', '예', 'نعم', 'כן']);
const NO_WORDS = new Set(['no', 'n', 'false', 'nein', 'nee', 'non', 'nao', 'nie', 'hayir', 'нет', 'ні', 'ne', 'ei', 'nem', 'οχι', 'nej', 'nei', 'tidak', 'khong', 'いいえ', '否', '아니요', 'لا', 'לא']);

/** True when a column holds yes and no words only (both of them among at least two filled values): a flag, never a place. */
export function isYesNoColumn(values: readonly string[]): boolean {
  const filled = values.filter((v) => !isBlankCell(v)).map((v) => foldText(v.trim()).replace(/\.$/, ''));
  return filled.length >= 2 && filled.every((v) => YES_WORDS.has(v) || NO_WORDS.has(v)) && filled.some((v) => YES_WORDS.has(v)) && filled.some((v) => NO_WORDS.has(v));
}

/**
 * Header words of a country's subdivision (province, state, region, county, prefecture...),
 * folded, in the lexicon's main languages: under such a header, values that read as countries
 * or cities ("BG", "NA", "CA" are country codes too) do not make the column the country or the
 * city by themselves (a header that names the country as well, "Country/Region", still
 * does by its words). Words that also mean the country somewhere ("land", "kraj", "il") are
 * left out.
 */
const REGION_WORDS = new Set([
  'province', 'provinces', 'state', 'region', 'county', 'prefecture', 'canton', 'territory', 'provincia', 'regione', 'estado', 'regiao',
  'comunidad', 'entidad', 'departement', 'provincie', 'regio', 'bundesland', 'provinz', 'kanton', 'landkreis', 'wojewodztwo', 'powiat', 'lan',
  // Brazil's "UF" (unidade federativa: "RS", "PE", "MG", which read as country codes too), Mexico's "entidad federativa"
  'uf', 'fylke', 'maakunta', 'megye', 'judet', 'область', 'регион', 'регіон', 'νομος', 'περιφερεια', 'viloyat', 'mkoa', 'استان', 'محافظه', 'מחוז', '都道府県',
]);

/** True when the normalised header names a country's subdivision. */
export function namesRegion(normalized: string): boolean {
  return normalized.split(' ').some((w) => REGION_WORDS.has(w));
}

const NAME_KINDS = new Set(['person_name', 'given_name', 'family_name', 'company_name']);

/**
 * True when the column may never take the field, whatever the header or value evidence:
 * owner columns take no name of a person or company, salutation columns no name and no job
 * title, profile columns no domain or web site, a length of time no charge, a column of
 * parties or of PBX equipment no place, a phone system's office no place, equipment no call
 * code, an identifier no amount, a charge for time (a currency in the raw header's note) no length.
 */
export function refusesField(def: FieldDefinition, normalized: string, values: readonly string[], raw?: string): boolean {
  const kind = def.kind ?? '';
  if (NAME_KINDS.has(kind) && isOwnerHeader(normalized)) return true;
  if ((NAME_KINDS.has(kind) || kind === 'job_title') && isSalutationColumn(normalized, values)) return true;
  if (kind === 'company_name' && isDepartmentColumn(values)) return true;
  if ((def.type === 'domain' || def.type === 'url') && isProfileColumn(normalized, values)) return true;
  if (def.type === 'money' && namesTimeSpan(normalized)) return true;
  if (def.name === 'annual_revenue' && (namesShortPeriod(normalized) || namesOtherCompanyFigure(normalized))) return true;
  if (def.name === 'location' && (holdsParties(values) || namesEquipment(normalized) || namesOffices(values))) return true;
  // "Airtime ($)", "Talk time (€)": what the time cost, not how long it lasted
  if (def.type === 'duration' && raw !== undefined && namesCurrency(raw.replace(TIME_UNIT_NOTE, ''))) return true;
  if ((def.name === 'location' || kind === 'country' || kind === 'city') && isYesNoColumn(values)) return true;
  // a trunk named "Trunk-A" is no incoming call: equipment columns say nothing of the call's direction or kind
  if (def.codes !== undefined && namesEquipment(normalized)) return true;
  if ((def.type === 'money' || def.type === 'number' || def.type === 'integer') && ID_LAST_WORDS.has(normalized.split(' ').at(-1) ?? '')) return true;
  return false;
}

/**
 * Words that name a company's own premises: an office, a site, a branch, a headquarters, a
 * campus ("Seattle Office", "HQ", "Filiale Köln", "Sede Madrid"), folded like headers, in the
 * lexicon's main languages (standard translations). A phone system's report (Webex Calling,
 * Teams, 3CX) names the site its user sits in as "Location"; the place of a call is where it
 * went, which a site that is the same for the user's every call does not say.
 */
const OFFICE_WORDS = new Set([
  'office', 'offices', 'site', 'branch', 'hq', 'headquarters', 'campus', 'building',
  'buro', 'niederlassung', 'filiale', 'zentrale', 'standort', 'hauptsitz', 'kantoor', 'vestiging', 'hoofdkantoor',
  'bureau', 'bureaux', 'agence', 'siege', 'oficina', 'sucursal', 'sede', 'filial', 'escritorio', 'ufficio', 'biuro', 'oddzial', 'kontor', 'toimisto',
]);

/** True when most filled values (at least two) name one of the company's premises ("Seattle Office", "Filiale Köln"). */
function namesOffices(values: readonly string[]): boolean {
  const filled = values.filter((v) => !isBlankCell(v));
  const office = (v: string) => foldText(v).split(/[^\p{L}\p{N}]+/u).some((w) => OFFICE_WORDS.has(w));
  return filled.length >= 2 && filled.filter(office).length / filled.length >= 0.6;
}

/** a note of seconds or minutes ("Ilgums (sek.)", "Varighed (sek.)"): "sek" is also the Swedish krona's code */
const TIME_UNIT_NOTE = /[([]\s*(?:sek|sec|secs|s|min|mins)\.?\s*[)\]]/giu;

/** Last words of a header that make it an identifier ("UID", "Call ID", "uniqueid"): "1759479262.12" there is no amount. */
const ID_LAST_WORDS = new Set(['id', 'ids', 'uid', 'uuid', 'guid', 'sid', 'uniqueid', 'linkedid', 'hash']);

/**
 * PBX equipment a CDR names beside the call ("Destination Trunk", "Source Channel",
 * "dstchannel", "Gateway", "destDeviceName"): where the call went inside the switch, not
 * the place the carrier prints.
 */
const EQUIPMENT_WORDS = new Set(['trunk', 'trunks', 'channel', 'chan', 'dstchannel', 'channel2', 'gateway', 'device', 'route', 'sip', 'codec', 'node', 'port']);
function namesEquipment(normalized: string): boolean {
  return normalized.split(' ').some((w) => EQUIPMENT_WORDS.has(w));
}

/**
 * A number dialled or a PBX party as CDRs print it ("2125550134", "+44 20 7946 0412",
 * "Anna Berg<1001>", "\"Front Desk\" <1000>"): a call's party, not the place of the call.
 */
const PARTY_VALUE = /^\+?[\d\s().\-*#]{3,}$|<\s*\+?[\d*#]+\s*>\s*$/;

/**
 * True when most filled values of the column are parties of the call (Yeastar's "Call To",
 * a "Call From" of numbers and extensions): AT&T's "Call To" of places ("NEW YORK NY",
 * "INCOMING CL") is a location, a column of numbers under the same header is not.
 */
function holdsParties(values: readonly string[]): boolean {
  const filled = values.filter((v) => !isBlankCell(v));
  return filled.length >= 2 && filled.filter((v) => PARTY_VALUE.test(v.trim())).length / filled.length >= 0.6;
}

/**
 * Header words of a period shorter than a year ("Estimated Monthly Sales", "Umsatz pro
 * Monat", "Faturamento mensal", "月商", "Квартальная выручка"): such a figure is no annual
 * revenue, and taking it as one would be off by a factor of 4 to 365. Folded like headers;
 * the adjectives and "per month/quarter/week/day" phrases of the lexicon's main languages.
 */
const SHORT_PERIOD_WORDS = new Set([
  'monthly', 'month', 'quarterly', 'quarter', 'weekly', 'week', 'daily', 'mrr', 'mtd', 'qtd',
  'monatlich', 'monatsumsatz', 'monat', 'quartal', 'mensuel', 'mensuelle', 'mois', 'trimestriel', 'trimestre', 'mensual', 'mes',
  'mensal', 'mensile', 'mese', 'trimestrale', 'maandelijks', 'maand', 'kwartaal', 'manadlig', 'manad', 'manedlig', 'maned', 'kuukausi',
  'kuukausittainen', 'miesieczny', 'miesiecznie', 'miesiac', 'kwartalny', 'mesicni', 'mesiac', 'mesacny', 'havi', 'aylik', 'ay',
  'месячная', 'месячный', 'месяц', 'ежемесячная', 'квартальная', 'квартал', 'місячна', 'місяць', 'μηνιαιος', 'μηνιαια',
]);
/** CJK words of the same periods, matched inside the header (no spaces there) */
const SHORT_PERIOD_CJK = /月商|月間|月次|每月|月度|월간|월매출|季度|四半期/u;
function namesShortPeriod(normalized: string): boolean {
  return normalized.split(' ').some((w) => SHORT_PERIOD_WORDS.has(w)) || SHORT_PERIOD_CJK.test(normalized);
}

/**
 * A company's other money figures: its share capital (registered, authorised, paid-up), its
 * funding, its profit, net worth or assets. Registers and data vendors print them beside the
 * revenue or instead of it ("Paid-up Capital (SGD)", "Stammkapital", "注册资本", "Total Funding",
 * "Net Profit"); none is the annual revenue, and an unused one says no revenue was left out.
 * Folded like headers; the words of the lexicon's main languages (standard translations).
 */
const OTHER_FIGURE_WORDS = new Set([
  'capital', 'funding', 'funded', 'raised', 'profit', 'profits', 'ebitda', 'worth', 'assets', 'equity', 'valuation',
  'kapital', 'stammkapital', 'grundkapital', 'gewinn', 'jahresuberschuss', 'capitale', 'utile', 'benefice', 'beneficio', 'beneficios', 'lucro',
  'resultat', 'aktiekapital', 'osakepaaoma', 'kapitał', 'kapital zakładowy', 'zysk', 'tőke', 'alaptoke', 'уставный', 'капитал', 'прибыль',
  'سرمایه', 'سەرمایە', 'رأس', 'قازانج',
].map(foldText));
/** CJK words of the same figures, matched inside the header (registered and paid-in capital, profit, funding) */
const OTHER_FIGURE_CJK = /資本金|资本|資本|利益|利润|净利|融资|자본금|순이익|영업이익/u;
function namesOtherCompanyFigure(normalized: string): boolean {
  return normalized.split(' ').some((w) => OTHER_FIGURE_WORDS.has(w)) || OTHER_FIGURE_CJK.test(normalized);
}

/**
 * Header words that make a column a length of time ("total_duration", "Gesamtdauer",
 * "Durée totale", "Billed seconds"): a charge is never read from it, however its "total"
 * reads. Folded like headers; the duration words of the lexicon's languages that are not
 * also money words.
 */
const TIME_SPAN_WORDS = new Set([
  'duration', 'seconds', 'secs', 'minutes', 'mins', 'dauer', 'sekunden', 'minuten', 'duree', 'secondes', 'duracion', 'segundos', 'minutos',
  'durata', 'secondi', 'minuti', 'duracao', 'duur', 'seconden', 'varighed', 'varighet', 'sekunder', 'minutter', 'kesto', 'sekuntia',
  'trvani', 'trvanie', 'trajanje', 'czas', 'sekundy', 'idotartam', 'kestus', 'ilgums', 'trukme', 'sure', 'saniye', 'dakika',
  'длительность', 'продолжительность', 'секунды', 'минуты', 'тривалість', 'секунди', 'хвилини', 'διαρκεια', 'δευτερολεπτα', 'λεπτα',
]);
function namesTimeSpan(normalized: string): boolean {
  return normalized.split(' ').some((w) => TIME_SPAN_WORDS.has(w)) || /(?:dauer|duration|duur)$/.test(normalized.replace(/ /g, ''));
}
