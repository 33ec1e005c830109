import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { CfnOutput, DockerImage, Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AllowedMethods,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { consoleContentSecurityPolicy } from '../console-csp.ts';
import { PROJECT_ROOT } from '../project-paths.ts';

export interface ConsoleSiteProps {
  /** the HTTP API's base URL, without a trailing slash or /v1 (the console appends the paths) */
  apiUrl: string;
  /** the WebSocket stage's wss:// URL */
  wsUrl: string;
  /** the bucket presigned uploads go to: the page's Content Security Policy lets it be called */
  uploadBucket: IBucket;
}

/** What the console reads at startup, the same shape `serve` answers locally. */
export const CONSOLE_CONFIG_FILE = 'config.json';

const CONSOLE_SOURCES = join(PROJECT_ROOT, 'console');

/**
 * The web console on AWS: its built files in a private bucket that only this CloudFront
 * distribution may read (origin access control), and a config.json written at deploy with
 * the API's and the WebSocket's URLs, which CloudFormation knows only then.
 */
export class ConsoleSite extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** https://<distribution domain>/ */
  readonly url: string;

  constructor(scope: Construct, id: string, props: ConsoleSiteProps) {
    super(scope, id);

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // Only build output lives here, rebuilt by every deploy: nothing to keep.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const security = {
      contentSecurityPolicy: {
        contentSecurityPolicy: contentSecurityPolicy(props),
        override: true,
      },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
    };
    const pageHeaders = new ResponseHeadersPolicy(this, 'PageHeaders', {
      comment: 'ai-file-parser console: CSP and security headers',
      securityHeadersBehavior: security,
    });
    // Scripts and styles are public: any web app's page may load the embeddable importer
    // (a module script, fetched with CORS), as `serve` answers them locally.
    const assetHeaders = new ResponseHeadersPolicy(this, 'AssetHeaders', {
      comment: 'ai-file-parser console assets: security headers, readable from any origin',
      securityHeadersBehavior: security,
      corsBehavior: {
        accessControlAllowOrigins: ['*'],
        accessControlAllowMethods: ['GET', 'HEAD'],
        accessControlAllowHeaders: ['*'],
        accessControlAllowCredentials: false,
        originOverride: true,
      },
    });

    const origin = S3BucketOrigin.withOriginAccessControl(this.bucket);
    const behavior = (responseHeadersPolicy: ResponseHeadersPolicy): BehaviorOptions => ({
      origin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      responseHeadersPolicy,
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'ai-file-parser web console',
      defaultRootObject: 'index.html',
      defaultBehavior: behavior(pageHeaders),
      additionalBehaviors: { '*.js': behavior(assetHeaders), '*.css': behavior(assetHeaders) },
    });
    this.url = `https://${this.distribution.distributionDomainName}/`;

    new BucketDeployment(this, 'Deployment', {
      destinationBucket: this.bucket,
      sources: [consoleAssets(), Source.jsonData(CONSOLE_CONFIG_FILE, { apiUrl: props.apiUrl, wsUrl: props.wsUrl })],
      // index.html and config.json must be fetched fresh; hashed assets are immutable by name,
      // and CloudFront caches them after the first request anyway.
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/index.html', `/${CONSOLE_CONFIG_FILE}`, '/importer-sample.html', '/afp-importer.js'],
      memoryLimit: 512,
    });

    new CfnOutput(this, 'Url', { value: this.url, description: 'Web console URL (sign in with an API key)' });
  }
}

/**
 * console/dist as an asset, built at synth by the same recipe `serve` uses (local/console-build.ts:
 * Vite, offline, ~10 s, skipped when a build of the current sources is already there). It is
 * CDK's local bundling, so `cdk synth` builds it before the asset is staged, and the infra
 * tests, which skip bundling, need no build. No Docker: the image is never pulled.
 */
function consoleAssets() {
  return Source.asset(CONSOLE_SOURCES, {
    exclude: ['dist', '.dist-*'],
    bundling: {
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22-slim'),
      local: {
        tryBundle(outputDir: string): boolean {
          const script = "const { ensureConsoleBuilt } = await import('./local/console-build.ts'); process.stdout.write(await ensureConsoleBuilt());";
          const dist = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
            cwd: PROJECT_ROOT,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'inherit'],
          });
          cpSync(dist, outputDir, { recursive: true, filter: (src) => !src.endsWith('.source-hash') });
          return true;
        },
      },
    },
  });
}

/** The page may call only this stack's APIs and the upload bucket (virtual-hosted, regional or not). */
function contentSecurityPolicy(props: ConsoleSiteProps): string {
  const bucket = props.uploadBucket;
  return consoleContentSecurityPolicy([props.apiUrl, props.wsUrl, `https://${bucket.bucketRegionalDomainName}`, `https://${bucket.bucketDomainName}`]);
}
