import type { Account, Contact, SourceRef } from './model.ts';

/** Sources as the API shows them: a job deleted since is still named, and says so. */
function apiSources(sources: SourceRef[]) {
  return sources.map((s) => ({
    jobId: s.jobId,
    via: s.via,
    rows: s.rows,
    ...(s.rowsTruncated ? { rowsTruncated: true } : {}),
    firstAt: s.firstAt,
    lastAt: s.lastAt,
    ...(s.jobDeleted ? { jobDeleted: true } : {}),
  }));
}

export function toApiAccount(a: Account) {
  return {
    accountId: a.accountId,
    name: a.name ?? null,
    domain: a.domain ?? null,
    industry: a.industry ?? null,
    employees: a.employees ?? null,
    annualRevenue: a.annualRevenue ?? null,
    country: a.country ?? null,
    city: a.city ?? null,
    technologies: a.technologies.map((t) => t.name),
    contactCount: a.contactCount,
    sources: apiSources(a.sources),
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

export function toApiContact(c: Contact) {
  return {
    contactId: c.contactId,
    accountId: c.accountId ?? null,
    firstName: c.firstName ?? null,
    lastName: c.lastName ?? null,
    fullName: c.fullName ?? null,
    email: c.email ?? null,
    phone: c.phone ?? null,
    title: c.title ?? null,
    company: c.company ?? null,
    sources: apiSources(c.sources),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/** The account page: the list shape plus where each value and technology came from, the history and contacts. */
export function toApiAccountDetail(a: Account, contacts: Contact[], insights: unknown) {
  return {
    ...toApiAccount(a),
    altDomains: a.altDomains,
    provenance: a.prov,
    technologyDetails: a.technologies,
    history: a.history,
    contacts: contacts.map((c) => toApiContact(c)),
    insights,
  };
}

export function toApiContactDetail(c: Contact) {
  return { ...toApiContact(c), provenance: c.prov, history: c.history };
}

export type ApiAccount = ReturnType<typeof toApiAccount>;
export type ApiContact = ReturnType<typeof toApiContact>;
export type ApiAccountDetail = ReturnType<typeof toApiAccountDetail>;

/** Export columns: header and the cell of each entity (arrays joined with "; "). */
export const ACCOUNT_EXPORT_COLUMNS: { header: string; value: (a: Account) => string | number | undefined }[] = [
  { header: 'accountId', value: (a) => a.accountId },
  { header: 'name', value: (a) => a.name },
  { header: 'domain', value: (a) => a.domain },
  { header: 'industry', value: (a) => a.industry },
  { header: 'employees', value: (a) => a.employees },
  { header: 'annualRevenue', value: (a) => a.annualRevenue },
  { header: 'country', value: (a) => a.country },
  { header: 'city', value: (a) => a.city },
  { header: 'technologies', value: (a) => a.technologies.map((t) => t.name).join('; ') },
  { header: 'contactCount', value: (a) => a.contactCount },
  { header: 'updatedAt', value: (a) => a.updatedAt },
];

export const CONTACT_EXPORT_COLUMNS: { header: string; value: (c: Contact) => string | number | undefined }[] = [
  { header: 'contactId', value: (c) => c.contactId },
  { header: 'accountId', value: (c) => c.accountId ?? undefined },
  { header: 'firstName', value: (c) => c.firstName },
  { header: 'lastName', value: (c) => c.lastName },
  { header: 'fullName', value: (c) => c.fullName },
  { header: 'email', value: (c) => c.email },
  { header: 'phone', value: (c) => c.phone },
  { header: 'title', value: (c) => c.title },
  { header: 'company', value: (c) => c.company },
  { header: 'updatedAt', value: (c) => c.updatedAt },
];
