import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import { ApiError } from '../../local/cli/api-client.ts';
import { uploadFile } from '../../local/cli/upload.ts';
import { startFakeAnthropic, type FakeAnthropic } from '../../local/fake-anthropic.ts';
import { callClaude } from '../../functions/adapters/ai-client.ts';
import { USAGE_COUNTERS, type UsageCounts } from '../../functions/core/usage/usage.ts';

/*
 * Usage metering against the local stack: an upload, its job, an AI call and a webhook
 * delivery each add to the tenant's counters of the day, GET /v1/usage answers them per day
 * (admin only, its own tenant only) and refuses bad dates with a 400 naming the field.
 */

const SAMPLE = join(import.meta.dirname, '../fixtures/call-logs/att-voice.csv');
const SAMPLE_BYTES = 5117;
let stack: TestStack;
let fake: FakeAnthropic;
let receiver: Server;
let receiverUrl: string;
let received = 0;

beforeAll(async () => {
  fake = await startFakeAnthropic();
  process.env.ANTHROPIC_BASE_URL = fake.url;
  receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received += 1;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
  await fake?.close();
  await new Promise((r) => receiver?.close(r));
  delete process.env.ANTHROPIC_BASE_URL;
});

const today = () => new Date().toISOString().slice(0, 10);
type UsageReport = { from: string; to: string; totals: UsageCounts; days: (UsageCounts & { day: string })[] };

describe('GET /v1/usage', () => {
  it("counts the day's files, bytes, rows, AI calls and tokens and webhook deliveries of the tenant", async () => {
    const { api, tenantId } = await stack.tenant('admin');
    await api.post('/v1/webhooks', { url: receiverUrl, events: ['job.succeeded'] });
    const { jobId } = await uploadFile(api, SAMPLE, { schema: 'call_record' });
    const job = await waitForJob(api, jobId);
    expect(job.status).toBe('succeeded');
    const before = fake.calls;
    await callClaude('sk-ant-fake', 'system', 'a question of eighty characters or so, to be counted in tokens by the fake', 256, tenantId);
    expect(fake.calls).toBe(before + 1);
    // the delivery is asynchronous (events queue, then the webhooks queue)
    const deadline = Date.now() + 20_000;
    let report: UsageReport;
    do {
      report = await api.get<UsageReport>(`/v1/usage?from=${today()}&to=${today()}`);
      if (report.totals.webhookDeliveries > 0) break;
      await new Promise((r) => setTimeout(r, 200));
    } while (Date.now() < deadline);
    expect(received).toBeGreaterThanOrEqual(1);
    expect(report.days).toHaveLength(1);
    expect(report.totals).toEqual({
      files: 1,
      bytesUploaded: SAMPLE_BYTES,
      rowsProcessed: job.progress.rowsRead,
      rowsRejected: job.progress.rowsRejected,
      aiCalls: 1,
      aiInputTokens: expect.any(Number),
      aiOutputTokens: expect.any(Number),
      webhookDeliveries: 1,
      webhookDeliveriesFailed: 0,
    });
    expect(report.totals.rowsProcessed).toBeGreaterThan(0);
    expect(report.totals.aiInputTokens).toBeGreaterThan(0);
    expect(report.totals.aiOutputTokens).toBeGreaterThan(0);
    expect(report.days[0]).toEqual({ day: today(), ...report.totals });
  }, 60_000);

  it('answers every day of the range, zeros for days without usage, and the 30 days up to today by default', async () => {
    const { api } = await stack.tenant('admin');
    const week = await api.get<UsageReport>('/v1/usage?from=2026-01-01&to=2026-01-07');
    expect(week.days.map((d) => d.day)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05', '2026-01-06', '2026-01-07']);
    for (const day of week.days) for (const c of USAGE_COUNTERS) expect(day[c]).toBe(0);
    const recent = await api.get<UsageReport>('/v1/usage');
    expect(recent.to).toBe(today());
    expect(recent.days).toHaveLength(30);
  });

  it("shows a tenant only its own usage, and only to an admin", async () => {
    const counted = await stack.tenant('admin');
    await uploadFile(counted.api, SAMPLE, {}).then(({ jobId }) => waitForJob(counted.api, jobId));
    const other = await stack.tenant('admin');
    expect((await other.api.get<UsageReport>('/v1/usage')).totals.files).toBe(0);
    const member = await stack.tenant('member', counted.tenantId);
    await expect(member.api.get('/v1/usage')).rejects.toMatchObject({ status: 403 });
    expect((await counted.api.get<UsageReport>('/v1/usage')).totals.files).toBe(1);
  }, 60_000);

  it('refuses dates that are not days, a range that runs backwards and one over 366 days, with 400 naming the field', async () => {
    const { api } = await stack.tenant('admin');
    const refused = async (query: string) => {
      const err = await api.get(`/v1/usage?${query}`).then(() => undefined, (e: unknown) => e);
      expect(err, query).toBeInstanceOf(ApiError);
      expect((err as ApiError).status, query).toBe(400);
      return ((err as ApiError).details as { field: string }[]).map((d) => d.field);
    };
    expect(await refused('from=yesterday')).toContain('from');
    expect(await refused('to=2026-02-30')).toContain('to');
    expect(await refused('from=2026-03-02&to=2026-03-01')).toContain('from');
    expect(await refused('from=2024-01-01&to=2026-01-01')).toContain('to');
  });
});

