import type { EvalCase } from './mapping.ts';

/**
 * A layout as it would come from a language no lexicon knows: every letter of its headers
 * written in the Cherokee syllabary (one letter for one letter, the same everywhere), while
 * digits, spaces, punctuation and symbols (`(€)`, `%`, `#`) stay. Values are untouched. What
 * the mapper still gets right on the tuning sets read this way is what the values (and the
 * symbols of a header) carry alone: the nearest measure, short of a new held-out set, of how
 * it does on headers in Lao, Somali or Pashto.
 */
const CHEROKEE_FIRST = 0x13a0;
const CHEROKEE_LETTERS = 85;

function cipherLetter(ch: string): string {
  const lower = ch.toLowerCase();
  // fold accents so "é" and "e" stay one letter, as a language's own spelling would
  const base = lower.normalize('NFD').replace(/\p{M}/gu, '') || lower;
  let h = 0;
  for (const unit of base) h = (h * 31 + unit.codePointAt(0)!) % 1_000_003;
  return String.fromCodePoint(CHEROKEE_FIRST + (h % CHEROKEE_LETTERS));
}

export function cipherHeader(header: string): string {
  return [...header].map((ch) => (/\p{L}/u.test(ch) ? cipherLetter(ch) : ch)).join('');
}

/** The case with its headers, and every answer that names them, written in the cipher (kept apart when two would meet). */
export function withUnknownHeaders(c: EvalCase): EvalCase {
  return cipherSomeHeaders(c, () => true);
}

/**
 * A number in [0, 1) from a layout's id and a header's place, the same on every run: which
 * headers of a layout are read partly is then a fixed draw, not a new one each time.
 */
export function headerDraw(id: string, column: number): number {
  let h = 2166136261;
  for (const unit of `${id}#${column}`) h = Math.imul(h ^ unit.codePointAt(0)!, 16777619) >>> 0;
  // one more mixing round so neighbouring columns do not draw neighbouring numbers
  h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 3266489909) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

/**
 * A layout as it would come from a tool whose headers the mapper reads only in part (a few
 * English words, loanwords and symbols among words of a language no lexicon knows): about
 * `share` of its headers, drawn by {@link headerDraw}, in the cipher; the rest as written.
 */
export function withPartUnknownHeaders(share: number): (c: EvalCase) => EvalCase {
  return (c) => cipherSomeHeaders(c, (column) => headerDraw(c.id, column) < share);
}

function cipherSomeHeaders(c: EvalCase, ciphered: (column: number) => boolean): EvalCase {
  const used = new Set<string>();
  const renamed = new Map<string, string>();
  c.headers.forEach((h, column) => {
    let name = ciphered(column) ? cipherHeader(h) : h;
    while (used.has(name)) name += 'Ꭰ';
    used.add(name);
    renamed.set(h, name);
  });
  const answer = <T extends string | string[] | null>(a: T): T =>
    (a === null ? null : Array.isArray(a) ? a.map((h) => renamed.get(h) ?? h) : (renamed.get(a) ?? a)) as T;
  return {
    ...c,
    headers: c.headers.map((h) => renamed.get(h)!),
    expect: Object.fromEntries(Object.entries(c.expect).map(([f, a]) => [f, answer(a)])),
    ...(c.alternatives !== undefined ? { alternatives: Object.fromEntries(Object.entries(c.alternatives).map(([f, as]) => [f, as.map(answer)])) } : {}),
  };
}
