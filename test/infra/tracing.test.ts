import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { AppFunction } from '../../lib/constructs/app-function.ts';

/** One function in a stack of its own, bundling skipped (the template is what is checked). */
function synthFunction(tracing: boolean | undefined) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'Tracing');
  new AppFunction(stack, 'Health', { fn: 'api-health', namePrefix: 'afp-test', timeout: Duration.seconds(5), memorySize: 256, ...(tracing === undefined ? {} : { tracing }) });
  const template = Template.fromStack(stack);
  const [fn] = Object.values(template.findResources('AWS::Lambda::Function')) as { Properties: { TracingConfig?: unknown; Environment?: { Variables?: Record<string, string> } } }[];
  const policies = JSON.stringify(template.findResources('AWS::IAM::Policy'));
  return { props: fn!.Properties, policies };
}

describe('X-Ray tracing, a deploy option', () => {
  it('is off by default: no active tracing, no X-Ray permissions, and nothing tells the handlers to load the Tracer', () => {
    const { props, policies } = synthFunction(undefined);
    expect(props.TracingConfig).toBeUndefined();
    expect(props.Environment?.Variables?.POWERTOOLS_TRACE_ENABLED).toBeUndefined();
    expect(policies).not.toContain('xray:PutTraceSegments');
  });

  it('turned on, traces the function actively, lets it send segments and makes its handlers load the Tracer', () => {
    const { props, policies } = synthFunction(true);
    expect(props.TracingConfig).toEqual({ Mode: 'Active' });
    expect(props.Environment?.Variables?.POWERTOOLS_TRACE_ENABLED).toBe('true');
    expect(policies).toContain('xray:PutTraceSegments');
  });
});
