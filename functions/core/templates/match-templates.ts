import { normalizeHeader } from '../map/normalize-header.ts';
import { summarizeMapping } from '../map/suggest-mapping.ts';
import type { FieldMapping, MappingResult } from '../pipeline-types.ts';
import type { SchemaDefinition } from '../schemas/schema-types.ts';
import { layoutSimilarity, type LayoutFingerprint } from './fingerprint.ts';
import type { TemplateVersion } from './template-model.ts';

/** Confidence of a field mapped by a template whose fingerprint equals the file's. */
export const LEARNED_EXACT_CONFIDENCE = 0.98;
/** Templates whose columns are less alike than this are not offered at all. */
export const MIN_LAYOUT_SIMILARITY = 0.5;

export interface RankedTemplate<T extends TemplateVersion = TemplateVersion> {
  template: T;
  /** 1 for a fingerprint match, else the layout similarity of the columns */
  score: number;
  match: 'fingerprint' | 'headers';
}

/**
 * Rank a tenant's templates for a file: same fingerprint first (the layout they were made
 * for), then by how alike the columns are (at least MIN_LAYOUT_SIMILARITY), ties to the
 * most recently changed. With `schema`, only templates for that schema are considered.
 */
export function rankTemplates<T extends TemplateVersion>(templates: readonly T[], file: LayoutFingerprint, schema?: string): RankedTemplate<T>[] {
  const ranked: RankedTemplate<T>[] = [];
  const seen = new Set<string>();
  for (const t of templates) {
    if (seen.has(t.templateId)) continue;
    seen.add(t.templateId);
    if (schema !== undefined && t.schema !== schema) continue;
    if (t.layout.hash === file.hash) {
      ranked.push({ template: t, score: 1, match: 'fingerprint' });
      continue;
    }
    const score = Math.round(layoutSimilarity(t.layout.headers, file.headers) * 1000) / 1000;
    if (score >= MIN_LAYOUT_SIMILARITY) ranked.push({ template: t, score, match: 'headers' });
  }
  return ranked.sort(
    (a, b) =>
      Number(b.match === 'fingerprint') - Number(a.match === 'fingerprint') ||
      b.score - a.score ||
      b.template.createdAt.localeCompare(a.template.createdAt),
  );
}

/**
 * The mapping a template gives a file. For the template's own layout (same fingerprint)
 * its column indexes apply as they are, with confidence LEARNED_EXACT_CONFIDENCE. For a
 * similar layout each source header is looked up by its normalised text (it must occur
 * exactly once), with confidence 0.6 + 0.35 x similarity; fields whose columns are gone are
 * left out, so the summary says what is missing. Reason `learned` on every field; the
 * result names the template and version (the audit of which template mapped a job).
 */
export function applyTemplate(ranked: RankedTemplate, headers: readonly string[], schema: SchemaDefinition, threshold?: number): MappingResult {
  const t = ranked.template;
  const exact = ranked.match === 'fingerprint';
  const confidence = exact ? LEARNED_EXACT_CONFIDENCE : Math.round((0.6 + 0.35 * ranked.score) * 100) / 100;
  const positions = new Map<string, number[]>();
  headers.forEach((h, i) => {
    const k = normalizeHeader(h);
    positions.set(k, [...(positions.get(k) ?? []), i]);
  });
  const fields: FieldMapping[] = [];
  for (const f of t.fields) {
    if (!schema.fields.some((d) => d.name === f.field)) continue;
    let sources: number[] | undefined;
    const byIndex =
      exact &&
      // Stryker disable next-line MethodExpression,ArrowFunction,ConditionalExpression,EqualityOperator: equivalent, a file of the template's fingerprint has its column count, and a template's sources were checked against its layout when it was saved
      f.sources.every((s) => s < headers.length);
    if (byIndex) sources = [...f.sources];
    else {
      const found = f.sourceHeaders.map((h) => positions.get(normalizeHeader(h)) ?? []);
      if (found.every((p) => p.length === 1)) sources = found.map((p) => p[0]!);
    }
    if (sources === undefined) continue;
    fields.push({
      field: f.field,
      sources,
      // Stryker disable next-line StringLiteral: equivalent, every source here is a column of the file (checked above, or found among its headers)
      sourceHeaders: sources.map((s) => headers[s] ?? ''),
      confidence,
      reason: 'learned',
      ...(f.transforms !== undefined && f.transforms.length > 0 ? { transforms: f.transforms } : {}),
    });
  }
  return {
    ...summarizeMapping(schema, fields, threshold),
    templateId: t.templateId,
    templateVersion: t.version,
    templateName: t.name,
    source: 'template',
  };
}
