import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSocket, startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import { uploadParts } from '../../local/cli/upload.ts';

/*
 * What subscribers hear: one job.status per stage the job enters (a split file's Enrich runs
 * as many chunks, each of which enters the stage), and replies that carry the client's requestId.
 */

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  delete process.env.PARSE_RANGE_BYTES;
  await stack?.stop();
});

const HEADER = 'Start Time,Direction,Phone Number,Duration,Type\n';
const ROW = '2025-09-14T16:16:00Z,Outgoing,+15123359335,12:34,Voice\n';

/** Upload `content`, start its job and follow it over a WebSocket until it succeeds: the job and every message heard. */
async function followJob(name: string, content: string) {
  const { api, apiKey } = await stack.tenant();
  const file = await stack.writeScratch(name, content);
  const { sessionId, parts } = await uploadParts(api, file);
  const ws = await openSocket(stack.wsUrl, apiKey);
  try {
    const { jobId } = await api.post<{ jobId: string }>(`/v1/uploads/${sessionId}/complete`, { parts, schema: 'call_record' });
    ws.send({ action: 'subscribe', jobId });
    await ws.waitFor((m) => m.type === 'job.status' && m.status === 'succeeded', 60_000);
    return { job: await waitForJob(api, jobId), messages: ws.messages };
  } finally {
    ws.close();
  }
}

describe('job.status over the WebSocket', () => {
  it('comes once per stage change, however many Enrich chunks run', async () => {
    // ~600 KB in 64 KiB ranges: about ten Enrich chunks
    process.env.PARSE_RANGE_BYTES = String(64 * 1024);
    try {
      const { job, messages } = await followJob('chunks.csv', HEADER + ROW.repeat(11_000));
      expect(job.status).toBe('succeeded');
      const statuses = messages.filter((m) => m.type === 'job.status').map((m) => `${String(m.status)}:${String(m.stage)}`);
      // the first is the status at subscribe time (whatever stage the job had reached)
      const changes = statuses.slice(1);
      expect(new Set(changes).size, statuses.join(' ')).toBe(changes.length);
      expect(changes.at(-1)).toBe('succeeded:persist');
      // several chunks did run (each reports its progress)
      expect(messages.filter((m) => m.type === 'job.progress' && m.stage === 'enrich').length).toBeGreaterThanOrEqual(2);
    } finally {
      delete process.env.PARSE_RANGE_BYTES;
    }
  });

  // ~5 MB: one parsed chunk of 90,000 rows when ranges are larger than the file, else two byte ranges
  it.each([
    ['one parsed chunk', String(64 * 1024 * 1024)],
    ['byte ranges', undefined],
  ])('reports Enrich progress by rows while the rows of a chunk move (%s)', async (_, rangeBytes) => {
    const rows = 90_000;
    if (rangeBytes) process.env.PARSE_RANGE_BYTES = rangeBytes;
    try {
      const { job, messages } = await followJob('progress.csv', HEADER + ROW.repeat(rows));
      expect(job.progress).toMatchObject({ rowsRead: rows, rowsWritten: rows });
      expect(job.stages.enrich?.durationMs).toBeGreaterThan(0);

      const enterEnrich = messages.findIndex((m) => m.type === 'job.status' && m.stage === 'enrich');
      const enterPersist = messages.findIndex((m) => m.type === 'job.status' && m.stage === 'persist');
      expect(enterEnrich).toBeGreaterThanOrEqual(0);
      const during = messages.slice(enterEnrich + 1, enterPersist === -1 ? undefined : enterPersist).filter((m) => m.type === 'job.progress');
      const processed = during.map((m) => Number(m.rowsWritten) + Number(m.rowsRejected));
      const summary = during.map((m, i) => `${processed[i]}@${String(m.at).slice(17, 23)}`).join(' ');
      // rows were reported while chunks ran, not only as each ended, and never went back
      const inFlight = processed.filter((n) => n > 0 && n < rows);
      // a report every 250 ms while rows move, which the fan-out paces to one per 300 ms per job
      // (newest kept): one at least, two once Enrich lasted 1.5 s (part of Enrich is reading
      // before rows move; on a quiet machine 90,000 rows can take barely half a second)
      expect(inFlight.length, summary).toBeGreaterThanOrEqual(job.stages.enrich!.durationMs! >= 1500 ? 2 : 1);
      expect(processed.every((n, i) => i === 0 || n >= processed[i - 1]!), summary).toBe(true);
      // no long silence while rows moved: between entering Enrich and its last report (a loaded 2-core machine: a generous bound)
      const times = [messages[enterEnrich]!, ...during].map((m) => Date.parse(String(m.at)));
      const longestGap = Math.max(...times.slice(1).map((t, i) => t - times[i]!));
      expect(longestGap, summary).toBeLessThan(1500);
      // ...and one message per interval at most, not one per row
      expect(during.length, summary).toBeLessThanOrEqual(Math.ceil((job.stages.enrich!.durationMs! + 500) / 250) + 4);
      // still one job.status for the whole of Enrich
      expect(messages.filter((m) => m.type === 'job.status' && m.stage === 'enrich' && m.status === 'running')).toHaveLength(1);
    } finally {
      delete process.env.PARSE_RANGE_BYTES;
    }
  });

  it('answers each message with the requestId it carried', async () => {
    const { api, apiKey } = await stack.tenant();
    const file = await stack.writeScratch('small.csv', HEADER + ROW.repeat(5));
    const { sessionId, parts } = await uploadParts(api, file);
    const { jobId } = await api.post<{ jobId: string }>(`/v1/uploads/${sessionId}/complete`, { parts, schema: 'call_record' });
    const ws = await openSocket(stack.wsUrl, apiKey);
    try {
      ws.send({ action: 'subscribe', jobId, requestId: 'req-1' });
      expect(await ws.waitFor((m) => m.type === 'subscribed')).toMatchObject({ jobId, requestId: 'req-1' });
      ws.send({ action: 'subscribe', jobId: 'job_nope', requestId: 'req-2' });
      expect(await ws.waitFor((m) => m.type === 'error' && m.code === 'not_found')).toMatchObject({ requestId: 'req-2' });
      ws.send({ action: 'dance', requestId: 'req-3' });
      expect(await ws.waitFor((m) => m.type === 'error' && m.code === 'invalid_request')).toMatchObject({ requestId: 'req-3' });
      ws.send({ action: 'unsubscribe', jobId, requestId: 'req-4' });
      expect(await ws.waitFor((m) => m.type === 'unsubscribed')).toMatchObject({ jobId, requestId: 'req-4' });
      // a message without one gets a reply without one
      ws.send({ action: 'unsubscribe', jobId });
      await ws.waitFor((m) => m.type === 'unsubscribed' && !('requestId' in m));
    } finally {
      ws.close();
    }
  });
});
