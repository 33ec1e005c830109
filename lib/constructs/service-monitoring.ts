import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  Stats,
  TreatMissingData,
  type IAlarm,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { DIMENSION, JOB_OUTCOMES, METRIC, METRICS_NAMESPACE, METRICS_SERVICE, PIPELINE_STAGES, WEBHOOK_ATTEMPT_OUTCOMES, type MetricName } from '../../functions/shared/metric-names.ts';

export interface ServiceMonitoringProps {
  /** e.g. "ai-file-parser-prod": the dashboard's name */
  prefix: string;
  /** every function, by its name in the FUNCTIONS table */
  functions: Readonly<Record<string, IFunction>>;
  stateMachine: IStateMachine;
  /** dead-letter queues by what they hold, drawn on the dashboard (each already has its own alarm) */
  deadLetterQueues: Readonly<Record<string, IQueue>>;
  /** where the alarms go */
  alarmTopic: ITopic;
  /** the stack's other alarms, shown with this one on the dashboard */
  otherAlarms?: IAlarm[];
  /** @default 20: the job failure rate (percent over 15 minutes) that alarms */
  jobFailureRatePercent?: number;
  /** @default 5: fewer finished jobs in the window than this never alarm (one bad file of two is not an outage) */
  jobFailureMinJobs?: number;
}

/** The window of the failure-rate alarm: long enough to hold a few jobs, short enough to page in time. */
const FAILURE_WINDOW = Duration.minutes(15);
const GRAPH_PERIOD = Duration.minutes(5);

/** One of the service's own metrics (functions/shared/metric-names.ts), with Powertools' service dimension. */
function serviceMetric(name: MetricName, statistic: string, dimensions: Record<string, string> = {}, period = GRAPH_PERIOD, label?: string): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: name,
    dimensionsMap: { service: METRICS_SERVICE, ...dimensions },
    statistic,
    period,
    ...(label === undefined ? {} : { label }),
  });
}

const jobsFinished = (outcome: (typeof JOB_OUTCOMES)[number], period = GRAPH_PERIOD) =>
  serviceMetric(METRIC.jobsFinished, Stats.SUM, { [DIMENSION.outcome]: outcome }, period, outcome);

/**
 * The failed share of the jobs that ended (succeeded or failed; a job parked for its mapping
 * or cancelled has not failed), in percent; 0 while fewer than `minJobs` ended, so a quiet
 * hour's one bad file does not page anyone. FILL: an outcome with no job in the window has
 * no datapoint, which would otherwise blank the whole expression.
 */
export function jobFailureRate(period: Duration, minJobs: number): MathExpression {
  const failed = new MathExpression({ expression: 'FILL(mFailed, 0)', usingMetrics: { mFailed: jobsFinished('failed', period) }, period });
  const succeeded = new MathExpression({ expression: 'FILL(mSucceeded, 0)', usingMetrics: { mSucceeded: jobsFinished('succeeded', period) }, period });
  return new MathExpression({
    expression: `IF(failed + succeeded >= ${minJobs}, 100 * failed / (failed + succeeded), 0)`,
    usingMetrics: { failed, succeeded },
    period,
    label: 'job failure rate (%)',
  });
}

/**
 * What an operator watches: the alarm on the job failure rate (from the JobsFinished metric
 * the functions emit) and one dashboard of jobs, rows, stage durations, webhooks, AI calls,
 * dead-letter queues and the functions' errors and throttles.
 */
export class ServiceMonitoring extends Construct {
  readonly jobFailureRateAlarm: Alarm;
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: ServiceMonitoringProps) {
    super(scope, id);
    const threshold = props.jobFailureRatePercent ?? 20;
    const minJobs = props.jobFailureMinJobs ?? 5;

    this.jobFailureRateAlarm = new Alarm(this, 'JobFailureRateAlarm', {
      alarmDescription: `More than ${threshold}% of the jobs that ended in 15 minutes failed (at least ${minJobs} ended). Bad files fail jobs too: look at the failed jobs' error types first (logs: "job failed").`,
      metric: jobFailureRate(FAILURE_WINDOW, minJobs),
      threshold,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.jobFailureRateAlarm.addAlarmAction(new SnsAction(props.alarmTopic));

    const functions = Object.entries(props.functions);
    const perFunction = (metric: (fn: IFunction) => Metric) => functions.map(([name, fn]) => metric(fn).with({ label: name, period: GRAPH_PERIOD }));
    const graph = (title: string, left: IMetric[], extra: { stacked?: boolean; right?: IMetric[]; width?: number } = {}) =>
      new GraphWidget({ title, left, right: extra.right ?? [], stacked: extra.stacked ?? false, width: extra.width ?? 8, height: 6 });

    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: `${props.prefix}-operations`, defaultInterval: Duration.hours(3) });
    this.dashboard.addWidgets(
      graph('Jobs by outcome', JOB_OUTCOMES.map((o) => jobsFinished(o)), { stacked: true }),
      graph('Job failure rate (%)', [jobFailureRate(GRAPH_PERIOD, minJobs)]),
      graph('Rows', [
        serviceMetric(METRIC.rowsRead, Stats.SUM, {}, GRAPH_PERIOD, 'read'),
        serviceMetric(METRIC.rowsWritten, Stats.SUM, {}, GRAPH_PERIOD, 'written'),
        serviceMetric(METRIC.rowsRejected, Stats.SUM, {}, GRAPH_PERIOD, 'rejected'),
      ]),
    );
    this.dashboard.addWidgets(
      ...(['p50', 'p95'] as const).map((p) =>
        graph(
          `Stage duration ${p} (ms)`,
          PIPELINE_STAGES.map((stage) => serviceMetric(METRIC.stageDuration, p, { [DIMENSION.stage]: stage }, GRAPH_PERIOD, stage)),
          { width: 12 },
        ),
      ),
    );
    this.dashboard.addWidgets(
      graph('Webhook attempts by outcome', WEBHOOK_ATTEMPT_OUTCOMES.map((o) => serviceMetric(METRIC.webhookAttempts, Stats.SUM, { [DIMENSION.outcome]: o }, GRAPH_PERIOD, o)), {
        stacked: true,
        right: [serviceMetric(METRIC.webhookDeliveriesExhausted, Stats.SUM, {}, GRAPH_PERIOD, 'exhausted (to the DLQ)')],
      }),
      graph('AI calls', [serviceMetric(METRIC.aiCalls, Stats.SUM, {}, GRAPH_PERIOD, 'calls'), serviceMetric(METRIC.aiCallFailures, Stats.SUM, {}, GRAPH_PERIOD, 'failed')]),
      graph(
        'Dead-letter queues (messages)',
        Object.entries(props.deadLetterQueues).map(([name, q]) => q.metricApproximateNumberOfMessagesVisible({ statistic: Stats.MAXIMUM, period: Duration.minutes(1), label: name })),
      ),
    );
    this.dashboard.addWidgets(
      graph('Lambda errors', perFunction((fn) => fn.metricErrors({ statistic: Stats.SUM }))),
      graph('Lambda throttles', perFunction((fn) => fn.metricThrottles({ statistic: Stats.SUM }))),
      graph('Cold starts', perFunction((fn) => serviceMetric(METRIC.coldStart, Stats.SUM, { [DIMENSION.functionName]: fn.functionName })), {
        right: [props.stateMachine.metricFailed({ statistic: Stats.SUM, period: GRAPH_PERIOD, label: 'pipeline executions failed' })],
      }),
    );
    this.dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: [this.jobFailureRateAlarm, ...(props.otherAlarms ?? [])], width: 24, height: 3 }));
  }
}
