import { z } from 'zod';
import { badRequest } from './http-errors.ts';
import { schemaStore } from '../adapters/schema-store.ts';
import type { SchemaDefinition } from '../core/schemas/schema-types.ts';

/** Options a client may set on a job; unknown keys are refused so typos surface. */
export const jobOptionsSchema = z
  .object({
    timezone: z
      .string()
      .max(64)
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en-US', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'must be an IANA time zone such as America/New_York')
      .optional(),
    defaultRegion: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 region such as US').optional(),
    defaultCurrency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD').optional(),
  })
  .strict();

export const schemaNameSchema = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, 'must be a schema name such as call_record');

/** A schema the tenant can use (built-in or its own), or a 400 naming `field`. */
export async function schemaOr400(tenantId: string, name: string, field = 'schema'): Promise<SchemaDefinition> {
  const found = await schemaStore.get(tenantId, name);
  if (found === undefined) throw badRequest('Unknown schema', [{ field, message: `no schema named "${name}"; GET /v1/schemas lists them` }]);
  return found.definition;
}
