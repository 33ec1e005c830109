import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate, parseDateTime } from '../../functions/core/enrich/datetime.ts';

// Dates and times printed the ways exports print them, read back by parseDateTime and held to
// an answer computed without it: the instant from Date.UTC and the printed offset, the wall
// clock of a zone from the runtime's ICU (Intl.DateTimeFormat), the calendar from Date.UTC.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const UTC = { timezone: 'UTC' };

const two = (n: number) => String(n).padStart(2, '0');
const four = (n: number) => String(n).padStart(4, '0');

/** `YYYY-MM-DDTHH:MM:SSZ` of a UTC instant in ms (whole seconds). */
function isoOf(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** A real calendar day and a time of day, from Date.UTC (years 1000-9999). */
const dayAndTime = fc
  .record({
    day: fc.integer({ min: Date.UTC(1000, 0, 1) / 86_400_000, max: Date.UTC(9999, 11, 30) / 86_400_000 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
  })
  .map(({ day, h, mi, s }) => {
    const d = new Date(day * 86_400_000);
    return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), wd: d.getUTCDay(), h, mi, s };
  });

/** 12-hour clock of an hour of the day: 0 is 12 AM, 12 is 12 PM. */
function twelve(h: number): { h12: number; pm: boolean } {
  return { h12: h % 12 === 0 ? 12 : h % 12, pm: h >= 12 };
}

/** The date printed in one of the numeric or named ways exports use, read in UTC. */
function printedDates(t: { y: number; mo: number; d: number; wd: number }): string[] {
  const { y, mo, d, wd } = t;
  const mon = MONTHS[mo - 1]!;
  const out = [
    `${four(y)}-${two(mo)}-${two(d)}`,
    `${four(y)}/${two(mo)}/${two(d)}`,
    `${four(y)}.${two(mo)}.${two(d)}`,
    `${four(y)}${two(mo)}${two(d)}`,
    `${d}.${mo}.${y}`,
    `${two(d)}.${two(mo)}.${y}`,
    `${d}. ${mo}. ${y}`,
    `${two(d)}.${two(mo)}.${y}.`,
    `${d} ${mon} ${y}`,
    `${d} ${mon.slice(0, 3)} ${y}`,
    `${two(d)}-${mon.slice(0, 3)}-${y}`,
    `${d}/${mon.slice(0, 3).toUpperCase()}/${y}`,
    `${d}.${mon.slice(0, 3).toLowerCase()}.${y}`,
    `${d}-${mon.slice(0, 3)}.-${y}`,
    `${mon} ${d}, ${y}`,
    `${mon.slice(0, 3)}. ${d}, ${y}`,
    `${mon.slice(0, 3)}-${two(d)}-${y}`,
    `${mon.slice(0, 3)}/${d}/${y}`,
    `${mon} ${d}${d === 1 || d === 21 || d === 31 ? 'st' : d === 2 || d === 22 ? 'nd' : d === 3 || d === 23 ? 'rd' : 'th'}, ${y}`,
    `${WEEKDAYS[wd]}, ${mon} ${d}, ${y}`,
    `${WEEKDAYS[wd]!.slice(0, 3)}. ${d} ${mon} ${y}`,
    `${WEEKDAYS[wd]!.slice(0, 3)} ${four(y)}-${two(mo)}-${two(d)}`,
  ];
  // month-first where the US prints it, and where the first number cannot be a month
  if (d > 12 || d === mo) out.push(`${two(mo)}/${two(d)}/${y}`, `${mo}-${d}-${y}`, `${d}/${mo}/${y}`, `${d}-${two(mo)}-${y}`);
  else out.push(`${two(mo)}/${two(d)}/${y}`, `${mo}/${d}/${y}`, `${mo}-${d}-${y}`);
  return out;
}

describe('parseDateTime against the UTC calendar', () => {
  it('reads a date printed every way exports print it as midnight UTC of that day', () => {
    fc.assert(
      fc.property(dayAndTime, (t) => {
        const want = isoOf(Date.UTC(t.y, t.mo - 1, t.d));
        for (const cell of printedDates(t)) {
          expect(parseDateTime(cell, undefined, UTC), cell).toEqual({ ok: true, iso: want });
          expect(parseDate(cell), cell).toEqual({ ok: true, iso: want.slice(0, 10) });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('reads two-digit years as 1950-2049', () => {
    fc.assert(
      fc.property(dayAndTime, fc.integer({ min: 1950, max: 2049 }), (t, y) => {
        const want = Date.UTC(y, t.mo - 1, 1);
        const yy = two(y % 100);
        for (const cell of [`${t.mo}/1/${yy}`, `01.${two(t.mo)}.${yy}`, `1-${MONTHS[t.mo - 1]!.slice(0, 3)}-${yy}`, `${MONTHS[t.mo - 1]} 1, ${yy}`]) {
          expect(parseDateTime(cell, undefined, UTC), cell).toEqual({ ok: true, iso: isoOf(want) });
        }
      }),
      { numRuns: 100 },
    );
  });

  it('reads a time of day, 24-hour or 12-hour, in the date cell or a cell of its own', () => {
    fc.assert(
      fc.property(dayAndTime, (t) => {
        const date = `${four(t.y)}-${two(t.mo)}-${two(t.d)}`;
        const { h12, pm } = twelve(t.h);
        const withSeconds = isoOf(Date.UTC(t.y, t.mo - 1, t.d, t.h, t.mi, t.s));
        const noSeconds = isoOf(Date.UTC(t.y, t.mo - 1, t.d, t.h, t.mi));
        const clocks: [string, string][] = [
          [`${two(t.h)}:${two(t.mi)}:${two(t.s)}`, withSeconds],
          [`${t.h}:${two(t.mi)}:${two(t.s)}.250`, withSeconds],
          [`${two(t.h)}:${two(t.mi)}:${two(t.s)},9`, withSeconds],
          [`${two(t.h)}:${two(t.mi)}`, noSeconds],
          [`${h12}:${two(t.mi)}:${two(t.s)} ${pm ? 'PM' : 'AM'}`, withSeconds],
          [`${h12}:${two(t.mi)}${pm ? 'pm' : 'am'}`, noSeconds],
          [`${h12}:${two(t.mi)} ${pm ? 'p.m.' : 'a.m.'}`, noSeconds],
          [`${h12}:${two(t.mi)} ${pm ? 'P.M' : 'A.M'}`, noSeconds],
          [`${h12}:${two(t.mi)}${pm ? 'p' : 'a'}`, noSeconds],
          [`${h12} ${pm ? 'PM' : 'AM'}`, isoOf(Date.UTC(t.y, t.mo - 1, t.d, t.h))],
        ];
        for (const [clock, want] of clocks) {
          expect(parseDateTime(`${date} ${clock}`, undefined, UTC), `${date} ${clock}`).toEqual({ ok: true, iso: want });
          expect(parseDateTime(`${date}T${clock}`, undefined, UTC), `${date}T${clock}`).toEqual({ ok: true, iso: want });
          expect(parseDateTime(`${MONTHS[t.mo - 1]} ${t.d}, ${t.y} at ${clock}`, undefined, UTC), `at ${clock}`).toEqual({ ok: true, iso: want });
          expect(parseDateTime(`${t.d}.${t.mo}.${t.y}, ${clock}`, undefined, UTC), `, ${clock}`).toEqual({ ok: true, iso: want });
          expect(parseDateTime(date, clock, UTC), `${date} | ${clock}`).toEqual({ ok: true, iso: want });
          expect(parseDateTime(`${date} 23:59:59`, ` ${clock} `, UTC), `time cell ${clock}`).toEqual({ ok: true, iso: want });
        }
        // compact and dotted clocks, in a time cell of their own
        const cells: [string, string][] = [
          [`${two(t.h)}${two(t.mi)}`, noSeconds],
          [`${t.h}${two(t.mi)}`, noSeconds],
          [`${two(t.h)}${two(t.mi)}${two(t.s)}`, withSeconds],
          [`${two(t.h)}.${two(t.mi)}.${two(t.s)}`, withSeconds],
          [`${t.h}.${two(t.mi)}`, noSeconds],
          [`${h12}${two(t.mi)} ${pm ? 'PM' : 'AM'}`, noSeconds],
        ];
        for (const [clock, want] of cells) {
          expect(parseDateTime(date, clock, UTC), `${date} | ${clock}`).toEqual({ ok: true, iso: want });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the instant of a time written with an offset or a zone name', () => {
    const ZONES: [string, number][] = [
      ['Z', 0], ['UTC', 0], ['GMT', 0], ['UT', 0], ['EST', -300], ['EDT', -240], ['CST', -360], ['CDT', -300],
      ['MST', -420], ['MDT', -360], ['PST', -480], ['PDT', -420], ['AKST', -540], ['AKDT', -480], ['HST', -600],
      ['BST', 60], ['CET', 60], ['CEST', 120], ['EET', 120], ['EEST', 180],
    ];
    fc.assert(
      fc.property(
        dayAndTime.filter((t) => t.y > 1000 && t.y < 9999),
        fc.integer({ min: -14 * 60 - 59, max: 14 * 60 + 59 }),
        fc.constantFrom(...ZONES),
        fc.constantFrom('America/New_York', 'Asia/Tokyo', 'UTC'),
        (t, offset, [abbr, abbrOffset], timezone) => {
          const wall = Date.UTC(t.y, t.mo - 1, t.d, t.h, t.mi, t.s);
          const sign = offset < 0 ? '-' : '+';
          const oh = two(Math.floor(Math.abs(offset) / 60));
          const om = two(Math.abs(offset) % 60);
          const clock = `${two(t.h)}:${two(t.mi)}:${two(t.s)}`;
          const want = isoOf(wall - offset * 60_000);
          const opts = { timezone };
          for (const zone of [`${sign}${oh}:${om}`, `${sign}${oh}${om}`, ` ${sign}${oh}:${om}`, ` UTC${sign}${oh}:${om}`, `GMT${sign}${oh}${om}`]) {
            expect(parseDateTime(`${t.mo}/${t.d}/${t.y} ${clock}${zone}`, undefined, opts), `${clock}${zone}`).toEqual({ ok: true, iso: want });
            expect(parseDateTime(`${t.y}-${two(t.mo)}-${two(t.d)}`, `${clock}${zone}`, opts), `cell ${clock}${zone}`).toEqual({ ok: true, iso: want });
          }
          if (offset % 60 === 0) {
            const whole = `${sign}${oh}`;
            expect(parseDateTime(`${t.mo}/${t.d}/${t.y} ${clock}${whole}`, undefined, opts), `${clock}${whole}`).toEqual({ ok: true, iso: want });
            expect(parseDateTime(`${t.mo}/${t.d}/${t.y} ${clock} ${sign}${Number(oh)}`, undefined, opts)).toEqual({ ok: true, iso: want });
          }
          const named = isoOf(wall - abbrOffset * 60_000);
          expect(parseDateTime(`${t.d} ${MONTHS[t.mo - 1]} ${t.y} ${clock} ${abbr}`, undefined, opts), `${clock} ${abbr}`).toEqual({ ok: true, iso: named });
          expect(parseDateTime(`${t.d}.${t.mo}.${t.y}`, `${clock}${abbr.toLowerCase()}`, opts), `${clock}${abbr}`).toEqual({ ok: true, iso: named });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('parseDateTime on numbers alone', () => {
  it('reads 10 digits as epoch seconds and 13 as epoch milliseconds, in any zone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000_000_000, max: 9_999_999_999 }), fc.integer({ min: 0, max: 999 }), (sec, ms) => {
        const want = isoOf(sec * 1000);
        expect(parseDateTime(String(sec), undefined, { timezone: 'Asia/Tokyo' })).toEqual({ ok: true, iso: want });
        expect(parseDateTime(` ${sec * 1000 + ms} `, undefined, { timezone: 'America/New_York' })).toEqual({ ok: true, iso: want });
        expect(parseDate(String(sec))).toEqual({ ok: true, iso: want.slice(0, 10) });
      }),
      { numRuns: 200 },
    );
  });

  it('reads a spreadsheet serial as days since 1899-12-30 in the job zone, a fraction as the time of day', () => {
    const EPOCH = Date.UTC(1899, 11, 30);
    fc.assert(
      fc.property(fc.integer({ min: 20_000, max: 79_999 }), fc.integer({ min: 0, max: 86_399 }), (days, sec) => {
        const want = EPOCH + days * 86_400_000 + sec * 1000;
        // ten decimals: a second is 0.0000115... of a day, so the print rounds back to the same second
        const fraction = (sec / 86_400).toFixed(10).slice(1);
        expect(parseDateTime(`${days}${fraction}`, undefined, UTC), `${days}${fraction}`).toEqual({ ok: true, iso: isoOf(want) });
        expect(parseDateTime(String(days), undefined, UTC)).toEqual({ ok: true, iso: isoOf(EPOCH + days * 86_400_000) });
        expect(parseDateTime(String(days), '10:00', UTC)).toEqual({ ok: true, iso: isoOf(EPOCH + days * 86_400_000 + 36_000_000) });
      }),
      { numRuns: 200 },
    );
  });

  it('refuses other runs of digits as dates', () => {
    for (const cell of ['19999', '80000', '123456789', '12345678901', '123456789012', '12345678901234', '45964.5.5', '45964.', '45964,5', '0045964']) {
      expect(parseDateTime(cell, undefined, UTC).ok, cell).toBe(false);
    }
    // the first and last serials read: 1954-10-03 and 2119-01-10
    expect(parseDateTime('20000', undefined, UTC)).toEqual({ ok: true, iso: isoOf(Date.UTC(1954, 9, 3)) });
    expect(parseDateTime('79999', undefined, UTC)).toEqual({ ok: true, iso: isoOf(Date.UTC(2119, 0, 10)) });
  });
});

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of an instant in a zone, as ICU prints it: `YYYY-MM-DD HH:MM:SS`. */
function wallClock(ms: number, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(ms).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** The zone's UTC offset (ms) at an instant, from its wall clock. */
function offsetMs(ms: number, timeZone: string): number {
  return Date.parse(`${wallClock(ms, timeZone).replace(' ', 'T')}Z`) - ms;
}

/** The first instant showing the wall clock of `t` (the same as `t` unless the hour repeats). */
function firstWithWall(t: number, timeZone: string): number {
  const wall = wallClock(t, timeZone);
  let first = t;
  for (let k = -12; k <= 12; k++) if (wallClock(t + k * 15 * 60_000, timeZone) === wall) first = Math.min(first, t + k * 15 * 60_000);
  return first;
}

describe('parseDateTime in a time zone, against ICU', () => {
  const ZONES = ['America/New_York', 'Europe/London', 'Europe/Berlin', 'Australia/Lord_Howe', 'Australia/Sydney', 'America/Santiago', 'Asia/Kolkata', 'Pacific/Chatham', 'America/St_Johns', 'Asia/Tehran'];
  const QUARTER = 15 * 60_000;

  it('reads the wall clock of any instant back to it, or to the first instant with that wall clock when the hour repeats', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2040, 0, 1) / 1000 }), fc.constantFrom(...ZONES), (sec, zone) => {
        const t = sec * 1000;
        const wall = wallClock(t, zone);
        expect(parseDateTime(wall, undefined, { timezone: zone }), `${zone} ${wall}`).toEqual({ ok: true, iso: isoOf(firstWithWall(t, zone)) });
      }),
      { numRuns: 300 },
    );
  });

  it('reads the wall clocks next to each change of offset back to their instants', () => {
    let changes = 0;
    for (const zone of ZONES) {
      // the changes of two years: a day whose offset differs from the day before, narrowed to its quarter hour
      for (let day = Date.UTC(2025, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000) {
        if (offsetMs(day, zone) === offsetMs(day + 86_400_000, zone)) continue;
        let lo = day;
        let hi = day + 86_400_000;
        while (hi - lo > QUARTER) {
          const mid = lo + Math.floor((hi - lo) / QUARTER / 2) * QUARTER;
          if (offsetMs(mid, zone) === offsetMs(day, zone)) lo = mid;
          else hi = mid;
        }
        changes++;
        for (let k = -5; k <= 4; k++) {
          const at = hi + k * QUARTER + 7 * 60_000;
          const wall = wallClock(at, zone);
          expect(parseDateTime(wall, undefined, { timezone: zone }), `${zone} ${wall}`).toEqual({ ok: true, iso: isoOf(firstWithWall(at, zone)) });
        }
      }
    }
    // two a year in each zone but Kolkata's and Tehran's (no daylight time since 2022)
    expect(changes).toBe(32);
  });

  it('takes the first of a repeated hour east of UTC too, where the wall clock read as UTC is already past the change', () => {
    // Berlin, London, Sydney and Lord Howe Island (a half-hour change) turn their clocks back
    const cases: [string, string, number][] = [
      ['Europe/Berlin', '2025-10-26 02:30', Date.UTC(2025, 9, 26, 0, 30)],
      ['Europe/London', '2025-10-26 01:30', Date.UTC(2025, 9, 26, 0, 30)],
      ['Australia/Sydney', '2025-04-06 02:30', Date.UTC(2025, 3, 5, 15, 30)],
      ['Australia/Lord_Howe', '2025-04-06 01:45', Date.UTC(2025, 3, 5, 14, 45)],
      ['America/New_York', '2025-11-02 01:30', Date.UTC(2025, 10, 2, 5, 30)],
    ];
    for (const [timezone, wall, first] of cases) {
      expect(parseDateTime(wall, undefined, { timezone }), `${timezone} ${wall}`).toEqual({ ok: true, iso: isoOf(first) });
    }
  });

  it('moves a wall clock in a gap forward by the gap', () => {
    // 02:30 does not exist in New York on 2025-03-09, nor 02:15 on Lord Howe Island (a half-hour change) on 2025-10-05
    expect(parseDateTime('2025-03-09 02:30', undefined, { timezone: 'America/New_York' })).toEqual({ ok: true, iso: '2025-03-09T07:30:00Z' });
    expect(parseDateTime('2025-10-05 02:15', undefined, { timezone: 'Australia/Lord_Howe' })).toEqual({ ok: true, iso: isoOf(Date.UTC(2025, 9, 4, 15, 45)) });
  });
});
