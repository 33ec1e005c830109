import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

/** A conditional write's answer, or undefined when its condition did not hold (any other error is thrown). */
export async function ifConditionHolds<T>(write: () => Promise<T>): Promise<T | undefined> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return undefined;
    throw err;
  }
}
