import { Validations, type App } from 'aws-cdk-lib';
import { CfnStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { AwsSolutionsChecks, type IApplyRule, type NagRuleFinding } from 'cdk-nag';
import type { AppStacks } from './app-stacks.ts';

/**
 * Run the cdk-nag AwsSolutions rules on every synth (a new finding fails `cdk synth` and
 * the infra test), and acknowledge the findings we accept, each with its reason.
 */
export function applyNagChecks(app: App, stacks: AppStacks): void {
  Validations.of(app).addPlugins(new AppNagChecks(app));

  Validations.of(stacks.stateless).acknowledge(
    {
      id: 'AwsSolutions-L1',
      reason:
        'Pinned to nodejs22.x on purpose: the code is built and tested on Node 20/22 here, and the AWS SDK v3 line we use requires 22+; moving to a newer runtime is a tested upgrade, not an automatic one.',
    },
    {
      id: 'AwsSolutions-APIG4',
      reason:
        'Every route but GET /v1/health authenticates in the function: Bearer API keys stored as SHA-256 hashes, tenant-scoped, with roles and a per-key rate limit (functions/shared/http/); the WebSocket API\'s $connect has a Lambda authorizer (ws-authorizer: the API key or upload token in ?token=), whose context reaches every later route of the connection.',
    },
    {
      id: 'AwsSolutions-APIG1',
      reason:
        'WebSocket API access logs need the account-wide API Gateway CloudWatch role, which is account state this app must not own; the ws function logs every connect, message and disconnect.',
    },
    {
      id: 'AwsSolutions-SF1',
      reason:
        'The pipeline logs ERROR without execution data: inputs carry tenant file names and mappings. Each job record keeps its stage timings and { type, message, stage } error, and execution history stays in the console.',
    },
  );

  // X-Ray is a deploy option (`--context tracing=true`, lib/config.ts), so the finding arises only with it off.
  const pipeline = stacks.stateless.stateMachine.node.defaultChild as CfnStateMachine;
  const traced = (pipeline.tracingConfiguration as CfnStateMachine.TracingConfigurationProperty | undefined)?.enabled === true;
  if (!traced) {
    Validations.of(stacks.stateless.stateMachine).acknowledge({
      id: 'AwsSolutions-SF2',
      reason:
        'Tracing is off unless the deployer asks for it: the Tracer and the X-Ray SDK would load in every cold start. Each job keeps its stage timings and error, the execution history stays in the console, and the StageDuration metric and dashboard cover latency.',
    });
  }

  Validations.of(stacks.stateless.console).acknowledge(
    {
      id: 'AwsSolutions-S1',
      reason: "The console's bucket holds only the console's public build and its config.json, replaced by each deploy; CloudFront is its only reader.",
    },
    {
      id: 'AwsSolutions-CFR3',
      reason: 'The console distribution serves only public static files; what a person does is logged by the API it calls, not by these file requests.',
    },
    {
      id: 'AwsSolutions-CFR4',
      reason: "The console uses CloudFront's default *.cloudfront.net certificate, whose TLS policy AWS fixes; a custom domain with its own certificate sets TLSv1.2_2021.",
    },
    { id: 'AwsSolutions-CFR1', reason: 'The console is for every tenant, wherever they are; the API behind it authenticates every call.' },
    { id: 'AwsSolutions-CFR2', reason: 'Static files only; the API it calls has its own throttling and per-key rate limits.' },
  );
}


/**
 * IAM findings we accept, by kind, each with its reason. IAM4/IAM5 report one finding per
 * policy or wildcard, and cdk-nag matches acknowledgements only by the full finding text,
 * which embeds cross-stack tokens resolved at synth; so they are accepted here by kind.
 * A wildcard of any other kind still fails the synth.
 */
export const ACCEPTED_IAM_FINDINGS: { rule: string; pattern: RegExp; reason: string }[] = [
  {
    rule: 'AwsSolutions-IAM4',
    pattern: /AWSLambdaBasicExecutionRole$/,
    reason: 'AWSLambdaBasicExecutionRole only lets a function write its own CloudWatch logs: the AWS baseline, no data access.',
  },
  {
    rule: 'AwsSolutions-IAM5',
    pattern: /^Resource::\*$/,
    reason: 'X-Ray PutTraceSegments/PutTelemetryRecords and Step Functions log delivery have no resource-level permissions.',
  },
  { rule: 'AwsSolutions-IAM5', pattern: /\/index\/\*$/, reason: 'Queries on the GSIs of a table the function is granted (CDK table grant).' },
  {
    rule: 'AwsSolutions-IAM5',
    pattern: /^Action::s3:(GetObject|GetBucket|List|DeleteObject|Abort)\*$|UploadBucket[A-Za-z0-9]*Arn[A-Za-z0-9]*"}}\/\*$/,
    reason: 'Objects of the one upload bucket (CDK bucket grant: get/list/delete/abort for multipart uploads and job outputs).',
  },
  {
    rule: 'AwsSolutions-IAM5',
    pattern: /^Resource::<ConsoleBucket[A-Za-z0-9]*\.Arn>\/\*$|^Resource::arn:<AWS::Partition>:s3:::cdk-[a-z0-9]+-assets-<AWS::AccountId>-<AWS::Region>\/\*$/,
    reason: "The console's deployment copying its files from the CDK asset bucket into the console bucket (CDK BucketDeployment).",
  },
  { rule: 'AwsSolutions-IAM5', pattern: /\/@connections\/\*$/, reason: 'Posting to connections of this WebSocket stage; connection ids exist only at run time.' },
  { rule: 'AwsSolutions-IAM5', pattern: /:execution:.*:\*$/, reason: 'Executions of this one state machine, each named after its job at run time.' },
  {
    rule: 'AwsSolutions-IAM5',
    pattern: /:execution:[^:]+-pipeline\/\*$/,
    reason: "The pipeline's distributed Map describing and stopping its own child executions (one per chunk, named at run time).",
  },
  {
    rule: 'AwsSolutions-IAM5',
    pattern: /^Resource::<[A-Za-z0-9]+Function[A-Za-z0-9]+\.Arn>:\*$/,
    reason: "The state machine invoking a pipeline function's versions and aliases (CDK grantInvoke).",
  },
];

class AppNagChecks extends AwsSolutionsChecks {
  protected override applyRule(params: IApplyRule): void {
    const ruleId = `AwsSolutions-${params.ruleSuffixOverride ?? params.rule.name}`;
    const accepted = ACCEPTED_IAM_FINDINGS.filter((a) => a.rule === ruleId);
    if (accepted.length === 0) return super.applyRule(params);
    const original = params.rule;
    const filtered = Object.defineProperty(
      (node: Parameters<typeof original>[0]) => {
        const result = original(node);
        if (!Array.isArray(result)) return result;
        return (result as NagRuleFinding[]).filter((finding) => !accepted.some((a) => a.pattern.test(finding)));
      },
      'name',
      { value: original.name },
    );
    super.applyRule({ ...params, rule: filtered });
  }
}
