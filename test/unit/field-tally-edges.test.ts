import { describe, expect, it } from 'vitest';
import { DISTINCT_CAP, mergeQualityCounts, OTHER_REASONS, REASONS_CAP, reasonKey, type QualityCounts } from '../../functions/core/quality/field-tally.ts';

/* The quality counts of a job added up from its chunks, at their caps. */

const reasons = (n: number, from = 0) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`reason ${String(from + i).padStart(2, '0')}`, n - i]));

describe('reasonKey', () => {
  it('keeps a reason of 120 characters and cuts a longer one to 119 and an ellipsis', () => {
    expect(reasonKey('x'.repeat(120))).toBe('x'.repeat(120));
    expect(reasonKey('x'.repeat(121))).toBe(`${'x'.repeat(119)}…`);
    expect(reasonKey('not a recognised time: "25:99"')).toBe('not a recognised time: "…"');
  });
});

describe('mergeQualityCounts', () => {
  it('adds up every count of a field and the row reasons across chunks', () => {
    const a: QualityCounts = { records: 2, fields: { phone: { filled: 1, notApplicable: 1, blanked: 1, rejected: 2, reasons: { bad: 3 } } }, rowReasons: { 'empty row': 1 } };
    const b: QualityCounts = { records: 3, fields: { phone: { filled: 2, notApplicable: 2, rejected: 1, reasons: { bad: 1 } } }, rowReasons: { 'empty row': 2, 'x: odd': 1 } };
    const c: QualityCounts = { records: 1, fields: { phone: { filled: 1 } } };
    expect(mergeQualityCounts([a, b, c])).toEqual({
      records: 6,
      fields: { phone: { filled: 4, notApplicable: 3, blanked: 1, rejected: 3, reasons: { bad: 4 } } },
      rowReasons: { 'empty row': 3, 'x: odd': 1 },
    });
    expect(mergeQualityCounts([c])).toEqual({ records: 1, fields: { phone: { filled: 1 } } });
  });

  it(`keeps ${REASONS_CAP} reasons as they are, and past that the most frequent with the rest under "${OTHER_REASONS}"`, () => {
    const ten = mergeQualityCounts([{ records: 1, fields: { f: { filled: 0, reasons: reasons(REASONS_CAP) } }, rowReasons: reasons(REASONS_CAP) }]);
    expect(ten.fields.f!.reasons).toEqual(reasons(REASONS_CAP));
    expect(ten.rowReasons).toEqual(reasons(REASONS_CAP));
    const eleven = mergeQualityCounts([{ records: 1, fields: { f: { filled: 0, reasons: { ...reasons(REASONS_CAP + 1), [OTHER_REASONS]: 5 } } } }]);
    const kept = eleven.fields.f!.reasons!;
    expect(Object.keys(kept)).toHaveLength(REASONS_CAP);
    // the 9 most frequent kept; the two least frequent (2 and 1) join the 5 an earlier cap put under "other reasons"
    expect(kept[OTHER_REASONS]).toBe(2 + 1 + 5);
    expect(kept['reason 08']).toBe(3);
    expect(kept['reason 09']).toBeUndefined();
    expect(kept['reason 00']).toBe(REASONS_CAP + 1);
  });

  it(`keeps the values of a field while there are at most ${DISTINCT_CAP}`, () => {
    const values = (n: number, from = 0) => Array.from({ length: n }, (_, i): [string, number] => [`v${from + i}`, 1]);
    const at = mergeQualityCounts([{ records: 1, fields: { f: { filled: 1, values: values(DISTINCT_CAP - 1) } } }, { records: 1, fields: { f: { filled: 1, values: values(1, DISTINCT_CAP - 1) } } }]);
    expect(at.fields.f!.values).toHaveLength(DISTINCT_CAP);
    const past = mergeQualityCounts([{ records: 1, fields: { f: { filled: 1, values: values(DISTINCT_CAP) } } }, { records: 1, fields: { f: { filled: 1, values: values(1, DISTINCT_CAP) } } }]);
    expect(past.fields.f).toEqual({ filled: 2, manyValues: true });
  });
});
