import type { SchemaDefinition } from '../schemas/schema-types.ts';
import { fieldTerms } from './header-match.ts';
import { headerSimilarity, normalizeHeader } from './normalize-header.ts';
import { looksLikeField, ratio, type ValueCheckContext } from './value-patterns.ts';

export interface FieldAlternative {
  column: number;
  header: string;
  score: number;
  /** synonym: the header names the field; header: it resembles one; values: the samples look like it */
  why: 'synonym' | 'header' | 'values';
}

/** Alternatives shown per field at most. */
const PER_FIELD = 3;
const MIN_SCORE = 0.3;
/** wide files: only the first columns are compared (the mapping itself covers the rest) */
const MAX_COLUMNS = 300;

/**
 * For a person confirming a mapping: the columns that could hold each field, best first
 * (up to three, score >= 0.3), by header (name or synonym, or resemblance) and by sample
 * values. Unlike the mapping, a column may appear under several fields.
 */
export function fieldAlternatives(
  headers: readonly string[],
  sampleRows: readonly (readonly string[])[],
  schema: SchemaDefinition,
  ctx: ValueCheckContext = { defaultRegion: 'US' },
): Record<string, FieldAlternative[]> {
  const normalized = headers.slice(0, MAX_COLUMNS).map(normalizeHeader);
  const out: Record<string, FieldAlternative[]> = {};
  const allTerms = fieldTerms(schema);
  schema.fields.forEach((def, i) => {
    const terms = [def.name, ...def.synonyms].map(normalizeHeader);
    // the lexicon's wordings count when they are the whole header (comparing each by resemblance would be slow)
    // Stryker disable next-line ArrayDeclaration: equivalent, fieldTerms gives every field its list, so the default is never read
    const lexicon = new Set((allTerms[i] ?? []).map(normalizeHeader));
    const found: FieldAlternative[] = [];
    normalized.forEach((h, column) => {
      if (h.length === 0) return;
      let header = 0;
      let why: FieldAlternative['why'] = 'header';
      // the lexicon holds the field's name and synonyms too (fieldTerms), so a header equal to one is found here
      if (lexicon.has(h)) {
        header = 1;
        why = 'synonym';
      } else {
        for (const t of terms) header = Math.max(header, headerSimilarity(h, t) * 0.85);
      }
      const values = ratio(sampleRows.map((r) => r[column] ?? ''), (v) => looksLikeField(def, v, ctx));
      // with no filled sample the ratio is 0
      const valueScore = values.ratio * 0.6;
      const score = Math.round(Math.max(header, valueScore) * 100) / 100;
      if (score < MIN_SCORE) return;
      // normalized is headers cut at MAX_COLUMNS: the header is there
      found.push({ column, header: headers[column]!, score, why: valueScore > header ? 'values' : why });
    });
    // Stryker disable next-line ArithmeticOperator: equivalent in V8, found is in column order and its stable sort keeps tied columns in that order under either tie-break (checked on random score lists)
    out[def.name] = found.sort((a, b) => b.score - a.score || a.column - b.column).slice(0, PER_FIELD);
  });
  return out;
}
