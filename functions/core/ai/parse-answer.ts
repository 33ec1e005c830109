import { normalizeHeader } from '../map/normalize-header.ts';
import type { SchemaDefinition } from '../schemas/schema-types.ts';

/** One field Claude proposes: the column(s) and how sure it is. */
export interface AiFieldSuggestion {
  field: string;
  sources: number[];
  confidence: number;
}

export interface AiSuggestion {
  fields: AiFieldSuggestion[];
}

/** Confidence assumed when an entry gives none (or nonsense). */
const DEFAULT_CONFIDENCE = 0.7;
const MAX_SOURCES = 3;

/**
 * Read Claude's answer into field suggestions, tolerating what models do: prose or a code
 * fence around the JSON, trailing commas, `mappings` or `fields` or a bare array or a
 * `{ field: column }` object, columns as numbers, numeric strings or header names,
 * confidence as 0..1, a percentage or missing. Entries naming a field the schema does not
 * have, or a column outside the first `columns` columns, are dropped; a field proposed
 * twice keeps its first entry. Returns undefined when there is no JSON to read at all
 * (the caller falls back to heuristics); an empty list when the JSON proposes nothing.
 */
export function parseAiMapping(text: string, schema: SchemaDefinition, headers: readonly string[], columns = headers.length): AiSuggestion | undefined {
  // no JSON (undefined) has no entries either
  const entries = entriesOf(extractJson(text));
  if (entries === undefined) return undefined;
  const names = new Set(schema.fields.map((f) => f.name));
  const byHeader = new Map<string, number>();
  headers.slice(0, columns).forEach((h, i) => {
    for (const k of [h.trim().toLowerCase(), normalizeHeader(h)]) if (!byHeader.has(k)) byHeader.set(k, i);
  });
  const fields: AiFieldSuggestion[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (typeof e.field !== 'string' || !names.has(e.field) || seen.has(e.field)) continue;
    const sources = toColumns(e.columns, byHeader, columns);
    if (sources.length === 0) continue;
    seen.add(e.field);
    fields.push({ field: e.field, sources: sources.slice(0, MAX_SOURCES), confidence: toConfidence(e.confidence) });
  }
  return { fields };
}

interface RawEntry {
  field?: unknown;
  columns?: unknown;
  confidence?: unknown;
}

function entriesOf(data: unknown): RawEntry[] | undefined {
  const list = Array.isArray(data)
    ? data
    : isObject(data) && Array.isArray(data.mappings)
      ? data.mappings
      : isObject(data) && Array.isArray(data.fields)
        ? data.fields
        : undefined;
  if (list !== undefined) {
    return list.filter(isObject).map((e) => ({
      field: e.field ?? e.name ?? e.target,
      columns: e.columns ?? e.column ?? e.sources ?? e.source ?? e.header ?? e.headers,
      confidence: e.confidence ?? e.score,
    }));
  }
  // { "started_at": [2, 3], "counterpart_number": "Number" }
  if (isObject(data)) {
    const inner = isObject(data.mapping) ? data.mapping : data;
    return Object.entries(inner).map(([field, columns]) => ({ field, columns }));
  }
  return undefined;
}

function toColumns(raw: unknown, byHeader: ReadonlyMap<string, number>, columns: number): number[] {
  const items = Array.isArray(raw) ? raw : [raw];
  const out: number[] = [];
  for (const item of items) {
    let c: number | undefined;
    if (typeof item === 'number' && Number.isInteger(item)) c = item;
    else if (typeof item === 'string') {
      const s = item.trim();
      if (/^\d+$/.test(s)) c = Number(s);
      else c = byHeader.get(s.toLowerCase()) ?? byHeader.get(normalizeHeader(s));
    }
    if (c !== undefined && c >= 0 && c < columns && !out.includes(c)) out.push(c);
  }
  return out;
}

function toConfidence(raw: unknown): number {
  let v = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number.parseFloat(raw) : Number.NaN;
  if (!Number.isFinite(v)) return DEFAULT_CONFIDENCE;
  // a percentage; past 100 it is clamped to 1 below, divided or not
  if (v > 1) v /= 100;
  return Math.min(1, Math.max(0, Math.round(v * 100) / 100));
}

/** The first JSON value in `text`: a fenced block, else from the first `{`/`[` to its last partner. */
export function extractJson(text: string): unknown {
  const candidates: string[] = [];
  const fence = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  if (fence?.[1] !== undefined) candidates.push(fence[1]);
  const start = text.search(/[[{]/);
  if (start >= 0) {
    const close = text[start] === '{' ? '}' : ']';
    const end = text.lastIndexOf(close);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: end is never start (another character), and before it the slice is empty, which does not parse
    if (end > start) candidates.push(text.slice(start, end + 1));
  }
  for (const c of candidates) {
    for (const attempt of [c, c.replace(/,\s*([}\]])/g, '$1')]) {
      try {
        return JSON.parse(attempt) as unknown;
      } catch {
        // try the next repair, then the next candidate
      }
    }
  }
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
