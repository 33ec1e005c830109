import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import type { JobOptions, MappingResult } from '../../functions/core/pipeline-types.ts';
import { createRecordBuilder } from '../../functions/core/records/build-record.ts';
import { isNaiveTime, MAX_SHAPES, naiveTimeProbe, NaiveTimeTally, naiveTimesFallBackToUtc, naiveTimesWarning } from '../../functions/core/records/naive-times.ts';
import { isValidTimeZone, parseDateTime } from '../../functions/core/enrich/datetime.ts';
import { regionDefaults, regionZoneExample } from '../../functions/core/records/region-defaults.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

const callRecord = getSchema('call_record');

describe('naiveTimesFallBackToUtc', () => {
  it('falls back when the job names no zone and the region keeps several or none is known', () => {
    for (const region of ['US', 'CA', 'AU', 'BR', 'RU', 'MX', 'ID', 'us', 'ZZ']) expect(naiveTimesFallBackToUtc({}, region), region).toBe(true);
  });

  it('does not when the job names a zone (UTC included) or a single-zone region supplies one', () => {
    expect(naiveTimesFallBackToUtc({ timezone: 'America/Chicago' }, 'US')).toBe(false);
    expect(naiveTimesFallBackToUtc({ timezone: 'UTC' }, 'US')).toBe(false);
    expect(naiveTimesFallBackToUtc({}, 'FR')).toBe(false);
    expect(naiveTimesFallBackToUtc({}, 'KZ')).toBe(false); // one zone since 2024-03-01
    expect(naiveTimesFallBackToUtc({}, 'gb')).toBe(false);
  });
});

describe('isNaiveTime', () => {
  const utc = { timezone: 'UTC' };
  const read = (date: string, time?: string) => {
    const at = { '2026-03-01 14:05': '2026-03-01T14:05:00Z', '2026-03-01T14:05:00Z': '2026-03-01T14:05:00Z', '2026-03-01T14:05:00-06:00': '2026-03-01T20:05:00Z' } as Record<string, string>;
    return isNaiveTime(date, time, utc, at[time === undefined ? date : `${date} ${time}`] ?? at[date]!);
  };

  it('is true of a wall-clock value, with the time in the cell or in a cell of its own', () => {
    expect(read('2026-03-01 14:05')).toBe(true);
    expect(isNaiveTime('03/01/2026', '2:05 PM', utc, '2026-03-01T14:05:00Z')).toBe(true);
    // a date alone in a date-time column is midnight, read as UTC too
    expect(isNaiveTime('03/01/2026', undefined, utc, '2026-03-01T00:00:00Z')).toBe(true);
  });

  it('is false of a value that carries its zone: Z, an offset, a US abbreviation', () => {
    expect(read('2026-03-01T14:05:00Z')).toBe(false);
    expect(read('2026-03-01T14:05:00-06:00')).toBe(false);
    expect(isNaiveTime('03/01/2026', '2:05 PM EST', utc, '2026-03-01T19:05:00Z')).toBe(false);
    expect(isNaiveTime('03/01/2026', '14:05 +01:00', utc, '2026-03-01T13:05:00Z')).toBe(false);
  });

  it('is false of a value it cannot read', () => {
    expect(isNaiveTime('soon', undefined, utc, '2026-03-01T00:00:00Z')).toBe(false);
  });
});

describe('naiveTimeProbe', () => {
  const opts = { timezone: 'UTC' };

  it('tells apart two values of one length whose letters differ: only digits share a shape', () => {
    const probe = naiveTimeProbe(opts);
    // both 18 characters: a US clock with AM/PM, and an ISO-like time with its Z
    expect(probe('03/01/2026 2:05 PM', undefined, '2026-03-01T14:05:00Z')).toBe(true);
    expect(probe('2026-03-01 14:05 Z', undefined, '2026-03-01T14:05:00Z')).toBe(false);
    expect(probe('2026-03-01 2:05 PM', undefined, '2026-03-01T14:05:00Z')).toBe(true);
    // one shape but for two letters: "PM" is a clock's, "UT" a zone's
    expect(probe('2026-03-01 02:05 PM', undefined, '2026-03-01T14:05:00Z')).toBe(true);
    expect(probe('2026-03-01 02:05 UT', undefined, '2026-03-01T02:05:00Z')).toBe(false);
  });
  const asUtc = (date: string, time?: string) => {
    const r = parseDateTime(date, time, opts);
    return r.ok ? r.iso : '';
  };

  it('answers as isNaiveTime for every value of a column that mixes shapes, zoned and naive', () => {
    const probe = naiveTimeProbe(opts);
    const cells: [string, string | undefined][] = [];
    for (let i = 0; i < 40; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      cells.push([`2026-03-${day} 14:${String(i).padStart(2, '0')}`, undefined], [`2026-03-${day}T14:05:00Z`, undefined], [`2026-03-${day}T14:05:00+01:00`, undefined]);
      cells.push([`03/${day}/2026`, `${1 + (i % 12)}:05 PM`], [`03/${day}/2026`, `${1 + (i % 12)}:05 PM EST`], [`03/${day}/2026`, '']);
    }
    const answers = cells.map(([d, t]) => probe(d, t, asUtc(d, t)));
    expect(answers).toEqual(cells.map(([d, t]) => isNaiveTime(d, t, opts, asUtc(d, t))));
    expect(answers.filter(Boolean)).toHaveLength(120);
  });

  it('reads a value the second time once per shape: digits do not make a new one, letters, signs and lengths do', () => {
    const probe = naiveTimeProbe(opts);
    for (let i = 0; i < 300; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const minute = String(i % 60).padStart(2, '0');
      expect(probe(`2026-03-${day} 14:${minute}`, undefined, asUtc(`2026-03-${day} 14:${minute}`))).toBe(true);
      expect(probe(`2026-03-${day}T14:${minute}:00Z`, undefined, asUtc(`2026-03-${day}T14:${minute}:00Z`))).toBe(false);
    }
    expect(probe.readings).toBe(2);
    // a separate time cell: "1:05 PM" and "12:05 PM" are two shapes, "2:05 PM EST" a third, the date alone a fourth
    for (const [d, t] of [['03/01/2026', '1:05 PM'], ['03/02/2026', '9:59 PM'], ['03/01/2026', '12:05 PM'], ['03/01/2026', '2:05 PM EST'], ['03/01/2026', undefined]] as const) probe(d, t, asUtc(d, t));
    expect(probe.readings).toBe(6);
    // the date and time cells are told apart: "1/2" + "3" is not "1/" + "23"
    const cells = naiveTimeProbe(opts);
    cells('03/01/2026', '14:05', asUtc('03/01/2026', '14:05'));
    cells('03/01/202', '614:05', '');
    expect(cells.readings).toBe(2);
  });

  it('keeps answering right past the shapes it remembers, and remembers the first ones', () => {
    const probe = naiveTimeProbe(opts);
    // 600 shapes: the padding differs, and every other value carries its zone
    const values = Array.from({ length: 600 }, (_, i) => `${' '.repeat(i >> 1)}2026-03-01T14:05:00${i % 2 ? 'Z' : ''}`);
    expect(values.filter((v) => probe(v, undefined, asUtc(v)))).toHaveLength(300);
    expect(probe.readings).toBe(600);
    // read again: the first MAX_SHAPES shapes are known, the rest are read anew
    expect(values.filter((v) => probe(v, undefined, asUtc(v)))).toHaveLength(300);
    expect(probe.readings).toBe(600 + 600 - MAX_SHAPES);
  });
});

describe('naiveTimesWarning', () => {
  it('says nothing of a tally without a time', () => {
    expect(naiveTimesWarning(new NaiveTimeTally(), 'US')).toBeUndefined();
  });

  it('names the count, the first value, the reason and the option to set, with a zone of the region as the example', () => {
    const tally = new NaiveTimeTally();
    tally.add('started_at', ' 2026-03-01', '14:05 ');
    tally.add('started_at', '2026-03-01 14:06', '');
    tally.add('ended_at', '2026-03-01 14:09');
    const w = naiveTimesWarning(tally, 'AU')!;
    // a blank time cell: the first value is the date cell alone
    const dateOnly = new NaiveTimeTally();
    dateOnly.add('started_at', ' 2026-03-01 ', ' ');
    expect(dateOnly.first).toBe('2026-03-01');
    expect(w).toMatchObject({ code: 'times_read_as_utc', count: 3, fields: ['started_at', 'ended_at'] });
    expect(w.message).toMatch(/^Clock times without a zone or offset were stored as UTC, first "2026-03-01 14:05": the job names no timezone and AU has several time zones\./);
    expect(w.message).toContain('--timezone Australia/Sydney');
    expect(naiveTimesWarning(tally, 'ZZ')!.message).toMatch(/no time zone is known for region ZZ\..*--timezone America\/Chicago/);
  });

  it('gives a real zone of each several-zone country as its example', () => {
    for (const region of ['US', 'CA', 'AU', 'BR', 'RU', 'MX', 'ID']) {
      const zone = regionZoneExample(region);
      expect(isValidTimeZone(zone), `${region} ${zone}`).toBe(true);
      expect(regionDefaults(region).timezone, region).toBeUndefined();
    }
    expect(regionZoneExample('fr')).toBe('Europe/Paris');
  });
});

describe('createRecordBuilder: clock times read as UTC', () => {
  const HEADERS = ['Start Time', 'Phone Number', 'Duration', 'Direction'];
  const rows = [
    ['2026-03-01 14:05', '+1 212 555 0199', '1:05', 'Incoming'],
    ['2026-03-01T15:00:00Z', '+1 212 555 0199', '2:05', 'Outgoing'],
    ['2026-03-01 16:10', '+1 212 555 0199', '0:30', 'Outgoing'],
    ['', '+1 212 555 0199', '0:30', 'Outgoing'],
  ];
  /** The builder's warnings once every row is built, and the records' start times. */
  function run(headers: string[], options: JobOptions, mapping: MappingResult = suggestMapping(headers, rows, callRecord)) {
    const build = createRecordBuilder(mapping, callRecord, options, headers, rows);
    const starts = rows.map((r, i) => {
      const b = build(r, i + 2);
      return b.ok ? b.record.started_at : undefined;
    });
    return { warnings: build.warnings?.() ?? [], starts };
  }

  it('counts the naive times of a job with no zone in the United States, and stores them as UTC as before', () => {
    const { warnings, starts } = run(HEADERS, {});
    expect(starts).toEqual(['2026-03-01T14:05:00Z', '2026-03-01T15:00:00Z', '2026-03-01T16:10:00Z', undefined]);
    expect(warnings).toEqual([
      { code: 'times_read_as_utc', count: 2, fields: ['started_at'], message: expect.stringMatching(/^Clock times .* first "2026-03-01 14:05": .* US has several time zones.*--timezone America\/New_York/) },
    ]);
  });

  it('counts them in the several-zone region the file showed, and says nothing in a single-zone one', () => {
    const mapping = suggestMapping(HEADERS, rows, callRecord);
    expect(run(HEADERS, {}, { ...mapping, region: { region: 'BR', evidence: 'national numbers' } }).warnings).toMatchObject([{ count: 2, message: expect.stringContaining('BR has several time zones') }]);
    const fr = run(HEADERS, {}, { ...mapping, region: { region: 'FR', evidence: 'national numbers' } });
    expect(fr.warnings).toEqual([]);
    expect(fr.starts[0]).toBe('2026-03-01T13:05:00Z');
  });

  it('says nothing when the job names a zone or the header declares one', () => {
    expect(run(HEADERS, { timezone: 'America/Chicago' }).warnings).toEqual([]);
    expect(run(HEADERS, { timezone: 'UTC' }).warnings).toEqual([]);
    expect(run(HEADERS, { defaultRegion: 'GB' }).warnings).toEqual([]);
    const declared = run(['(UTC) Start Time', ...HEADERS.slice(1)], {});
    expect(declared.starts[0]).toBe('2026-03-01T14:05:00Z');
    expect(declared.warnings).toEqual([]);
  });
});

describe('naiveTimeProbe: the two hashes of a shape', () => {
  const opts = { timezone: 'UTC' };
  const asUtc = (date: string) => {
    const r = parseDateTime(date, undefined, opts);
    return r.ok ? r.iso : '';
  };

  // Two pairs of a zoned and a naive value (white space before them, which the reading trims)
  // whose shapes meet in one of the two hashes: each is told apart by the other one.
  it.each([
    ['FNV-1a', ' \t\t\t\t\t  \t\t\t   \t   2026-03-01T14:05Z', ' \t \t\t\t     \t\t\t\t \t 2026-03-01 14:05'],
    ['multiply-by-31', ' \u00a0\v\u00a0\n\f2026-03-01T14:05Z', '\u00a0\r\f\n\t\f\f\u00a0\v\n\f 2026-03-01 14:05'],
  ])('tells apart two shapes that meet in the %s hash', (_, zoned, naive) => {
    expect(isNaiveTime(zoned, undefined, opts, asUtc(zoned))).toBe(false);
    expect(isNaiveTime(naive, undefined, opts, asUtc(naive))).toBe(true);
    const probe = naiveTimeProbe(opts);
    expect(probe(zoned, undefined, asUtc(zoned))).toBe(false);
    expect(probe(naive, undefined, asUtc(naive))).toBe(true);
    expect(probe.readings).toBe(2);
  });
});
