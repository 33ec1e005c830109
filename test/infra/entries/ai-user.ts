/*
 * An entry for test/infra/lazy-packages.test.ts, bundled as a Lambda is: the AI client, which
 * loads the Anthropic SDK with `import()` on its first call to Claude.
 */
export { callClaude } from '../../../functions/adapters/ai-client.ts';
