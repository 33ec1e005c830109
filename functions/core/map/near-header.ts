import type { SchemaDefinition } from '../schemas/schema-types.ts';
import { fieldTerms } from './header-match.ts';
import { compactHeader, normalizeHeader } from './normalize-header.ts';

/**
 * Headers that nearly name a field: one letter off a term of it, or written in another
 * spelling of the same word. Too loose to map a column (Slavic "Kraj" is a region and a
 * country; one letter turns many words into others), but a column the mapping leaves unused
 * under such a header may hold a field the mapping lacks, so a person is asked.
 */

/** terms and headers shorter than this (compact, in letters) are too short to compare by one letter */
const NEAR_MIN_LENGTH = 5;

/**
 * Spellings of one word that differ only in what a spelling standard changed: Bengali vowel
 * length, where the Bangla Academy's standard spelling rules (প্রমিত বাংলা বানানের নিয়ম, 2012)
 * write the short ি and ু in words older print spells with ী and ূ (পদবী / পদবি, শ্রেণী /
 * শ্রেণি). Compared after this fold, the two spellings are the same word.
 */
export function foldSpellingVariants(text: string): string {
  return text.replace(/\u09c0/g, '\u09bf').replace(/\u09c2/g, '\u09c1');
}

interface NearTerm {
  /** the term's compact form as written */
  written: string;
  /** the same with spelling variants folded */
  folded: string;
}

/** per field: its terms by folded length, so a header is compared only with terms one letter longer or shorter at most */
const termCache = new WeakMap<SchemaDefinition, { written: Set<string>; byLength: Map<number, NearTerm[]> }[]>();

function termsByField(schema: SchemaDefinition): { written: Set<string>; byLength: Map<number, NearTerm[]> }[] {
  let hit = termCache.get(schema);
  // Stryker disable next-line ConditionalExpression: equivalent for true, the terms are built again the same, only slower
  if (hit === undefined) {
    hit = fieldTerms(schema).map((terms) => {
      const byLength = new Map<number, NearTerm[]>();
      const written = new Set<string>();
      for (const raw of terms) {
        const w = compactHeader(normalizeHeader(raw));
        // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, a term twice finds what it finds once, and an empty term matches no header (a blank header returns first, a short one is never compared by a letter)
        if (w.length === 0 || written.has(w)) continue;
        written.add(w);
        const t = { written: w, folded: foldSpellingVariants(w) };
        const list = byLength.get(t.folded.length);
        if (list === undefined) byLength.set(t.folded.length, [t]);
        else list.push(t);
      }
      return { written, byLength };
    });
    termCache.set(schema, hit);
  }
  return hit;
}

/** True when `a` becomes `b` by changing, adding or removing one letter (or none). */
export function withinOneEdit(a: string, b: string): boolean {
  // Stryker disable next-line ConditionalExpression: equivalent for false, a fast path: two letters longer, the rest after the first difference never compares equal below
  if (Math.abs(a.length - b.length) > 1) return false;
  // Stryker disable next-line EqualityOperator: equivalent, of two words of one length either may be the short one
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  // Stryker disable next-line EqualityOperator: equivalent, past the end of two equal words both rests are empty
  while (i < short.length && short[i] === long[i]) i++;
  // the rest after the first difference: skip one letter of the longer (added) or of both (changed)
  return short.length === long.length ? short.slice(i + 1) === long.slice(i + 1) : short.slice(i) === long.slice(i + 1);
}

/** A header as near misses compare it: its compact form as written, and with spelling variants folded. */
export interface NearHeader {
  raw: string;
  folded: string;
}

export function prepareNearHeader(header: string): NearHeader {
  const raw = compactHeader(normalizeHeader(header));
  return { raw, folded: foldSpellingVariants(raw) };
}

/**
 * The term of schema field `field` that `header` nearly is (see the module comment), or
 * undefined: the same word in another spelling, or one letter off a term of at least
 * {@link NEAR_MIN_LENGTH} letters. An exact match is no near miss (the header matching sees it).
 */
export function nearFieldTerm(schema: SchemaDefinition, field: number, header: string | NearHeader): string | undefined {
  const { raw, folded: h } = typeof header === 'string' ? prepareNearHeader(header) : header;
  const terms = termsByField(schema)[field];
  if (
    // Stryker disable next-line ConditionalExpression: equivalent for false, no term is empty and a blank header is never compared by a letter
    h.length === 0 ||
    terms === undefined ||
    terms.written.has(raw)
  )
    return undefined;
  for (const length of [h.length, h.length - 1, h.length + 1]) {
    for (const { written, folded: t } of terms.byLength.get(length) ?? []) {
      if (t === h || (Math.min(h.length, t.length) >= NEAR_MIN_LENGTH && withinOneEdit(h, t))) return written;
    }
  }
  return undefined;
}
