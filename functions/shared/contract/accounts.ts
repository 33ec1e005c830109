import * as z from 'zod';
import { ACCOUNT_SORTS } from '../../core/entities/query.ts';
import { accountDomain, emailKey, normalizeCountry, phoneKey } from '../../core/entities/normalize.ts';

/** The accounts and contacts store: list and export filters, edits, merges, the ideal-customer profile. */

const SORT_VALUES = [...ACCOUNT_SORTS, ...ACCOUNT_SORTS.map((s) => `-${s}` as const)] as const;
const text = (max: number) => z.string().trim().min(1).max(max);

const accountFilterShape = {
  q: z.string().max(200).optional(),
  industry: text(200).optional(),
  technology: text(200).optional(),
  country: text(100).optional(),
  minEmployees: z.coerce.number().int().min(0).optional(),
  maxEmployees: z.coerce.number().int().min(0).optional(),
  sort: z.enum(SORT_VALUES).default('name'),
};
/** An employee range the right way round (zod 4's refine keeps the object, so OpenAPI still sees its keys). */
const withRange = <T extends z.ZodObject>(schema: T) =>
  schema.refine((f: { minEmployees?: number; maxEmployees?: number }) => f.minEmployees === undefined || f.maxEmployees === undefined || f.minEmployees <= f.maxEmployees, {
    message: 'must be at least minEmployees',
    path: ['maxEmployees'],
  });
export const accountFilters = withRange(z.object(accountFilterShape));

const page = { limit: z.coerce.number().int().min(1).max(100).default(25), cursor: z.string().max(2048).optional() };
export const accountListQuery = withRange(z.object({ ...accountFilterShape, ...page }));
const exportFormat = { format: z.enum(['csv', 'xlsx']).default('csv') };
export const accountExportQuery = withRange(z.object({ ...accountFilterShape, ...exportFormat }));
const contactFilters = { q: z.string().max(200).optional(), accountId: text(128).optional() };
export const contactListQuery = z.object({ ...contactFilters, ...page });
export const contactExportQuery = z.object({ ...contactFilters, ...exportFormat });

/** A field of a PATCH body: a value, or null to clear it. */
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable().optional();
const atLeastOne = (b: Record<string, unknown>) => Object.values(b).some((v) => v !== undefined);

export const accountPatchBody = z
  .object({
    name: nullable(text(300)),
    domain: nullable(
      text(300).transform((d, ctx) => {
        const domain = accountDomain(d);
        if (!domain) ctx.addIssue({ code: 'custom', message: 'not a company domain (a free-mail domain never names an account)' });
        return domain ?? d;
      }),
    ),
    industry: nullable(text(200)),
    employees: nullable(z.number().int().min(0)),
    annualRevenue: nullable(z.number().min(0)),
    country: nullable(text(100).transform((c) => normalizeCountry(c)?.name ?? c)),
    city: nullable(text(200)),
    technologies: z.array(text(100)).max(500).optional(),
  })
  .strict()
  .refine(atLeastOne, { message: 'give at least one field to change', path: ['(body)'] });

export const contactPatchBody = z
  .object({
    firstName: nullable(text(200)),
    lastName: nullable(text(200)),
    fullName: nullable(text(300)),
    email: nullable(
      text(320).transform((e, ctx) => {
        const email = emailKey(e);
        if (!email) ctx.addIssue({ code: 'custom', message: 'not an e-mail address' });
        return email ?? e;
      }),
    ),
    phone: nullable(text(40).transform((p) => phoneKey(p) ?? p)),
    title: nullable(text(300)),
    company: nullable(text(300)),
    accountId: nullable(text(128)),
  })
  .strict()
  .refine(atLeastOne, { message: 'give at least one field to change', path: ['(body)'] });

export const mergeBody = z.object({ otherId: text(128) });
export const icpBody = z.object({ text: text(4000) });
