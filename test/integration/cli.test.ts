import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { serveProcess } from '../helpers/stack.ts';
import { runCli } from '../helpers/cli.ts';
import { parseEmfLines, withMetric } from '../helpers/emf.ts';

const SAMPLE = join(import.meta.dirname, '../fixtures/call-logs/att-voice.csv');
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'afp-cli-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const cli = (args: string[]) => runCli(dataDir, args);

describe('ai-file-parser CLI on the embedded local stack', () => {
  let jobId: string;

  it('ingest --json prints only the final job and exits 0 on success', async () => {
    const { code, stdout, stderr } = await cli(['ingest', SAMPLE, '--schema', 'call_record', '--json']);
    expect(code).toBe(0);
    // nothing for a maintainer's eyes only: the SDK's Node version notice, from any thread
    expect(stderr).not.toContain('NodeVersionSupportWarning');
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const job = JSON.parse(lines[0]!) as { jobId: string; status: string; progress: Record<string, number>; warnings: unknown[]; quality: { records: number } };
    expect(job.status).toBe('succeeded');
    expect(job.progress.rowsRead).toBe(job.progress.rowsWritten! + job.progress.rowsRejected!);
    // the job as the API shows it: its warnings and its data-quality report included
    expect(Array.isArray(job.warnings)).toBe(true);
    expect(job.quality.records).toBe(job.progress.rowsWritten);
    jobId = job.jobId;
  });

  it('keeps state across restarts: a new process lists the job', async () => {
    const { code, stdout } = await cli(['jobs', 'list', '--json']);
    expect(code).toBe(0);
    const { items } = JSON.parse(stdout) as { items: { jobId: string }[] };
    expect(items.map((j) => j.jobId)).toContain(jobId);
    const records = await cli(['jobs', 'records', jobId, '--limit', '2']);
    const page = JSON.parse(records.stdout) as { items: { counterpart_number: string }[] };
    expect(page.items).toHaveLength(2);
    expect(page.items[0]!.counterpart_number).toMatch(/^\+1\d{10}$/);
  });

  it('ingest shows the quality line and the warnings of a job whose records lack what matters', async () => {
    const undirected = join(dataDir, 'undirected.csv');
    const rows = Array.from({ length: 30 }, (_, i) => `10/${String(1 + (i % 28)).padStart(2, '0')}/2025,${1 + (i % 12)}:15 PM,(212) 555-${1000 + i},${i % 30}`);
    await writeFile(undirected, ['Date,Time,Number,Minutes', ...rows].join('\n') + '\n');
    const human = await cli(['ingest', undirected, '--schema', 'call_record']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^⚠ succeeded with warnings/);
    expect(human.stdout).toContain('quality: ');
    expect(human.stdout).toMatch(/key fields: direction 0%, counterpart_number 100%/);
    expect(human.stdout).toMatch(/! expected_field_missing \(1\): .*direction absent on 30 of 30 records \(100%\)/);
    // its clock times name no zone and neither does the command: how many were stored as UTC, and the option to set
    expect(human.stdout).toMatch(/! times_read_as_utc \(30\): Clock times .* first "10\/01\/2025 1:15 PM".*--timezone America\/New_York/);
  });

  it('exits 1 with a failed job for an empty file', async () => {
    const empty = join(dataDir, 'empty.csv');
    await writeFile(empty, '');
    const { code, stdout } = await cli(['ingest', empty, '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'failed', error: { type: 'EmptyFileError' } });
  });

  it('ingest --verbose prints the functions\' metrics as EMF lines: every stage\'s duration, the rows, the outcome', async () => {
    const { code, stdout } = await cli(['ingest', SAMPLE, '--schema', 'call_record', '--verbose']);
    expect(code).toBe(0);
    const docs = parseEmfLines(stdout);
    expect(docs.every((d) => d._aws.CloudWatchMetrics[0]?.Namespace === 'AiFileParser')).toBe(true);
    // Classify, Parse and Enrich run in worker threads, whose lines reach stdout too
    const stages = new Set(withMetric(docs, 'StageDuration').map((d) => d.stage));
    expect([...stages].sort()).toEqual(['classify', 'enrich', 'map', 'parse', 'persist']);
    const [rows, ...moreRows] = withMetric(docs, 'RowsRead');
    expect(moreRows).toEqual([]);
    const summaryRows = Number(/rows: +([\d,]+) read/.exec(stdout)?.[1]?.replace(/,/g, '') ?? Number.NaN);
    expect(rows).toMatchObject({ RowsRead: summaryRows, RowsWritten: expect.any(Number), RowsRejected: expect.any(Number), jobId: expect.stringMatching(/^job_/) });
    expect(rows!.RowsRead).toBe((rows!.RowsWritten as number) + (rows!.RowsRejected as number));
    expect(withMetric(docs, 'JobsFinished')).toEqual([expect.objectContaining({ JobsFinished: 1, outcome: 'succeeded', jobId: rows!.jobId })]);
    // the ids are metadata, never a dimension
    for (const doc of docs) expect(doc._aws.CloudWatchMetrics[0]!.Dimensions.flat()).not.toEqual(expect.arrayContaining(['tenantId', 'jobId']));
  });

  it('refuses --verbose with --json, whose stdout is the answer alone', async () => {
    const { code, stderr } = await cli(['ingest', SAMPLE, '--json', '--verbose']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--verbose .* cannot be combined with --json/);
  });

  it('exits 2 with a clear message for a missing file', async () => {
    const { code, stderr } = await cli(['ingest', join(dataDir, 'nope.csv')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/No such file/);
  });

  it('serve --json prints one line with the URLs and a key that works, and other commands use it', async () => {
    const { child, info } = await serveProcess(dataDir);
    try {
      expect(info.wsUrl).toMatch(/^ws:\/\//);
      const res = await fetch(`${info.httpUrl}/v1/jobs`, { headers: { authorization: `Bearer ${info.apiKey}` } });
      expect(res.status).toBe(200);
      const { items } = (await res.json()) as { items: { jobId: string }[] };
      expect(items.map((j) => j.jobId)).toContain(jobId);
      // a second process on the same data folder talks to the running server
      const listed = await cli(['jobs', 'get', jobId, '--json']);
      expect(listed.code).toBe(0);
      expect(JSON.parse(listed.stdout)).toMatchObject({ jobId, status: 'succeeded' });
      // the local S3 it prints takes a file into inbox/dev/ (what `aws s3 cp` does), and that starts a job
      expect(Object.keys(info).sort()).toEqual(['apiKey', 'consoleUrl', 'httpUrl', 's3Endpoint', 'uploadBucket', 'wsUrl']);
      // the web console at the API's origin, told where the API and the WebSocket are
      expect(info.consoleUrl).toBe(`${info.httpUrl}/console/`);
      const page = await fetch(info.consoleUrl);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<script type="module"[^>]* src="\.\/assets\/[^"]+\.js"/);
      expect(await (await fetch(`${info.consoleUrl}config.json`)).json()).toEqual({ apiUrl: info.httpUrl, wsUrl: info.wsUrl });
      const s3 = new S3Client({ endpoint: info.s3Endpoint, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
      try {
        await s3.send(new PutObjectCommand({ Bucket: info.uploadBucket, Key: 'inbox/dev/from-cli.csv', Body: await readFile(SAMPLE), Metadata: { schema: 'call_record' } }));
      } finally {
        s3.destroy();
      }
      const deadline = Date.now() + 20_000;
      let started: { jobId: string; source: { filename: string } } | undefined;
      while (!started && Date.now() < deadline) {
        const page = (await (await fetch(`${info.httpUrl}/v1/jobs`, { headers: { authorization: `Bearer ${info.apiKey}` } })).json()) as { items: { jobId: string; source: { filename: string } }[] };
        started = page.items.find((j) => j.source.filename === 'from-cli.csv');
        if (!started) await new Promise((r) => setTimeout(r, 100));
      }
      expect(started).toBeDefined();
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });
});
