/*
 * What generating account insights loads on first use (account-insights.ts), in one import():
 * the AI client (with the mapping's prompts, the value-map words and call codes) and the reader
 * of the insights' answer (zod and its schema). One module and not two, so the code they share
 * with what a function loads at init does not become more small chunks read at init, one file
 * each (the same reason as accounts-store-modules.ts).
 */
export { AI_MODEL, AiCallError, callClaude } from './ai-client.ts';
export { parseInsightAnswer } from '../core/entities/insight-answer.ts';
