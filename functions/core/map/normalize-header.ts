/**
 * Header normalisation for matching: "E-mail Address" -> "e mail address",
 * "Add'l Charges" -> "addl charges", "startedAt" -> "started at", "Téléphone" ->
 * "telephone", "Phone #" -> "phone number", "Number of Employees" -> "number employees".
 */

// Words that carry no meaning in a header; dropped so "Date of Call" matches "date call",
// "Número de empleados" matches "numero empleados" and "Anzahl der Mitarbeiter" "anzahl mitarbeiter".
const STOPWORDS = new Set(['of', 'the', 'a', 'an', 'in', 'de', 'del', 'la', 'le', 'les', 'du', 'des', 'di', 'da', 'der', 'die', 'das']);

// Latin letters that do not decompose into a base letter and a diacritic under NFD.
// Hausa's hooked letters (ɓ ɗ ƙ ƴ) are written plain as often as hooked.
const LATIN_FOLD: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't', ŋ: 'n', ɓ: 'b', ɗ: 'd', ƙ: 'k', ƴ: 'y' };

/**
 * Arabic-script letters Persian, Urdu and Arabic write differently for the same sound, as
 * keyboards type them: Persian/Urdu ی and Arabic ي (and final ى, ئ without its hamza is not
 * folded), ک and ك, Urdu ہ/ھ/ۃ, Arabic ة and ه (Persian ۀ is folded before NFD splits it); the Arabic-Indic and Persian
 * digits as ASCII digits.
 */
const ARABIC_SCRIPT_FOLD: Record<string, string> = {
  ی: 'ي', ى: 'ي', ے: 'ي', ې: 'ي', ۍ: 'ي', ک: 'ك', ہ: 'ه', ھ: 'ه', ۃ: 'ه', ة: 'ه',
};

/** Malayalam chillu letters, written alone or as the consonant, virama and a zero-width joiner: the consonant and virama. */
const CHILLU: Record<string, string> = { 'ൺ': 'ണ്', 'ൻ': 'ന്', 'ർ': 'ര്', 'ൽ': 'ല്', 'ൾ': 'ള്' };

/**
 * Ethiopic letters Amharic spells either way (the old distinctions are no longer spoken):
 * ሠ/ሰ, ኀ/ሐ/ሀ, ዐ/አ, ፀ/ጸ, per vowel order (the seven forms follow each other in Unicode).
 */
function foldEthiopic(c: string): string {
  const code = c.codePointAt(0)!;
  // Stryker disable next-line ArithmeticOperator: equivalent, 0x1200 is a multiple of 8, so adding it leaves the same remainder
  const order = (code - 0x1200) % 8;
  const base = code - order;
  const to = ETHIOPIC_BASES.get(base);
  return to === undefined ? c : String.fromCodePoint(to + order);
}
const ETHIOPIC_BASES = new Map<number, number>([
  [0x1220, 0x1230], // ሠ -> ሰ
  [0x1280, 0x1200], // ኀ -> ሀ
  [0x1210, 0x1200], // ሐ -> ሀ
  [0x12d0, 0x12a0], // ዐ -> አ
  [0x1340, 0x1338], // ፀ -> ጸ
]);

/**
 * Text folded for comparison in any script: NFKC (full-width forms, ligatures), lower case,
 * Latin diacritics removed ("Příjmení" -> "prijmeni", "Ülke" -> "ulke"), letters without a
 * decomposition transliterated ("Første" -> "forste", "Straße" -> "strasse"), Greek final
 * sigma as sigma, Arabic, Hebrew and Devanagari vowel points and variant letters folded
 * ("الأسم" and "الاسم" compare equal), and recomposed (Hangul stays syllables, kana keep
 * their voicing marks).
 */
export function foldText(text: string): string {
  // most headers are plain ASCII: nothing to normalise
  // Stryker disable next-line ConditionalExpression: equivalent for false, a fast path: the folds below leave printable ASCII as toLowerCase does
  if (!/[^ -~]/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[øæœßłđðþıħŧŋɓɗƙƴ]/g, (c) => LATIN_FOLD[c] ?? c)
    .replace(/ς/g, 'σ')
    // Persian heh with yeh above (ۀ) before NFD splits it into the Kurdish ae (ە) and a hamza
    .replace(/ۀ/g, 'ه')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    // Arabic short vowels, hamza and madda on alef (أ إ آ -> ا), Hebrew points, the Devanagari
    // and Gurmukhi nukta (फ़ -> फ, ਫ਼ -> ਫ): people write these words with and without them
    .replace(/[\u064b-\u065f\u0670\u0591-\u05c7\u093c\u0a3c]/g, '')
    .replace(/\u0640/g, '') // tatweel, a stretching stroke
    .replace(/[یىےېۍکہھۃة]/g, (c) => ARABIC_SCRIPT_FOLD[c] ?? c)
    .replace(/[\u0d7a-\u0d7e]/g, (c) => CHILLU[c] ?? c)
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10))
    .replace(/[\u1200-\u137f]/g, foldEthiopic)
    // a zero-width non-joiner separates the parts of a Persian word ("نام‌خانوادگی" is
    // "نام خانوادگی"); a zero-width joiner only shapes Indic conjuncts ("විද්‍යුත්")
    .replace(/\u200c/g, ' ')
    .replace(/\u200d/g, '')
    .normalize('NFC');
}

/**
 * Lower-case words of a header in any script, accents and punctuation removed,
 * space-separated. ASCII headers give what they always gave (layout fingerprints rest on it).
 */
export function normalizeHeader(header: string): string {
  const words = foldText(header.replace(/^\uFEFF/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2'))
    .replace(/&/g, ' and ')
    .replace(/#/g, ' number ')
    // French/Italian elision: "Type d'appel" -> "type appel", "Secteur d'activité" -> "secteur activite"
    .replace(/\b[dl]['\u2019](?=[a-z])/g, ' ')
    // apostrophes, and the turned comma Uzbek writes in oʻ and gʻ ("Qoʻngʻiroq" is "qongiroq")
    .replace(/['\u2018\u2019`\u02bb\u02bc]/g, '')
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((w) => w.length > 0);
  const meaningful = words.filter((w) => !STOPWORDS.has(w));
  // a header of such words alone is a word of another language (Haitian "Lè", the time): kept
  return (meaningful.length > 0 ? meaningful : words).join(' ');
}

/** {@link normalizeHeader} without spaces: "E-mail" and "Email" compare equal. */
export function compactHeader(normalized: string): string {
  return normalized.replace(/ /g, '');
}

/** Levenshtein distance, two rows; `limit` stops early when the distance exceeds it. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Stryker disable next-line ArrayDeclaration: equivalent, the size is only preallocation: every cell is written before it is read
  let prev = new Array<number>(b.length + 1);
  // Stryker disable next-line ArrayDeclaration: equivalent, the size is only preallocation: every cell is written before it is read
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      // Stryker disable next-line EqualityOperator: equivalent, on a tie the same value is assigned
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * Similarity of two normalised headers, 0..1: the better of token overlap (Dice) and
 * edit-distance ratio on the compact forms, with a bonus when every word of `term` is in
 * `header` ("call start time utc" contains "call start time"). Edit distance counts only
 * when the longer of the two has at least `minEditLength` characters.
 */
export function headerSimilarity(header: string, term: string, minEditLength = 4): number {
  return preparedSimilarity(prepareHeader(header), prepareHeader(term), minEditLength);
}

/** A normalised header split once, for comparing it with many terms. */
export interface PreparedHeader {
  text: string;
  words: string[];
  compact: string;
}

export function prepareHeader(normalized: string): PreparedHeader {
  return { text: normalized, words: normalized.split(' '), compact: compactHeader(normalized) };
}

/** {@link headerSimilarity} of headers split beforehand. */
export function preparedSimilarity(h: PreparedHeader, t: PreparedHeader, minEditLength = 4): number {
  // Stryker disable next-line ConditionalExpression: equivalent for false, a fast path: equal texts have equal words, so common is tt.length and dice is 1
  if (h.text === t.text) return 1;
  const ht = h.words;
  const tt = t.words;
  let common = 0;
  for (const w of tt) if (ht.includes(w)) common++;
  const dice = (2 * common) / (ht.length + tt.length);
  let contained = 0;
  // containment needs a distinctive term: several words, or one long word in a short header
  if (common === tt.length && (tt.length >= 2 || (t.text.length >= 4 && ht.length <= 3))) {
    // a term of several words found whole is the more specific statement ("Company name
    // Latin alphabet" holds "company name", "GUO - Name" only "name")
    contained = 0.75 + 0.2 * (tt.length / ht.length) + 0.02 * Math.min(tt.length - 1, 2);
  }
  const a = h.compact;
  const b = t.compact;
  const maxLen = Math.max(a.length, b.length);
  let edit = 0;
  if (maxLen >= minEditLength) {
    const limit = Math.floor(maxLen * 0.3);
    // editDistance skips the table when the difference in length already exceeds the limit
    const d = editDistance(a, b, limit);
    edit = d > limit ? 0 : 1 - d / maxLen;
  }
  return Math.max(dice, contained, edit);
}
