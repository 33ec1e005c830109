import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { addStacks } from '../../lib/app-stacks.ts';
import { PROJECT_ROOT } from '../../lib/project-paths.ts';
import { MAX_RETENTION_DAYS } from '../../functions/core/retention/retention.ts';

// One synth for the file, without bundling (as stacks.test.ts: the template differs only in asset hashes).
let stateful: Template;
let stateless: Template;

beforeAll(() => {
  const cdkJson = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
  const stacks = addStacks(app, { stage: 'test', allowedOrigins: ['https://app.example.com'] });
  stateful = Template.fromStack(stacks.stateful);
  stateless = Template.fromStack(stacks.stateless);
});

const sweepFunctionId = () => {
  const found = Object.entries(stateless.findResources('AWS::Lambda::Function')).find(([, r]) =>
    String((r as { Properties?: { Description?: string } }).Properties?.Description ?? '').includes('past their retention'),
  );
  expect(found, 'the retention-sweep function').toBeDefined();
  return found![0];
};

describe('retention on AWS', () => {
  it('gives job records a TTL attribute, which the sweep and every reader also check', () => {
    stateful.hasResourceProperties('AWS::DynamoDB::Table', {
      TableName: 'ai-file-parser-test-jobs',
      TimeToLiveSpecification: { AttributeName: 'expiresAtEpoch', Enabled: true },
    });
  });

  it('runs the retention sweep every hour', () => {
    stateless.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 hour)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [sweepFunctionId(), 'Arn'] } })],
    });
  });

  it('lets the sweep delete objects in the upload bucket and write the jobs and quotas tables', () => {
    const fn = stateless.findResources('AWS::Lambda::Function')[sweepFunctionId()] as { Properties: { Role: { 'Fn::GetAtt': [string, string] }; Environment: { Variables: Record<string, unknown> } } };
    expect(Object.keys(fn.Properties.Environment.Variables)).toEqual(expect.arrayContaining(['JOBS_TABLE', 'QUOTAS_TABLE', 'UPLOAD_BUCKET']));
    const roleId = fn.Properties.Role['Fn::GetAtt'][0];
    const policies = Object.values(stateless.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify((p as { Properties: { Roles: unknown } }).Properties.Roles).includes(roleId),
    );
    const actions = JSON.stringify(policies);
    expect(actions).toContain('s3:DeleteObject');
    expect(actions).toContain('dynamodb:DeleteItem');
  });

  it('expires uploads, inbox files and job outputs one day after the longest retention, as a backstop to the sweep', () => {
    const rules = Object.values(stateful.findResources('AWS::S3::Bucket'))
      .flatMap((b) => ((b as { Properties: { LifecycleConfiguration?: { Rules: { Prefix?: string; ExpirationInDays?: number; Status: string }[] } } }).Properties.LifecycleConfiguration?.Rules ?? []));
    for (const prefix of ['uploads/', 'inbox/', 'jobs/']) {
      expect(rules).toContainEqual(expect.objectContaining({ Prefix: prefix, ExpirationInDays: MAX_RETENTION_DAYS + 1, Status: 'Enabled' }));
    }
  });
});
