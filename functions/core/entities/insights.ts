import { createHash } from 'node:crypto';
import { toApiAccount } from './api-shape.ts';
import type { Account } from './model.ts';

/** The industries Claude normalises an account's industry to (a fixed list, so facets stay few). */
export const INSIGHT_INDUSTRIES = [
  'Software & Internet', 'IT Services', 'Telecommunications', 'Banking & Financial Services', 'Insurance', 'Healthcare',
  'Pharma & Biotech', 'Manufacturing', 'Automotive', 'Energy & Utilities', 'Retail & E-commerce', 'Consumer Goods',
  'Food & Beverage', 'Hospitality & Travel', 'Transportation & Logistics', 'Real Estate & Construction',
  'Media & Entertainment', 'Education', 'Government & Public Sector', 'Non-profit', 'Professional Services',
  'Agriculture', 'Other',
] as const;

/** At most this many accounts go into one call. */
export const INSIGHT_BATCH = 20;

export interface AccountInsight {
  summary: string;
  industry: (typeof INSIGHT_INDUSTRIES)[number];
  /** 0-100 against the tenant's ideal-customer description; null without one */
  fitScore: number | null;
  fitReason: string | null;
}

/** What an insight is computed from: the same content (and ICP) never costs a second call. */
export function insightContent(a: Account) {
  const { name, domain, industry, employees, annualRevenue, country, city, technologies } = toApiAccount(a);
  return { name, domain, industry, employees, annualRevenue, country, city, technologies: [...technologies].sort() };
}

export function insightHash(a: Account, icp: string | undefined, model: string): string {
  return createHash('sha256').update(JSON.stringify([insightContent(a), icp ?? null, model])).digest('base64url').slice(0, 32);
}

/** The prompt for one batch. Only the account facts above leave the service, never contacts. */
export function buildInsightPrompt(accounts: readonly Account[], icp: string | undefined): { system: string; user: string } {
  const system = [
    'You are a B2B sales analyst. For each account you get, answer with JSON only:',
    '{"accounts":[{"id":"<the id given>","summary":"<exactly two sentences about what the company does and its scale>",',
    `"industry":"<one of: ${INSIGHT_INDUSTRIES.join(' | ')}>",`,
    icp
      ? '"fitScore":<integer 0-100: how well it matches the ideal customer>,"fitReason":"<one line: why>"}]}'
      : '"fitScore":null,"fitReason":null}]}',
    'Use only the facts given and general knowledge of the company; do not invent numbers.',
  ].join('\n');
  const facts = accounts.map((a, i) => ({ id: `a${i + 1}`, ...insightContent(a) }));
  const user = `${icp ? `Ideal customer: ${icp}\n\n` : ''}Accounts:\n${JSON.stringify(facts)}`;
  return { system, user };
}
