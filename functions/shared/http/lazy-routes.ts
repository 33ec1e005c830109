import type { HttpResult } from './responses.ts';

/** A route's handler, whatever its request: an API key's (api.ts) or an upload token's (upload-token-api.ts). */
type Handle = (req: never) => Promise<HttpResult>;
/** The names of a module's exports that are route handlers. */
type HandleNames<M> = { [K in keyof M]: M[K] extends Handle ? K : never }[keyof M] & string;

/**
 * A group of routes whose code (its stores, contracts and zod schemas, its core modules) is
 * loaded by the first request that needs one of them, with one `import()`, and kept for the
 * container's next requests. The route table, its roles and the middleware chain stay in the
 * handler's module, so an unknown route, a missing key or token, or a wrong role is answered
 * without loading any group, and a request loads its own group only: the listing of accounts
 * never compiles the edits' schemas. One `import()` per group, not per route: each module
 * loaded with `import()` is a set of chunks in the split build, and the code it shares with the
 * init path lands in small chunks read at init, one file each (lib/bundling.ts).
 *
 * `lazyRoutes(() => import('./reads.ts'))('list')` is a route's `handle`, typed as the
 * module's export. A failed load is not kept: the next request tries again.
 */
export function lazyRoutes<M extends object>(load: () => Promise<M>): <K extends HandleNames<M>>(name: K) => M[K] {
  let loading: Promise<M> | undefined;
  const group = () =>
    (loading ??= load().catch((err: unknown) => {
      loading = undefined;
      throw err;
    }));
  return <K extends HandleNames<M>>(name: K) => (async (req: unknown) => ((await group())[name] as (req: unknown) => Promise<HttpResult>)(req)) as M[K];
}
