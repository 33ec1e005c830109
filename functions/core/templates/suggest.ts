import { mergeAiSuggestion } from '../ai/merge-suggestion.ts';
import type { SettledMapping } from '../ai/mapping-prompt.ts';
import type { AiSuggestion } from '../ai/parse-answer.ts';
import { UnknownSchemaError } from '../errors.ts';
import { scoreFromMapping, type SchemaScore } from '../map/score-schemas.ts';
import { suggestMapping } from '../map/suggest-mapping.ts';
import type { EnumValueMap, MappingResult } from '../pipeline-types.ts';
import type { SchemaDefinition } from '../schemas/schema-types.ts';
import { layoutFingerprint, type LayoutFingerprint, type LayoutInput } from './fingerprint.ts';
import { applyTemplate, rankTemplates, type RankedTemplate } from './match-templates.ts';
import { toFieldMappings, type TemplateField, type TemplateVersion } from './template-model.ts';
import { LEARNED_EXACT_CONFIDENCE } from './match-templates.ts';
import { MAPPING_CONFIDENCE_THRESHOLD, summarizeMapping } from '../map/suggest-mapping.ts';
import { lowCoverageWarning } from '../map/mapping-report.ts';

/** Claude is asked only when the heuristics are less sure than this (or need a person). */
export const AI_CONSULT_BELOW = 0.9;
/** Templates whose mapping is worked out and shown (the rest are only ranked). */
const TEMPLATES_APPLIED = 5;

/** The tenant's templates, as the suggestion needs them (a storage port). */
export interface TemplateSource<T extends TemplateVersion> {
  /** templates made for exactly this layout */
  findByFingerprint(hash: string): Promise<T[]>;
  /** the tenant's most recent templates, for similar layouts */
  listRecent(): Promise<T[]>;
  /** mappings a person confirmed for exactly this layout (one per schema), remembered without a template */
  findLearned?(hash: string): Promise<LearnedMapping[]>;
}

/** A mapping a person confirmed for a layout: the next file of that layout maps itself with it. */
export interface LearnedMapping {
  schema: string;
  fields: TemplateField[];
  /** what the person (or Claude, before them) said the values of enum columns mean */
  valueMaps?: EnumValueMap[];
  /** the job whose confirmation it came from */
  jobId: string;
  learnedAt: string;
}

/** What the AI port answers: a suggestion (fresh or from the per-layout cache), or why there is none. */
export interface AiOutcome {
  suggestion?: AiSuggestion;
  cached: boolean;
  note?: string;
}

/** Claude's port: `settled` is what the heuristics are already sure of, so only the rest is asked. */
export type AiSuggester = (req: { schema: SchemaDefinition; headers: string[]; sampleRows: string[][]; fingerprint: string; settled?: SettledMapping }) => Promise<AiOutcome>;

export interface SuggestRequest {
  headers: string[];
  sampleRows: string[][];
  /** format, delimiter, sheet, sections of the file */
  layout: Omit<LayoutInput, 'headers'>;
  /** candidate schemas: the built-ins and the tenant's custom ones */
  schemas: readonly SchemaDefinition[];
  /** the schema the caller asked for; absent = pick the best fitting one */
  requestedSchema?: string;
  defaultRegion?: string;
  threshold?: number;
}

export interface SuggestResult<T extends TemplateVersion> {
  fingerprint: LayoutFingerprint;
  /** the mapping to use (or to show a person): from a template, the heuristics, or heuristics + Claude */
  mapping: MappingResult;
  /** the tenant's templates that fit, best first, each with the mapping it would give */
  templates: { ranked: RankedTemplate<T>; mapping: MappingResult }[];
  /** the candidate schemas by fit, best first */
  schemas: SchemaScore[];
}

/**
 * Suggest how to read a file: rank the tenant's templates (same layout fingerprint first,
 * then similar columns) and the schemas, and choose:
 * 1. the best template whose mapping is confident (a learned layout maps itself);
 * 2. else the heuristic mapping for the requested schema (or the best-fitting one), with
 *    Claude's suggestion merged in when an AI port is given and the heuristics are less
 *    sure than AI_CONSULT_BELOW; a failing or absent AI leaves the heuristics as they are;
 * 3. when neither is confident, the more confident of the two, for a person to confirm.
 * Throws UnknownSchemaError when `requestedSchema` is not among `schemas`.
 */
export async function suggestForFile<T extends TemplateVersion>(
  req: SuggestRequest,
  templates: TemplateSource<T>,
  ai?: AiSuggester,
): Promise<SuggestResult<T>> {
  const fingerprint = layoutFingerprint({ ...req.layout, headers: req.headers });
  const byName = new Map(req.schemas.map((s) => [s.name, s]));
  if (req.requestedSchema !== undefined && !byName.has(req.requestedSchema)) {
    throw new UnknownSchemaError(`Unknown schema "${req.requestedSchema}". Known schemas: ${[...byName.keys()].sort().join(', ')}`);
  }
  const opts = { threshold: req.threshold, defaultRegion: req.defaultRegion };

  // 1. Templates: the exact layout first; similar ones only when there is none.
  let candidates = await templates.findByFingerprint(fingerprint.hash);
  if (!candidates.some((t) => t.layout.hash === fingerprint.hash && (req.requestedSchema === undefined || t.schema === req.requestedSchema))) {
    candidates = [...candidates, ...(await templates.listRecent())];
  }
  const ranked = rankTemplates(
    candidates.filter((t) => byName.has(t.schema)),
    fingerprint,
    req.requestedSchema,
  ).slice(0, TEMPLATES_APPLIED);
  const applied = ranked.map((r) => ({ ranked: r, mapping: { ...applyTemplate(r, req.headers, byName.get(r.template.schema)!, req.threshold), fingerprint: fingerprint.hash } }));

  // 2. Schemas by fit (each schema's heuristic mapping is worked out once).
  const schemaList = req.requestedSchema !== undefined ? [byName.get(req.requestedSchema)!] : [...req.schemas];
  const heuristics = new Map(schemaList.map((s) => [s.name, suggestMapping(req.headers, req.sampleRows, s, opts)]));
  const schemas = [...heuristics.values()].map((m) => scoreFromMapping(req.headers, m)).sort((a, b) => b.confidence - a.confidence);
  const bestTemplate = applied.find((a) => a.mapping.status === 'mapped');
  if (bestTemplate !== undefined) return { fingerprint, mapping: bestTemplate.mapping, templates: applied, schemas };

  // 2b. A mapping a person confirmed for this very layout (remembered without a template).
  // Stryker disable next-line ArrayDeclaration: equivalent, a string in place of the empty list has no schema a candidate has, so nothing is found
  const learned = (await templates.findLearned?.(fingerprint.hash)) ?? [];
  const remembered = learned.find((l) => byName.has(l.schema) && (req.requestedSchema === undefined || l.schema === req.requestedSchema) && l.fields.every((f) => f.sources.every((c) => c < req.headers.length)));
  if (remembered !== undefined) {
    const schema = byName.get(remembered.schema)!;
    const mapping: MappingResult = {
      ...summarizeMapping(schema, toFieldMappings(remembered.fields, LEARNED_EXACT_CONFIDENCE, 'learned'), req.threshold, { headers: req.headers, sampleRows: req.sampleRows }),
      fingerprint: fingerprint.hash,
      source: 'learned',
      learnedFrom: { jobId: remembered.jobId, learnedAt: remembered.learnedAt },
      // Map reads the values again and keeps these answers where the column is the same
      ...(remembered.valueMaps !== undefined ? { valueMaps: remembered.valueMaps } : {}),
    };
    // a confirmed mapping is a person's word: what it leaves out is known, not a reason to ask again
    if (mapping.missingRequired.length === 0) return { fingerprint, mapping: { ...mapping, status: 'mapped' }, templates: applied, schemas };
  }

  // 3. Heuristics (+ Claude) for the best schema.
  // every scored schema is a candidate with a heuristic mapping; none is scored when there are no candidates
  const best = schemas[0];
  if (best === undefined) throw new UnknownSchemaError('No schema to map to');
  const schema = byName.get(best.name)!;
  const heuristic = heuristics.get(best.name)!;
  let mapping: MappingResult = { ...heuristic, fingerprint: fingerprint.hash, source: 'heuristics' };
  if (ai !== undefined && (mapping.status === 'needs_mapping' || mapping.confidence < AI_CONSULT_BELOW)) {
    const settled = { fields: mapping.fields, threshold: req.threshold ?? MAPPING_CONFIDENCE_THRESHOLD };
    const outcome = await ai({ schema, headers: req.headers, sampleRows: req.sampleRows, fingerprint: fingerprint.hash, settled });
    if (outcome.suggestion !== undefined) {
      mapping = { ...mergeAiSuggestion(schema, req.headers, mapping, outcome.suggestion, req.threshold, req.sampleRows), fingerprint: fingerprint.hash };
    }
    const refusedNote = mapping.aiRefused === undefined ? undefined : `refused (values do not fit): ${mapping.aiRefused.join(', ')}`;
    const note = [outcome.note, refusedNote].filter((n) => n !== undefined).join('; ');
    mapping.ai = { used: outcome.suggestion !== undefined, cached: outcome.cached, ...(note !== '' ? { note } : {}) };
  }
  if (req.requestedSchema === undefined) {
    // the unmapped_columns warning counts them all (the list stops at 50)
    // Stryker disable next-line OptionalChaining: equivalent, the heuristics read the file, so their mapping always carries its warnings
    const unmapped = mapping.warnings?.find((w) => w.code === 'unmapped_columns')?.count ?? 0;
    const nonEmpty = unmapped + new Set(mapping.fields.flatMap((f) => f.sources)).size;
    const low = lowCoverageWarning(mapping.schema, unmapped, nonEmpty);
    // Stryker disable next-line ArrayDeclaration: equivalent, the heuristics read the file, so their mapping always carries its warnings
    if (low !== undefined) mapping = { ...mapping, warnings: [...(mapping.warnings ?? []), low] };
  }
  const weakTemplate = applied[0];
  if (mapping.status !== 'mapped' && weakTemplate !== undefined && weakTemplate.mapping.confidence > mapping.confidence) {
    return { fingerprint, mapping: weakTemplate.mapping, templates: applied, schemas };
  }
  return { fingerprint, mapping, templates: applied, schemas };
}
