import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';

/*
 * A command that starts or resumes a job on the stack it boots itself (no `serve`, no
 * --endpoint) stops that stack when it exits. It must not take the job down with it: each
 * process here is a command of its own on one data folder, and the job is looked at by the
 * next one.
 */

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'afp-cli-resume-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const cli = (args: string[]) => runCli(dataDir, args);
/** Each test runs three or four commands, each booting a stack of its own. */
const THREE_COMMANDS_MS = 150_000;

/** Headers that say nothing: only the values hint at the fields, so the job waits for a person. */
const OPAQUE = ['fld_a,fld_b,fld_c,fld_d', ...Array.from({ length: 6 }, (_, i) => `11/0${(i % 5) + 1}/2025 ${i + 1}:0${i} PM,(512) 555-01${String(10 + i).padStart(2, '0')},${i + 1}:0${i},note ${i}`)].join('\n');

const jobOf = async (jobId: string) => JSON.parse((await cli(['jobs', 'get', jobId, '--json'])).stdout) as { status: string; error: unknown; progress: { rowsWritten: number } };

describe('a job resumed or started by a command on its own embedded stack', () => {
  it('jobs mapping --set follows the resumed job to its end with a summary, and the job has succeeded, not been aborted', async () => {
    const file = join(dataDir, 'opaque.csv');
    await writeFile(file, `${OPAQUE}\n`);
    const parked = await cli(['ingest', file, '--schema', 'call_record', '--no-confirm', '--json']);
    const jobId = (JSON.parse(parked.stdout) as { jobId: string; status: string }).jobId;
    expect(JSON.parse(parked.stdout)).toMatchObject({ status: 'needs_mapping' });

    const confirmed = await cli(['jobs', 'mapping', jobId, '--set', 'started_at=fld_a,counterpart_number=fld_b,duration_seconds=#2']);
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(confirmed.stdout).toContain(`${jobId}: mapping confirmed`);
    // followed to its end, as ingest does, with its summary
    expect(confirmed.stdout).toMatch(new RegExp(`succeeded.*opaque\\.csv -> call_record  \\(job ${jobId}\\)`));
    expect(confirmed.stdout).toMatch(/rows: +6 read, 6 written, 0 rejected/);
    // the next command finds it done
    expect(await jobOf(jobId)).toMatchObject({ status: 'succeeded', error: null, progress: { rowsWritten: 6 } });
  }, THREE_COMMANDS_MS);

  it('jobs mapping --set --json prints the finished job', async () => {
    // other opaque headers: the layout confirmed above is remembered, and this one must wait for a person too
    const file = join(dataDir, 'opaque-json.csv');
    await writeFile(file, `${OPAQUE.replace('fld_a,fld_b,fld_c,fld_d', 'x1,x2,x3,x4')}\n`);
    const parked = JSON.parse((await cli(['ingest', file, '--schema', 'call_record', '--no-confirm', '--json'])).stdout) as { jobId: string; status: string };
    expect(parked.status).toBe('needs_mapping');
    const confirmed = await cli(['jobs', 'mapping', parked.jobId, '--set', 'started_at=x1,counterpart_number=x2', '--json']);
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(JSON.parse(confirmed.stdout)).toMatchObject({ job: { jobId: parked.jobId, status: 'succeeded', progress: { rowsWritten: 6 } }, template: null });
  }, THREE_COMMANDS_MS);

  it('ingest --no-wait lets the job end before the stack stops', async () => {
    const file = join(dataDir, 'calls.csv');
    await writeFile(file, ['Start Time,Number,Duration', ...Array.from({ length: 50 }, (_, i) => `2025-11-03T10:${String(i).padStart(2, '0')}:00Z,+1512555${String(1000 + i)},${i}`)].join('\n') + '\n');
    const started = await cli(['ingest', file, '--schema', 'call_record', '--no-wait']);
    expect(started.code, started.stderr).toBe(0);
    const jobId = /Started job (job_\w+)/.exec(started.stdout)?.[1];
    expect(jobId).toBeDefined();
    expect(started.stderr).toMatch(/Waiting for 1 running job\(s\) to finish: this command's local stack stops when it exits/);
    expect(await jobOf(jobId!)).toMatchObject({ status: 'succeeded', error: null, progress: { rowsWritten: 50 } });
  }, THREE_COMMANDS_MS);

  it('jobs retry follows the retried job to its end: a job that fails for its own reason (an empty file) fails for it again', async () => {
    const empty = join(dataDir, 'empty.csv');
    await writeFile(empty, '');
    const failed = JSON.parse((await cli(['ingest', empty, '--json'])).stdout) as { jobId: string };
    const retried = await cli(['jobs', 'retry', failed.jobId]);
    expect(retried.code).toBe(1);
    expect(retried.stdout).toMatch(/attempt 2/);
    expect(retried.stdout).toMatch(/✖ failed .*\n[\s\S]*error: +EmptyFileError/);
    expect(await jobOf(failed.jobId)).toMatchObject({ status: 'failed', error: { type: 'EmptyFileError' } });
  }, THREE_COMMANDS_MS);
});
