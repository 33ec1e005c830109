import type { FieldMapping } from '../../functions/core/pipeline-types.ts';

/** A person's mapping of one column to `field`, with no transform: what the record tests build from. */
export const plainMapping = (field: string, source: number, headers: readonly string[]): FieldMapping => ({
  field,
  sources: [source],
  sourceHeaders: [headers[source]!],
  confidence: 1,
  reason: 'confirmed',
});
