/**
 * Header normalisation for matching: "E-mail Address" -> "e mail address",
 * "Add'l Charges" -> "addl charges", "startedAt" -> "started at", "Téléphone" ->
 * "telephone", "Phone #" -> "phone number", "Number of Employees" -> "number employees".
 */

// Words that carry no meaning in a header; dropped so "Date of Call" matches "date call",
// "Número de empleados" matches "numero empleados" and "Anzahl der Mitarbeiter" "anzahl mitarbeiter".
const STOPWORDS = new Set(['of', 'the', 'a', 'an', 'in', 'de', 'del', 'la', 'le', 'les', 'du', 'des', 'di', 'da', 'der', 'die', 'das']);

/** Lower-case words of a header, accents and punctuation removed, space-separated. */
export function normalizeHeader(header: string): string {
  const words = header
    .replace(/^\uFEFF/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/#/g, ' number ')
    // French/Italian elision: "Type d'appel" -> "type appel", "Secteur d'activité" -> "secteur activite"
    .replace(/\b[dl]['\u2019](?=[a-z])/g, ' ')
    .replace(/['\u2019`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && !STOPWORDS.has(w));
  return words.join(' ');
}

/** {@link normalizeHeader} without spaces: "E-mail" and "Email" compare equal. */
export function compactHeader(normalized: string): string {
  return normalized.replace(/ /g, '');
}

/** Levenshtein distance, two rows; `limit` stops early when the distance exceeds it. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = new Array<number>(b.length + 1);
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
 * `header` ("call start time utc" contains "call start time").
 */
export function headerSimilarity(header: string, term: string): number {
  if (header === term) return 1;
  const ht = header.split(' ');
  const tt = term.split(' ');
  let common = 0;
  for (const t of tt) if (ht.includes(t)) common++;
  const dice = (2 * common) / (ht.length + tt.length);
  let contained = 0;
  // containment needs a distinctive term: several words, or one long word in a short header
  if (common === tt.length && (tt.length >= 2 || (term.length >= 4 && ht.length <= 3))) {
    contained = 0.75 + 0.2 * (tt.length / ht.length);
  }
  const a = compactHeader(header);
  const b = compactHeader(term);
  const maxLen = Math.max(a.length, b.length);
  let edit = 0;
  if (maxLen >= 4) {
    const limit = Math.floor(maxLen * 0.3);
    const d = editDistance(a, b, limit);
    edit = d > limit ? 0 : 1 - d / maxLen;
  }
  return Math.max(dice, contained, edit);
}
