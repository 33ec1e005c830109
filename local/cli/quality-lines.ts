import type { ApiJob } from '../../functions/core/jobs/job.ts';
import type { FieldQuality } from '../../functions/core/quality/quality-report.ts';

/*
 * The part of the CLI's summary that says how good a job's records are: a short quality
 * line (fields filled, the key fields' coverage) and the job's warnings, so a job that
 * succeeded with its output mostly empty where it matters does not look clean.
 */

/** Key fields shown at most. */
const KEY_FIELDS_SHOWN = 6;
const MESSAGE_CHARS = 300;

const pct = (rate: number) => `${Math.round(rate * 100)}%`;

/** "direction 0%", or "direction 100% (inbound 26, outbound 24)" for an enum that has values. */
function coverage(q: FieldQuality): string {
  const values = Object.entries(q.values ?? {});
  const spread = values.length > 0 && values.length <= 4 ? ` (${values.map(([v, n]) => `${v} ${n}`).join(', ')})` : '';
  return `${q.field} ${pct(q.fillRate)}${spread}`;
}

/**
 * "quality: 7 of 11 fields filled; key fields: direction 0%, ..." — the key fields are the
 * ones the schema expects on a file of this kind, else the mapped ones (least filled first).
 * Empty for a job without a report (not succeeded).
 */
export function qualityLines(job: Pick<ApiJob, 'quality'>): string[] {
  const q = job.quality;
  if (q === null || q === undefined) return [];
  const expected = q.fields.filter((f) => f.expected);
  const key = expected.length > 0 ? expected : [...q.fields.filter((f) => f.mapped)].sort((a, b) => a.fillRate - b.fillRate);
  const shown = key.slice(0, KEY_FIELDS_SHOWN).map(coverage);
  const more = key.length > KEY_FIELDS_SHOWN ? `, +${key.length - KEY_FIELDS_SHOWN} more` : '';
  const label = expected.length > 0 ? 'key fields' : 'mapped fields';
  return [`  quality: ${q.fieldsFilled} of ${q.fieldsTotal} fields filled on ${q.records.toLocaleString()} records${shown.length > 0 ? `; ${label}: ${shown.join(', ')}${more}` : ''}`];
}

/** One line per warning, code and count first: what a person should check before trusting the output. */
export function warningLines(job: Pick<ApiJob, 'warnings'>): string[] {
  if (job.warnings.length === 0) return [];
  const cut = (m: string) => (m.length > MESSAGE_CHARS ? `${m.slice(0, MESSAGE_CHARS - 1)}…` : m);
  return [`  warnings (${job.warnings.length}):`, ...job.warnings.map((w) => `    ! ${w.code} (${w.count.toLocaleString('en-US')}): ${cut(w.message)}`)];
}
