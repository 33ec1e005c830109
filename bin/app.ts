/**
 * The CDK app: one stateful and one stateless stack per stage.
 *
 *   npx cdk synth --quiet                                   # offline; stage "dev" from cdk.json
 *   npx cdk bootstrap                                       # once per account/region
 *   npx cdk deploy --all --context stage=prod --context allowedOrigins=https://app.example.com
 *                         [--context alarmEmail=oncall@example.com]   # alarms by mail too
 *   npx cdk deploy --all --context tracing=true            # X-Ray traces (off by default: lib/config.ts)
 *
 * cdk.json sets stage "dev" and allowedOrigins "*" as explicit, visible defaults; a bad value
 * fails here, before anything is synthesized. Offline, also export CDK_DISABLE_VERSION_CHECK=1
 * and AWS_EC2_METADATA_DISABLED=true: synth works without them, only slower (the CLI probes the
 * npm registry and the EC2 metadata endpoint first).
 */
import { App } from 'aws-cdk-lib';
import { addStacks } from '../lib/app-stacks.ts';
import { parseAlarmEmail, parseAllowedOrigins, parseStage, parseTracing } from '../lib/config.ts';
import { applyNagChecks } from '../lib/nag.ts';

const app = new App();
const stacks = addStacks(app, {
  stage: parseStage(app.node.tryGetContext('stage')),
  allowedOrigins: parseAllowedOrigins(app.node.tryGetContext('allowedOrigins')),
  alarmEmail: parseAlarmEmail(app.node.tryGetContext('alarmEmail')),
  tracing: parseTracing(app.node.tryGetContext('tracing')),
});
applyNagChecks(app, stacks);
