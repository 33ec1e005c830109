import { readFileSync } from 'node:fs';
import { PIPELINE_FUNCTIONS, type FunctionName } from '../functions/shared/routes.ts';
import { PIPELINE_ASL_PATH } from './project-paths.ts';

/**
 * The one state machine definition (statemachines/pipeline.asl.json) and its `${Placeholder}`
 * substitutions, for the CDK app (which hands them to Step Functions) and the local stack
 * (which substitutes them itself): both refuse a placeholder that names no function.
 */
export function readPipelineAsl(): string {
  return readFileSync(PIPELINE_ASL_PATH, 'utf8');
}

/** Each placeholder of PIPELINE_FUNCTIONS mapped to the ARN of its function. */
export function pipelineSubstitutions(arnOf: (fn: FunctionName) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(PIPELINE_FUNCTIONS).map(([placeholder, fn]) => [placeholder, arnOf(fn)]));
}

/** Every ${Placeholder} in the ASL must have a substitution, or the deployed definition is broken. */
export function assertPlaceholdersCovered(asl: string, substitutions: Record<string, string>): void {
  const missing = [...asl.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)]
    .map((m) => m[1] ?? '')
    .filter((name) => !(name in substitutions));
  if (missing.length > 0) {
    throw new Error(`statemachines/pipeline.asl.json uses placeholders with no function: ${[...new Set(missing)].join(', ')}`);
  }
}

/** The definition with every placeholder replaced, as Step Functions would run it (the local stack's interpreter). */
export function substitutePlaceholders(asl: string, substitutions: Record<string, string>): string {
  assertPlaceholdersCovered(asl, substitutions);
  return Object.entries(substitutions).reduce((definition, [placeholder, value]) => definition.replaceAll(`\${${placeholder}}`, value), asl);
}
