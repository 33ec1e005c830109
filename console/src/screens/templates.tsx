import { useState } from 'preact/hooks';
import type { Page } from '../api-types.ts';
import { useSession } from '../context.ts';
import { ErrorNote, Section, TableHead, formatTime, useLoad } from '../components/common.tsx';
import { diffTemplateFields, type VersionField } from '../template-diff.ts';

/* The tenant's templates; for one, its immutable versions and a diff of any two of them. */

interface TemplateVersion {
  templateId: string;
  name: string;
  schema: string;
  version: number;
  createdAt: string;
  fields: VersionField[];
}

interface Template extends TemplateVersion {
  usage: { jobs: number };
}

export function Templates() {
  const { api } = useSession();
  const list = useLoad(() => api.get<Page<Template>>('/v1/templates?limit=100'), [api]);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <main id="main" tabIndex={-1}>
      <h1>Templates</h1>
      <ErrorNote error={list.error} />
      {list.data && list.data.items.length === 0 && <p>No templates yet: confirm a mapping with "Save as template", or create one through the API.</p>}
      {list.data && list.data.items.length > 0 && (
        <table>
          <TableHead caption="Templates of this tenant" columns={['Name', 'Schema', 'Version', 'Jobs mapped', 'Last changed', '']} />
          <tbody>
            {list.data.items.map((t) => (
              <tr key={t.templateId}>
                <th scope="row">{t.name}</th>
                <td>{t.schema}</td>
                <td class="num">{t.version}</td>
                <td class="num">{t.usage.jobs}</td>
                <td>{formatTime(t.createdAt)}</td>
                <td>
                  <button type="button" aria-expanded={open === t.templateId} onClick={() => setOpen(open === t.templateId ? null : t.templateId)}>
                    Versions of {t.name}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && <Versions key={open} templateId={open} />}
    </main>
  );
}

function Versions({ templateId }: { templateId: string }) {
  const { api } = useSession();
  const versions = useLoad(() => api.get<Page<TemplateVersion>>(`/v1/templates/${encodeURIComponent(templateId)}/versions`), [api, templateId]);
  const items = [...(versions.data?.items ?? [])].sort((a, b) => a.version - b.version);
  const latest = items[items.length - 1]?.version ?? 1;
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const a = items.find((v) => v.version === (from ?? Math.max(1, latest - 1)));
  const b = items.find((v) => v.version === (to ?? latest));
  const select = (id: string, label: string, value: number | undefined, set: (n: number) => void) => (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set(Number(e.currentTarget.value))}>
        {items.map((v) => (
          <option key={v.version} value={v.version}>
            version {v.version} ({formatTime(v.createdAt)})
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Section title={`Versions of ${items[0]?.name ?? templateId}`}>
      <ErrorNote error={versions.error} />
      {items.length > 0 && (
        <>
          <div class="options">
            {select('diff-from', 'Compare version', a?.version, setFrom)}
            {select('diff-to', 'with version', b?.version, setTo)}
          </div>
          {a && b && (
            <table>
              <TableHead caption={`Fields in version ${a.version} and version ${b.version}`} columns={['Field', 'Change', `Version ${a.version}`, `Version ${b.version}`]} />
              <tbody>
                {diffTemplateFields(a.fields, b.fields).map((c) => (
                  <tr key={c.field} class={`change-${c.change}`}>
                    <th scope="row">{c.field}</th>
                    <td>{c.change}</td>
                    <td>{c.before ?? '—'}</td>
                    <td>{c.after ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Section>
  );
}
