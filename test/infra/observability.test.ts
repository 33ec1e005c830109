import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { addStacks } from '../../lib/app-stacks.ts';
import { PROJECT_ROOT } from '../../lib/project-paths.ts';
import { METRIC, METRICS_NAMESPACE, PIPELINE_STAGES } from '../../functions/shared/metric-names.ts';
import { FUNCTION_NAMES } from '../../functions/shared/routes.ts';

// One synth for the file, without bundling (as stacks.test.ts: the template differs only in asset hashes).
let stateful: Template;
let stateless: Template;

beforeAll(() => {
  const cdkJson = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
  const stacks = addStacks(app, { stage: 'test', allowedOrigins: ['https://app.example.com'], alarmEmail: 'oncall@example.com' });
  stateful = Template.fromStack(stacks.stateful);
  stateless = Template.fromStack(stacks.stateless);
});

/** The dashboard's body: CloudFormation gets it as a Fn::Join of strings and references. */
function dashboardBody(): { widgets: { properties: { title?: string; metrics?: unknown[][]; alarms?: unknown[] } }[] } {
  const dashboards = Object.values(stateless.findResources('AWS::CloudWatch::Dashboard'));
  expect(dashboards).toHaveLength(1);
  const body = (dashboards[0] as { Properties: { DashboardBody: unknown } }).Properties.DashboardBody;
  // references become placeholders: enough to read the structure
  const parts = (body as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
  const text = parts.map((p) => (typeof p === 'string' ? p : 'REF')).join('');
  return JSON.parse(text) as ReturnType<typeof dashboardBody>;
}

const widgetTitled = (title: string) => {
  const widget = dashboardBody().widgets.find((w) => w.properties.title === title);
  expect(widget, title).toBeDefined();
  return widget!.properties;
};

interface DashboardMetric {
  namespace: string;
  name: string;
  dims: Record<string, string>;
  options: { stat?: string; label?: string };
}

/** A graph's metrics, read from CloudWatch's array form [namespace, name, dim, value, ..., { options }]. */
function metricsOf(title: string): DashboardMetric[] {
  return (widgetTitled(title).metrics ?? []).map((row) => {
    const options = (typeof row.at(-1) === 'object' ? row.at(-1) : {}) as DashboardMetric['options'];
    const [namespace, name, ...pairs] = row.filter((x) => typeof x === 'string') as string[];
    const dims: Record<string, string> = {};
    for (let i = 0; i + 1 < pairs.length; i += 2) dims[pairs[i]!] = pairs[i + 1]!;
    return { namespace: namespace!, name: name!, dims, options };
  });
}

describe('alarms', () => {
  it('alarms on the job failure rate: failed / (failed + succeeded) of the JobsFinished metric over 15 minutes, to the alarm topic', () => {
    const alarms = stateless.findResources('AWS::CloudWatch::Alarm', { Properties: { AlarmDescription: Match.stringLikeRegexp('of the jobs that ended in 15 minutes failed') } });
    const [alarm, ...others] = Object.values(alarms) as { Properties: Record<string, unknown> }[];
    expect(others).toEqual([]);
    expect(alarm!.Properties).toMatchObject({ Threshold: 20, ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 1, TreatMissingData: 'notBreaching', AlarmActions: [expect.anything()] });
    const queries = alarm!.Properties.Metrics as { Id: string; Expression?: string; MetricStat?: { Metric: { Namespace: string; MetricName: string; Dimensions: { Name: string; Value: string }[] }; Period: number; Stat: string } }[];
    const expression = queries.find((q) => q.Expression?.startsWith('IF('));
    expect(expression?.Expression).toMatch(/100 \* failed \/ \(failed \+ succeeded\)/);
    const stats = queries.flatMap((q) => (q.MetricStat ? [q.MetricStat] : []));
    expect(stats.map((s) => ({ ns: s.Metric.Namespace, name: s.Metric.MetricName, outcome: s.Metric.Dimensions.find((d) => d.Name === 'outcome')?.Value, period: s.Period, stat: s.Stat })).sort((a, b) => String(a.outcome).localeCompare(String(b.outcome)))).toEqual([
      { ns: METRICS_NAMESPACE, name: METRIC.jobsFinished, outcome: 'failed', period: 900, stat: 'Sum' },
      { ns: METRICS_NAMESPACE, name: METRIC.jobsFinished, outcome: 'succeeded', period: 900, stat: 'Sum' },
    ]);
  });

  it('keeps the alarm on any message in the webhooks dead-letter queue', () => {
    stateful.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmDescription: Match.stringLikeRegexp('webhooks dead-letter queue'),
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [Match.anyValue()],
    });
  });

  it('mails the alarm topic to the address given as alarmEmail', () => {
    stateful.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'oncall@example.com', TopicArn: { Ref: Match.stringLikeRegexp('AlarmTopic') } });
  });
});

describe('the operations dashboard', () => {
  it('is named after the stage', () => {
    stateless.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'ai-file-parser-test-operations' });
  });

  it('draws jobs by outcome, rows, every stage\'s p50 and p95, webhook outcomes, AI calls, DLQ depths, Lambda errors and throttles', () => {
    const jobs = metricsOf('Jobs by outcome');
    expect(jobs.map((m) => [m.namespace, m.name, m.dims.service, m.dims.outcome])).toEqual(
      ['succeeded', 'failed', 'needs_mapping', 'cancelled'].map((o) => [METRICS_NAMESPACE, METRIC.jobsFinished, 'ai-file-parser', o]),
    );
    expect(metricsOf('Rows').map((m) => m.name)).toEqual([METRIC.rowsRead, METRIC.rowsWritten, METRIC.rowsRejected]);
    for (const p of ['p50', 'p95']) {
      const stages = metricsOf(`Stage duration ${p} (ms)`);
      expect(stages.map((m) => [m.name, m.dims.stage, m.options.stat])).toEqual(PIPELINE_STAGES.map((stage) => [METRIC.stageDuration, stage, p]));
    }
    expect(metricsOf('Webhook attempts by outcome').map((m) => `${m.name} ${m.dims.outcome ?? ''}`.trim())).toEqual([
      'WebhookAttempts delivered',
      'WebhookAttempts failed',
      'WebhookAttempts gone',
      'WebhookDeliveriesExhausted',
    ]);
    expect(metricsOf('AI calls').map((m) => m.name)).toEqual([METRIC.aiCalls, METRIC.aiCallFailures]);
    const dlqs = metricsOf('Dead-letter queues (messages)');
    expect(dlqs.map((m) => [m.namespace, m.name, m.options.label])).toEqual(['events', 'webhooks', 'progress'].map((q) => ['AWS/SQS', 'ApproximateNumberOfMessagesVisible', q]));
    // one line per function of the app (not CDK's own helper functions)
    const functionCount = FUNCTION_NAMES.length;
    for (const [title, name] of [['Lambda errors', 'Errors'], ['Lambda throttles', 'Throttles']] as const) {
      const fns = metricsOf(title);
      expect(fns.map((m) => m.options.label).sort(), title).toEqual([...FUNCTION_NAMES].sort());
      expect(fns.every((m) => m.namespace === 'AWS/Lambda' && m.name === name), title).toBe(true);
      expect(fns, title).toHaveLength(functionCount);
    }
    expect(metricsOf('Cold starts').filter((m) => m.name === METRIC.coldStart)).toHaveLength(functionCount);
    expect(widgetTitled('Alarms').alarms).toHaveLength(2);
  });
});
