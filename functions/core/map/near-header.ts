import type { SchemaDefinition } from '../schemas/schema-types.ts';
import { fieldTerms } from './header-match.ts';
import { compactHeader, editDistance, normalizeHeader } from './normalize-header.ts';

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

/** per field: each term's compact form, as written and with spelling variants folded */
const termCache = new WeakMap<SchemaDefinition, { written: string; folded: string }[][]>();

function compactTerms(schema: SchemaDefinition): { written: string; folded: string }[][] {
  let hit = termCache.get(schema);
  if (hit === undefined) {
    hit = fieldTerms(schema).map((terms) =>
      terms.map((t) => compactHeader(normalizeHeader(t))).filter((t) => t.length > 0).map((written) => ({ written, folded: foldSpellingVariants(written) })),
    );
    termCache.set(schema, hit);
  }
  return hit;
}

/**
 * The term of schema field `field` that `header` nearly is (see the module comment), or
 * undefined: the same word in another spelling, or one letter off a term of at least
 * {@link NEAR_MIN_LENGTH} letters. An exact match is no near miss (the header matching sees it).
 */
export function nearFieldTerm(schema: SchemaDefinition, field: number, header: string): string | undefined {
  const raw = compactHeader(normalizeHeader(header));
  const h = foldSpellingVariants(raw);
  if (h.length === 0) return undefined;
  const terms = compactTerms(schema)[field] ?? [];
  if (terms.some((t) => t.written === raw)) return undefined;
  for (const { written, folded: t } of terms) {
    if (t === h || (Math.min(h.length, t.length) >= NEAR_MIN_LENGTH && editDistance(h, t, 1) <= 1)) return written;
  }
  return undefined;
}
