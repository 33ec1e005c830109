import { describe, expect, it } from 'vitest';
import { alignRecords, sameValue, scoreRecords } from '../eval/records.ts';

describe('records evaluation scoring', () => {
  it('compares instants as instants, null as absent, lists as sets', () => {
    expect(sameValue('started_at', '2025-03-08T04:26:09Z', '2025-03-08T04:26:09.000Z')).toBe(true);
    expect(sameValue('started_at', '2025-03-08T04:26:09Z', '2025-03-08T04:26:00Z')).toBe(false);
    expect(sameValue('direction', null, undefined)).toBe(true);
    expect(sameValue('direction', null, 'inbound')).toBe(false);
    expect(sameValue('direction', 'inbound', undefined)).toBe(false);
    expect(sameValue('technologies', ['SAP', 'AWS'], ['aws', 'SAP'])).toBe(true);
    expect(sameValue('cost_minor', -1, -1)).toBe(true);
    expect(sameValue('cost_minor', -1, '-1')).toBe(false);
  });

  it('pairs records in file order around a rejected row, and scores its fields as wrong', () => {
    const expected = [{ n: 'a', d: 'inbound' }, { n: 'b', d: 'outbound' }, { n: 'c', d: 'inbound' }];
    const actual = [{ n: 'a', d: 'inbound' }, { n: 'c', d: 'inbound' }];
    expect(alignRecords(expected, actual)).toEqual([0, -1, 1]);
    const s = scoreRecords(expected, actual);
    expect(s.tally).toEqual({ correct: 4, scored: 6 });
    expect(s.byField.get('d')).toEqual({ correct: 2, scored: 3 });
    expect(s.misses[0]).toBe('record 2 n: expected "b", got (no record)');
  });
});
