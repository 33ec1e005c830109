import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { addStacks } from '../../lib/app-stacks.ts';
import { applyNagChecks } from '../../lib/nag.ts';
import { PROJECT_ROOT } from '../../lib/project-paths.ts';

function newApp(): App {
  const cdkJson = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  return new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
}

// A synth with every rule is ~15 s of CPU; on two cores shared with other test runs it has
// taken 77 s, past the default 60 s test timeout.
const SYNTH_TIMEOUT_MS = 180_000;

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing unacknowledged in either stack (one synth)', { timeout: SYNTH_TIMEOUT_MS }, () => {
    const app = newApp();
    applyNagChecks(app, addStacks(app, { stage: 'test', allowedOrigins: ['https://app.example.com'] }));
    // A finding makes synth throw with the policy validation report.
    // ~40 s alone for 19 functions on two cores, more beside other test files
    expect(() => app.synth()).not.toThrow();
  });

  it('is live: without the acknowledgements the same app fails to synth', { timeout: SYNTH_TIMEOUT_MS }, () => {
    const app = newApp();
    addStacks(app, { stage: 'test', allowedOrigins: ['https://app.example.com'] });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).toThrow(/AwsSolutions-APIG4/);
  });
});
