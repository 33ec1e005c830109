import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import '../zod-mini.ts';
import { extractJson } from '../ai/parse-answer.ts';
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

const answerSchema = z.object({
  accounts: z.array(
    z.object({
      id: z.string(),
      summary: z.string().check(z.minLength(1), z.maxLength(1000)),
      industry: z.string(),
      fitScore: z.optional(z.nullable(z.number().check(z.minimum(0), z.maximum(100)))),
      fitReason: z.optional(z.nullable(z.string().check(z.maxLength(500)))),
    }),
  ),
});

/**
 * Read a batch's answer: one insight per account index it covers (an industry outside the
 * list becomes "Other"). Undefined when the answer is no such JSON at all.
 */
export function parseInsightAnswer(text: string, count: number, withIcp: boolean): Map<number, AccountInsight> | undefined {
  const parsed = answerSchema.safeParse(extractJson(text));
  if (!parsed.success) return undefined;
  const out = new Map<number, AccountInsight>();
  for (const entry of parsed.data.accounts) {
    const index = Number(/^a(\d+)$/.exec(entry.id)?.[1] ?? 0) - 1;
    if (index < 0 || index >= count || out.has(index)) continue;
    const industry = INSIGHT_INDUSTRIES.find((i) => i.toLowerCase() === entry.industry.trim().toLowerCase()) ?? 'Other';
    const score = withIcp && typeof entry.fitScore === 'number' ? Math.round(entry.fitScore) : null;
    out.set(index, { summary: entry.summary.trim(), industry, fitScore: score, fitReason: score === null ? null : (entry.fitReason?.trim() ?? null) });
  }
  return out;
}
