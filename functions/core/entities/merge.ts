import { LIMITS, type Account, type Contact, type HistoryEntry, type Provenance, type TechnologySighting } from './model.ts';

type Entity = Account | Contact;

/**
 * Which of two sources is newer: later ingestion time first; at the same time (rows of one
 * job), the later job id, then the later row. A total order, so applying the same records
 * again always reaches the same state.
 */
export function isNewer(a: Provenance, b: Provenance): boolean {
  // Stryker disable next-line EqualityOperator: the two differ here, so > and >= agree
  if (a.at !== b.at) return a.at > b.at;
  // Stryker disable next-line EqualityOperator: the two differ here, so > and >= agree
  if ((a.jobId ?? '') !== (b.jobId ?? '')) return (a.jobId ?? '') > (b.jobId ?? '');
  return (a.row ?? 0) > (b.row ?? 0);
}

export const sameValue = (a: unknown, b: unknown) => (typeof a === 'string' && typeof b === 'string' ? a.trim().toLowerCase() === b.trim().toLowerCase() : a === b);

function pushHistory(entity: Entity, entry: HistoryEntry): boolean {
  const seen = entity.history.some(
    (h) => h.field === entry.field && sameValue(h.value, entry.value) && h.source.jobId === entry.source.jobId && h.source.row === entry.source.row && h.source.at === entry.source.at,
  );
  if (seen) return false;
  entity.history.push(entry);
  // Oldest entries go first when the cap is reached (below it the count is negative: nothing goes).
  entity.history.splice(0, entity.history.length - LIMITS.history);
  return true;
}

/**
 * Offer a value for one field. An empty field takes it; the same value changes nothing (the
 * first source keeps the credit; `same` says what counts as the same, e.g. "ACME" and "Acme
 * Inc." for a company name); a different value wins when its source is newer, and the
 * loser of the two goes to the entity's history. Returns true when the entity changed.
 */
export function offerField(entity: Entity, field: string, value: unknown, source: Provenance, now: string, same = sameValue): boolean {
  if (value === undefined || value === null || value === '') return false;
  const record = entity as unknown as Record<string, unknown>;
  const current = record[field];
  const currentSource = entity.prov[field];
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral,BlockStatement: an empty field has no provenance (setField drops both), so the path below takes the value the same way
  if (current === undefined || current === null || current === '') {
    record[field] = value;
    entity.prov[field] = source;
    return true;
  }
  if (same(current, value)) return false;
  if (!currentSource || isNewer(source, currentSource)) {
    if (currentSource) pushHistory(entity, { field, value: current, source: currentSource, recordedAt: now });
    record[field] = value;
    entity.prov[field] = source;
    return true;
  }
  return pushHistory(entity, { field, value, source, recordedAt: now });
}

/** Set a field outright (an API edit): the old value goes to the history. */
export function setField(entity: Entity, field: string, value: unknown, source: Provenance, now: string): boolean {
  const record = entity as unknown as Record<string, unknown>;
  const current = record[field];
  if (value === null || value === '') {
    if (current === undefined) return false;
    const old = entity.prov[field];
    if (old) pushHistory(entity, { field, value: current, source: old, recordedAt: now });
    delete record[field];
    delete entity.prov[field];
    return true;
  }
  if (current === value) return false;
  // A field has a provenance exactly when it has a value.
  const old = entity.prov[field];
  if (old) pushHistory(entity, { field, value: current, source: old, recordedAt: now });
  record[field] = value;
  entity.prov[field] = source;
  return true;
}

/** Note that a record (or an edit) contributed to the entity. Idempotent per (job, row). */
export function noteSource(entity: Entity, source: Provenance): boolean {
  let changed = false;
  let ref = entity.sources.find((s) => s.jobId === source.jobId && s.via === source.via);
  if (!ref) {
    ref = { jobId: source.jobId, via: source.via, rows: [], firstAt: source.at, lastAt: source.at };
    entity.sources.push(ref);
    // Oldest sources go first when the cap is reached (below it the count is negative: nothing goes).
    entity.sources.splice(0, entity.sources.length - LIMITS.sources);
    changed = true;
  }
  if (source.row !== null && !ref.rows.includes(source.row)) {
    if (ref.rows.length < LIMITS.sourceRows) {
      ref.rows.push(source.row);
      changed = true;
    } else if (!ref.rowsTruncated) {
      ref.rowsTruncated = true;
      changed = true;
    }
  }
  if (source.at > ref.lastAt) {
    ref.lastAt = source.at;
    changed = true;
  }
  if (source.at < ref.firstAt) {
    ref.firstAt = source.at;
    changed = true;
  }
  return changed;
}

/** Add a technology (or a new sighting of one). Idempotent per sighting. */
export function noteTechnology(account: Account, name: string, category: string | null, sighting: TechnologySighting): boolean {
  let tech = account.technologies.find((t) => t.name.toLowerCase() === name.toLowerCase());
  const created = !tech;
  if (!tech) {
    tech = { name, category, found: [] };
    account.technologies.push(tech);
  }
  const seen = tech.found.some((f) => f.jobId === sighting.jobId && f.row === sighting.row && f.field === sighting.field && f.how === sighting.how);
  if (seen) return false;
  if (tech.found.length >= LIMITS.sightings) return created;
  tech.found.push(sighting);
  return true;
}

/** A deep-enough copy to edit without touching the original (which readers may hold). */
export function cloneAccount(a: Account): Account {
  return {
    ...a,
    altDomains: [...a.altDomains],
    prov: { ...a.prov },
    history: [...a.history],
    sources: a.sources.map((s) => ({ ...s, rows: [...s.rows] })),
    technologies: a.technologies.map((t) => ({ ...t, found: [...t.found] })),
  };
}

export function cloneContact(c: Contact): Contact {
  return { ...c, prov: { ...c.prov }, history: [...c.history], sources: c.sources.map((s) => ({ ...s, rows: [...s.rows] })) };
}
