import type { FieldMapping, MappingResult } from '../pipeline-types.ts';
import type { FieldDefinition, SchemaDefinition } from '../schemas/schema-types.ts';
import { compactHeader, headerSimilarity, normalizeHeader } from './normalize-header.ts';
import { columnDateTimeShape, fitsField, looksLikeField, ratio, type ValueCheckContext } from './value-patterns.ts';
import { dateTimePairFit } from '../enrich/datetime.ts';
import { partyColumnCandidates } from '../records/call-semantics.ts';

/** Below this overall confidence a mapping needs a person to confirm it. */
export const MAPPING_CONFIDENCE_THRESHOLD = 0.6;

/**
 * Why a field was mapped to its column(s): the header is the field's name, a synonym, close
 * to one; the values look like the field; a tenant's template learned it; Claude said so;
 * a person confirmed it.
 */
export type MappingReason = 'exact' | 'synonym' | 'fuzzy' | 'value_pattern' | 'learned' | 'ai' | 'confirmed';

export interface SuggestMappingOptions {
  /** overall confidence below which the status is `needs_mapping` (default {@link MAPPING_CONFIDENCE_THRESHOLD}) */
  threshold?: number;
  /** region for reading national phone numbers in samples (default "US") */
  defaultRegion?: string;
  /** sample rows to look at (default 50) */
  maxSamples?: number;
}

const CONF_EXACT = 1;
const CONF_SYNONYM = 0.95;
/** a date and a time-of-day column whose sample values all parse as such */
const CONF_PAIR = 0.9;
/** fuzzy confidence = similarity x this, for similarities >= FUZZY_MIN */
const FUZZY_SCALE = 0.85;
const FUZZY_MIN = 0.75;
/** value-pattern confidence = base + span x share of matching samples (>= VALUE_MIN_RATIO) */
const VALUE_BASE = 0.35;
const VALUE_SPAN = 0.2;
const VALUE_MIN_RATIO = 0.8;
/** candidates below this are never assigned */
const MIN_CANDIDATE = 0.5;
/** fuzzy and value matching look at this many columns at most (10,000-column files stay fast) */
const MAX_SCANNED_COLUMNS = 500;
/**
 * Words that make a header about something else than the term it contains: "E-mail 1 - Type"
 * is the kind of address, "Contact owner" a salesperson, "Person Linkedin Url" a profile,
 * "Middle Name" not the name. A fuzzy match that adds one of them is scaled by QUALIFIED_SCALE.
 */
const QUALIFIER_WORDS = new Set([
  'type', 'label', 'status', 'owner', 'id', 'sid', 'url', 'link', 'linkedin', 'rank', 'verified', 'score', 'stage',
  'source', 'count', 'middle', 'nick', 'nickname', 'additional', 'phonetic', 'maiden', 'yomi', 'suffix', 'prefix',
]);
const QUALIFIED_SCALE = 0.6;

interface Candidate {
  field: number;
  column: number;
  confidence: number;
  reason: MappingReason;
  /** synonym position: earlier synonyms win ties */
  rank: number;
}

interface Term {
  field: number;
  rank: number;
  normalized: string;
}

/**
 * Suggest how source columns map to the fields of `schema`.
 *
 * Each header is normalised (case, punctuation, spacing, accents, camelCase) and matched
 * to a field by, in order of confidence: the field's own name (`exact`, 1.0), a synonym
 * (`synonym`, 0.95), token overlap / edit distance to the name or a synonym (`fuzzy`,
 * ~0.64-0.85), or, for still-unmapped fields, the shape of the sample values (phone,
 * date, duration, money, e-mail, enum codes: `value_pattern`, 0.35-0.55). Header matches
 * whose samples mostly do not fit the field's type lose confidence. Columns and fields are
 * paired greedily, best first, so each column is used at most once.
 *
 * A datetime field mapped to a date-only column takes a separate time column too
 * (`sources: [dateIdx, timeIdx]`), found by the field's `timeSynonyms` or time-like values.
 *
 * Status is `needs_mapping` when a required field has no column (and cannot be derived)
 * or only a column below the threshold, or the overall confidence (mean over mapped fields, required ones counted twice,
 * unmapped required ones as 0) is below the threshold. `missingRequired` lists the
 * missing required fields, and each unsatisfied `requireAnyOf` group as "a|b|c".
 * Deterministic: the same input always gives the same output.
 */
export function suggestMapping(
  headers: string[],
  sampleRows: string[][],
  schema: SchemaDefinition,
  opts: SuggestMappingOptions = {},
): MappingResult {
  const threshold = opts.threshold ?? MAPPING_CONFIDENCE_THRESHOLD;
  const ctx: ValueCheckContext = { defaultRegion: opts.defaultRegion ?? 'US' };
  const samples = sampleRows.slice(0, opts.maxSamples ?? 50);
  const fields = schema.fields;
  const normalized = headers.map(normalizeHeader);
  const columnValues = (c: number): string[] => samples.map((row) => row[c] ?? '');

  // 1. Header candidates.
  const terms = buildTerms(fields);
  const byNormalized = new Map<string, Term[]>();
  for (const t of terms) {
    for (const key of new Set([t.normalized, compactHeader(t.normalized)])) {
      const list = byNormalized.get(key) ?? [];
      list.push(t);
      byNormalized.set(key, list);
    }
  }
  const candidates: Candidate[] = [];
  normalized.forEach((h, column) => {
    if (h.length === 0) return;
    const seen = new Set<number>();
    for (const key of [h, compactHeader(h)]) {
      for (const t of byNormalized.get(key) ?? []) {
        if (seen.has(t.field)) continue;
        seen.add(t.field);
        const exact = t.rank < 0;
        candidates.push({ field: t.field, column, confidence: exact ? CONF_EXACT : CONF_SYNONYM, reason: exact ? 'exact' : 'synonym', rank: t.rank });
      }
    }
    if (column >= MAX_SCANNED_COLUMNS) return;
    // fuzzy: best term per field, for fields without an exact/synonym hit on this column
    const best = new Map<number, { sim: number; rank: number; term: string }>();
    for (const t of terms) {
      if (seen.has(t.field)) continue;
      const sim = headerSimilarity(h, t.normalized);
      if (sim < FUZZY_MIN) continue;
      const prev = best.get(t.field);
      if (prev === undefined || sim > prev.sim) best.set(t.field, { sim, rank: t.rank, term: t.normalized });
    }
    for (const [field, { sim, rank, term }] of best) {
      const qualified = h.split(' ').some((w) => QUALIFIER_WORDS.has(w) && !term.split(' ').includes(w));
      candidates.push({ field, column, confidence: round2(sim * FUZZY_SCALE * (qualified ? QUALIFIED_SCALE : 1)), reason: 'fuzzy', rank });
    }
  });
  preferSpecificHeaders(candidates, normalized);
  // a CDR's two party columns ("From"/"To"): the other party is one of them
  for (const p of partyColumnCandidates(fields, headers)) candidates.push({ ...p, reason: 'synonym', rank: 0 });

  // 2. Doubt header matches whose samples do not fit the field.
  const fitCache = new Map<string, number>();
  const fitRatio = (field: number, column: number): number => {
    const key = `${field}:${column}`;
    let r = fitCache.get(key);
    if (r === undefined) {
      const def = fields[field]!;
      const { ratio: share, count } = ratio(columnValues(column), (v) => fitsField(def, v, ctx));
      // one or two samples are too few to judge a mixed column, but all of them failing is telling
      r = count === 0 || (count < 3 && share > 0) ? 1 : share;
      fitCache.set(key, r);
    }
    return r;
  };
  for (const c of candidates) {
    const r = fitRatio(c.field, c.column);
    if (r < 0.5) c.confidence = round2(c.confidence * (0.4 + 0.6 * r));
  }

  // 3. Assign greedily, best first; then give date-only / time-only datetime columns their
  //    partner before value patterns can claim it (a "14:05" column also looks like mm:ss).
  const fieldColumns = new Map<number, { column: number; confidence: number; reason: MappingReason }>();
  const usedColumns = new Set<number>();
  const pairs = new Map<number, { sources: number[]; confidence: number }>();
  const pairDatetimes = (): void => {
    fields.forEach((def, field) => {
      const hit = fieldColumns.get(field);
      if (def.type !== 'datetime' || hit === undefined || pairs.has(field)) return;
      const pair = pairDateAndTime(def, hit.column, normalized, columnValues, usedColumns);
      if (pair === null) return;
      pairs.set(field, pair);
      for (const c of pair.sources) usedColumns.add(c);
    });
  };
  assign(candidates, fieldColumns, usedColumns);
  pairDatetimes();

  // 4. Value patterns for fields still unmapped.
  if (samples.length > 0) {
    const valueCandidates: Candidate[] = [];
    fields.forEach((def, field) => {
      if (fieldColumns.has(field)) return;
      for (let column = 0; column < Math.min(headers.length, MAX_SCANNED_COLUMNS); column++) {
        if (usedColumns.has(column)) continue;
        const { ratio: share, count } = ratio(columnValues(column), (v) => looksLikeField(def, v, ctx));
        if (count === 0 || share < VALUE_MIN_RATIO) continue;
        valueCandidates.push({ field, column, confidence: round2(VALUE_BASE + VALUE_SPAN * share), reason: 'value_pattern', rank: 0 });
      }
    });
    assign(valueCandidates, fieldColumns, usedColumns);
    pairDatetimes();
  }

  // 5. Field mappings, in schema order.
  const mapped: FieldMapping[] = [];
  fields.forEach((def, field) => {
    const hit = fieldColumns.get(field);
    if (hit === undefined) return;
    const pair = pairs.get(field);
    const sources = pair?.sources ?? [hit.column];
    const confidence = pair === undefined ? hit.confidence : Math.min(hit.confidence, pair.confidence);
    mapped.push({
      field: def.name,
      sources,
      sourceHeaders: sources.map((c) => headers[c] ?? ''),
      confidence: round2(confidence),
      reason: hit.reason,
    });
  });

  // 6. Status.
  return summarizeMapping(schema, mapped, threshold);
}

/**
 * The overall verdict on a set of field mappings (from heuristics, a template, Claude or a
 * person): `missingRequired` (required fields with no column and no way to derive them,
 * plus each unmet `requireAnyOf` group as "a|b|c"), the overall confidence (mean over
 * mapped fields, required ones counted twice, unmapped required ones as 0), and the status:
 * `needs_mapping` when something required is missing, a required field's mapping is below
 * the threshold, or the overall confidence is. Fields come out in schema order.
 */
export function summarizeMapping(schema: SchemaDefinition, mappedFields: FieldMapping[], threshold = MAPPING_CONFIDENCE_THRESHOLD): MappingResult {
  const fields = schema.fields;
  const order = new Map(fields.map((f, i) => [f.name, i]));
  const mapped = [...mappedFields].sort((a, b) => (order.get(a.field) ?? 1e9) - (order.get(b.field) ?? 1e9));
  const mappedNames = new Set(mapped.map((m) => m.field));
  const available = (name: string): boolean => mappedNames.has(name) || derivable(schema, name, mappedNames);
  const missingRequired = fields.filter((f) => f.required && !available(f.name)).map((f) => f.name);
  for (const group of schema.requireAnyOf ?? []) {
    if (!group.some(available)) missingRequired.push(group.join('|'));
  }
  let weight = 0;
  let total = 0;
  for (const f of fields) {
    const m = mapped.find((x) => x.field === f.name);
    if (m === undefined && !(f.required && !available(f.name))) continue;
    const w = f.required ? 2 : 1;
    weight += w;
    total += w * (m?.confidence ?? 0);
  }
  const confidence = weight === 0 ? 0 : round2(total / weight);
  const weakRequired = mapped.some((m) => m.confidence < threshold && fields.some((f) => f.name === m.field && f.required));
  return {
    status: missingRequired.length > 0 || weakRequired || confidence < threshold ? 'needs_mapping' : 'mapped',
    schema: schema.name,
    fields: mapped,
    confidence,
    missingRequired,
  };
}

/**
 * When a field's name or synonym matches one column exactly ("Title", "Phone") and a longer
 * header ending in it matches the same field too ("Job Title", "Business Phone"), the longer
 * one is the more specific statement: the generic column gives way.
 */
function preferSpecificHeaders(candidates: Candidate[], normalized: readonly string[]): void {
  const direct = candidates.filter((c) => c.reason === 'exact' || c.reason === 'synonym');
  for (const generic of direct) {
    const g = normalized[generic.column] ?? '';
    const beaten = direct.some((other) => {
      if (other.field !== generic.field || other.column === generic.column) return false;
      const o = normalized[other.column] ?? '';
      return o.length > g.length && o.endsWith(` ${g}`);
    });
    if (beaten) generic.confidence = round2(Math.min(generic.confidence, CONF_SYNONYM) - 0.02);
  }
}

function buildTerms(fields: readonly FieldDefinition[]): Term[] {
  const terms: Term[] = [];
  fields.forEach((f, field) => {
    // rank -1 marks the field's own name (an exact match)
    terms.push({ field, rank: -1, normalized: normalizeHeader(f.name) });
    f.synonyms.forEach((s, rank) => terms.push({ field, rank, normalized: normalizeHeader(s) }));
  });
  return terms;
}

function assign(
  candidates: Candidate[],
  fieldColumns: Map<number, { column: number; confidence: number; reason: MappingReason }>,
  usedColumns: Set<number>,
): void {
  candidates.sort(
    (a, b) => b.confidence - a.confidence || a.rank - b.rank || a.column - b.column || a.field - b.field,
  );
  for (const c of candidates) {
    if (c.confidence < MIN_CANDIDATE && c.reason !== 'value_pattern') continue;
    if (fieldColumns.has(c.field) || usedColumns.has(c.column)) continue;
    fieldColumns.set(c.field, { column: c.column, confidence: c.confidence, reason: c.reason });
    usedColumns.add(c.column);
  }
}

/**
 * A datetime field's date and time columns, when its column holds only one of the two:
 * the partner is an unused column of the other shape, preferring a header the field
 * names (`timeSynonyms` for the time, `synonyms` for the date).
 */
function pairDateAndTime(
  def: FieldDefinition,
  column: number,
  normalized: readonly string[],
  columnValues: (c: number) => string[],
  usedColumns: Set<number>,
): { sources: number[]; confidence: number } | null {
  const values = columnValues(column);
  const shape = columnShape(normalized[column] ?? '', values);
  if (shape === null || shape === 'datetime') return null;
  const shapeFromValues = columnDateTimeShape(values) !== null;
  const want = shape === 'date' ? 'time' : 'date';
  const headerTerms = new Set(
    (want === 'time' ? (def.timeSynonyms ?? ['time']) : def.synonyms).map((s) => normalizeHeader(s)),
  );
  let best: { column: number; confidence: number } | null = null;
  normalized.forEach((h, c) => {
    if (c === column || usedColumns.has(c) || h.length === 0) return;
    const cShape = columnShape(h, columnValues(c));
    if (cShape !== want) return;
    // a date column and a time column that each parse cleanly are one timestamp, whatever the header says
    const clean = dateTimePairFit(want === 'time' ? values : columnValues(c), want === 'time' ? columnValues(c) : values) >= 0.9 ? CONF_PAIR : 0;
    const confidence = headerTerms.has(h) ? CONF_SYNONYM : Math.max(VALUE_BASE + VALUE_SPAN, clean);
    if (best === null || confidence > best.confidence) best = { column: c, confidence };
  });
  // values that are only times of day cannot give an instant: keep the column, but ask a
  // person (a header alone, like "Start Time", often holds full timestamps: no penalty)
  if (best === null) return shape === 'time' && shapeFromValues ? { sources: [column], confidence: 0.3 } : null;
  const found: { column: number; confidence: number } = best;
  const sources = want === 'time' ? [column, found.column] : [found.column, column];
  return { sources, confidence: found.confidence };
}

// Header words for a date and for a time of day, in the languages the built-in synonyms cover.
const DATE_WORDS = new Set(['date', 'datum', 'fecha', 'data']);
const TIME_WORDS = new Set(['time', 'timestamp', 'uhrzeit', 'zeit', 'hora', 'heure', 'ora', 'tijd']);

/** 'date', 'time' or 'datetime' from sample values, else from the header words. */
function columnShape(header: string, values: readonly string[]): 'date' | 'time' | 'datetime' | null {
  const fromValues = columnDateTimeShape(values);
  if (fromValues !== null) return fromValues;
  if (values.some((v) => v.trim().length > 0)) return null;
  const words = header.split(' ');
  const hasDate = words.some((w) => DATE_WORDS.has(w));
  const hasTime = words.some((w) => TIME_WORDS.has(w));
  if (hasDate && hasTime) return 'datetime';
  if (words.includes('timestamp') || words.includes('datetime')) return 'datetime';
  if (hasDate) return 'date';
  if (hasTime) return 'time';
  return null;
}

/** True when `name` has a derivation whose inputs are mapped. */
function derivable(schema: SchemaDefinition, name: string, mapped: ReadonlySet<string>): boolean {
  const def = schema.fields.find((f) => f.name === name);
  const d = def?.derive;
  if (d === undefined) return false;
  const from = Array.isArray(d.from) ? d.from : [d.from];
  return from.some((f) => mapped.has(f));
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
