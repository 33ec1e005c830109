import type { Classification, MappingResult } from '../pipeline-types.ts';
import { BUILTIN_SCHEMAS } from '../schemas/registry.ts';
import type { SchemaDefinition } from '../schemas/schema-types.ts';
import { suggestMapping } from './suggest-mapping.ts';

export type SchemaScore = Classification['schema'];

/**
 * How well a file fits a schema, 0..1: the mapping's confidence, scaled by how much of
 * the file the schema explains (0.4 + 0.6 x the share of non-empty columns it uses), halved when a
 * required field has no column. A call log scores high on call_record and near zero on
 * contact; a wide export with a few matching columns scores lower than a tight one.
 */
export function scoreSchema(headers: string[], sampleRows: string[][], schema: SchemaDefinition): SchemaScore {
  return scoreFromMapping(headers, suggestMapping(headers, sampleRows, schema));
}

/** {@link scoreSchema} from a mapping already suggested for the schema (no second pass over the columns). */
export function scoreFromMapping(headers: readonly string[], mapping: MappingResult): SchemaScore {
  const columns = headers.filter((h) => h.trim().length > 0).length;
  const used = new Set(mapping.fields.flatMap((f) => f.sources)).size;
  const coverage = columns === 0 ? 0 : used / columns;
  const complete = mapping.missingRequired.length === 0;
  // a schema that leaves most of the file's columns unused is a poor fit, however sure its few matches are
  const confidence = round2(mapping.confidence * (0.4 + 0.6 * coverage) * (complete ? 1 : 0.5) * (namesFirmsNotPeople(mapping) ? FIRMS_NOT_PEOPLE : 1));
  return { name: mapping.schema, confidence, reason: explain(mapping, used, columns) };
}

/** a schema of people whose file names firms and no person: a directory read as contacts ("Ragione sociale", "Email", "Telefono") */
const FIRMS_NOT_PEOPLE = 0.85;
const PERSON_KINDS = new Set(['person_name', 'given_name', 'family_name']);

/** True when the schema has fields for a person's name, none of them is mapped, and a company name is. */
function namesFirmsNotPeople(mapping: MappingResult): boolean {
  const fields = BUILTIN_SCHEMAS.get(mapping.schema)?.fields ?? [];
  const kindOf = new Map(fields.map((f) => [f.name, f.kind]));
  if (!fields.some((f) => PERSON_KINDS.has(f.kind ?? ''))) return false;
  const kinds = mapping.fields.map((f) => kindOf.get(f.field) ?? '');
  return kinds.includes('company_name') && !kinds.some((k) => PERSON_KINDS.has(k));
}

/**
 * Which built-in schema a file looks like: every one is scored and the best returned, ties
 * going to the first built-in (call_record). A schema the caller chose is scored alone
 * with {@link scoreSchema}.
 */
export function scoreSchemas(headers: string[], sampleRows: string[][]): SchemaScore {
  let best: SchemaScore | undefined;
  for (const schema of BUILTIN_SCHEMAS.values()) {
    const score = scoreSchema(headers, sampleRows, schema);
    if (best === undefined || score.confidence > best.confidence) best = score;
  }
  return best ?? { name: 'call_record', confidence: 0, reason: 'no schemas' };
}

function explain(mapping: MappingResult, used: number, columns: number): string {
  if (mapping.fields.length === 0) return `no column matches ${mapping.schema}`;
  const fields = mapping.fields.map((f) => `${f.field} <- ${f.sourceHeaders.join(' + ')}`).join(', ');
  const missing = mapping.missingRequired.length > 0 ? `; missing required: ${mapping.missingRequired.join(', ')}` : '';
  return `${used} of ${columns} columns match ${mapping.schema} (${fields})${missing}`;
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
