import { isBlankCell } from '../enrich/result.ts';
import type { SchemaDefinition } from '../schemas/schema-types.ts';

/**
 * The request Claude gets for a mapping suggestion. Only what the task needs leaves the
 * service: the schema's field list, the file's headers and at most SAMPLE_VALUES short
 * sample values per column. No file name, no tenant, no row as a whole.
 */

/** Sample values sent per column. */
export const SAMPLE_VALUES = 3;
/** Each sample value is cut to this many characters. */
export const SAMPLE_CHARS = 40;
/** Columns described to Claude at most (very wide files: the first ones). */
export const MAX_AI_COLUMNS = 150;

export interface MappingPrompt {
  system: string;
  user: string;
  /** how many columns were described (<= headers.length) */
  columns: number;
}

const SYSTEM = [
  'You map the columns of a spreadsheet or CSV export to the fields of a target schema.',
  'Answer with one JSON object and nothing else, of the form',
  '{"mappings":[{"field":"<schema field>","columns":[<column number>, ...],"confidence":<0..1>}]}.',
  'Use the column numbers given. Map a field only when a column clearly holds it; leave a field out otherwise.',
  'A datetime field may take two columns (a date column, then a time column). Use each column for at most one field.',
  'confidence is how sure you are that a person would agree.',
].join(' ');

/** What the heuristics already settled: fields mapped at or above the threshold, and their columns. */
export interface SettledMapping {
  fields: { field: string; sources: number[]; confidence: number }[];
  threshold: number;
}

/**
 * Build the prompt for `schema` and a file's headers and sample rows. With `settled`, only
 * what the heuristics could not settle is asked: the fields without a confident column,
 * and the columns no confident field took, each with its sample values (column numbers
 * stay the file's); the settled pairs are named, without samples, for context.
 */
export function buildMappingPrompt(
  schema: SchemaDefinition,
  headers: readonly string[],
  sampleRows: readonly (readonly string[])[],
  settled?: SettledMapping,
): MappingPrompt {
  // Stryker disable next-line ArrayDeclaration,OptionalChaining: without settled fields there is nothing to filter, so neither the default list nor the threshold is read
  const sure = (settled?.fields ?? []).filter((f) => f.confidence >= (settled?.threshold ?? 1));
  const sureFields = new Set(sure.map((f) => f.field));
  const sureColumns = new Set(sure.flatMap((f) => f.sources));
  const fields = schema.fields.filter((f) => !sureFields.has(f.name)).map((f) => {
    const bits = [`${f.name} (${f.type}${f.multiple === true ? ' list' : ''}${f.required ? ', required' : ''})`];
    if (f.description) bits.push(f.description);
    if (f.enumValues !== undefined) bits.push(`one of: ${f.enumValues.join(', ')}`);
    return `- ${bits.join(': ')}`;
  });
  const columns = Math.min(headers.length, MAX_AI_COLUMNS);
  const lines: string[] = [];
  for (let c = 0; c < columns; c++) {
    if (sureColumns.has(c)) continue;
    const samples = sampleValues(sampleRows, c);
    // c is under headers.length: the header is there
    lines.push(`${c}: ${JSON.stringify(headers[c])}${samples.length > 0 ? ` e.g. ${samples.map((s) => JSON.stringify(s)).join(', ')}` : ''}`);
  }
  const context = sure.map((f) => `- ${f.field} <- ${f.sources.map((c) => `${c}: ${JSON.stringify(headers[c] ?? '')}`).join(' + ')}`);
  const user = [
    `Target schema "${schema.name}"${schema.description ? ` (${schema.description})` : ''}, fields${sure.length > 0 ? ' still to map' : ''}:`,
    ...fields,
    ...(sure.length > 0 ? ['', 'Already mapped (do not map these fields or columns again):', ...context] : []),
    '',
    `Columns ${sure.length > 0 ? 'not mapped yet' : 'of the file'} (number: header, sample values)${columns < headers.length ? `, among the first ${columns} of ${headers.length}` : ''}:`,
    ...lines,
  ].join('\n');
  return { system: SYSTEM, user, columns };
}

/** Up to SAMPLE_VALUES distinct non-blank values of column `c`, each at most SAMPLE_CHARS long. */
export function sampleValues(rows: readonly (readonly string[])[], c: number): string[] {
  const out: string[] = [];
  for (const row of rows) {
    const v = row[c];
    // Stryker disable next-line ConditionalExpression: isBlankCell counts a missing cell blank too; the undefined test narrows the type for trim below
    if (v === undefined || isBlankCell(v)) continue;
    const cut = v.trim().slice(0, SAMPLE_CHARS);
    if (!out.includes(cut)) out.push(cut);
    if (out.length >= SAMPLE_VALUES) break;
  }
  return out;
}
