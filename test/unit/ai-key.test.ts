import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetSecretValueCommand, ResourceNotFoundException, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { apiKeyOf, startFakeAnthropic, type FakeAnthropic } from '../../local/fake-anthropic.ts';
import { BUILTIN_SCHEMAS } from '../../functions/core/schemas/index.ts';
import { aiSuggesterFor } from '../../functions/adapters/ai-client.ts';
import { resolveAiKey } from '../../functions/adapters/ai-key.ts';

/*
 * The Anthropic key on AWS comes from Secrets Manager (mocked here), read through Powertools
 * Parameters and cached per container; the local stack's environment variable still wins.
 * Each test names its own secret: the Powertools cache lives as long as the process.
 */
const secrets = mockClient(SecretsManagerClient);
const ddb = mockClient(DynamoDBDocumentClient);
let fake: FakeAnthropic;
let seq = 0;
const newArn = () => `arn:aws:secretsmanager:us-east-1:123456789012:secret:afp-test-anthropic-${++seq}-AbCdEf`;

beforeAll(async () => {
  fake = await startFakeAnthropic();
  Object.assign(process.env, { TEMPLATES_TABLE: 'templates', AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y', POWERTOOLS_LOG_LEVEL: 'SILENT' });
  process.env.ANTHROPIC_BASE_URL = fake.url;
});
afterAll(async () => {
  await fake.close();
  delete process.env.ANTHROPIC_BASE_URL;
});

beforeEach(() => {
  secrets.reset();
  ddb.reset();
  ddb.on(GetCommand).resolves({});
  ddb.on(PutCommand).resolves({});
  fake.reset();
  delete process.env.ANTHROPIC_API_KEY;
  delete process.env.ANTHROPIC_API_KEY_SECRET_ARN;
});

const callSuggester = () => {
  const schema = BUILTIN_SCHEMAS.get('call_record')!;
  return aiSuggesterFor('t1')!({ schema, headers: ['When', 'Who'], sampleRows: [['2025-01-01 10:00', '+13125550100']], fingerprint: `fp${++seq}` });
};

describe('resolveAiKey', () => {
  it('takes the environment variable when it is set, without reading any secret', async () => {
    process.env.ANTHROPIC_API_KEY = 'sk-ant-from-env';
    process.env.ANTHROPIC_API_KEY_SECRET_ARN = newArn();
    expect(await resolveAiKey()).toBe('sk-ant-from-env');
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(0);
  });

  it('reads the secret the ARN names once per container, trimmed', async () => {
    const arn = newArn();
    process.env.ANTHROPIC_API_KEY_SECRET_ARN = arn;
    secrets.on(GetSecretValueCommand, { SecretId: arn }).resolves({ SecretString: 'sk-ant-from-secret\n' });
    expect(await resolveAiKey()).toBe('sk-ant-from-secret');
    expect(await resolveAiKey()).toBe('sk-ant-from-secret');
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('is undefined when neither is set, and when the secret has no value yet (asked once, not per call)', async () => {
    expect(await resolveAiKey()).toBeUndefined();
    process.env.ANTHROPIC_API_KEY_SECRET_ARN = newArn();
    secrets.on(GetSecretValueCommand).rejects(new ResourceNotFoundException({ message: "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT", $metadata: {} }));
    expect(await resolveAiKey()).toBeUndefined();
    expect(await resolveAiKey()).toBeUndefined();
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });
});

describe('aiSuggesterFor with the key in Secrets Manager', () => {
  it('is off when no key is configured anywhere', () => {
    expect(aiSuggesterFor('t1')).toBeUndefined();
  });

  it('sends the key from the secret to the Messages API', async () => {
    const arn = newArn();
    process.env.ANTHROPIC_API_KEY_SECRET_ARN = arn;
    secrets.on(GetSecretValueCommand, { SecretId: arn }).resolves({ SecretString: 'sk-ant-from-secret' });
    const outcome = await callSuggester();
    expect(outcome.note).toBeUndefined();
    expect(fake.requests.map((r) => apiKeyOf(r.headers))).toEqual(['sk-ant-from-secret']);
  });

  it('falls back to the heuristics, with a note and without calling Claude, when the secret cannot be read', async () => {
    process.env.ANTHROPIC_API_KEY_SECRET_ARN = newArn();
    secrets.on(GetSecretValueCommand).rejects(Object.assign(new Error('User is not authorized to perform secretsmanager:GetSecretValue'), { name: 'AccessDeniedException' }));
    const outcome = await callSuggester();
    expect(outcome).toMatchObject({ cached: false, note: expect.stringContaining('could not be read from Secrets Manager') });
    expect(fake.calls).toBe(0);
  });

  it('says so when the secret has no value yet', async () => {
    process.env.ANTHROPIC_API_KEY_SECRET_ARN = newArn();
    secrets.on(GetSecretValueCommand).rejects(new ResourceNotFoundException({ message: 'no AWSCURRENT', $metadata: {} }));
    expect((await callSuggester()).note).toMatch(/no value yet/);
    expect(fake.calls).toBe(0);
  });
});
