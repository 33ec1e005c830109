import { BUILTIN_LEXICONS, lexiconTerms } from '../schemas/lexicon/index.ts';
import type { FieldDefinition, SchemaDefinition } from '../schemas/schema-types.ts';
import { compactHeader, normalizeHeader, prepareHeader, preparedSimilarity, type PreparedHeader } from './normalize-header.ts';

/**
 * Header evidence: how much a column's header says it holds a field. Terms are the field's
 * name, its synonyms and, for built-in schemas, the multilingual lexicon
 * (functions/core/schemas/lexicon/). A header matches a term
 * - whole (`exact` for the field's name, else `synonym`), also after dropping units and
 *   currencies ("Belopp (kr)", "Kaina, EUR", "売上高（百万円）" -> "belopp", "kaina", "売上高");
 * - by containment or edit distance (`fuzzy`), as before;
 * - in scripts written without spaces (CJK), when the term is a substring of the header
 *   ("携帯電話番号" holds "携帯電話");
 * - as the head or modifier of a compound word ("Mobiltelefonnummer" holds "telefonnummer").
 */

export const CONF_EXACT = 1;
export const CONF_SYNONYM = 0.95;
/** a synonym once units and parenthesised notes are set aside */
const CONF_CORE = 0.93;
/** what a form's question asks about, once the asking words are set aside ("What is your role?" -> role) */
const CONF_QUESTION = 0.8;
/** fuzzy confidence = similarity x this, for similarities >= FUZZY_MIN */
const FUZZY_SCALE = 0.85;
const FUZZY_MIN = 0.75;
/** lexicon terms are compared by edit distance from this length on ("site" is not "síť") */
const LEXICON_MIN_EDIT = 7;
/** fuzzy and value matching look at this many columns at most (10,000-column files stay fast) */
export const MAX_SCANNED_COLUMNS = 500;
/** past this many columns, fuzzy matching uses the schema's own terms only (the lexicon still matches whole headers) */
const MAX_LEXICON_SCANNED_COLUMNS = 150;

/**
 * Words that make a header about something else than the term it contains: "E-mail 1 - Type"
 * is the kind of address, "Contact owner" a salesperson, "Person Linkedin Url" a profile,
 * "Middle Name" not the name. A fuzzy match that adds one of them is scaled by QUALIFIED_SCALE.
 */
const QUALIFIER_WORDS = new Set([
  'type', 'label', 'status', 'owner', 'id', 'sid', 'url', 'link', 'linkedin', 'rank', 'verified', 'score', 'stage',
  'source', 'count', 'middle', 'nick', 'nickname', 'additional', 'phonetic', 'maiden', 'yomi', 'suffix', 'prefix',
  // the same in other languages: kind, number/code (an id), owner, note
  'typ', 'tipo', 'tyyppi', 'tip', 'тип', 'kod', 'code', 'codice', 'kood', 'koodi', 'код', 'nr', 'no', 'номер', 'ид',
  'ansvarlig', 'eier', 'agare', 'omistaja', 'vlastnik', 'wlasciciel', 'владелец', 'власник', 'muistiinpanot', 'notes',
  // a middle name in Tagalog and Cebuano ("Gitnang pangalan", "Tunga nga ngalan")
  'gitnang', 'tunga',
  // the end of a call in Vietnamese ("Thời gian kết thúc" is no start time)
  'ket',
]);
const QUALIFIED_SCALE = 0.6;

/**
 * Units, currencies and scale words that a header may carry next to its meaning; they say
 * how to read the values (see units.ts), not what the column is.
 */
const UNIT_WORDS = new Set([
  'kr', 'tkr', 'mkr', 'sek', 'nok', 'dkk', 'eur', 'usd', 'gbp', 'chf', 'pln', 'zl', 'czk', 'kc', 'huf', 'ft', 'ron', 'lei', 'bgn', 'лв',
  'try', 'tl', 'rub', 'руб', 'рублеи', 'uah', 'грн', 'jpy', 'cny', 'rmb', 'krw', '円', '元', '원', '万円', '百万円', '千円', '億円', '万元', '千元', '억원', '만원',
  'in', 'k', 'm', 'mm', 'bn', 'mio', 'mrd', 'mln', 'mld', 'tsd', 'thousands', 'millions', '000', '000s', 'usd000', 'sec', 'secs', 's', 'min', 'mins', 'seconds', 'minutes',
  'netto', 'brutto', 'net', 'gross', 'vat', 'incl', 'excl', 'ttc', 'ht', 'eur.', 'tys', 'тыс', 'млн', 'тис',
]);

export type HeaderReason = 'exact' | 'synonym' | 'fuzzy';

export interface HeaderCandidate {
  field: number;
  column: number;
  confidence: number;
  reason: HeaderReason;
  /** term position: the field's name first, then synonyms, then the lexicon; earlier wins ties */
  rank: number;
}

interface Term {
  /** position in the schema's term list: comparisons run in this order, so ties break as they always did */
  index: number;
  field: number;
  /** from the lexicon, not the schema itself: short words there are too many to compare by edit distance */
  lexicon: boolean;
  rank: number;
  normalized: string;
  compact: string;
  prepared: PreparedHeader;
  /** written in a script without spaces between words */
  cjk: boolean;
  /** the script of its first letter: a Latin header is never compared letter by letter with a Greek term */
  script: string;
}

/**
 * Scripts written without spaces between words, where a term is found inside a longer header:
 * Chinese, Japanese, Korean (whose words are spaced, but compounds are not), and Thai, Lao,
 * Khmer and Burmese ("លេខទូរស័ព្ទអតិថិជន" holds "លេខទូរស័ព្ទ", the phone number).
 */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Words too common in field names to stand for the field alone ("iata_code" is "iata", not "code"). */
const GENERIC_NAME_PARTS = new Set(['code', 'name', 'number', 'id', 'no', 'nr', 'date', 'time', 'type', 'value', 'text', 'data', 'info', 'the', 'and']);

/**
 * Header terms per field: name, synonyms, then the lexicon for a built-in schema, or, for
 * a tenant's own schema, the distinctive parts of the field's name ("iata_code" -> "iata")
 * and its description, so a custom schema competes on its own words.
 */
export function fieldTerms(schema: SchemaDefinition): string[][] {
  const lexicon = BUILTIN_LEXICONS.get(schema.name);
  return schema.fields.map((f) => {
    if (lexicon !== undefined) return [f.name, ...f.synonyms, ...lexiconTerms(lexicon, f.name).map((t) => t.term)];
    const parts = f.name.split('_').filter((p) => p.length >= 3 && !GENERIC_NAME_PARTS.has(p));
    return [f.name, ...f.synonyms, ...(parts.length > 0 && parts.length < f.name.split('_').length ? parts : []), ...(f.description.trim() ? [f.description] : [])];
  });
}

/** Time-of-day headers a datetime field's date column pairs with: `timeSynonyms` plus the lexicon's `<field>.time`. */
export function timeTerms(schema: SchemaDefinition, def: FieldDefinition): string[] {
  const lexicon = BUILTIN_LEXICONS.get(schema.name) ?? [];
  return [...(def.timeSynonyms ?? ['time']), ...lexiconTerms(lexicon, `${def.name}.time`).map((t) => t.term)];
}

function buildTerms(schema: SchemaDefinition): Term[] {
  const terms: Term[] = [];
  const seen = new Set<string>();
  fieldTerms(schema).forEach((list, field) => {
    const own = 1 + (schema.fields[field]?.synonyms.length ?? 0);
    list.forEach((raw, i) => {
      const normalized = normalizeHeader(raw);
      if (normalized.length === 0 || seen.has(`${field}:${normalized}`)) return;
      seen.add(`${field}:${normalized}`);
      // rank -1 marks the field's own name (an exact match)
      terms.push({ index: terms.length, field, lexicon: i >= own, rank: i - 1, normalized, compact: compactHeader(normalized), prepared: prepareHeader(normalized), cjk: CJK.test(normalized), script: scriptOf(normalized) });
    });
  });
  return terms;
}

const SCRIPTS: [string, RegExp][] = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['cjk', CJK],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
  ['armenian', /\p{Script=Armenian}/u],
  ['bengali', /\p{Script=Bengali}/u],
  ['tamil', /\p{Script=Tamil}/u],
  ['sinhala', /\p{Script=Sinhala}/u],
  ['ethiopic', /\p{Script=Ethiopic}/u],
];

/** The script of the first letter of a text ('other' for digits only or scripts not listed). */
function scriptOf(text: string): string {
  const letter = /\p{L}/u.exec(text)?.[0];
  if (letter === undefined) return 'other';
  return SCRIPTS.find(([, re]) => re.test(letter))?.[0] ?? 'other';
}

/** The header without parenthesised notes and unit words: "Umsatz (Mio. €)" -> "umsatz". */
export function coreHeader(header: string): string {
  const bare = header.normalize('NFKC').replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  return normalizeHeader(bare)
    .split(' ')
    .filter((w) => w.length > 0 && !UNIT_WORDS.has(w) && !/^\d+$/.test(w))
    .join(' ');
}

/**
 * A schema's terms and the indexes that find the few worth comparing with a header: by
 * whole text, by word, by first and last letter (edit distance), and the CJK ones.
 */
interface TermIndex {
  terms: Term[];
  byKey: Map<string, Term[]>;
  byWord: Map<string, Term[]>;
  byFirst: Map<string, Term[]>;
  byLast: Map<string, Term[]>;
  cjk: Term[];
}

const termCache = new WeakMap<SchemaDefinition, TermIndex>();

function push(map: Map<string, Term[]>, key: string | undefined, t: Term): void {
  if (key === undefined || key.length === 0) return;
  const list = map.get(key);
  if (list === undefined) map.set(key, [t]);
  else if (list[list.length - 1] !== t) list.push(t);
}

function termsOf(schema: SchemaDefinition): TermIndex {
  let hit = termCache.get(schema);
  if (hit === undefined) {
    const terms = buildTerms(schema);
    hit = { terms, byKey: new Map(), byWord: new Map(), byFirst: new Map(), byLast: new Map(), cjk: [] };
    for (const t of terms) {
      push(hit.byKey, t.normalized, t);
      push(hit.byKey, t.compact, t);
      for (const w of t.prepared.words) push(hit.byWord, w, t);
      push(hit.byFirst, t.compact[0], t);
      push(hit.byLast, t.compact[t.compact.length - 1], t);
      if (t.cjk) hit.cjk.push(t);
    }
    termCache.set(schema, hit);
  }
  return hit;
}

/** The terms worth comparing with a header: sharing a word, a first or last letter, a compound part, or CJK. */
function termsNear(index: TermIndex, words: readonly string[], compacts: readonly string[], cjk: boolean): Term[] {
  const found = new Set<Term>();
  const add = (list: Term[] | undefined) => {
    if (list !== undefined) for (const t of list) found.add(t);
  };
  for (const w of words) {
    add(index.byWord.get(w));
    // compound parts: a known word of five letters or more at the start or end of a longer one
    for (let len = 5; len <= w.length - 3; len++) {
      add(index.byKey.get(w.slice(0, len)));
      add(index.byKey.get(w.slice(w.length - len)));
    }
  }
  for (const c of compacts) {
    add(index.byFirst.get(c[0] ?? ''));
    add(index.byLast.get(c[c.length - 1] ?? ''));
  }
  if (cjk) for (const t of index.cjk) found.add(t);
  return [...found].sort((a, b) => a.index - b.index);
}

/** Per schema: a header's candidates (field, confidence, reason, rank) by its raw text; the same headers recur in every file of a tool. */
const MEMO_LIMIT = 5000;
let memos = new WeakMap<SchemaDefinition, Map<string, Omit<HeaderCandidate, 'column'>[]>>();

/** Forget the memoised header candidates (timings of the cold path measure with it). */
export function resetHeaderMemo(): void {
  memos = new WeakMap();
}

/** Every header candidate for every column (normalised headers in, raw headers for units). */
export function headerCandidates(schema: SchemaDefinition, headers: readonly string[], normalized: readonly string[]): HeaderCandidate[] {
  let memo = memos.get(schema);
  if (memo === undefined) {
    memo = new Map();
    memos.set(schema, memo);
  }
  const candidates: HeaderCandidate[] = [];
  normalized.forEach((h, column) => {
    if (h.length === 0) return;
    const raw = headers[column] ?? '';
    const scan: Scan = column >= MAX_SCANNED_COLUMNS ? 'none' : column >= MAX_LEXICON_SCANNED_COLUMNS ? 'own' : 'all';
    const key = `${scan}:${raw}`;
    let found = memo.get(key);
    if (found === undefined) {
      found = candidatesForHeader(schema, raw, h, scan);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(key, found);
    }
    for (const c of found) candidates.push({ ...c, column });
  });
  preferSpecificHeaders(candidates, normalized);
  return candidates;
}

/** Which terms a column is compared with beyond whole-header lookups: all, the schema's own (not the lexicon), none. */
type Scan = 'all' | 'own' | 'none';

/** One header's candidates; `scan` adds the fuzzy, substring and compound comparisons with the terms. */
function candidatesForHeader(schema: SchemaDefinition, raw: string, h: string, scan: Scan): Omit<HeaderCandidate, 'column'>[] {
  const index = termsOf(schema);
  const { byKey } = index;
  const out: Omit<HeaderCandidate, 'column'>[] = [];
  const seen = new Set<number>();
  const direct = (keys: string[], confidence: (t: Term) => number, reason?: HeaderReason) => {
    for (const key of keys) {
      for (const t of byKey.get(key) ?? []) {
        if (seen.has(t.field)) continue;
        seen.add(t.field);
        out.push({ field: t.field, confidence: confidence(t), reason: reason ?? (t.rank < 0 ? 'exact' : 'synonym'), rank: t.rank });
      }
    }
  };
  direct([h, compactHeader(h)], (t) => (t.rank < 0 ? CONF_EXACT : CONF_SYNONYM));
  // units and notes only where a header can carry them (10,000 plain headers skip the second pass)
  // a header on several lines (Orbis, wrapped spreadsheet cells) says what it is on the first
  // one, and its unit or period on the next ("Operating revenue (Turnover)\nth EUR\nLast avail. yr")
  const lines = raw.split(/\r?\n/).filter((l) => l.trim().length > 0);
  const label = lines.length > 1 ? lines[0]! : raw;
  const core = label !== raw || /[([,]/.test(raw) || h.split(' ').some((w) => UNIT_WORDS.has(w) || /^\d+$/.test(w)) ? coreHeader(label) : h;
  if (core.length > 0 && core !== h) direct([core, compactHeader(core)], () => CONF_CORE);
  // a form's question as the header ("What company do you work for?") or its "Your ...": what it asks about
  const asked = questionSubject(raw, h);
  if (asked !== undefined) direct([asked, compactHeader(asked)], () => CONF_QUESTION, 'synonym');
  if (scan === 'none') return out;
  // fuzzy: best term per field, for fields without a whole-header hit on this column
  const best = new Map<number, { score: number; rank: number; term: string }>();
  const compactH = compactHeader(h);
  const words = h.split(' ');
  const ph = prepareHeader(h);
  const pc = core.length > 0 && core !== h ? prepareHeader(core) : undefined;
  const script = scriptOf(h);
  const ends = [compactH[0], compactH[compactH.length - 1], ...(pc === undefined ? [] : [pc.compact[0], pc.compact[pc.compact.length - 1]])];
  const near = termsNear(index, pc === undefined ? words : [...words, ...pc.words], pc === undefined ? [compactH] : [compactH, pc.compact], CJK.test(h));
  for (const t of near) {
    if (seen.has(t.field) || (t.script !== script && t.script !== 'other') || (scan === 'own' && t.lexicon)) continue;
    // edit distance only between headers and terms that share a first or last letter
    const editable = ends.includes(t.compact[0]) || ends.includes(t.compact[t.compact.length - 1]);
    const minEdit = editable ? (t.lexicon ? LEXICON_MIN_EDIT : 4) : Number.POSITIVE_INFINITY;
    const sim = Math.max(preparedSimilarity(ph, t.prepared, minEdit), pc === undefined ? 0 : preparedSimilarity(pc, t.prepared, minEdit));
    const score = Math.max(sim >= FUZZY_MIN ? sim * FUZZY_SCALE : 0, substringScore(compactH, t), compoundScore(words, t), t.lexicon ? 0 : abbreviationScore(words, t));
    if (score === 0) continue;
    const prev = best.get(t.field);
    if (prev === undefined || score > prev.score) best.set(t.field, { score, rank: t.rank, term: t.normalized });
  }
  for (const [field, { score, rank, term }] of best) {
    const qualified = words.some((w) => QUALIFIER_WORDS.has(w) && !term.split(' ').includes(w));
    out.push({ field, confidence: round2(score * (qualified ? QUALIFIED_SCALE : 1)), reason: 'fuzzy', rank });
  }
  return out;
}

/**
 * Words that only ask: form tools (Luma, Typeform, Google Forms, Calendly) print the question
 * itself as the column header. English and the commonest Romance and German forms.
 */
const QUESTION_WORDS = new Set([
  'what', 'whats', 'which', 'who', 'where', 'is', 'are', 'your', 'you', 'do', 'does', 'did', 'for', 'at', 'of', 'the', 'a', 'an',
  'in', 'work', 'current', 'currently', 'please', 'enter', 'tell', 'us', 'cual', 'es', 'tu', 'su', 'que', 'de', 'en', 'para',
  'trabajas', 'qual', 'e', 'seu', 'sua', 'voce', 'trabalha', 'quel', 'quelle', 'est', 'votre', 'vous', 'travaillez', 'was', 'ist',
  'ihr', 'ihre', 'wo', 'arbeiten', 'sie', 'bei',
]);

/** The subject of a header that is a question, or undefined (not a question, or nothing but asking words). */
function questionSubject(raw: string, h: string): string | undefined {
  const words = h.split(' ');
  const asking = /[?？]\s*$|^\s*¿/.test(raw);
  // a form's field addressed to the person without a question mark ("Ваше ПІБ", "Votre email", "Nama Anda")
  const subject = asking ? words.filter((w) => !QUESTION_WORDS.has(w)) : words.filter((w, i) => !((i === 0 || i === words.length - 1) && ADDRESSING_WORDS.has(w)));
  return subject.length > 0 && subject.length < words.length ? subject.join(' ') : undefined;
}

/**
 * "Your" as forms write it before (or, in Malay and Indonesian, after) what they ask for, folded.
 * Not the short forms that are other words elsewhere once folded (Spanish "tu"/"su": Vietnamese
 * "từ", from; Swedish "din": Romanian "din", from).
 */
const ADDRESSING_WORDS = new Set([
  'your', 'ваше', 'ваш', 'ваша', 'ваши', 'ваші', 'твое', 'твій', 'твоє', 'твой', 'votre', 'vos', 'ihr', 'ihre', 'dein', 'deine',
  'tuo', 'tua', 'vostro', 'vostra', 'seu', 'sua', 'teu', 'uw', 'jouw', 'ditt', 'dina', 'vase', 'twoje', 'twoj', 'twoja', 'anda', 'kamu',
]);

/** CJK: a term of two or more characters inside a header written without spaces. */
function substringScore(compactH: string, t: Term): number {
  if (!t.cjk || [...t.compact].length < 2 || !compactH.includes(t.compact)) return 0;
  const share = [...t.compact].length / [...compactH].length;
  return 0.62 + 0.25 * share;
}

/**
 * A one-word header that abbreviates a one-word term of the schema's own ("Lat" for
 * "latitude", "Long" for "longitude", "Qty" is not caught): at least three letters, the
 * term's start, at least a third of it. Below the threshold: a person confirms it.
 */
function abbreviationScore(words: readonly string[], t: Term): number {
  if (words.length !== 1 || t.normalized.includes(' ') || t.cjk) return 0;
  const w = words[0]!;
  if (w.length < 3 || w.length >= t.normalized.length || !t.normalized.startsWith(w) || w.length * 3 < t.normalized.length) return 0;
  return 0.6;
}

/**
 * Germanic, Nordic, Finnish, Hungarian compounds: a one-word term of five letters or more
 * that begins or ends a longer header word ("Kundentelefon", "Mobiltelefonszám" hold
 * "telefon"; "Firmanavn" holds "firma"). The longer the term's share of the word, the surer.
 */
function compoundScore(words: readonly string[], t: Term): number {
  if (t.cjk || t.normalized.includes(' ') || t.normalized.length < 5) return 0;
  let best = 0;
  for (const w of words) {
    // the other part of a compound has three letters at least ("contact" is not "conta" + "ct")
    if (w.length < t.normalized.length + 3) continue;
    if (!w.startsWith(t.normalized) && !w.endsWith(t.normalized)) continue;
    const share = (t.normalized.length / w.length) * (1 / words.length) ** 0.5;
    best = Math.max(best, 0.55 + 0.25 * share);
  }
  return best;
}

/**
 * When a field's name or synonym matches one column exactly ("Title", "Phone") and a longer
 * header ending in it matches the same field too ("Job Title", "Business Phone"), the longer
 * one is the more specific statement: the generic column gives way.
 */
function preferSpecificHeaders(candidates: HeaderCandidate[], normalized: readonly string[]): void {
  const direct = candidates.filter((c) => c.reason === 'exact' || c.reason === 'synonym');
  for (const generic of direct) {
    const g = normalized[generic.column] ?? '';
    const beaten = direct.some((other) => {
      if (other.field !== generic.field || other.column === generic.column) return false;
      const o = normalized[other.column] ?? '';
      return o.length > g.length && o.endsWith(` ${g}`);
    });
    if (beaten) generic.confidence = round2(Math.min(generic.confidence, CONF_SYNONYM) - 0.02);
  }
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
