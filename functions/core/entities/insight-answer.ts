import * as z from 'zod/mini';
import '../zod-mini.ts';
import { extractJson } from '../ai/parse-answer.ts';
import { INSIGHT_INDUSTRIES, type AccountInsight } from './insights.ts';

/*
 * Reading Claude's answer for a batch of account insights. Apart from insights.ts (the content,
 * its hash and the prompt), so what only a generation needs (zod and the answer's schema) is
 * loaded with the AI client on the first call (adapters/insight-ai.ts), not by every function
 * that shows or stores insights.
 */

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
