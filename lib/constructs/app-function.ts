import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { functionEntry, type FunctionName } from '../../functions/shared/routes.ts';

/** The repository root: entries, the lock file and tsconfig resolve from here, whatever the cwd. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * esbuild's ESM output turns CommonJS `require` calls of bundled dependencies into a shim that
 * throws "Dynamic require of ... is not supported" unless a real `require` exists in scope.
 */
const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export interface AppFunctionProps {
  /** which functions/<fn>/handler.ts to bundle; also the suffix of the physical name */
  fn: FunctionName;
  /** physical name prefix, e.g. "ai-file-parser-dev" */
  namePrefix: string;
  description?: string;
  timeout: Duration;
  memorySize: number;
  /** @default one month */
  logRetention?: RetentionDays;
  environment?: Record<string, string>;
}

/**
 * A NodejsFunction with the house defaults: Node 22 on arm64, X-Ray tracing, an ESM bundle
 * with source maps, and its own log group with a retention (not the deprecated logRetention
 * custom resource). Bundling runs local esbuild; there is no Docker on the build machines.
 */
/**
 * Minified, but class and function names kept: errors are told apart by `name` (the
 * Lambda runtime's errorType, which the state machine's Retry and Catch match), and
 * DomainError takes its name from its class (test/infra/bundle-names.test.ts).
 */
export const MINIFY = { minify: true, keepNames: true } as const;

export class AppFunction extends NodejsFunction {
  readonly fn: FunctionName;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    const functionName = `${props.namePrefix}-${props.fn}`;
    // DESTROY: logs are diagnostics, kept by retention; a retained group would also block redeploys.
    const logGroup = new LogGroup(scope, `${id}LogGroup`, {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    super(scope, id, {
      functionName,
      description: props.description,
      entry: resolve(PROJECT_ROOT, functionEntry(props.fn)),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: resolve(PROJECT_ROOT, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      tracing: Tracing.ACTIVE,
      timeout: props.timeout,
      memorySize: props.memorySize,
      logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'ai-file-parser',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        ...MINIFY,
        sourceMap: true,
        // Stack traces map to file:line without shipping the sources themselves.
        sourcesContent: false,
        // Ship the SDK version the tests ran against rather than whatever the runtime bundles.
        bundleAwsSDK: true,
        forceDockerBundling: false,
      },
    });
    this.fn = props.fn;
  }
}
