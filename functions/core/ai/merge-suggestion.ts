import { summarizeMapping, valueFit } from '../map/suggest-mapping.ts';
import type { FieldMapping, MappingResult } from '../pipeline-types.ts';
import type { SchemaDefinition } from '../schemas/schema-types.ts';
import type { AiSuggestion } from './parse-answer.ts';

/** Claude's word never counts for more than this: below a synonym, above the threshold. */
export const AI_MAX_CONFIDENCE = 0.9;
/** Claude's column for a field is refused when fewer of its samples than this fit the field. */
const AI_MIN_FIT = 0.5;
/** Heuristic matches at least this sure are kept even when Claude disagrees. */
export const STRONG_HEURISTIC = 0.9;

/**
 * Combine the heuristic mapping with Claude's suggestion, field by field:
 * - both agree: the heuristic mapping stays; a weak one is lifted to Claude's confidence
 *   (capped at AI_MAX_CONFIDENCE) with reason `ai`
 * - they disagree and the heuristic is strong (exact/synonym): the heuristic stays
 * - otherwise (weak or no heuristic): Claude's column(s), reason `ai`, capped confidence
 * Each column still feeds one field at most (strong heuristic claims first, then the
 * rest by confidence). The verdict (status, missing fields) is recomputed.
 * With the sample rows, Claude's answers are checked against the values: a column whose
 * samples mostly do not fit the field (an "email" of names, a "duration" of clock times)
 * is refused, and the refusal is noted on `ai.note`.
 */
export function mergeAiSuggestion(
  schema: SchemaDefinition,
  headers: readonly string[],
  heuristic: MappingResult,
  ai: AiSuggestion,
  threshold?: number,
  sampleRows?: readonly (readonly string[])[],
): MappingResult {
  const byField = new Map(heuristic.fields.map((f) => [f.field, f]));
  const refused: string[] = [];
  const fits = (field: string, sources: readonly number[]): boolean => {
    const def = schema.fields.find((f) => f.name === field);
    if (sampleRows === undefined || def === undefined || sampleRows.length === 0) return true;
    // a date + time pair is checked as the joined value, the rest column by column
    const values = sampleRows.map((r) => sources.map((c) => r[c] ?? '').filter((v) => v.trim() !== '').join(' '));
    const ok = valueFit(def, values, { defaultRegion: 'US' }) >= AI_MIN_FIT;
    if (!ok) refused.push(`${field} <- ${sources.map((c) => `"${headers[c] ?? c}"`).join(' + ')}`);
    return ok;
  };
  const aiByField = new Map(ai.fields.filter((f) => fits(f.field, f.sources)).map((f) => [f.field, f]));
  const proposals: FieldMapping[] = [];
  for (const def of schema.fields) {
    const h = byField.get(def.name);
    const a = aiByField.get(def.name);
    if (a === undefined) {
      if (h !== undefined) proposals.push(h);
      continue;
    }
    const aiConfidence = Math.min(a.confidence, AI_MAX_CONFIDENCE);
    const agree = h !== undefined && sameSources(h.sources, a.sources);
    if (agree) {
      proposals.push(h.confidence >= aiConfidence ? h : { ...h, confidence: aiConfidence, reason: 'ai' });
    } else if (h !== undefined && h.confidence >= STRONG_HEURISTIC) {
      proposals.push(h);
    } else if (h === undefined || aiConfidence > h.confidence) {
      proposals.push({ field: def.name, sources: a.sources, sourceHeaders: a.sources.map((c) => headers[c] ?? ''), confidence: aiConfidence, reason: 'ai' });
    } else {
      proposals.push(h);
    }
  }
  // a column feeds one field: strongest first; a displaced weaker claim is dropped
  const used = new Set<number>();
  const kept: FieldMapping[] = [];
  for (const p of [...proposals].sort((x, y) => y.confidence - x.confidence)) {
    if (p.sources.some((s) => used.has(s))) {
      const fallback = byField.get(p.field);
      // a proposal that is not the heuristic's own mapping is Claude's (taken or lifted): it may fall back
      if (fallback !== undefined && fallback !== p && !fallback.sources.some((s) => used.has(s))) {
        for (const s of fallback.sources) used.add(s);
        kept.push(fallback);
      }
      continue;
    }
    for (const s of p.sources) used.add(s);
    kept.push(p);
  }
  return {
    ...heuristic,
    ...summarizeMapping(schema, kept, threshold, sampleRows === undefined ? undefined : { headers, sampleRows }),
    source: kept.some((f) => f.reason === 'ai') ? 'ai' : heuristic.source ?? 'heuristics',
    ...(refused.length > 0 ? { aiRefused: refused } : {}),
  };
}

function sameSources(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
