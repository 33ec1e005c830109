import { ExecutionAlreadyExists, ExecutionDoesNotExist, StartExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { sfnClient } from './sfn-client.ts';
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

/** The ARN of a job attempt's execution, derived from the state machine's (same on AWS and locally). */
export function executionArnFor(executionName: string): string {
  return `${requiredEnv(ENV.stateMachineArn).replace(':stateMachine:', ':execution:')}:${executionName}`;
}

/** Stop an attempt's execution; an execution that already ended or never started is fine. */
export async function stopPipeline(executionName: string, cause: string): Promise<void> {
  try {
    await sfnClient().send(new StopExecutionCommand({ executionArn: executionArnFor(executionName), cause, error: 'JobCancelled' }));
  } catch (err) {
    if (!(err instanceof ExecutionDoesNotExist)) throw err;
  }
}
