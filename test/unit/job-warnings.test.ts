import { describe, expect, it } from 'vitest';
import { mergeWarnings, WarningTally, type JobWarning } from '../../functions/core/jobs/warnings.ts';
import { jobWarnings, toApiJob, type JobRecord } from '../../functions/core/jobs/job.ts';
import { classifyText } from '../../functions/core/detect/classify-text.ts';

const w = (code: JobWarning['code'], count: number, message = `${code} x${count}`): JobWarning => ({ code, count, message });

describe('warnings', () => {
  it('tallies one entry per code: counts add up, the first message stays', () => {
    const tally = new WarningTally();
    tally.add('unclosed_quote', 1, () => 'first on line 4');
    tally.add('invalid_characters', 2, () => 'bad bytes');
    tally.add('unclosed_quote', 3, () => 'first on line 90');
    tally.add('duplicate_columns', 0, () => 'nothing');
    expect(tally.list()).toEqual([
      { code: 'unclosed_quote', count: 4, message: 'first on line 4' },
      { code: 'invalid_characters', count: 2, message: 'bad bytes' },
    ]);
  });

  it('merges the stages and chunks of a job in order, each code once', () => {
    expect(mergeWarnings([w('duplicate_columns', 2, 'from classify')], undefined, [w('unclosed_quote', 1, 'chunk 0')], [w('unclosed_quote', 2, 'chunk 1'), w('invalid_characters', 5)])).toEqual([
      { code: 'duplicate_columns', count: 2, message: 'from classify' },
      { code: 'unclosed_quote', count: 3, message: 'chunk 0' },
      { code: 'invalid_characters', count: 5, message: 'invalid_characters x5' },
    ]);
  });

  it('shows what Classify and Parse found until the job stores its merged list, then that list', () => {
    const job = {
      classification: { warnings: [w('encoding_guessed', 1)] },
      parsed: { warnings: [w('unclosed_quote', 2)] },
    } as unknown as JobRecord;
    expect(jobWarnings(job)).toEqual([w('encoding_guessed', 1), w('unclosed_quote', 2)]);
    expect(jobWarnings({ ...job, warnings: [w('unclosed_quote', 7)] })).toEqual([w('unclosed_quote', 7)]);
    expect(jobWarnings({} as JobRecord)).toEqual([]);
  });

  it('are part of the job the API returns (and the completion event carries)', () => {
    const job: JobRecord = {
      tenantId: 't',
      jobId: 'j',
      status: 'succeeded',
      attempt: 1,
      schema: 'call_record',
      options: {},
      source: { bucket: 'b', key: 'k', filename: 'f.csv', size: 1 },
      progress: { rowsRead: 1, rowsWritten: 1, rowsRejected: 0, rowsSkipped: 0, bytesRead: 1 },
      stages: {},
      warnings: [w('invalid_characters', 3)],
      createdAt: '2026-12-06T00:00:00Z',
      updatedAt: '2026-12-06T00:00:00Z',
    };
    expect(toApiJob(job).warnings).toEqual([w('invalid_characters', 3)]);
  });
});

describe('Classify warnings', () => {
  it('warns when the encoding is a guess (no BOM, not UTF-8), and not for UTF-8', () => {
    const latin = Buffer.from('Name,City\nJosé,Zürich\nAna,São Paulo\n', 'latin1');
    expect(classifyText(latin, { size: latin.length }).warnings).toEqual([{ code: 'encoding_guessed', count: 1, message: expect.stringMatching(/read as windows-1252/) }]);
    const utf8 = Buffer.from('Name,City\nJosé,Zürich\nAna,São Paulo\n', 'utf8');
    expect(classifyText(utf8, { size: utf8.length }).warnings).toBeUndefined();
  });
});

describe('WarningTally with fields', () => {
  it('keeps the fields of the first entry and adds those of later ones, once each', () => {
    const tally = new WarningTally();
    tally.add('mapped_field_empty', 1, () => 'm', ['a']);
    tally.add('mapped_field_empty', 2, () => 'later', ['b', 'a']);
    tally.add('mapped_field_empty', 1, () => 'later');
    tally.add('unit_scale', 1, () => 'no fields');
    tally.add('unit_scale', 1, () => 'later', ['c']);
    tally.add('range_values', 0, () => 'none', ['d']);
    expect(tally.list()).toEqual([
      { code: 'mapped_field_empty', message: 'm', count: 4, fields: ['a', 'b'] },
      { code: 'unit_scale', message: 'no fields', count: 2, fields: ['c'] },
    ]);
  });
});
