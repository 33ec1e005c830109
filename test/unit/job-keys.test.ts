import { describe, expect, it } from 'vitest';
import { jobKeys, sanitizeFilename, uploadKey } from '../../functions/core/jobs/keys.ts';

// Where a job's objects go: deterministic per attempt and chunk, so a retried task overwrites
// its own output; every key under the job's prefix, which is under its tenant's.

describe('jobKeys', () => {
  it('puts every object of an attempt under the job, chunks numbered in five digits', () => {
    expect(jobKeys.prefix('t1', 'job_A')).toBe('jobs/t1/job_A');
    expect(jobKeys.parsedChunk('t1', 'job_A', 2, 7)).toBe('jobs/t1/job_A/a2/parsed/chunk-00007.ndjson');
    expect(jobKeys.parsedSample('t1', 'job_A', 2)).toBe('jobs/t1/job_A/a2/parsed/sample.ndjson');
    expect(jobKeys.recordsPart('t1', 'job_A', 1, 123_456)).toBe('jobs/t1/job_A/a1/records/part-123456.ndjson');
    expect(jobKeys.errorsPart('t1', 'job_A', 1, 0)).toBe('jobs/t1/job_A/a1/errors/part-00000.ndjson');
    expect(jobKeys.rangeErrors('t1', 'job_A', 3, 12)).toBe('jobs/t1/job_A/a3/errors/range-00012.ndjson');
    expect(jobKeys.qualityPart('t1', 'job_A', 1, 4)).toBe('jobs/t1/job_A/a1/quality/part-00004.json');
    expect(jobKeys.manifest('t1', 'job_A', 1)).toBe('jobs/t1/job_A/a1/manifest.json');
  });

  it('names the CSV download v2, so one built before its cells were neutralised is never served', () => {
    expect(jobKeys.download('t1', 'job_A', 1, 'csv')).toBe('jobs/t1/job_A/a1/download/records.v2.csv');
    expect(jobKeys.download('t1', 'job_A', 1, 'ndjson')).toBe('jobs/t1/job_A/a1/download/records.ndjson');
  });
});

describe('uploadKey and sanitizeFilename', () => {
  it('keeps an upload under its tenant and session, with a readable name', () => {
    expect(uploadKey('t1', 's9', 'Calls Nov 2025.csv')).toBe('uploads/t1/s9/Calls_Nov_2025.csv');
  });

  it('keeps the last part of a path, whichever slash it uses, and nothing that climbs out', () => {
    expect(sanitizeFilename('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFilename('C:\\Users\\me\\bill.xlsx')).toBe('bill.xlsx');
    expect(sanitizeFilename('...hidden.csv')).toBe('hidden.csv');
    expect(sanitizeFilename('a..b.csv')).toBe('a..b.csv');
    expect(sanitizeFilename('..')).toBe('file');
    expect(sanitizeFilename('dir/')).toBe('file');
    expect(sanitizeFilename('')).toBe('file');
  });

  it('replaces each run of other characters with one underscore, and keeps 200 characters', () => {
    expect(sanitizeFilename('Rechnung (März) #3.csv')).toBe('Rechnung_M_rz_3.csv');
    expect(sanitizeFilename('ok-name_1.CSV')).toBe('ok-name_1.CSV');
    expect(sanitizeFilename(`${'a'.repeat(250)}.csv`)).toBe('a'.repeat(200));
  });
});
