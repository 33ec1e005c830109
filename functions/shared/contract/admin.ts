import * as z from 'zod';
import { ROLES } from '../../core/auth/api-keys.ts';

/** API keys (admin). */

export const createApiKeyBody = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.enum(ROLES as [string, ...string[]]),
  rateLimitRps: z.number().int().min(1).max(10_000).optional(),
});
