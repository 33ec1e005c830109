import { z } from 'zod';

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
