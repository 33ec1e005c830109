import * as z from 'zod/mini';
import '../../core/zod-mini.ts';

/** The paging fields, for queries that add filters of their own: a new shape each call, as those queries are built on first use too. */
export const pageShape = () => ({
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
});

/**
 * Common list paging: ?limit=1..100 (default 25) & cursor. In zod/mini: the webhooks and admin
 * routes page with nothing else of zod classic. z.lazy: built on its first parse, not at init.
 */
export const pageQuery = z.lazy(() => z.object(pageShape()));
