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
    for (const first of ['0', '1', '01', '9', '10', '12', '13', '31', '32', '00', '123', '001', '012', '1x']) {
      for (const second of ['0', '1', '05', '9', '12', '13', '28', '29', '30', '31', '32', '00', '005', '012', '', '5x']) {
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
    for (const h of ['0', '00', '1', '09', '9', '11', '12', '13', '23', '24', '25', '123', 'x', '1x']) {
      for (const m of ['00', '05', '30', '59', '60', '5', '99']) {
        for (const sec of ['', ':00', ':59', ':60', ':7']) {
          for (const marker of ['', 'a', 'p', 'am', 'pm', 'A', 'P', 'AM', 'PM', 'x', ' pm', 'pmm', 'px', 'ax', 'p5', 'm']) {
            seen[compare(`${h}:${m}${sec}${marker}`, p.parseClockFast, true)]++;
          }
        }
      }
    }
    expect(seen.fast).toBeGreaterThan(1000);
    expect(seen.slow).toBeGreaterThan(500);
  });
});

/**
 * The ISO fast path against an oracle of its own contract, YYYY-MM-DD[(T|t| )HH:MM[:SS[.fff]]]
 * [Z|z|±HH:MM|±HHMM|±HH] with the offset bounds parseZone keeps (hours up to 14, minutes up to
 * 59). parseMoment tries this path first, so comparing the two would compare it with itself.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d*)?)?([Zz]|[+-]\d{2}(?::\d{2}|\d{2})?)?)?$/;

function oracle(s: string) {
  const m = ISO.exec(s);
  if (m === null) return null;
  const [, y, mo, d, h, mi, sec, zone] = m;
  let offset: number | null = null;
  if (zone === 'Z' || zone === 'z') offset = 0;
  else if (zone !== undefined) {
    const oh = Number(zone.slice(1, 3));
    const om = zone.length > 3 ? Number(zone.slice(-2)) : 0;
    if (oh > 14 || om > 59) return null;
    offset = (zone[0] === '+' ? 1 : -1) * (oh * 60 + om);
  }
  return { hasDate: true, hasTime: h !== undefined, y: Number(y), mo: Number(mo), d: Number(d), h: Number(h ?? 0), mi: Number(mi ?? 0), s: Number(sec ?? 0), offset };
}

describe('the ISO fast path', () => {
  it('reads every cell its contract describes, exactly, and leaves every other cell to the general parser', () => {
    let read = 0;
    for (const date of ['2025-11-03', '1999-01-31', '2025-13-40', '2025-1-03', '2025-11-3', '2025/11/03', '025-11-03', '2025-11-0x', '2025/11-03', '2025-11/03', '20x5-11-03', '2025-x1-03', '0000-00-00']) {
      for (const sep of ['T', 't', ' ', '_', '']) {
        for (const time of ['', '14:05', '14:05:09', '14:05:09.123', '14:05:09.', '1405', '14:5', '14:05:9', '14-05', 'x4:05', '14:05:09.12x', '00:00:00.09', '14:0', '14:05:0x']) {
          for (const zone of ['', 'Z', 'z', '+05:30', '-08:00', '+0530', '-0800', '+05', '-3', '+14:59', '+15:00', '+05:60', '+05-30', 'Zz', ' Z', '+00:00', 'x05:30', '~0530', '+053', '+05301', '+0x:30', '+05:3x']) {
            const cell = time === '' ? (sep === '' ? `${date}${zone}` : date) : `${date}${sep}${time}${zone}`;
            const fast = p.parseIsoFast(cell);
            const want = oracle(cell);
            if (want === null) expect(fast, cell).toBeNull();
            else {
              read++;
              expect(fast, cell).toMatchObject(want);
            }
          }
        }
      }
    }
    expect(read).toBeGreaterThan(300);
  });
});

describe('checkRanges', () => {
  const at = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, hasTime = false) => ({ hasDate: true, hasTime, y, mo, d, h, mi, s, offset: null, numeric: false });

  it('keeps exactly the calendar days the UTC calendar has, in years 1000-9999 (leap years by 4, 100 and 400)', () => {
    let kept = 0;
    for (const y of [999, 1000, 1900, 2000, 2023, 2024, 2100, 9999, 10000]) {
      for (let mo = 0; mo <= 13; mo++) {
        for (let d = 0; d <= 32; d++) {
          const day = new Date(Date.UTC(y, mo - 1, d));
          const real = y >= 1000 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
          expect(p.checkRanges(at(y, mo, d)) !== null, `${y}-${mo}-${d}`).toBe(real);
          if (real) kept++;
        }
      }
    }
    // 7 four-digit years of 365 or 366 days (2000 and 2024 leap, 1900 and 2100 not)
    expect(kept).toBe(7 * 365 + 2);
  });

  it('keeps times up to 23:59:59 and a date-less time on its own', () => {
    for (const [h, mi, s, ok] of [[23, 59, 59, true], [24, 0, 0, false], [0, 60, 0, false], [0, 0, 60, false], [0, 0, 0, true]] as const) {
      expect(p.checkRanges(at(2024, 2, 29, h, mi, s, true)) !== null, `${h}:${mi}:${s}`).toBe(ok);
      // a clock time without a date is not held to a calendar
      expect(p.checkRanges({ ...at(0, 0, 0, h, mi, s, true), hasDate: false }) !== null, `time ${h}:${mi}:${s}`).toBe(ok);
    }
  });
});
