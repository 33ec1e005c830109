import { describe, expect, it } from 'vitest';
import { describeMapping, LOW_COVERAGE_SHARE, lowCoverageWarning } from '../../functions/core/map/mapping-report.ts';
import type { FieldMapping } from '../../functions/core/pipeline-types.ts';

const fm = (field: string, sources: number[], sourceHeaders: string[], transforms?: FieldMapping['transforms']): FieldMapping => ({
  field,
  sources,
  sourceHeaders,
  confidence: 0.9,
  reason: 'synonym',
  ...(transforms ? { transforms } : {}),
});

describe('describeMapping', () => {
  it('lists the non-empty columns no field takes, with up to three distinct samples', () => {
    const headers = ['Name', 'Notes', 'Empty', '', 'Tag'];
    const rows = [
      ['a', ' x ', '', 'k', 'n/a'],
      ['b', 'x', ' ', '', 't1'],
      ['c', 'y', '', '', 't2'],
      ['d', 'z', '', '', 't3'],
      ['e', 'w', '', '', 't4'],
    ];
    const r = describeMapping([fm('name', [0], ['Name'])], headers, rows);
    expect(r.unmappedColumns).toEqual([
      { column: 1, header: 'Notes', samples: ['x', 'y', 'z'] },
      { column: 3, header: '', samples: ['k'] },
      { column: 4, header: 'Tag', samples: ['t1', 't2', 't3'] },
    ]);
    expect(r.nonEmptyColumns).toBe(4);
    expect(r.unmapped).toBe(3);
    expect(r.warnings).toEqual([
      { code: 'unmapped_columns', message: '3 non-empty column(s) are not mapped to any field and are not imported: "Notes", "", "Tag"', count: 3 },
    ]);
  });

  it('without sample rows, counts every column with a header', () => {
    const r = describeMapping([fm('name', [0], ['Name'])], ['Name', ' ', 'Notes'], []);
    expect(r.nonEmptyColumns).toBe(2);
    expect(r.unmappedColumns).toEqual([{ column: 2, header: 'Notes', samples: [] }]);
    expect(r.warnings.map((w) => w.code)).toEqual(['unmapped_columns']);
  });

  it('cuts long headers and samples, lists fifty columns and names five in the warning', () => {
    const headers = Array.from({ length: 60 }, (_, i) => `C${i}`);
    headers[0] = 'h'.repeat(130);
    const rows = [headers.map((_, i) => (i === 0 ? 'v'.repeat(130) : `v${i}`))];
    const r = describeMapping([], headers, rows);
    expect(r.unmapped).toBe(60);
    expect(r.nonEmptyColumns).toBe(60);
    expect(r.unmappedColumns).toHaveLength(50);
    expect(r.unmappedColumns[49]!.column).toBe(49);
    expect(r.unmappedColumns[0]).toEqual({ column: 0, header: 'h'.repeat(120), samples: ['v'.repeat(120)] });
    expect(r.warnings[0]).toEqual({
      code: 'unmapped_columns',
      message: `60 non-empty column(s) are not mapped to any field and are not imported: "${'h'.repeat(120)}", "C1", "C2", "C3", "C4", ...`,
      count: 60,
    });
    const five = describeMapping([], headers.slice(1, 6), [rows[0]!.slice(1, 6)]);
    expect(five.warnings[0]!.message).toBe('5 non-empty column(s) are not mapped to any field and are not imported: "C1", "C2", "C3", "C4", "C5"');
  });

  it('warns of a field mapped to columns empty in the samples, not of one with a filled column', () => {
    const headers = ['Date', 'Time', 'Phone', 'Notes'];
    const rows = [['', '', '555', 'x'], ['', '', '556', 'y']];
    const mapped = [fm('started_at', [0, 1], ['Date', 'Time']), fm('phone', [2], ['Phone']), fm('notes', [1, 3], ['Time', 'Notes']), fm('fixed', [], [])];
    const r = describeMapping(mapped, headers, rows);
    expect(r.warnings).toEqual([{ code: 'empty_mapped_field', message: 'mapped to a column that is empty in the sample rows: started_at <- "Date + Time"', count: 1 }]);
    expect(r.nonEmptyColumns).toBe(2);
    expect(describeMapping(mapped, headers, []).warnings).toEqual([]);
  });

  it('warns of fields read as ranges and of numbers scaled by their header', () => {
    const mapped = [
      fm('employees', [0], ['Employees'], [{ kind: 'range', pick: 'lower' }]),
      fm('revenue', [1], ['Revenue (in 000s)'], [{ kind: 'decimal_comma' }, { kind: 'scale', factor: 1000 }]),
      fm('other', [2], ['Other'], [{ kind: 'decimal_comma' }]),
      fm('size', [3], [], [{ kind: 'scale', factor: 1e6 }]),
    ];
    const r = describeMapping(mapped, ['Employees', 'Revenue (in 000s)', 'Other', 'Size'], [['1-5', '25', '3', '4']]);
    expect(r.warnings).toEqual([
      { code: 'range_values', message: 'ranges such as "101-250" are stored as their lower bound, with the text as printed in <field>_range: employees', count: 1 },
      {
        code: 'unit_scale',
        message: 'numbers multiplied by the unit their header states: revenue x 1000 (from "Revenue (in 000s)"), size x 1000000 (from "")',
        count: 2,
      },
    ]);
  });
});

describe('lowCoverageWarning', () => {
  it('flags a schema leaving more than a quarter of the non-empty columns unused', () => {
    expect(LOW_COVERAGE_SHARE).toBe(0.25);
    expect(lowCoverageWarning('contact', 1, 4)).toBeUndefined();
    expect(lowCoverageWarning('contact', 0, 0)).toBeUndefined();
    expect(lowCoverageWarning('contact', 2, 5)).toEqual({
      code: 'schema_low_coverage',
      message: 'schema contact was chosen automatically but leaves 2 of 5 non-empty columns unused; check the schema, or map the columns by hand',
      count: 2,
    });
  });
});

describe('describeMapping at its edges', () => {
  it('reads the cells past the end of a short row as blank', () => {
    const r = describeMapping([], ['A', 'B', 'C'], [['x', 'y'], ['z']]);
    expect(r.nonEmptyColumns).toBe(2);
    expect(r.unmappedColumns).toEqual([
      { column: 0, header: 'A', samples: ['x', 'z'] },
      { column: 1, header: 'B', samples: ['y'] },
    ]);
  });

  it('names every empty mapped field, every range field, in one warning each', () => {
    const mapped = [
      fm('started_at', [0], ['Date']),
      fm('ended_at', [1], ['End']),
      fm('employees', [2], ['Employees'], [{ kind: 'decimal_comma' }, { kind: 'range', pick: 'lower' }]),
      fm('revenue', [3], ['Revenue'], [{ kind: 'range', pick: 'lower' }]),
    ];
    const r = describeMapping(mapped, ['Date', 'End', 'Employees', 'Revenue'], [['', '', '1-5', '1-2M']]);
    expect(r.warnings).toEqual([
      { code: 'empty_mapped_field', message: 'mapped to a column that is empty in the sample rows: started_at <- "Date", ended_at <- "End"', count: 2 },
      { code: 'range_values', message: 'ranges such as "101-250" are stored as their lower bound, with the text as printed in <field>_range: employees, revenue', count: 2 },
    ]);
  });
});
