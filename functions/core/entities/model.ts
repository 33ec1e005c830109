/**
 * The accounts/contacts store's entities. Pure data: the adapters serialise them as they are,
 * the API shapes them with `toApiAccount` / `toApiContact`.
 */

/** Where a value came from: a job's record (1-based position in the job's output), or an API edit. */
export interface Provenance {
  jobId: string | null;
  row: number | null;
  /** ISO time the value was ingested (the job's creation time) or edited */
  at: string;
  via: 'job' | 'api' | 'merge';
}

/** An older value a newer one replaced (or a newer one that lost to a still newer value). */
export interface HistoryEntry {
  field: string;
  value: unknown;
  source: Provenance;
  /** when it was moved to the history */
  recordedAt: string;
}

/** One job (or the API) that contributed to an entity, with the records it matched. */
export interface SourceRef {
  jobId: string | null;
  via: 'job' | 'api' | 'merge';
  rows: number[];
  /** more rows matched than `rows` lists */
  rowsTruncated?: true;
  firstAt: string;
  lastAt: string;
  /** the job has been deleted since; its values stay */
  jobDeleted?: true;
}

/** Where a technology was seen. */
export interface TechnologySighting {
  jobId: string | null;
  row: number | null;
  field: string;
  /** `list`: an item of a list cell; `text`: found in free text; `api`: set by an edit */
  how: 'list' | 'text' | 'api';
}

export interface TechnologyFinding {
  name: string;
  category: string | null;
  found: TechnologySighting[];
}

export const ACCOUNT_FIELDS = ['name', 'domain', 'industry', 'employees', 'annualRevenue', 'country', 'city'] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];

export interface AccountValues {
  name?: string;
  domain?: string;
  industry?: string;
  employees?: number;
  annualRevenue?: number;
  country?: string;
  city?: string;
}

export interface ContactValues {
  firstName?: string;
  lastName?: string;
  fullName?: string;
  email?: string;
  phone?: string;
  title?: string;
  company?: string;
}

interface EntityBase {
  prov: Record<string, Provenance>;
  history: HistoryEntry[];
  sources: SourceRef[];
  createdAt: string;
  updatedAt: string;
  /** the job whose record created it (null: created by an edit or a merge) */
  createdByJob: string | null;
}

export interface Account extends EntityBase, AccountValues {
  accountId: string;
  /** domains of accounts merged into this one: records with them still land here */
  altDomains: string[];
  technologies: TechnologyFinding[];
  /** derived when the store is saved */
  contactCount: number;
}

export interface Contact extends EntityBase, ContactValues {
  contactId: string;
  accountId: string | null;
}

/** Entity history and provenance lists are capped so one busy entity cannot grow without bound. */
export const LIMITS = { history: 50, sourceRows: 200, sources: 100, sightings: 20 } as const;
