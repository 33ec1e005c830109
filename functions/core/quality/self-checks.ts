import type { MappingResult } from '../pipeline-types.ts';
import { WARNING_CODES, type JobWarning, type WarningCode } from '../jobs/warnings.ts';
import type { FieldQuality, JobQuality } from './quality-report.ts';

/*
 * What a job checks about itself before it calls itself succeeded: a job whose records are
 * mostly empty in what matters must not look clean. Each finding is a warning on the job
 * (same list, stable codes), and what the mapping warned about is carried there too, so a
 * person sees it without opening the mapping.
 */

/** A mapped field filled on at most this share of the records that need it came out empty. */
export const EMPTY_FIELD_MAX_FILL = 0.1;
/** An expected field filled on less than this share of the records that need it is missing. */
export const EXPECTED_FIELD_MIN_FILL = 0.5;
/** More than this share of the rows read rejected. */
export const REJECTED_ROWS_MAX_SHARE = 0.5;

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** "absent on 180 of 180 records (100%)", counted over the records that need the field. */
function absence(q: FieldQuality): string {
  const needing = q.filled + q.empty - q.notApplicable;
  const absent = needing - q.filled;
  return `absent on ${absent} of ${needing} records (${percent(1 - q.fillRate)})`;
}

/** Why a field is empty, in a few words: no column, or its values were not read (the main reason). */
function why(q: FieldQuality, headers: ReadonlyMap<string, string>): string {
  const top = Object.entries(q.reasons).sort((a, b) => b[1] - a[1])[0];
  const unread = q.blanked + q.rejected > 0 && top !== undefined ? `; ${q.blanked + q.rejected} value(s) not read, mostly "${top[0]}"` : '';
  const source = headers.get(q.field);
  if (source !== undefined) return `mapped to "${source}"${unread}`;
  return q.mapped ? `mapped${unread}` : `no column says it${unread}`;
}

/**
 * The self-check warnings of a succeeded job: `expected_field_missing` (a field the schema
 * expects, e.g. a call's direction, absent on most records), `mapped_field_empty` (a mapped
 * field empty on nearly every record), `rows_mostly_rejected` (most rows read were rejected).
 */
export function qualityWarnings(quality: JobQuality, mapping: Pick<MappingResult, 'fields'>, rows: { read: number; rejected: number }): JobWarning[] {
  const warnings: JobWarning[] = [];
  const headers = new Map(mapping.fields.filter((m) => m.sources.length > 0).map((m) => [m.field, m.sourceHeaders.join(' + ')]));
  // a field no record needs (a data-only log's other party) is never missing (nor are the fields of a job without records)
  const needed = (q: FieldQuality) => q.filled + q.empty - q.notApplicable > 0;
  const missing = quality.fields.filter((q) => q.expected && needed(q) && q.fillRate < EXPECTED_FIELD_MIN_FILL);
  if (missing.length > 0) {
    warnings.push({
      code: WARNING_CODES.expectedFieldMissing,
      message: `expected on a file of this kind but missing on most records: ${missing.map((q) => `${q.field} ${absence(q)}, ${why(q, headers)}`).join('; ')}`,
      count: missing.length,
      fields: missing.map((q) => q.field),
    });
  }
  const empty = quality.fields.filter((q) => q.mapped && !q.expected && needed(q) && q.fillRate <= EMPTY_FIELD_MAX_FILL);
  if (empty.length > 0) {
    warnings.push({
      code: WARNING_CODES.mappedFieldEmpty,
      message: `mapped but empty on nearly every record: ${empty.map((q) => `${q.field} ${absence(q)}, ${why(q, headers)}`).join('; ')}`,
      count: empty.length,
      fields: empty.map((q) => q.field),
    });
  }
  if (rows.rejected > rows.read * REJECTED_ROWS_MAX_SHARE) {
    const reasons = new Map<string, number>(Object.entries(quality.rowReasons));
    for (const q of quality.fields) if (q.rejected > 0) reasons.set(`${q.field}: ${Object.keys(q.reasons)[0] ?? 'rejected'}`, q.rejected);
    const top = [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([r]) => r);
    warnings.push({
      code: WARNING_CODES.rowsMostlyRejected,
      message: `${rows.rejected} of ${rows.read} rows (${percent(rows.rejected / rows.read)}) were rejected${top.length > 0 ? `, mostly: ${top.join('; ')}` : ''}; see the error report`,
      count: rows.rejected,
    });
  }
  return warnings;
}

/**
 * What the mapping warned about (unmapped columns, a field mapped to an empty column,
 * ranges, unit scaling, a schema that leaves much unused), and what the AI could not do
 * (`ai_unavailable` with the reason the mapping noted; `ai_refused` for answers whose
 * columns did not fit the field), as job warnings.
 */
export function mappingJobWarnings(mapping: Pick<MappingResult, 'warnings' | 'ai' | 'aiRefused'> | undefined): JobWarning[] {
  if (mapping === undefined) return [];
  const warnings: JobWarning[] = (mapping.warnings ?? []).map((w) => ({ code: w.code as WarningCode, message: w.message, count: w.count }));
  const refused = mapping.aiRefused ?? [];
  if (mapping.ai?.used === false && mapping.ai.note !== undefined) {
    warnings.push({ code: WARNING_CODES.aiUnavailable, message: `the AI was not used for the mapping: ${mapping.ai.note}`, count: 1 });
  } else if (refused.length > 0) {
    warnings.push({ code: WARNING_CODES.aiRefused, message: `AI answers refused because the column's values do not fit the field: ${refused.join(', ')}`, count: refused.length });
  }
  return warnings;
}
