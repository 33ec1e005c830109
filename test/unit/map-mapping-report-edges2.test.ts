import { describe, expect, it } from 'vitest';
import { describeMapping } from '../../functions/core/map/mapping-report.ts';
import type { FieldMapping } from '../../functions/core/pipeline-types.ts';

const fm = (field: string, sources: number[], sourceHeaders: string[], transforms?: FieldMapping['transforms']): FieldMapping => ({
  field,
  sources,
  sourceHeaders,
  confidence: 0.9,
  reason: 'synonym',
  ...(transforms ? { transforms } : {}),
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
