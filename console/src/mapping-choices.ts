import type { FieldMapping, JobMappingView } from './api-types.ts';

/*
 * The review screen's choices (a field, or none, for each source column) turned into the
 * mapping PUT /v1/jobs/{id}/mapping takes. Plain TypeScript, unit-tested without a browser.
 */

/** One field of the mapping to send: a suggestion kept whole, or a person's choice of columns. */
export type ChosenField = Pick<FieldMapping, 'field' | 'sources' | 'sourceHeaders'> & Partial<FieldMapping>;

/** A column the person chose not to import. */
export const NOT_IMPORTED = '';

/**
 * Columns grouped by the field chosen for them, in column order, so a date and a time column
 * chosen for one field are read together (as the mapper itself combines them). A field whose
 * columns are exactly the suggestion's keeps the suggestion as it was, transforms included.
 */
export function mappingFromChoices(view: Pick<JobMappingView, 'headers' | 'mapping'>, choices: Record<number, string>): ChosenField[] {
  const byField = new Map<string, number[]>();
  for (const column of view.headers.keys()) {
    const field = choices[column];
    if (field) byField.set(field, [...(byField.get(field) ?? []), column]);
  }
  return [...byField].map(([field, sources]) => {
    const suggested = view.mapping.fields.find((f) => f.field === field);
    if (suggested && suggested.sources.length === sources.length && suggested.sources.every((c, i) => c === sources[i])) return suggested;
    return { field, sources, sourceHeaders: sources.map((c) => view.headers[c]!) };
  });
}
