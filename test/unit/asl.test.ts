import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

interface ValidationResult {
  isValid: boolean;
  errors: unknown[];
  errorsText: (separator?: string) => string;
}
// asl-validator 4 is CommonJS without type declarations: `module.exports = validator`.
const require = createRequire(import.meta.url);
const validateAsl = require('asl-validator') as (definition: unknown, opts?: { checkPaths?: boolean; checkArn?: boolean }) => ValidationResult;

// The same file the CDK stack embeds and the local stack interprets.
const PIPELINE_ASL_PATH = new URL('../../statemachines/pipeline.asl.json', import.meta.url);

const readAsl = (): Record<string, unknown> => JSON.parse(readFileSync(PIPELINE_ASL_PATH, 'utf8')) as Record<string, unknown>;

describe('statemachines/pipeline.asl.json', () => {
  it('is valid Amazon States Language, ${...} placeholders included', () => {
    // the validator writes defaults into what it is given, so hand it a copy
    const result = validateAsl(readAsl(), { checkPaths: true, checkArn: true });
    expect(result.errorsText(), 'asl-validator errors').toBe('');
    expect(result.isValid).toBe(true);
  });

  it('is rejected once a transition points nowhere (the validator does catch errors)', () => {
    const broken = readAsl() as { States: Record<string, Record<string, unknown>> };
    broken.States.Classify!.Next = 'NoSuchState';
    const result = validateAsl(broken, { checkPaths: true, checkArn: true });
    expect(result.isValid).toBe(false);
    expect(result.errorsText()).toMatch(/NoSuchState/);
  });
});
