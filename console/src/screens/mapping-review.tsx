import { useMemo, useState } from 'preact/hooks';
import type { FieldMapping, JobMappingView, SchemaSummary } from '../api-types.ts';
import { NOT_IMPORTED, mappingFromChoices } from '../mapping-choices.ts';
import { NONE_OF_THEM, UNANSWERED, enumColumnsOf, initialAnswer, valueMapsToSend } from '../value-map-choices.ts';
import { useSession } from '../context.ts';
import { ErrorNote, formatPercent, useLoad, TableHead } from '../components/common.tsx';
import { describeReason } from '../components/reasons.ts';
import { jobHref, navigate } from '../router.ts';

/*
 * Mapping review for a job in needs_mapping: one row per source column, with its sample
 * values and a select of the schema's fields. The suggestion is preselected, the fields the
 * mapper found plausible for the column come first with their scores, and every other field
 * follows. Confirming sends PUT /v1/jobs/{id}/mapping, which resumes the job; the job page
 * then follows it live.
 */

interface ColumnChoice {
  column: number;
  header: string;
  samples: string[];
  suggested?: FieldMapping;
  alternatives: { field: string; score: number; why?: string }[];
}

/** Each source column with what the mapper said about it. */
function columnsOf(view: JobMappingView): ColumnChoice[] {
  return view.headers.map((header, column) => ({
    column,
    header,
    samples: view.samples.find((s) => s.column === column)?.values ?? [],
    suggested: view.mapping.fields.find((f) => f.sources?.includes(column)),
    alternatives: Object.entries(view.alternatives.fields)
      .flatMap(([field, candidates]) => candidates.filter((c) => c.column === column).map((c) => ({ field, score: c.score, why: c.why })))
      .sort((a, b) => b.score - a.score),
  }));
}

export function MappingReview({ jobId }: { jobId: string }) {
  const { api } = useSession();
  const id = encodeURIComponent(jobId);
  const view = useLoad(() => api.get<JobMappingView>(`/v1/jobs/${id}/mapping`), [api, id]);
  const schemaName = view.data?.mapping.schema;
  const schema = useLoad(() => (schemaName ? api.get<SchemaSummary>(`/v1/schemas/${encodeURIComponent(schemaName)}`) : Promise.resolve(undefined)), [api, schemaName]);
  const columns = useMemo(() => (view.data ? columnsOf(view.data) : []), [view.data]);
  const [choices, setChoices] = useState<Record<number, string> | null>(null);
  const chosen: Record<number, string> = choices ?? Object.fromEntries(columns.map((c) => [c.column, c.suggested?.field ?? NOT_IMPORTED]));
  const [answers, setAnswers] = useState<Record<string, Record<string, string>>>({});
  const [saveTemplate, setSaveTemplate] = useState(false);
  const [templateName, setTemplateName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (!view.data) {
    return (
      <main id="main" tabIndex={-1}>
        <h1>Mapping review</h1>
        {view.loading ? <p>Loading…</p> : <ErrorNote error={view.error} />}
      </main>
    );
  }
  const data = view.data;
  const fields = schema.data?.fields ?? [];
  const picked = new Set(Object.values(chosen).filter(Boolean));
  const missingRequired = fields.filter((f) => f.required && !picked.has(f.name)).map((f) => f.name);
  const enumColumns = enumColumnsOf(data, fields, chosen);
  const valueMaps = valueMapsToSend(enumColumns, answers);

  async function confirm(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.put(`/v1/jobs/${id}/mapping`, {
        mapping: { schema: data.mapping.schema, fields: mappingFromChoices(data, chosen), ...(valueMaps.length > 0 && { valueMaps }) },
        ...(saveTemplate && { saveAsTemplate: { name: templateName.trim() } }),
      });
      navigate(jobHref(jobId));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <main id="main" tabIndex={-1}>
      <h1>Mapping review</h1>
      <p>
        <a href={jobHref(jobId)}>Back to the job</a> · schema <strong>{data.mapping.schema}</strong> · the job is <strong>{data.status}</strong>
      </p>
      {data.status !== 'needs_mapping' && <p class="hint">This job is not waiting for a mapping; confirming is refused by the API.</p>}
      <form onSubmit={confirm}>
        <table>
          <TableHead caption="Source columns and the field each one fills" columns={['Column', 'Sample values', 'Suggestion', 'Field']} />
          <tbody>
            {columns.map((c) => {
              const selectId = `field-for-${c.column}`;
              const others = fields.filter((f) => !c.alternatives.some((a) => a.field === f.name));
              return (
                <tr key={c.column}>
                  <th scope="row">{c.header}</th>
                  <td>
                    <ul class="samples">
                      {c.samples.slice(0, 3).map((v, i) => (
                        <li key={i}>
                          <code>{v}</code>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {c.suggested ? (
                      <>
                        <strong>{c.suggested.field}</strong>, {c.suggested.confidence === undefined ? '' : formatPercent(c.suggested.confidence)}: {describeReason(c.suggested.reason)}
                      </>
                    ) : (
                      'none'
                    )}
                  </td>
                  <td>
                    <label class="visually-hidden" for={selectId}>
                      Field for column {c.header}
                    </label>
                    <select id={selectId} value={chosen[c.column] ?? NOT_IMPORTED} onChange={(e) => setChoices({ ...chosen, [c.column]: e.currentTarget.value })}>
                      <option value={NOT_IMPORTED}>Not imported</option>
                      {c.alternatives.length > 0 && (
                        <optgroup label="Fits the values">
                          {c.alternatives.map((a) => (
                            <option key={a.field} value={a.field}>
                              {a.field} ({formatPercent(a.score)})
                            </option>
                          ))}
                        </optgroup>
                      )}
                      <optgroup label="Other fields">
                        {others.map((f) => (
                          <option key={f.name} value={f.name}>
                            {f.name}
                            {f.required ? ' (required)' : ''}
                          </option>
                        ))}
                      </optgroup>
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {enumColumns.map((c) => (
          <table key={c.field}>
            <TableHead caption={`Values of column ${c.column} for ${c.field}`} columns={['Value in the file', `${c.field} value`]} />
            <tbody>
              {c.values.map(({ value, current }, i) => {
                const selectId = `value-${c.field}-${i}`;
                return (
                  <tr key={value}>
                    <th scope="row">
                      <code>{value}</code>
                    </th>
                    <td>
                      <label class="visually-hidden" for={selectId}>
                        {c.field} value for {value}
                      </label>
                      <select
                        id={selectId}
                        value={answers[c.field]?.[value] ?? initialAnswer(current)}
                        onChange={(e) => setAnswers({ ...answers, [c.field]: { ...answers[c.field], [value]: e.currentTarget.value } })}
                      >
                        <option value={UNANSWERED}>Not understood (left empty, with a warning)</option>
                        <option value={NONE_OF_THEM}>None of them</option>
                        {c.enumValues.map((v) => (
                          <option key={v} value={v}>
                            {v}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ))}
        {missingRequired.length > 0 && <p class="hint">Required fields without a column: {missingRequired.join(', ')}</p>}
        <div class="field inline">
          <input id="save-template" type="checkbox" checked={saveTemplate} onChange={(e) => setSaveTemplate(e.currentTarget.checked)} />
          <label for="save-template">Save as template</label>
        </div>
        {saveTemplate && (
          <div class="field">
            <label for="template-name">Template name</label>
            <input id="template-name" required value={templateName} onInput={(e) => setTemplateName(e.currentTarget.value)} />
          </div>
        )}
        <ErrorNote error={error ?? schema.error} />
        <button type="submit" class="primary" disabled={busy}>
          Confirm mapping
        </button>
      </form>
    </main>
  );
}
