import { describe, expect, it } from 'vitest';
import { momentParsersForTests as p } from '../../functions/core/enrich/datetime.ts';

/** What parseMoment makes of a cell, and what the fast path does (null: it leaves the cell to parseMoment). */
function compare(raw: string, fast: (s: string) => ReturnType<typeof p.parseMoment>, allowCompactTime: boolean) {
  const quick = fast(raw);
  if (quick === null) return 'slow';
  expect(p.checkRanges({ ...quick }), raw).toEqual(p.parseMoment(raw, allowCompactTime));
  return 'fast';
}

describe('datetime fast paths', () => {
  it('read slashed dates exactly as the general parser does, or leave them to it', () => {
    const seen = { fast: 0, slow: 0 };
    for (const first of ['0', '1', '01', '9', '10', '12', '13', '31', '32', '00', '123']) {
      for (const second of ['0', '1', '05', '9', '12', '13', '28', '29', '30', '31', '32', '00']) {
        for (const year of ['2025', '2024', '1999', '0999', '99', '20251']) {
          seen[compare(`${first}/${second}/${year}`, p.parseSlashDateFast, false)]++;
        }
      }
    }
    // most of the grid goes the fast way; the rest (day-first, two-digit years, junk) the general one
    expect(seen.fast).toBeGreaterThan(150);
    expect(seen.slow).toBeGreaterThan(100);
  });

  it('read clock times exactly as the general parser does (compact times allowed), or leave them to it', () => {
    const seen = { fast: 0, slow: 0 };
    for (const h of ['0', '00', '1', '09', '9', '11', '12', '13', '23', '24', '25', '123']) {
      for (const m of ['00', '05', '30', '59', '60', '5', '99']) {
        for (const sec of ['', ':00', ':59', ':60', ':7']) {
          for (const marker of ['', 'a', 'p', 'am', 'pm', 'A', 'P', 'AM', 'PM', 'x', ' pm', 'pmm']) {
            seen[compare(`${h}:${m}${sec}${marker}`, p.parseClockFast, true)]++;
          }
        }
      }
    }
    expect(seen.fast).toBeGreaterThan(1000);
    expect(seen.slow).toBeGreaterThan(500);
  });
});
