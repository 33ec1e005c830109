import type { FieldDefinition, JobMappingView } from './api-types.ts';

/*
 * Value maps in the review: for each column chosen for an enum field, the values seen in it
 * (the service's value map for that column when it made one, else the sample values) with
 * what each means. Plain TypeScript, like mapping-choices.ts.
 */

/** A value's answer in the select: an enum value, NONE_OF_THEM (null), or UNANSWERED (left as it is). */
export const UNANSWERED = '';
export const NONE_OF_THEM = '\u0000none';

export interface EnumColumn {
  field: string;
  column: string;
  enumValues: string[];
  /** each distinct source value with the answer the service holds (null: none; undefined: not understood) */
  values: { value: string; current: string | null | undefined }[];
}

/** The enum fields among the choices, each with its one column's values. */
export function enumColumnsOf(view: Pick<JobMappingView, 'headers' | 'samples' | 'mapping'>, fields: FieldDefinition[], choices: Record<number, string>): EnumColumn[] {
  const columns: EnumColumn[] = [];
  for (const def of fields) {
    if (def.type !== 'enum' || !def.enumValues) continue;
    const chosen = view.headers.flatMap((header, column) => (choices[column] === def.name ? [{ header, column }] : []));
    // the API takes a value map only for a field read from one column as it is
    if (chosen.length !== 1) continue;
    const { header, column } = chosen[0]!;
    const map = view.mapping.valueMaps?.find((m) => m.field === def.name && m.column === header);
    const seen = map ? Object.keys(map.values) : (view.samples.find((s) => s.column === column)?.values ?? []).map((v) => v.trim());
    const values = [...new Set(seen.filter((v) => v !== ''))].map((value) => ({
      value,
      current: map && value in map.values && (map.by[value] !== undefined || map.values[value] !== null) ? map.values[value] : undefined,
    }));
    if (values.length > 0) columns.push({ field: def.name, column: header, enumValues: def.enumValues, values });
  }
  return columns;
}

/** The answer a select shows before the person touches it. */
export const initialAnswer = (current: string | null | undefined) => (current === undefined ? UNANSWERED : current === null ? NONE_OF_THEM : current);

/** PUT's valueMaps: every answered value of each enum column; unanswered values are left out (kept as the service had them). */
export function valueMapsToSend(columns: EnumColumn[], answers: Record<string, Record<string, string>>): { field: string; values: Record<string, string | null> }[] {
  return columns.flatMap((c) => {
    const values: Record<string, string | null> = {};
    for (const { value, current } of c.values) {
      const answer = answers[c.field]?.[value] ?? initialAnswer(current);
      if (answer !== UNANSWERED) values[value] = answer === NONE_OF_THEM ? null : answer;
    }
    return Object.keys(values).length > 0 ? [{ field: c.field, values }] : [];
  });
}
