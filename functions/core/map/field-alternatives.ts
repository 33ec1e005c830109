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
    const lexicon = new Set((allTerms[i] ?? []).map(normalizeHeader));
    const found: FieldAlternative[] = [];
    normalized.forEach((h, column) => {
      if (h.length === 0) return;
      let header = 0;
      let why: FieldAlternative['why'] = 'header';
      if (lexicon.has(h)) {
        header = 1;
        why = 'synonym';
      }
      for (const t of header === 1 ? [] : terms) {
        if (t === h) {
          header = 1;
          why = 'synonym';
          break;
        }
        header = Math.max(header, headerSimilarity(h, t) * 0.85);
      }
      const values = ratio(sampleRows.map((r) => r[column] ?? ''), (v) => looksLikeField(def, v, ctx));
      const valueScore = values.count > 0 ? values.ratio * 0.6 : 0;
      const score = Math.round(Math.max(header, valueScore) * 100) / 100;
      if (score < MIN_SCORE) return;
      found.push({ column, header: headers[column] ?? '', score, why: valueScore > header ? 'values' : why });
    });
    out[def.name] = found.sort((a, b) => b.score - a.score || a.column - b.column).slice(0, PER_FIELD);
  });
  return out;
}
