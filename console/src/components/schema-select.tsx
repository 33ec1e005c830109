import type { Page, SchemaSummary } from '../api-types.ts';
import { useSession } from '../context.ts';
import { ErrorNote, useLoad } from './common.tsx';

/**
 * A labelled "Schema" select over the tenant's schemas (built-in and its own), with one "any" choice first.
 * A chosen schema the list does not (yet) hold keeps an option of its own, so a value restored before the
 * list arrives shows as chosen instead of an empty select.
 */
export function SchemaSelect({ id, value, onChange, anyValue, anyLabel }: { id: string; value: string; onChange: (value: string) => void; anyValue: string; anyLabel: string }) {
  const { api } = useSession();
  const schemas = useLoad(() => api.get<Page<SchemaSummary>>('/v1/schemas?limit=100'), [api]);
  const names = schemas.data?.items.map((s) => s.name) ?? [];
  if (value !== anyValue && !names.includes(value)) names.unshift(value);
  return (
    <div class="field">
      <label for={id}>Schema</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value={anyValue}>{anyLabel}</option>
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <ErrorNote error={schemas.error} />
    </div>
  );
}
