import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { downloadRecords, startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import { userText, type FakeAnthropic, type FakeMessagesRequest } from '../../local/fake-anthropic.ts';
import { FAKE_AI_KEY, startFakeAi, stopFakeAi } from '../helpers/fake-ai.ts';
import { uploadFile } from '../../local/cli/upload.ts';
import { ApiError, type ApiClient } from '../../local/cli/api-client.ts';
import type { MappingResult } from '../../functions/core/pipeline-types.ts';

/*
 * Value maps on the real local stack: what the codes of an enum column mean, read by the
 * rules, by Claude (the fake Messages API) once per layout, and by a person through
 * PUT /v1/jobs/{id}/mapping, remembered for the layout.
 */

let stack: TestStack;
let fake: FakeAnthropic;

beforeAll(async () => {
  fake = await startFakeAi();
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
  await stopFakeAi(fake);
});
beforeEach(() => {
  fake.reset();
  process.env.ANTHROPIC_API_KEY = FAKE_AI_KEY;
});

const isValueMapRequest = (req: FakeMessagesRequest) => (req.system ?? '').includes('codes a spreadsheet');
const valueMapCalls = () => fake.requests.filter((r) => isValueMapRequest(r.body)).length;

/** Claude's answers: the carrier's own codes for the value-map request, nothing for a mapping request. */
function answerCodes(answers: Record<string, string>) {
  fake.respondWith((req) => (isValueMapRequest(req) ? JSON.stringify({ valueMaps: { direction: answers } }) : '{"mappings":[]}'));
}

let fileSeq = 0;
async function csv(lines: string[]): Promise<string> {
  return stack.writeScratch(`values-${++fileSeq}.csv`, `${lines.join('\n')}\n`);
}

/** A carrier log whose direction column mixes codes the rules know with the carrier's own ("ZQ-Rel", "ZQ-Xfr"). */
const CODES = ['Incoming', 'Outgoing', 'ZQ-Rel', 'ZQ-Xfr'];
const callLog = (offset: number) => [
  'Date,Time,Number,Direction,Minutes',
  ...Array.from({ length: 8 }, (_, i) => `2026-03-0${(i % 5) + 1},1${i}:05,(512) 555-01${String(offset + i).padStart(2, '0')},${CODES[i % 4]},${i + 1}`),
];

async function records(api: ApiClient, jobId: string): Promise<Record<string, unknown>[]> {
  return (await downloadRecords(api, jobId)).map((l) => JSON.parse(l) as Record<string, unknown>);
}
const directions = (rs: Record<string, unknown>[]) => rs.map((r) => r.direction ?? null);

describe('value maps of enum columns', () => {
  it('without AI, keeps the rules, leaves unknown codes as they were and says which they are', async () => {
    delete process.env.ANTHROPIC_API_KEY;
    const { api } = await stack.tenant('member');
    const { jobId } = await uploadFile(api, await csv(callLog(10)), { schema: 'call_record' });
    const job = await waitForJob(api, jobId);
    expect(job.status).toBe('succeeded');
    expect(job.progress.rowsWritten).toBe(8);
    // the unknown codes are named once on the job; the rows carry their warnings as before
    const warning = job.warnings?.find((w) => w.code === 'enum_values_unknown');
    expect(warning).toMatchObject({ count: 2 });
    expect(warning?.message).toContain('direction <- "ZQ-Rel", "ZQ-Xfr"');
    expect(directions(await records(api, jobId))).toEqual(['inbound', 'outbound', null, null, 'inbound', 'outbound', null, null]);
    const errors = await api.get<{ items: { value?: string; severity: string }[] }>(`/v1/jobs/${jobId}/errors`);
    expect(errors.items.filter((e) => e.value === 'ZQ-Rel').map((e) => e.severity)).toEqual(['warning', 'warning']);
    const { mapping } = await api.get<{ mapping: MappingResult }>(`/v1/jobs/${jobId}/mapping`);
    expect(mapping.valueMaps).toEqual([
      { field: 'direction', column: 'Direction', values: { Incoming: 'inbound', Outgoing: 'outbound', 'ZQ-Rel': null, 'ZQ-Xfr': null }, by: { Incoming: 'rules', Outgoing: 'rules' } },
    ]);
    expect(fake.calls).toBe(0);
  });

  it("asks Claude once per layout about the codes the rules do not know, keeps only answers of the enum, and applies them", async () => {
    const { api } = await stack.tenant('member');
    answerCodes({ 'ZQ-Rel': 'inbound', 'ZQ-Xfr': 'sideways' });
    const { jobId } = await uploadFile(api, await csv(callLog(20)), { schema: 'call_record' });
    const job = await waitForJob(api, jobId);
    expect(job.status).toBe('succeeded');
    expect(valueMapCalls()).toBe(1);
    // only the codes left the service, not the numbers
    const prompt = userText(fake.requests.find((r) => isValueMapRequest(r.body))!.body);
    expect(prompt).toContain('"ZQ-Rel","ZQ-Xfr"');
    expect(prompt).not.toContain('555-01');
    expect(directions(await records(api, jobId))).toEqual(['inbound', 'outbound', 'inbound', null, 'inbound', 'outbound', 'inbound', null]);
    // "sideways" is no direction: refused, and the code is still named as not understood
    expect(job.warnings?.find((w) => w.code === 'enum_values_unknown')?.message).toContain('direction <- "ZQ-Xfr"');
    const { mapping } = await api.get<{ mapping: MappingResult }>(`/v1/jobs/${jobId}/mapping`);
    expect(mapping.valueMaps?.[0]?.by).toEqual({ Incoming: 'rules', Outgoing: 'rules', 'ZQ-Rel': 'ai' });

    // the same layout again: the answers come from the cache, no second request
    const again = await uploadFile(api, await csv(callLog(40)), { schema: 'call_record' });
    expect((await waitForJob(api, again.jobId)).status).toBe('succeeded');
    expect(valueMapCalls()).toBe(1);
    expect(directions(await records(api, again.jobId))[2]).toBe('inbound');
  });

  it("takes a person's answers through PUT /v1/jobs/{id}/mapping (refusing values not of the enum) and remembers them for the layout", async () => {
    delete process.env.ANTHROPIC_API_KEY;
    const { api } = await stack.tenant('member');
    // headers that say nothing: the job waits for a person
    const opaque = (offset: number) => callLog(offset).map((line, i) => (i === 0 ? 'fld_a,fld_b,fld_c,fld_d,fld_e' : line));
    const { jobId } = await uploadFile(api, await csv(opaque(60)), { schema: 'call_record' });
    expect((await waitForJob(api, jobId)).status).toBe('needs_mapping');
    const fields = [
      { field: 'started_at', sourceHeaders: ['fld_a', 'fld_b'], transforms: [{ kind: 'concat', separator: ' ' }] },
      { field: 'counterpart_number', sourceHeaders: ['fld_c'] },
      { field: 'direction', sourceHeaders: ['fld_d'] },
    ];
    const path = `/v1/jobs/${jobId}/mapping`;
    const refused = await api.request('PUT', path, { mapping: { fields, valueMaps: [{ field: 'direction', values: { 'ZQ-Rel': 'sideways' } }] } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(400);
    expect(JSON.stringify((refused as ApiError).details)).toContain('mapping.valueMaps.0.values.ZQ-Rel');

    await api.request('PUT', path, { mapping: { fields, valueMaps: [{ field: 'direction', values: { 'ZQ-Rel': 'outbound', 'ZQ-Xfr': 'inbound' } }] } });
    const job = await waitForJob(api, jobId);
    expect(job.status).toBe('succeeded');
    expect(directions(await records(api, jobId))).toEqual(['inbound', 'outbound', 'outbound', 'inbound', 'inbound', 'outbound', 'outbound', 'inbound']);
    expect(job.warnings?.some((w) => w.code === 'enum_values_unknown')).toBe(false);

    // the next file of the layout maps itself with the person's mapping and answers
    const next = await uploadFile(api, await csv(opaque(80)), { schema: 'call_record' });
    const learned = await waitForJob(api, next.jobId);
    expect(learned.status).toBe('succeeded');
    expect(learned.mapping?.source).toBe('learned');
    expect(directions(await records(api, next.jobId))).toEqual(['inbound', 'outbound', 'outbound', 'inbound', 'inbound', 'outbound', 'outbound', 'inbound']);
    const { mapping } = await api.get<{ mapping: MappingResult }>(`/v1/jobs/${next.jobId}/mapping`);
    expect(mapping.valueMaps?.[0]?.by).toMatchObject({ 'ZQ-Rel': 'person', 'ZQ-Xfr': 'person', Incoming: 'rules' });
  });
});
