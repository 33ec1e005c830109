import { useState } from 'preact/hooks';
import { Api, type ConsoleConfig } from '../api.ts';
import { ErrorNote } from '../components/common.tsx';

/** Sign in with an API key: checked with one list call, so a wrong key shows the API's own answer. */
export function SignIn({ config, onSignedIn }: { config: ConsoleConfig; onSignedIn: (apiKey: string) => void }) {
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await new Api(config, apiKey.trim()).get('/v1/jobs?limit=1');
      onSignedIn(apiKey.trim());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" class="narrow">
      <h1>Sign in</h1>
      <p>Use an API key of your tenant. It is kept in this browser tab only and forgotten when the tab closes.</p>
      <form onSubmit={submit}>
        <label for="api-key">API key</label>
        <input id="api-key" type="password" autoComplete="off" spellcheck={false} required value={apiKey} onInput={(e) => setApiKey(e.currentTarget.value)} />
        <ErrorNote error={error} />
        <button type="submit" class="primary" disabled={busy || apiKey.trim() === ''}>
          Sign in
        </button>
      </form>
    </main>
  );
}
