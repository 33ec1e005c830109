import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { startFakeAnthropic, type FakeAnthropic } from '../../local/fake-anthropic.ts';
import { callClaude } from '../../functions/adapters/ai-client.ts';
import { CIRCUIT_THRESHOLD } from '../../functions/core/circuit-breaker.ts';

/*
 * Claude's circuit breaker on the real local stack (its state is an item of the rate-limits
 * table, shared by every container): five failed calls in a row open it, and then calls fail
 * at once without reaching the API (mapping falls back to its heuristics with that note);
 * after the cooldown one probe goes and a success closes it. GET /v1/metrics shows it.
 */
let stack: TestStack;
let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await startFakeAnthropic();
  process.env.ANTHROPIC_BASE_URL = fake.url;
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
  await fake?.close();
  delete process.env.ANTHROPIC_BASE_URL;
});

describe('AI circuit breaker', () => {
  it('opens after 5 failed calls in a row, holds calls back without reaching Claude, and closes after a good probe', async () => {
    const { api } = await stack.tenant('admin');
    const metrics = async () => (await api.get<{ aiCircuit: { state: string; consecutiveFailures: number; openUntil: string | null } }>('/v1/metrics')).aiCircuit;
    expect(await metrics()).toEqual({ state: 'closed', consecutiveFailures: 0, openUntil: null });

    fake.setMode('error');
    for (let i = 0; i < CIRCUIT_THRESHOLD; i++) await expect(callClaude('sk-ant-fake', 'system', 'user')).rejects.toThrow(/HTTP 500/);
    const reached = fake.calls;
    expect(await metrics()).toMatchObject({ state: 'open', consecutiveFailures: CIRCUIT_THRESHOLD });

    // open: the call fails at once and Claude is not asked
    await expect(callClaude('sk-ant-fake', 'system', 'user')).rejects.toThrow(/paused after 5 failed calls in a row/);
    expect(fake.calls).toBe(reached);

    // the cooldown (60 s) has passed: one probe goes, succeeds, and closes the circuit
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    try {
      await documents.send(
        new UpdateCommand({ TableName: process.env.RATE_LIMITS_TABLE, Key: { bucket: 'circuit#anthropic' }, UpdateExpression: 'SET cbOpenUntil = :past', ExpressionAttributeValues: { ':past': Date.now() - 1 } }),
      );
    } finally {
      documents.destroy();
    }
    expect((await metrics()).state).toBe('half_open');
    fake.setMode('ok');
    await expect(callClaude('sk-ant-fake', 'system', 'user')).resolves.toEqual(expect.any(String));
    expect(fake.calls).toBe(reached + 1);
    expect(await metrics()).toEqual({ state: 'closed', consecutiveFailures: 0, openUntil: null });
  });

  it('counts only failures in a row: a success in between starts the count again', async () => {
    fake.setMode('error');
    for (let i = 0; i < CIRCUIT_THRESHOLD - 1; i++) await expect(callClaude('sk-ant-fake', 's', 'u')).rejects.toThrow(/HTTP 500/);
    fake.setMode('ok');
    await callClaude('sk-ant-fake', 's', 'u');
    fake.setMode('error');
    await expect(callClaude('sk-ant-fake', 's', 'u')).rejects.toThrow(/HTTP 500/);
    fake.setMode('ok');
    await expect(callClaude('sk-ant-fake', 's', 'u')).resolves.toEqual(expect.any(String));
  });
});
