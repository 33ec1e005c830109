import { companyDomainFromEmail } from '../enrich/email-domain.ts';
import type { FieldDerivation } from '../schemas/schema-types.ts';

/**
 * The value of a derived field from the other values of the same record, or undefined.
 * Callers pass the record as built from the row's own cells, so derived values never
 * feed other derivations (no "first name from a full name joined from a last name").
 */
export function deriveValue(derivation: FieldDerivation, record: Readonly<Record<string, unknown>>): string | undefined {
  switch (derivation.kind) {
    case 'domain_from_email': {
      const email = record[derivation.from];
      return typeof email === 'string' ? companyDomainFromEmail(email) : undefined;
    }
    case 'join': {
      const parts = derivation.from.map((f) => record[f]).filter((v): v is string => typeof v === 'string' && v.length > 0);
      return parts.length > 0 ? parts.join(' ') : undefined;
    }
    case 'name_part': {
      const full = record[derivation.from];
      return typeof full === 'string' ? namePart(full, derivation.part) : undefined;
    }
  }
}

/** "Doe, Jane" and "Jane Doe" -> first "Jane", last "Doe"; "Jane" -> first "Jane", no last. */
export function namePart(full: string, part: 'first' | 'last'): string | undefined {
  const comma = full.indexOf(',');
  if (comma > 0) {
    const last = full.slice(0, comma).trim();
    const first = full.slice(comma + 1).trim();
    const v = part === 'first' ? first : last;
    return v.length > 0 ? v : undefined;
  }
  // Stryker disable next-line Regex,MethodExpression: equivalent, the empty pieces split(/\s/) or an untrimmed name makes are removed by the length filter
  const words = full.trim().split(/\s+/).filter((w) => w.length > 0);
  // Stryker disable next-line ConditionalExpression: equivalent for false, with no words both name parts are undefined anyway
  if (words.length === 0) return undefined;
  if (part === 'first') return words[0];
  return words.length > 1 ? words.slice(1).join(' ') : undefined;
}
