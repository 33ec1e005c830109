import { ExecutionAlreadyExists, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { sfnClient } from './aws-clients.ts';
import { requiredEnv } from '../shared/config.ts';
import { ENV } from '../shared/env-names.ts';
import type { PipelineInput } from '../core/pipeline-types.ts';
import { executionNameFor } from '../core/jobs/job.ts';

/**
 * Start the execution for one job attempt, named <jobId>-<attempt>. Starting the same
 * attempt twice is harmless: Step Functions refuses a second execution with that name.
 */
export async function startPipeline(input: PipelineInput): Promise<{ executionName: string }> {
  const executionName = executionNameFor(input.jobId, input.attempt);
  try {
    await sfnClient().send(
      new StartExecutionCommand({ stateMachineArn: requiredEnv(ENV.stateMachineArn), name: executionName, input: JSON.stringify(input) }),
    );
  } catch (err) {
    if (!(err instanceof ExecutionAlreadyExists)) throw err;
  }
  return { executionName };
}
