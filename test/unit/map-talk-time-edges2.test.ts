import { describe, expect, it } from 'vitest';
import { measuredWithinBilled } from '../../functions/core/map/billed-length.ts';
import { parseDurationSeconds } from '../../functions/core/enrich/duration.ts';

const col = (header: string, values: string[]) => ({ header, values });

describe('measuredWithinBilled at its edges', () => {
  const billed = col('billed_sec', ['60', '120', '60']);

  it('takes whole seconds with spaces around them under a header stating the unit', () => {
    expect(measuredWithinBilled(billed, [{ column: 1, ...col('call_sec', [' 42', '75 ', ' 60 ']) }])).toEqual([1]);
  });

  it('takes under such a header only whole numbers, not a clock length among them', () => {
    expect(measuredWithinBilled(billed, [{ column: 1, ...col('call_sec', ['42', '1:15', '60']) }])).toEqual([]);
  });

  it('reads no blank marker as a length (what lets the two-value check be a shortcut)', () => {
    for (const v of ['', ' ', '-', '--', '---', '\u2013', '\u2014', 'n/a', 'NA', '#N/A', 'null', 'nil']) {
      expect(parseDurationSeconds(v).ok, v).toBe(false);
    }
  });
});
