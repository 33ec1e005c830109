import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { addStacks } from '../../lib/app-stacks.ts';
import { applyNagChecks } from '../../lib/nag.ts';
import { PROJECT_ROOT } from '../../lib/constructs/app-function.ts';

function newApp(): App {
  const cdkJson = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  return new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
}

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing unacknowledged in either stack (one synth)', () => {
    const app = newApp();
    applyNagChecks(app, addStacks(app, { stage: 'test', allowedOrigins: ['https://app.example.com'] }));
    // A finding makes synth throw with the policy validation report.
    expect(() => app.synth()).not.toThrow();
    // ~40 s alone for 19 functions on two cores, more beside other test files
  }, 180_000);

  it('is live: without the acknowledgements the same app fails to synth', () => {
    const app = newApp();
    addStacks(app, { stage: 'test', allowedOrigins: ['https://app.example.com'] });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).toThrow(/AwsSolutions-APIG4/);
  });
});
