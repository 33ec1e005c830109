import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { addStacks } from '../../lib/app-stacks.ts';
import { PROJECT_ROOT } from '../../lib/project-paths.ts';

/*
 * The web console on AWS, read from the stateless stack's template: a private bucket that only
 * the CloudFront distribution reads (origin access control), and a config.json deployed beside
 * the assets with the URLs of this stack's own HTTP and WebSocket APIs.
 */

let template: Template;
let json: { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>; Outputs?: Record<string, { Value: unknown }> };

function only(type: string): [string, Record<string, unknown>] {
  const found = Object.entries(json.Resources).filter(([, r]) => r.Type === type);
  expect(found, type).toHaveLength(1);
  return [found[0]![0], found[0]![1].Properties ?? {}];
}

beforeAll(() => {
  const cdkJson = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  // Bundling skipped, as in stacks.test.ts: no function bundles and no console build here.
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
  const { stateless } = addStacks(app, { stage: 'test', allowedOrigins: ['https://app.example.com'] });
  template = Template.fromStack(stateless);
  json = template.toJSON() as typeof json;
}, 180_000);

describe('the console site', () => {
  it('keeps its bucket private: every public access blocked, TLS only', () => {
    const [bucketId] = only('AWS::S3::Bucket');
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
    // The bucket policy lets only CloudFront read, and only for this distribution.
    const [, policy] = only('AWS::S3::BucketPolicy');
    expect(policy.Bucket).toEqual({ Ref: bucketId });
    const statements = (policy.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement;
    const allows = statements.filter((s) => s.Effect === 'Allow');
    const reads = allows.filter((s) => JSON.stringify(s.Action).includes('s3:GetObject'));
    expect(reads).toHaveLength(1);
    expect(reads[0]!.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
    expect(JSON.stringify(reads[0]!.Condition)).toContain('AWS:SourceArn');
    for (const s of allows) expect(s.Principal).not.toEqual('*');
    expect(statements.some((s) => s.Effect === 'Deny' && JSON.stringify(s.Condition).includes('aws:SecureTransport'))).toBe(true);
  });

  it('serves it through CloudFront with origin access control, HTTPS only, index.html at the root', () => {
    const [oacId] = only('AWS::CloudFront::OriginAccessControl');
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
    const [, distribution] = only('AWS::CloudFront::Distribution');
    const config = distribution.DistributionConfig as Record<string, unknown>;
    expect(config.DefaultRootObject).toBe('index.html');
    const origins = config.Origins as Record<string, unknown>[];
    expect(origins).toHaveLength(1);
    expect(origins[0]!.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oacId, 'Id'] });
    // no legacy origin access identity beside it
    expect(Object.values(json.Resources).some((r) => r.Type === 'AWS::CloudFront::CloudFrontOriginAccessIdentity')).toBe(false);
    expect((config.DefaultCacheBehavior as Record<string, unknown>).ViewerProtocolPolicy).toBe('redirect-to-https');
  });

  it('sends a Content Security Policy that lets the page call only its APIs and the upload bucket', () => {
    const policies = Object.values(json.Resources).filter((r) => r.Type === 'AWS::CloudFront::ResponseHeadersPolicy');
    expect(policies.length).toBeGreaterThan(0);
    for (const policy of policies) {
      const csp = JSON.stringify((policy.Properties!.ResponseHeadersPolicyConfig as Record<string, unknown>).SecurityHeadersConfig);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toMatch(/connect-src 'self' /);
      expect(csp).toContain('HttpApi');
      expect(csp).toContain('WebSocketApi');
    }
  });

  it("deploys the built assets and a config.json holding this stack's API and WebSocket URLs", () => {
    const [, deployment] = only('Custom::CDKBucketDeployment');
    const [bucketId] = only('AWS::S3::Bucket');
    expect(deployment.DestinationBucketName).toEqual({ Ref: bucketId });
    // two sources: the console's build and the generated config.json
    expect(deployment.SourceObjectKeys).toHaveLength(2);
    const markers = JSON.stringify(deployment.SourceMarkers);
    const httpApiId = Object.entries(json.Resources).find(([, r]) => r.Type === 'AWS::ApiGatewayV2::Api' && r.Properties?.ProtocolType === 'HTTP')![0];
    const wsApiId = Object.entries(json.Resources).find(([, r]) => r.Type === 'AWS::ApiGatewayV2::Api' && r.Properties?.ProtocolType === 'WEBSOCKET')![0];
    // config.json's two values are filled in at deploy from these (the JSON itself holds markers)
    expect(markers).toContain(`{"Fn::GetAtt":["${httpApiId}","ApiEndpoint"]}`);
    expect(markers).toContain(`{"Ref":"${wsApiId}"}`);
    // the new config.json reaches viewers at once: the deploy invalidates it
    expect(JSON.stringify(deployment.DistributionPaths)).toContain('/config.json');
  });

  it('prints its URL on deploy', () => {
    const [distributionId] = only('AWS::CloudFront::Distribution');
    template.hasOutput('*', {
      Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, '/']] },
      Description: Match.stringLikeRegexp('console'),
    });
  });
});
