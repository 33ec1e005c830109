import { describe, expect, it } from 'vitest';
import { PIPELINE_FUNCTIONS } from '../../functions/shared/routes.ts';
import { assertPlaceholdersCovered, pipelineSubstitutions, readPipelineAsl, substitutePlaceholders } from '../../lib/pipeline-definition.ts';

describe('substitutePlaceholders', () => {
  it('replaces every placeholder of the pipeline ASL with the ARN of its function', () => {
    const definition = substitutePlaceholders(readPipelineAsl(), pipelineSubstitutions((fn) => `arn:local:${fn}`));
    expect(definition).not.toMatch(/\$\{[A-Za-z0-9_]+\}/);
    for (const fn of new Set(Object.values(PIPELINE_FUNCTIONS))) expect(definition).toContain(`"arn:local:${fn}"`);
    expect(() => JSON.parse(definition) as unknown).not.toThrow();
  });

  it('refuses a definition with a placeholder no function fills, naming it (the local stack checks as the CDK app does)', () => {
    const asl = JSON.stringify({ States: { A: { Resource: '${ParseFunctionArn}' }, B: { Resource: '${RenamedFunctionArn}' } } });
    expect(() => substitutePlaceholders(asl, { ParseFunctionArn: 'arn:parse' })).toThrow(/placeholders with no function: RenamedFunctionArn/);
    expect(() => assertPlaceholdersCovered(asl, { ParseFunctionArn: 'a', RenamedFunctionArn: 'b' })).not.toThrow();
  });
});
