import type { EntityBook } from './entity-book.ts';
import { noteSource, noteTechnology, offerField, sameValue } from './merge.ts';
import type { Account, AccountValues, Contact, ContactValues, Provenance } from './model.ts';
import { accountDomain, companyNameKey, countryKey, domainOfEmail, emailKey, normalizeCountry, personNameKey, phoneKey } from './normalize.ts';
import { extractTechnologies, extractTechnologiesFromText, type TechnologyMatch } from './technologies.ts';
import type { EntitySchema } from './entity-schemas.ts';


export interface JobContext {
  jobId: string;
  schema: EntitySchema;
  /** when the job was created: every value of the job carries it, so a retry writes the same provenance */
  at: string;
  /** wall clock, for updatedAt and history */
  now: string;
  newAccountId: () => string;
  newContactId: () => string;
}

export interface KindCounts {
  /** entities this job created */
  created: number;
  /** records folded into an entity that already existed (or that an earlier record of the job created) */
  merged: number;
  /** entities that existed before the job and that it changed */
  updated: number;
}

export interface UpsertCounts {
  records: number;
  /** records with nothing to match on (e.g. only a free-mail domain and no name) */
  skipped: number;
  accounts: KindCounts;
  contacts: KindCounts;
}

export interface JobRecordRow {
  /** 1-based position of the record in the job's output */
  row: number;
  record: Record<string, unknown>;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim().replace(/\s+/g, ' ') : undefined);
/** A finite number, not negative (Number.isFinite is false for anything but a number). */
const isQuantity = (v: unknown): v is number => Number.isFinite(v) && (v as number) >= 0;
const wholeNumber = (v: unknown): number | undefined => (isQuantity(v) ? Math.round(v) : undefined);
const amount = (v: unknown): number | undefined => (isQuantity(v) ? v : undefined);

/** company_account fields read as account values; any other string field is scanned as free text for technologies. */
const COMPANY_FIELDS = new Set(['name', 'domain', 'industry', 'employee_count', 'annual_revenue', 'technologies', 'country', 'city']);

/** The account values of a company record, normalised as the store keeps them. */
export function accountValuesOf(record: Record<string, unknown>): AccountValues {
  const country = text(record.country);
  return {
    name: text(record.name),
    domain: accountDomain(record.domain),
    industry: text(record.industry),
    employees: wholeNumber(record.employee_count),
    annualRevenue: amount(record.annual_revenue),
    country: country ? (normalizeCountry(country)?.name ?? country) : undefined,
    city: text(record.city),
  };
}

function technologiesOf(record: Record<string, unknown>): { field: string; match: TechnologyMatch }[] {
  const out = extractTechnologies(record.technologies).map((match) => ({ field: 'technologies', match }));
  for (const [field, value] of Object.entries(record)) {
    if (COMPANY_FIELDS.has(field) || typeof value !== 'string') continue;
    for (const match of extractTechnologiesFromText(value)) out.push({ field, match });
  }
  return out;
}

function newAccount(id: string, ctx: JobContext, createdByJob: string | null): Account {
  return { accountId: id, altDomains: [], technologies: [], contactCount: 0, prov: {}, history: [], sources: [], createdAt: ctx.now, updatedAt: ctx.now, createdByJob };
}

function newContact(id: string, ctx: JobContext): Contact {
  return { contactId: id, accountId: null, prov: {}, history: [], sources: [], createdAt: ctx.now, updatedAt: ctx.now, createdByJob: ctx.jobId };
}

/** Values that differ only in how they are written: a company name with or without its legal form. */
const SAME: Record<string, (a: unknown, b: unknown) => boolean> = {
  name: (a, b) => sameValue(a, b) || (companyNameKey(a) !== undefined && companyNameKey(a) === companyNameKey(b)),
};

/** Offer every value; true when anything changed. (`SAME` names account fields only: a contact has no `name`.) */
function offerAll(entity: Account | Contact, values: object, source: Provenance, now: string): boolean {
  let changed = false;
  for (const [field, value] of Object.entries(values)) changed = offerField(entity, field, value, source, now, SAME[field]) || changed;
  return changed;
}

/** Fill only the empty fields (an account seen through a contact: the contact file is no authority on the company). */
function fillEmpty(entity: Account, values: AccountValues, source: Provenance, now: string): boolean {
  const record = entity as unknown as Record<string, unknown>;
  let changed = false;
  for (const [field, value] of Object.entries(values)) if (record[field] === undefined) changed = offerField(entity, field, value, source, now, SAME[field]) || changed;
  return changed;
}

class Tally {
  readonly accounts = new Set<string>();
  readonly contacts = new Set<string>();
  accountApplications = 0;
  contactApplications = 0;
  records = 0;
  skipped = 0;
}

/** Find or create the account and merge the values into it; undefined when there is nothing to match on. */
function upsertAccount(book: EntityBook, ctx: JobContext, tally: Tally, values: AccountValues, source: Provenance, opts: { authoritative: boolean; technologies?: { field: string; match: TechnologyMatch }[] }): Account | undefined {
  const nameKey = companyNameKey(values.name);
  if (!values.domain && !nameKey) return undefined;
  const existing = book.findAccount({ domain: values.domain, nameKey, country: values.country ? countryKey(values.country) : '' });
  const id = existing?.accountId ?? book.addAccount(newAccount(ctx.newAccountId(), ctx, ctx.jobId)).accountId;
  tally.accounts.add(id);
  tally.accountApplications++;
  return book.updateAccount(id, (a) => {
    let changed = opts.authoritative ? offerAll(a, values, source, ctx.now) : fillEmpty(a, values, source, ctx.now);
    for (const { field, match } of opts.technologies ?? []) {
      changed = noteTechnology(a, match.name, match.category, { jobId: source.jobId, row: source.row, field, how: match.how }) || changed;
    }
    changed = noteSource(a, source) || changed;
    if (changed) a.updatedAt = ctx.now;
    return changed;
  });
}

function applyCompany(book: EntityBook, ctx: JobContext, tally: Tally, row: JobRecordRow, source: Provenance): void {
  const account = upsertAccount(book, ctx, tally, accountValuesOf(row.record), source, { authoritative: true, technologies: technologiesOf(row.record) });
  if (!account) tally.skipped++;
}

/** The contact values of a contact record, normalised as the store keeps them. */
export function contactValuesOf(record: Record<string, unknown>): ContactValues {
  return {
    firstName: text(record.first_name),
    lastName: text(record.last_name),
    fullName: text(record.full_name),
    email: emailKey(record.email),
    phone: phoneKey(record.phone) ?? text(record.phone),
    title: text(record.title),
    company: text(record.company),
  };
}

function applyContact(book: EntityBook, ctx: JobContext, tally: Tally, row: JobRecordRow, source: Provenance): void {
  const values = contactValuesOf(row.record);
  // The account of the e-mail's domain (never a free-mail one), else of a website column, else of the company name.
  const domain = domainOfEmail(values.email) ?? accountDomain(row.record.domain);
  // Stryker disable next-line ObjectLiteral: without the option authoritative is undefined, which reads as false
  const account = upsertAccount(book, ctx, tally, { domain, name: values.company }, source, { authoritative: false });
  const nameKey = personNameKey(values.firstName, values.lastName, values.fullName);
  const probe = { email: values.email, phone: phoneKey(values.phone), nameKey, accountId: account?.accountId ?? null };
  if (!probe.email && !probe.phone && !nameKey) {
    tally.skipped++;
    return;
  }
  const existing = book.findContact(probe);
  const id = existing?.contactId ?? book.addContact(newContact(ctx.newContactId(), ctx)).contactId;
  tally.contacts.add(id);
  tally.contactApplications++;
  book.updateContact(id, (c) => {
    let changed = offerAll(c, values, source, ctx.now);
    if (account) changed = offerField(c, 'accountId', account.accountId, source, ctx.now) || changed;
    changed = noteSource(c, source) || changed;
    if (changed) c.updatedAt = ctx.now;
    return changed;
  });
}

const byJob = (jobId: string, e: Account | Contact) =>
  Object.values(e.prov).some((p) => p.jobId === jobId) || ('technologies' in e && e.technologies.some((t) => t.found.some((f) => f.jobId === jobId)));

function countKind(ids: Set<string>, lookup: (id: string) => Account | Contact | undefined, applications: number, jobId: string): KindCounts {
  let created = 0;
  let updated = 0;
  for (const id of ids) {
    const e = lookup(id);
    // Stryker disable next-line ConditionalExpression: a job's merge deletes nothing, so every id it tallied is in the book
    if (!e) continue;
    if (e.createdByJob === jobId) created++;
    else if (byJob(jobId, e)) updated++;
  }
  return { created, merged: applications - created, updated };
}

/**
 * Merge a job's records into the book: accounts deduped by domain, else by name (legal form
 * aside) and country; contacts by e-mail, else phone, else name at the same account, each
 * linked to the account of its e-mail domain or company. Applying the same records again
 * changes nothing and reports the same counts (they are read from the entities' provenance,
 * not from what this run happened to do), so a retried stage neither double-counts nor
 * duplicates. Records can be applied in batches (`apply` as often as needed, then `finish`),
 * so a caller can let other work run between them.
 */
export class JobMerge {
  private readonly tally = new Tally();

  constructor(
    private readonly book: EntityBook,
    private readonly ctx: JobContext,
  ) {}

  apply(rows: Iterable<JobRecordRow>): void {
    const { book, ctx, tally } = this;
    for (const row of rows) {
      tally.records++;
      const source: Provenance = { jobId: ctx.jobId, row: row.row, at: ctx.at, via: 'job' };
      if (ctx.schema === 'company_account') applyCompany(book, ctx, tally, row, source);
      else applyContact(book, ctx, tally, row, source);
    }
  }

  finish(): UpsertCounts {
    const { book, ctx, tally } = this;
    book.recountContacts();
    return {
      records: tally.records,
      skipped: tally.skipped,
      accounts: countKind(tally.accounts, (id) => book.accounts.get(id), tally.accountApplications, ctx.jobId),
      contacts: countKind(tally.contacts, (id) => book.contacts.get(id), tally.contactApplications, ctx.jobId),
    };
  }
}

/** All of a job's records at once (see JobMerge). */
export function applyJobRecords(book: EntityBook, ctx: JobContext, rows: Iterable<JobRecordRow>): UpsertCounts {
  const merge = new JobMerge(book, ctx);
  merge.apply(rows);
  return merge.finish();
}
