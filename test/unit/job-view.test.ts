import { describe, expect, it } from 'vitest';
import { executionNameFor, resumePointFor, toApiJob, type JobRecord } from '../../functions/core/jobs/job.ts';
import type { MappingResult } from '../../functions/core/pipeline-types.ts';

// What the API shows of a stored job, and where a retry of it picks up.

const base: JobRecord = {
  tenantId: 't',
  jobId: 'job_1',
  status: 'running',
  attempt: 1,
  schema: 'call_record',
  options: {},
  source: { bucket: 'b', key: 'k', filename: 'calls.csv', size: 10 },
  progress: { rowsRead: 0, rowsWritten: 0, rowsRejected: 0, rowsSkipped: 0, bytesRead: 0 },
  stages: {},
  createdAt: '2026-12-07T06:00:00.000Z',
  updatedAt: '2026-12-07T06:00:01.000Z',
};
const mapping: MappingResult = { status: 'mapped', schema: 'call_record', confidence: 0.9, missingRequired: [], fields: [] };

describe('toApiJob', () => {
  it('shows what a new job does not have yet as null or empty, never as absent', () => {
    const api = toApiJob(base);
    expect(api).toMatchObject({
      jobId: 'job_1',
      stage: null,
      classification: null,
      mapping: null,
      error: null,
      warnings: [],
      quality: null,
      accountsStore: null,
      output: null,
      executionName: null,
      retention: null,
      finishedAt: null,
      stages: {},
      progress: { rowsRead: 0, rowsWritten: 0, rowsRejected: 0, rowsSkipped: 0, percent: 0 },
    });
    expect(api.source).toEqual({ filename: 'calls.csv', size: 10, contentType: undefined, sessionId: undefined, sha256: undefined });
  });

  it('shows a mapping\'s optional parts as null or empty lists', () => {
    expect(toApiJob({ ...base, mapping }).mapping).toEqual({
      status: 'mapped', schema: 'call_record', confidence: 0.9, missingRequired: [], source: null, templateId: null, templateVersion: null,
      fields: [], unmappedColumns: [], warnings: [], region: null,
    });
    const full = { ...mapping, source: 'template', templateId: 'tpl', templateVersion: 3, unmappedColumns: [{ column: 2, header: 'X', samples: [] }], warnings: [{ code: 'unit_scale', message: 'm', count: 1 }], region: { code: 'DE' } } as unknown as MappingResult;
    expect(toApiJob({ ...base, mapping: full }).mapping).toMatchObject({ source: 'template', templateId: 'tpl', templateVersion: 3, unmappedColumns: full.unmappedColumns, warnings: full.warnings, region: { code: 'DE' } });
  });

  it('shows outputs as S3 addresses, the stages\' times only, and what a finished job has', () => {
    const done: JobRecord = {
      ...base,
      status: 'succeeded',
      stage: 'persist',
      stages: { parse: { startedAt: 'a', endedAt: 'b', durationMs: 5 } },
      output: { bucket: 'out', recordsKeys: ['r1', 'r2'], errorsKeys: ['e1'], manifestKey: 'm.json', columns: ['x'] },
      error: { type: 'T', message: 'M' },
      classification: { format: 'csv' } as JobRecord['classification'],
      quality: { fields: [] } as unknown as JobRecord['quality'],
      executionName: 'job_1-1',
      finishedAt: '2026-12-07T06:00:09.000Z',
    };
    const api = toApiJob(done);
    expect(api.output).toEqual({ records: ['s3://out/r1', 's3://out/r2'], errors: ['s3://out/e1'], manifest: 's3://out/m.json' });
    expect(api.stages).toEqual({ parse: { startedAt: 'a', endedAt: 'b', durationMs: 5 } });
    expect(api).toMatchObject({ stage: 'persist', error: { type: 'T', message: 'M' }, classification: { format: 'csv' }, quality: { fields: [] }, executionName: 'job_1-1', finishedAt: '2026-12-07T06:00:09.000Z' });
    expect(api.progress.percent).toBe(100);
  });
});

describe('resumePointFor', () => {
  const parsed = { chunks: [] } as unknown as JobRecord['parsed'];
  const classification = { format: 'csv' } as JobRecord['classification'];
  const at = (over: Partial<JobRecord>) => resumePointFor({ classification, parsed, mapping, ...over });

  it('starts over when Classify or Parse did not finish', () => {
    expect(resumePointFor({ parsed, mapping, stage: 'enrich' })).toBeUndefined();
    expect(resumePointFor({ classification, mapping, stage: 'enrich' })).toBeUndefined();
    expect(at({ stage: 'parse' })).toBeUndefined();
    expect(at({ stage: 'classify' })).toBeUndefined();
  });

  it('maps again after a failure in Map, or when there is no mapping', () => {
    expect(at({ stage: 'map' })).toBe('map');
    expect(at({ stage: 'enrich', mapping: undefined })).toBe('map');
    expect(at({ stage: 'enrich', error: { type: 'T', message: 'm', stage: 'map' } })).toBe('map');
  });

  it('enriches again after a failure in Enrich or Persist with a confirmed mapping, the error\'s stage first', () => {
    expect(at({ stage: 'enrich' })).toBe('enrich');
    expect(at({ stage: 'persist' })).toBe('enrich');
    expect(at({ stage: 'parse', error: { type: 'T', message: 'm', stage: 'persist' } })).toBe('enrich');
    expect(at({ stage: 'persist', error: { type: 'T', message: 'm', stage: 'parse' } })).toBeUndefined();
    expect(at({ stage: 'enrich', mapping: { ...mapping, status: 'needs_mapping' } })).toBe('map');
  });
});

describe('executionNameFor', () => {
  it('names one execution per attempt', () => {
    expect(executionNameFor('job_1', 3)).toBe('job_1-3');
  });
});
