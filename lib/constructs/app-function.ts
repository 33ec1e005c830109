import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AssetHashType, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { FUNCTION_NAMES, functionEntry, type FunctionName } from '../../functions/shared/routes.ts';
import { ENV } from '../../functions/shared/env-names.ts';
import { BUNDLE_NAME, LAMBDA_NODE_OPTIONS, bundleLambdas, type LambdaBundles } from '../bundling.ts';
import { PROJECT_ROOT } from '../project-paths.ts';

/** MINIFY moved to lib/bundling.ts with the rest of the esbuild options; re-exported for its users. */
export { MINIFY } from '../bundling.ts';

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
  /**
   * X-Ray tracing: active tracing, and the variable that makes the handlers load the Powertools
   * Tracer (functions/shared/tracer.ts), which is otherwise never read. @default false
   */
  tracing?: boolean;
}

/**
 * Every function of the app, bundled together (lib/bundling.ts) when the first asset
 * needs its bundle, and reused by all later ones: esbuild parses what they share once. CDK
 * stages a function's asset while the function is constructed, so bundling only the functions
 * defined so far bundled again for each function defined later (a synth added an exit handler
 * per build: 11 or more, 2026-12-06). Never run when
 * bundling is skipped (the infra tests, `cdk synth` of other stacks).
 */
let built: LambdaBundles | undefined;
function bundleDirOf(fn: FunctionName): string {
  if (!built) {
    built = bundleLambdas(PROJECT_ROOT, Object.fromEntries(FUNCTION_NAMES.map((f) => [f, functionEntry(f)])));
    const { outdir } = built;
    process.once('exit', () => rmSync(outdir, { recursive: true, force: true }));
  }
  return join(built.outdir, fn);
}

/**
 * A Lambda function with the house defaults: Node 22 on arm64, X-Ray tracing where deployed with it, an ESM bundle
 * with an external source map, and its own log group with a retention (not the deprecated logRetention
 * custom resource). Bundling runs local esbuild; there is no Docker on the build machines.
 */
export class AppFunction extends LambdaFunction {
  readonly fn: FunctionName;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    const functionName = `${props.namePrefix}-${props.fn}`;
    // DESTROY: logs are diagnostics, kept by retention; a retained group would also block redeploys.
    const logGroup = new LogGroup(scope, `${id}LogGroup`, {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const { fn } = props;
    super(scope, id, {
      functionName,
      description: props.description,
      code: Code.fromAsset(PROJECT_ROOT, {
        // hashed from the bundle, not the repository: a change elsewhere leaves the function alone
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          // Required by the type, never pulled: local bundling always succeeds.
          image: Runtime.NODEJS_22_X.bundlingImage,
          // Names the entry: CDK caches staged assets by these options, and they must differ per function.
          command: ['esbuild', functionEntry(fn)],
          local: {
            tryBundle(outputDir) {
              cpSync(bundleDirOf(fn), outputDir, { recursive: true });
              return true;
            },
          },
        },
      }),
      handler: `${BUNDLE_NAME}.handler`,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      tracing: props.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
      timeout: props.timeout,
      memorySize: props.memorySize,
      logGroup,
      environment: {
        ...(LAMBDA_NODE_OPTIONS ? { NODE_OPTIONS: LAMBDA_NODE_OPTIONS } : {}),
        POWERTOOLS_SERVICE_NAME: 'ai-file-parser',
        ...(props.tracing ? { [ENV.traceEnabled]: 'true' } : {}),
        ...props.environment,
      },
    });
    this.fn = props.fn;
  }
}
