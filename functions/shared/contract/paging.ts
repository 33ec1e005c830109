import * as z from 'zod/mini';
import '../../core/zod-mini.ts';

/** Common list paging: ?limit=1..100 (default 25) & cursor. In zod/mini: the webhooks and admin routes page with nothing else of zod classic. */
export const pageQuery = z.object({
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
});
