import { useState } from 'preact/hooks';
import type { Page } from '../api-types.ts';
import { useSession } from '../context.ts';
import { ErrorNote, formatTime, useLoad, TableHead } from '../components/common.tsx';

/* API keys (admin): issue one (its plaintext is shown once), and revoke. */

interface ApiKey {
  keyId: string;
  name: string | null;
  role: string;
  rateLimitRps: number;
  createdAt: string;
  revokedAt: string | null;
}

export function ApiKeys() {
  const { api } = useSession();
  const list = useLoad(() => api.get<Page<ApiKey>>('/v1/api-keys'), [api]);
  const [name, setName] = useState('');
  const [role, setRole] = useState('member');
  const [issued, setIssued] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  async function issue(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      const created = await api.post<{ apiKey: string }>('/v1/api-keys', { name: name.trim(), role });
      setIssued(created.apiKey);
      setName('');
      list.reload();
    } catch (err) {
      setError(err);
    }
  }

  async function revoke(keyId: string) {
    setError(null);
    setConfirming(null);
    try {
      await api.delete(`/v1/api-keys/${encodeURIComponent(keyId)}`);
      list.reload();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <main id="main" tabIndex={-1}>
      <h1>API keys</h1>
      <form class="options" onSubmit={issue}>
        <div class="field">
          <label for="key-name">Key name</label>
          <input id="key-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="key-role">Role</label>
          <select id="key-role" value={role} onChange={(e) => setRole(e.currentTarget.value)}>
            <option value="viewer">viewer</option>
            <option value="member">member</option>
            <option value="admin">admin</option>
          </select>
        </div>
        <button type="submit" class="primary">
          Issue key
        </button>
      </form>
      {issued && (
        <div class="secret" role="status">
          <p>
            New API key (shown once, copy it now): <code>{issued}</code>
          </p>
        </div>
      )}
      <ErrorNote error={error ?? list.error} />
      {list.data && (
        <table>
          <TableHead caption="Keys of this tenant (the API never returns a key again after issuing it)" columns={['Name', 'Key id', 'Role', 'Requests/s', 'Created', 'Revoked', '']} />
          <tbody>
            {list.data.items.map((k) => {
              const label = k.name ?? k.keyId;
              return (
                <tr key={k.keyId}>
                  <th scope="row">{k.name ?? '—'}</th>
                  <td>
                    <code>{k.keyId}</code>
                  </td>
                  <td>{k.role}</td>
                  <td class="num">{k.rateLimitRps}</td>
                  <td>{formatTime(k.createdAt)}</td>
                  <td>{k.revokedAt ? formatTime(k.revokedAt) : 'no'}</td>
                  <td>
                    {!k.revokedAt &&
                      (confirming === k.keyId ? (
                        <button type="button" class="danger" onClick={() => void revoke(k.keyId)}>
                          Confirm revoking {label}
                        </button>
                      ) : (
                        <button type="button" onClick={() => setConfirming(k.keyId)}>
                          Revoke {label}
                        </button>
                      ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </main>
  );
}
