import * as z from 'zod/mini';
import '../zod-mini.ts';
import { normalizeHeader } from '../map/normalize-header.ts';
import type { FieldMapping } from '../pipeline-types.ts';
import type { SchemaDefinition } from '../schemas/schema-types.ts';
import type { LayoutFingerprint } from './fingerprint.ts';
import { checkTransformsForField, fieldTransformSchema, hasDefault, type FieldTransform } from './transform-rules.ts';

/**
 * Templates: a tenant's remembered way of reading one layout into one schema. Every edit
 * is a new immutable version; the current one is what files are mapped with.
 */

/** One schema field of a template: which column(s), by header (and index), and how to reshape them. */
export interface TemplateField {
  field: string;
  /** the headers as printed, combined in order (e.g. Date + Time) */
  sourceHeaders: string[];
  /** their column indexes in the template's layout */
  sources: number[];
  transforms?: FieldTransform[];
}

/** What a person writes (POST/PUT body), or what a confirmed mapping saves. */
export interface TemplateContent {
  name: string;
  description?: string;
  schema: string;
  layout: LayoutFingerprint;
  fields: TemplateField[];
}

/** One immutable version. */
export interface TemplateVersion extends TemplateContent {
  templateId: string;
  version: number;
  /** when this version was written */
  createdAt: string;
  /** the job whose confirmed mapping this version was saved from */
  createdFrom?: { jobId: string };
}

export interface TemplateUsage {
  /** jobs mapped with the template (finished and running) */
  jobs: number;
  succeeded: number;
  failed: number;
  running: number;
  rowsRead: number;
  rowsWritten: number;
  rowsRejected: number;
  /** rowsRejected / rowsRead over finished jobs, 0 when none */
  rejectionRate: number;
  lastUsedAt: string | null;
}

/** The template as the API shows it: the current version plus usage. */
export interface Template extends TemplateVersion {
  /** when the template was created (version 1) */
  firstCreatedAt: string;
  usage: TemplateUsage;
}

// The input schemas below are z.lazy: built on their first parse, not at every cold start of the
// templates API, most of whose requests read templates and validate none (docs/performance.md).

/** How a mapping names its columns: by header, by index, or both (they must agree). A new object each call, for schemas that extend it. */
export const fieldMappingInputObject = () =>
  z.strictObject({
    field: z.string().check(z.minLength(1), z.maxLength(64)),
    sourceHeaders: z.optional(z.array(z.string().check(z.maxLength(500))).check(z.maxLength(10))),
    sources: z.optional(z.array(z.number().check(z.int(), z.minimum(0), z.maximum(99_999))).check(z.maxLength(10))),
    transforms: z.optional(z.array(fieldTransformSchema).check(z.maxLength(10))),
  });

export const fieldMappingInputSchema = z.lazy(fieldMappingInputObject);

export type FieldMappingInput = z.infer<typeof fieldMappingInputSchema>;

const layoutInputSchema = z.lazy(() => z.strictObject({
  headers: z.array(z.string().check(z.maxLength(500))).check(z.minLength(1), z.maxLength(10_000)),
  format: z.optional(z.string().check(z.maxLength(16))),
  delimiter: z.optional(z.enum([',', '\t', ';', '|'])),
  sheet: z.optional(z.string().check(z.maxLength(200))),
  sections: z.optional(z.array(z.string().check(z.maxLength(64))).check(z.maxLength(50))),
}));

export const templateNameSchema = z.lazy(() => z.string().check(z.trim(), z.minLength(1), z.maxLength(120)));

/** POST /v1/templates and PUT /v1/templates/{id}: a full template (PUT replaces the content). */
export const templateInputSchema = z.lazy(() =>
  z.strictObject({
    name: templateNameSchema,
    description: z.optional(z.string().check(z.maxLength(1000))),
    schema: z.string().check(z.regex(/^[a-z][a-z0-9_]{1,63}$/, 'must be a schema name such as call_record')),
    layout: layoutInputSchema,
    fields: z.array(fieldMappingInputSchema).check(z.minLength(1), z.maxLength(500)),
  }),
);

export type TemplateInput = z.infer<typeof templateInputSchema>;

/** A problem with a mapping, at a path into the request body (for the 400's details). */
export interface MappingIssue {
  field: string;
  message: string;
}

/**
 * Check field mappings against a schema and a file's headers, and resolve each to column
 * indexes and headers. Reports every problem, each at its path under `path` (e.g.
 * "mapping.fields.2.sourceHeaders"): an unknown or repeated field, a header the file does
 * not have (or has twice: then say `sources`), an index beyond the columns, headers and
 * indexes that disagree, a field without a column or default, transforms that do not fit
 * the field, and required fields (or `requireAnyOf` groups) left without a value.
 */
export function resolveFieldMappings(
  schema: SchemaDefinition,
  headers: readonly string[],
  input: readonly FieldMappingInput[],
  path: string,
): { ok: true; fields: TemplateField[] } | { ok: false; issues: MappingIssue[] } {
  const issues: MappingIssue[] = [];
  const defs = new Map(schema.fields.map((f) => [f.name, f]));
  const exact = indexBy(headers, (h) => h);
  const normalized = indexBy(headers, (h) => normalizeHeader(h));
  const seen = new Set<string>();
  const fields: TemplateField[] = [];

  input.forEach((m, i) => {
    const at = `${path}.${i}`;
    const def = defs.get(m.field);
    if (def === undefined) {
      issues.push({ field: `${at}.field`, message: `schema ${schema.name} has no field "${m.field}"` });
      return;
    }
    if (seen.has(m.field)) {
      issues.push({ field: `${at}.field`, message: `"${m.field}" is mapped twice` });
      return;
    }
    seen.add(m.field);
    let sources: number[] | undefined;
    if (m.sources !== undefined) {
      const bad = m.sources.find((s) => s >= headers.length);
      if (bad !== undefined) issues.push({ field: `${at}.sources`, message: `column ${bad} does not exist; the file has ${headers.length} columns (0-based)` });
      else sources = m.sources;
    }
    if (m.sourceHeaders !== undefined && m.sources === undefined) {
      const resolved: number[] = [];
      for (const h of m.sourceHeaders) {
        const hits = exact.get(h) ?? normalized.get(normalizeHeader(h)) ?? [];
        if (hits.length === 0) issues.push({ field: `${at}.sourceHeaders`, message: `the file has no column "${h}"` });
        else if (hits.length > 1) issues.push({ field: `${at}.sourceHeaders`, message: `the file has ${hits.length} columns "${h}"; give their indexes in sources` });
        else resolved.push(hits[0]!);
      }
      if (resolved.length === m.sourceHeaders.length) sources = resolved;
    } else if (m.sourceHeaders !== undefined && sources !== undefined) {
      const agree =
        m.sourceHeaders.length === sources.length &&
        // Stryker disable next-line StringLiteral,OptionalChaining: equivalent, every source is a column of the file and the lengths agree, so neither side is ever missing
        sources.every((s, k) => normalizeHeader(headers[s] ?? '') === normalizeHeader(m.sourceHeaders?.[k] ?? ''));
      if (!agree) issues.push({ field: `${at}.sourceHeaders`, message: 'sourceHeaders do not name the columns in sources' });
    }
    const transforms = m.transforms ?? [];
    if (m.sources === undefined && m.sourceHeaders === undefined && !hasDefault(transforms)) {
      issues.push({ field: `${at}.sources`, message: `give the column(s) of "${m.field}" (sources or sourceHeaders) or a default` });
      return;
    }
    if (sources !== undefined && sources.length === 0 && !hasDefault(transforms)) {
      issues.push({ field: `${at}.sources`, message: `"${m.field}" needs at least one column, or a default` });
      return;
    }
    for (const p of checkTransformsForField(def, transforms)) issues.push({ field: `${at}.transforms.${p.index}`, message: p.message });
    // a field whose columns were refused above is pushed without them: the issue already fails the whole mapping
    const cols = sources ?? [];
    fields.push({
      field: m.field,
      sources: cols,
      sourceHeaders: cols.map((c) => headers[c]!),
      ...(transforms.length > 0 ? { transforms } : {}),
    });
  });

  const mapped = new Set(input.map((m) => m.field));
  const available = (name: string): boolean => {
    if (mapped.has(name)) return true;
    // Stryker disable next-line OptionalChaining: equivalent, every name asked about is a field of the schema (a custom schema's requireAnyOf is checked to name its fields)
    const d = defs.get(name)?.derive;
    if (d === undefined) return false;
    return (Array.isArray(d.from) ? d.from : [d.from]).some((f) => mapped.has(f));
  };
  for (const f of schema.fields) {
    if (f.required && !available(f.name)) issues.push({ field: path, message: `required field "${f.name}" is not mapped` });
  }
  for (const group of schema.requireAnyOf ?? []) {
    if (!group.some(available)) issues.push({ field: path, message: `map at least one of: ${group.join(', ')}` });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, fields };
}

/** Template fields as pipeline field mappings (for a file of the template's own layout). */
export function toFieldMappings(fields: readonly TemplateField[], confidence: number, reason: string): FieldMapping[] {
  return fields.map((f) => ({
    field: f.field,
    sources: [...f.sources],
    sourceHeaders: [...f.sourceHeaders],
    confidence,
    reason,
    ...(f.transforms !== undefined && f.transforms.length > 0 ? { transforms: f.transforms } : {}),
  }));
}

function indexBy(headers: readonly string[], key: (h: string) => string): Map<string, number[]> {
  const m = new Map<string, number[]>();
  headers.forEach((h, i) => {
    const k = key(h);
    if (k.length === 0) return;
    const list = m.get(k) ?? [];
    list.push(i);
    m.set(k, list);
  });
  return m;
}
