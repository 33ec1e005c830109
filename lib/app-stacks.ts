import { Tags, type App } from 'aws-cdk-lib';
import type { AppConfig } from './config.ts';
import { StatefulStack } from './stacks/stateful-stack.ts';
import { StatelessStack } from './stacks/stateless-stack.ts';

export interface AppStacks {
  stateful: StatefulStack;
  stateless: StatelessStack;
}

/**
 * The stacks of one stage, shared by bin/app.ts and the infra tests so both synthesize the
 * same thing. Environment-agnostic: account and region come from the deploying credentials.
 */
export function addStacks(app: App, config: AppConfig): AppStacks {
  const name = `AiFileParser-${config.stage}`;
  const stateful = new StatefulStack(app, `${name}-stateful`, {
    stage: config.stage,
    allowedOrigins: config.allowedOrigins,
    ...(config.alarmEmail === undefined ? {} : { alarmEmail: config.alarmEmail }),
    description: `ai-file-parser (${config.stage}): tables, upload bucket, queues`,
  });
  const stateless = new StatelessStack(app, `${name}-stateless`, {
    stage: config.stage,
    stateful,
    allowedOrigins: config.allowedOrigins,
    tracing: config.tracing ?? false,
    description: `ai-file-parser (${config.stage}): functions, APIs, pipeline`,
  });
  for (const stack of [stateful, stateless]) {
    Tags.of(stack).add('app', 'ai-file-parser');
    Tags.of(stack).add('stage', config.stage);
  }
  return { stateful, stateless };
}
