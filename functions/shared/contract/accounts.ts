import * as z from 'zod/mini';
import '../../core/zod-mini.ts';
import { ACCOUNT_SORTS } from '../../core/entities/query.ts';
import { accountDomain, emailKey, normalizeCountry, phoneKey } from '../../core/entities/normalize.ts';

/** The accounts and contacts store: list and export filters, edits, merges, the ideal-customer profile. */

// Every schema is z.lazy: built on its first parse, so a cold start of the accounts API builds
// only the one its request needs (all of them at import were ~4 ms of its init, 2026-12-07).

const SORT_VALUES = [...ACCOUNT_SORTS, ...ACCOUNT_SORTS.map((s) => `-${s}` as const)] as const;
const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const employeeCount = () => z.optional(z.coerce.number().check(z.int(), z.minimum(0)));

const accountFilterShape = () => ({
  q: z.optional(z.string().check(z.maxLength(200))),
  industry: z.optional(text(200)),
  technology: z.optional(text(200)),
  country: z.optional(text(100)),
  minEmployees: employeeCount(),
  maxEmployees: employeeCount(),
  sort: z._default(z.enum(SORT_VALUES), 'name'),
});
/** An employee range the right way round (a refinement keeps the object, so OpenAPI still sees its keys). */
const withRange = <T extends z.ZodMiniObject>(schema: T) =>
  schema.check(
    z.refine((f: { minEmployees?: number; maxEmployees?: number }) => f.minEmployees === undefined || f.maxEmployees === undefined || f.minEmployees <= f.maxEmployees, {
      message: 'must be at least minEmployees',
      path: ['maxEmployees'],
    }),
  );
export const accountFilters = z.lazy(() => withRange(z.object(accountFilterShape())));

const page = () => ({ limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25), cursor: z.optional(z.string().check(z.maxLength(2048))) });
export const accountListQuery = z.lazy(() => withRange(z.object({ ...accountFilterShape(), ...page() })));
const exportFormat = () => ({ format: z._default(z.enum(['csv', 'xlsx']), 'csv') });
export const accountExportQuery = z.lazy(() => withRange(z.object({ ...accountFilterShape(), ...exportFormat() })));
const contactFilters = () => ({ q: z.optional(z.string().check(z.maxLength(200))), accountId: z.optional(text(128)) });
export const contactListQuery = z.lazy(() => z.object({ ...contactFilters(), ...page() }));
export const contactExportQuery = z.lazy(() => z.object({ ...contactFilters(), ...exportFormat() }));

/** A field of a PATCH body: a value, or null to clear it. */
const nullable = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));
/** Text read through the store's normaliser; a value it cannot read is refused with `message`. */
const normalised = (max: number, normalise: (text: string) => string | undefined, message: string) =>
  z.pipe(
    text(max),
    z.transform((raw, ctx) => {
      const value = normalise(raw);
      if (!value) ctx.issues.push({ code: 'custom', message, input: raw });
      return value ?? raw;
    }),
  );
const atLeastOne = () => z.refine<Record<string, unknown>>((b) => Object.values(b).some((v) => v !== undefined), { message: 'give at least one field to change', path: ['(body)'] });

export const accountPatchBody = z.lazy(() => z
  .strictObject({
    name: nullable(text(300)),
    domain: nullable(normalised(300, accountDomain, 'not a company domain (a free-mail domain never names an account)')),
    industry: nullable(text(200)),
    employees: nullable(z.number().check(z.int(), z.minimum(0))),
    annualRevenue: nullable(z.number().check(z.minimum(0))),
    country: nullable(z.pipe(text(100), z.transform((c) => normalizeCountry(c)?.name ?? c))),
    city: nullable(text(200)),
    technologies: z.optional(z.array(text(100)).check(z.maxLength(500))),
  })
  .check(atLeastOne()));

export const contactPatchBody = z.lazy(() => z
  .strictObject({
    firstName: nullable(text(200)),
    lastName: nullable(text(200)),
    fullName: nullable(text(300)),
    email: nullable(normalised(320, emailKey, 'not an e-mail address')),
    phone: nullable(z.pipe(text(40), z.transform((p) => phoneKey(p) ?? p))),
    title: nullable(text(300)),
    company: nullable(text(300)),
    accountId: nullable(text(128)),
  })
  .check(atLeastOne()));

export const mergeBody = z.lazy(() => z.object({ otherId: text(128) }));
export const icpBody = z.lazy(() => z.object({ text: text(4000) }));
