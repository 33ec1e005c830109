import { startFakeAnthropic, type FakeAnthropic } from '../../local/fake-anthropic.ts';

/** The key the tests configure: the fake checks that one is sent, nothing checks which. */
export const FAKE_AI_KEY = 'sk-ant-test-not-a-real-key';

/**
 * Starts the fake Messages API and points the service's AI at it. Call it before the stack
 * boots: the handlers read their environment when they load.
 */
export async function startFakeAi(timeoutMs = 1500): Promise<FakeAnthropic> {
  const fake = await startFakeAnthropic();
  process.env.ANTHROPIC_API_KEY = FAKE_AI_KEY;
  process.env.ANTHROPIC_BASE_URL = fake.url;
  process.env.ANTHROPIC_TIMEOUT_MS = String(timeoutMs);
  return fake;
}

/** Closes the fake and takes the AI settings out of the environment again. */
export async function stopFakeAi(fake: FakeAnthropic | undefined): Promise<void> {
  await fake?.close();
  delete process.env.ANTHROPIC_API_KEY;
  delete process.env.ANTHROPIC_BASE_URL;
  delete process.env.ANTHROPIC_TIMEOUT_MS;
}
