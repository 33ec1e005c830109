import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from './api.ts';
import type { LiveJobs } from './live.ts';

/** What every signed-in screen needs: the API client with the key, and the live job feed. */
export interface Session {
  api: Api;
  live: LiveJobs;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in console');
  return session;
}
