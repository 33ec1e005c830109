import { extractJson } from '../ai/parse-answer.ts';
import { readCallCodeAnyLanguage as readCallCode } from './call-code-reading.ts';
import { isBlankCell } from '../enrich/result.ts';
import { WARNING_CODES } from '../jobs/warnings.ts';
import type { EnumValueMap, FieldMapping, MappingResult, MappingWarning, ValueMapOrigin } from '../pipeline-types.ts';
import type { FieldDefinition, SchemaDefinition } from '../schemas/schema-types.ts';
import type { FieldTransform } from '../templates/transforms.ts';
import { enumValue } from './value-patterns.ts';

/**
 * Value maps: what each distinct value of an enum field's column means, decided once per
 * layout instead of cell by cell. The rules decide first (carrier codes for a call's
 * direction and kind, a custom enum's own values and aliases); Claude is asked about the
 * values the rules do not know, in one request per layout, and only answers that are a
 * value of the enum (or null: none of them) are kept; a person may override any answer.
 * Enrich applies the answers of Claude and of people (the rules' own answers are what
 * Enrich would read anyway), and the job's warnings name the values nobody understood.
 */

/** Distinct values looked at per column: more than that in the sample is not a column of codes. */
export const VALUE_MAP_CAP = 50;
/** A value longer than this is not a code; it is neither mapped nor sent to Claude. */
export const VALUE_MAP_CHARS = 40;
/** Warning code for values of an enum column that no rule, answer or person understood. */
const ENUM_VALUES_UNKNOWN = WARNING_CODES.enumValuesUnknown;

/** One enum field's column and the distinct values it showed. */
interface EnumColumn {
  def: FieldDefinition;
  column: number;
  header: string;
  values: string[];
  /** the sample held more distinct values than VALUE_MAP_CAP */
  capped: boolean;
}

/** The values of one field Claude is asked about, with what they may become. */
export interface ValueQuestion {
  field: string;
  description?: string;
  header: string;
  enumValues: string[];
  values: string[];
}

/** Claude's checked answers: field -> source value -> enum value, or null for "none of them". */
export type ValueAnswers = Record<string, Record<string, string | null>>;

/** The AI port for value maps: one request per layout (answered from a cache when asked before). */
export type AiValueMapper = (req: { schema: string; fingerprint: string; questions: ValueQuestion[] }) => Promise<{ answers?: ValueAnswers; cached: boolean; note?: string }>;

/** The cell as a value map knows it: trimmed, as printed. */
export const valueKey = (raw: string): string => raw.trim();

/**
 * What the rules make of one value of an enum field's column: an enum value, null for a
 * value the rules know to mean none of them (an "Internal" call has no direction; "SMS"
 * under a direction column says no direction), or undefined when the rules do not know it.
 */
export function ruleValue(def: FieldDefinition, raw: string): string | null | undefined {
  if (def.codes === undefined) return enumValue(def, raw);
  const code = readCallCode(raw);
  if (code === undefined) return undefined;
  return (def.codes === 'call_direction' ? code.direction : code.recordType) ?? null;
}

/** The enum fields of `schema` mapped to one column as it is (no transforms), with their distinct sample values. */
function enumColumns(schema: SchemaDefinition, fields: readonly FieldMapping[], headers: readonly string[], sampleRows: readonly (readonly string[])[]): EnumColumn[] {
  const out: EnumColumn[] = [];
  for (const m of fields) {
    const def = schema.fields.find((f) => f.name === m.field);
    if (def?.type !== 'enum' || m.sources.length !== 1 || (m.transforms ?? []).length > 0) continue;
    const column = m.sources[0]!;
    const seen = new Set<string>();
    let capped = false;
    for (const row of sampleRows) {
      const raw = row[column];
      if (raw === undefined || isBlankCell(raw)) continue;
      const key = valueKey(raw);
      if (seen.has(key) || key.length > VALUE_MAP_CHARS) continue;
      if (seen.size >= VALUE_MAP_CAP) {
        capped = true;
        break;
      }
      seen.add(key);
    }
    out.push({ def, column, header: headers[column] ?? m.sourceHeaders[0] ?? '', values: [...seen], capped });
  }
  return out;
}

/**
 * The value maps of a mapping from its sample rows: the rules' reading of every distinct
 * value, with earlier answers kept where they are for the same column (Claude's cached
 * ones, a person's remembered ones), which win over the rules.
 */
export function ruleValueMaps(schema: SchemaDefinition, mapping: Pick<MappingResult, 'fields' | 'valueMaps'>, headers: readonly string[], sampleRows: readonly (readonly string[])[]): EnumValueMap[] {
  return enumColumns(schema, mapping.fields, headers, sampleRows).map((c) => {
    const prior = mapping.valueMaps?.find((v) => v.field === c.def.name && v.column === c.header);
    const map: EnumValueMap = { field: c.def.name, column: c.header, values: {}, by: {} };
    for (const value of c.values) {
      const rule = ruleValue(c.def, value);
      map.values[value] = rule ?? null;
      if (rule !== undefined) map.by[value] = 'rules';
    }
    for (const [value, answer] of Object.entries(prior?.values ?? {})) {
      const by = prior!.by[value];
      if (by === 'ai' || by === 'person') {
        map.values[value] = answer;
        map.by[value] = by;
      }
    }
    return map;
  });
}

/** Values of each map that nobody has read yet (no rule, answer or person), by field. */
export function unknownValues(maps: readonly EnumValueMap[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of maps) {
    const unknown = Object.keys(m.values).filter((v) => m.by[v] === undefined);
    if (unknown.length > 0) out.set(m.field, unknown);
  }
  return out;
}

/** The questions for Claude: the unknown values of columns whose every distinct value was seen (not capped). */
export function valueQuestions(schema: SchemaDefinition, maps: readonly EnumValueMap[], headers: readonly string[], sampleRows: readonly (readonly string[])[], fields: readonly FieldMapping[]): ValueQuestion[] {
  const complete = new Set(enumColumns(schema, fields, headers, sampleRows).filter((c) => !c.capped).map((c) => c.def.name));
  const questions: ValueQuestion[] = [];
  for (const [field, values] of unknownValues(maps)) {
    const def = schema.fields.find((f) => f.name === field);
    if (def?.enumValues === undefined || !complete.has(field)) continue;
    const map = maps.find((m) => m.field === field)!;
    questions.push({ field, ...(def.description !== undefined ? { description: def.description } : {}), header: map.column, enumValues: def.enumValues, values });
  }
  return questions;
}

const SYSTEM = [
  'You read the codes a spreadsheet or CSV export prints in a column and say which allowed value each one means.',
  'Answer with one JSON object and nothing else, of the form {"valueMaps":{"<field>":{"<value as given>":"<allowed value>" or null}}}.',
  'Use only the allowed values listed for the field; answer null when a value means none of them or you cannot tell.',
].join(' ');

/** The request Claude gets: per field, its allowed values, the column header and the values to read. Nothing else of the file. */
export function buildValueMapPrompt(questions: readonly ValueQuestion[]): { system: string; user: string } {
  const lines = questions.map((q) => {
    const about = q.description !== undefined ? ` (${q.description})` : '';
    return `Field "${q.field}"${about}, allowed values ${JSON.stringify(q.enumValues)}; column "${q.header.slice(0, VALUE_MAP_CHARS)}"; values: ${JSON.stringify(q.values)}`;
  });
  return { system: SYSTEM, user: lines.join('\n') };
}

/**
 * Claude's answer, checked: only fields and values that were asked about, and only an
 * allowed value of the field or null. Returns undefined when the text holds no JSON object.
 */
export function parseValueMapAnswer(text: string, questions: readonly ValueQuestion[]): ValueAnswers | undefined {
  const json = extractJson(text);
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const body = (json as Record<string, unknown>).valueMaps ?? json;
  if (body === null || typeof body !== 'object') return undefined;
  const answers: ValueAnswers = {};
  for (const q of questions) {
    const given = (body as Record<string, unknown>)[q.field];
    if (given === null || typeof given !== 'object') continue;
    const allowed = new Map(q.enumValues.map((v) => [v.toLowerCase(), v]));
    for (const value of q.values) {
      const a = (given as Record<string, unknown>)[value];
      const checked = a === null ? null : typeof a === 'string' ? allowed.get(a.trim().toLowerCase()) : undefined;
      if (checked !== undefined) (answers[q.field] ??= {})[value] = checked;
    }
  }
  return answers;
}

/** The maps with Claude's answers written in (values the rules or a person decided stay theirs). */
export function withAnswers(maps: readonly EnumValueMap[], answers: ValueAnswers): EnumValueMap[] {
  return maps.map((m) => {
    const given = answers[m.field];
    if (given === undefined) return m;
    const next: EnumValueMap = { ...m, values: { ...m.values }, by: { ...m.by } };
    for (const [value, answer] of Object.entries(given)) {
      if (!(value in next.values) || next.by[value] !== undefined) continue;
      next.values[value] = answer;
      next.by[value] = 'ai';
    }
    return next;
  });
}

/** The warning naming the values no one understood (the cells keep today's handling: a row warning each), or undefined. */
export function unknownValuesWarning(maps: readonly EnumValueMap[], aiNote?: string): MappingWarning | undefined {
  const unknown = unknownValues(maps);
  if (unknown.size === 0) return undefined;
  const count = [...unknown.values()].reduce((n, v) => n + v.length, 0);
  const listed = [...unknown].map(([field, values]) => `${field} <- ${values.slice(0, 10).map((v) => JSON.stringify(v)).join(', ')}${values.length > 10 ? ` and ${values.length - 10} more` : ''}`);
  const why = aiNote !== undefined ? ` (${aiNote})` : '';
  return { code: ENUM_VALUES_UNKNOWN, message: `values not understood${why}: ${listed.join('; ')}; set them in the mapping's valueMaps`, count };
}

/**
 * Value maps for a mapping: the rules, then Claude for what they leave (one request for the
 * whole layout, when a port is given), the unknown values as a warning. Never throws for
 * the AI: a failing or absent port leaves the values unknown.
 */
export async function mapEnumValues(
  req: { schema: SchemaDefinition; mapping: MappingResult; headers: readonly string[]; sampleRows: readonly (readonly string[])[] },
  ai?: AiValueMapper,
): Promise<MappingResult> {
  const { schema, mapping, headers, sampleRows } = req;
  let maps = ruleValueMaps(schema, mapping, headers, sampleRows);
  let note: string | undefined;
  const questions = valueQuestions(schema, maps, headers, sampleRows, mapping.fields);
  if (ai !== undefined && questions.length > 0) {
    const outcome = await ai({ schema: schema.name, fingerprint: mapping.fingerprint ?? '', questions });
    if (outcome.answers !== undefined) maps = withAnswers(maps, outcome.answers);
    note = outcome.note;
  }
  const warnings = (mapping.warnings ?? []).filter((w) => w.code !== ENUM_VALUES_UNKNOWN);
  const warning = unknownValuesWarning(maps, note);
  const { valueMaps: _old, ...rest } = mapping;
  return { ...rest, ...(maps.length > 0 ? { valueMaps: maps } : {}), warnings: warning === undefined ? warnings : [...warnings, warning] };
}

/** What a person sends for one field: values to set (an enum value, or null for none of them). */
export interface ValueMapInput {
  field: string;
  values: Record<string, string | null>;
  /** present when the map is GET's answer sent back: an unchanged value then stays whose it was */
  by?: unknown;
}

/**
 * A person's value maps over the job's: only maps whose field is still mapped to the same
 * column are kept, and each value the person sends that changes the answer becomes theirs.
 * Problems name the value (`valueMaps.<i>.values.<value>`).
 */
export function applyPersonValueMaps(
  schema: SchemaDefinition,
  fields: readonly FieldMapping[],
  previous: readonly EnumValueMap[] | undefined,
  input: readonly ValueMapInput[],
): { ok: true; maps: EnumValueMap[] } | { ok: false; issues: { path: string; message: string }[] } {
  const issues: { path: string; message: string }[] = [];
  const columnOf = (field: string): string | undefined => {
    const m = fields.find((f) => f.field === field);
    return m !== undefined && m.sources.length === 1 && (m.transforms ?? []).length === 0 ? m.sourceHeaders[0] : undefined;
  };
  const maps = (previous ?? []).filter((m) => columnOf(m.field) === m.column).map((m) => ({ ...m, values: { ...m.values }, by: { ...m.by } }));
  input.forEach((given, i) => {
    const def = schema.fields.find((f) => f.name === given.field);
    const column = columnOf(given.field);
    if (def?.type !== 'enum' || def.enumValues === undefined) {
      issues.push({ path: `valueMaps.${i}.field`, message: `"${given.field}" is not an enum field of ${schema.name}` });
      return;
    }
    if (column === undefined) {
      issues.push({ path: `valueMaps.${i}.field`, message: `"${given.field}" is not mapped to one column as it is; map it to one column without transforms first` });
      return;
    }
    let map = maps.find((m) => m.field === given.field);
    if (map === undefined) {
      map = { field: given.field, column, values: {}, by: {} };
      maps.push(map);
    }
    for (const [value, answer] of Object.entries(given.values)) {
      if (answer !== null && !def.enumValues.includes(answer)) {
        issues.push({ path: `valueMaps.${i}.values.${value}`, message: `"${answer}" is not one of ${def.enumValues.join(', ')} (or null)` });
        continue;
      }
      const key = valueKey(value);
      // unchanged: an answer GET showed, or a value nobody understood sent back as it was shown
      if (map.values[key] === answer && (map.by[key] !== undefined || given.by !== undefined)) continue;
      map.values[key] = answer;
      map.by[key] = 'person';
    }
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, maps };
}

/**
 * The answers Enrich applies for one field (Claude's and people's: the rules' own are what
 * Enrich reads anyway), source value -> enum value or null; undefined when there are none.
 */
export function valueOverrides(mapping: Pick<MappingResult, 'valueMaps'>, field: string): ReadonlyMap<string, string | null> | undefined {
  const map = mapping.valueMaps?.find((m) => m.field === field);
  if (map === undefined) return undefined;
  const out = new Map<string, string | null>();
  for (const [value, answer] of Object.entries(map.values)) {
    const by: ValueMapOrigin | undefined = map.by[value];
    if (by === 'ai' || by === 'person') out.set(value, answer);
  }
  return out.size > 0 ? out : undefined;
}

/**
 * A field mapping that reads its column through the overrides first (a whole-value
 * `value_map`; a value meaning none of them becomes blank), for enum fields the record
 * builder converts cell by cell.
 */
export function withValueOverrides(m: FieldMapping, overrides: ReadonlyMap<string, string | null> | undefined): FieldMapping {
  if (overrides === undefined) return m;
  const map: Record<string, string> = {};
  for (const [value, answer] of overrides) map[value] = answer ?? '';
  const step: FieldTransform = { kind: 'value_map', map, caseSensitive: true };
  return { ...m, transforms: [step, ...(m.transforms ?? [])] };
}
