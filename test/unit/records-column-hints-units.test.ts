import { describe, expect, it } from 'vitest';
import { currencyFromHeader, durationUnitFromHeader, timeZoneFromHeader } from '../../functions/core/records/column-hints.ts';

// What a header says about the values under it. A wrong answer here is a wrong record on
// every row: durations 60 times too short or long, amounts in another currency, times
// shifted by a zone. So each word and each edge of each pattern is pinned.

describe('durationUnitFromHeader', () => {
  it.each(['Min', 'Mins', 'Minute', 'Minutes', 'MOU', 'Mn', 'Duration (min)', 'Talk Time Minute', 'Minutes Used'])('reads bare numbers under %j as minutes', (header) => {
    expect(durationUnitFromHeader(header)).toBe('minutes');
  });

  it.each(['Duration', 'Sec', 'Secs', 'Second', 'Seconds', 'Duration (s)', 'Minimum', 'Call Length'])('reads bare numbers under %j as seconds', (header) => {
    expect(durationUnitFromHeader(header)).toBe('seconds');
  });

  it('lets a seconds word win over a minutes word in the same header, and reads no header as seconds', () => {
    expect(durationUnitFromHeader('Minutes (sec)')).toBe('seconds');
    expect(durationUnitFromHeader('Min:Sec')).toBe('seconds');
    expect(durationUnitFromHeader('Sec Min')).toBe('seconds');
    for (const header of ['Minutes (secs)', 'Min Second', 'Minutes Seconds', 'Min (s)']) expect(durationUnitFromHeader(header), header).toBe('seconds');
    expect(durationUnitFromHeader(undefined)).toBe('seconds');
  });
});

describe('currencyFromHeader', () => {
  it.each([
    ['Cost (EUR)', 'EUR'],
    ['Cost (eur)', 'EUR'],
    ['Total USD', 'USD'],
    ['Usd-Amount', 'USD'],
    ['Amount in JPY', 'JPY'],
    ['Amount €', 'EUR'],
    ['Betrag (£)', 'GBP'],
    ['Cost (TRY)', 'TRY'],
    ['Tutar [try]', 'TRY'],
    ['Amount ( ALL )', 'ALL'],
    ['Top-Up (TOP)', 'TOP'],
  ])('reads %j as %s', (header, code) => {
    expect(currencyFromHeader(header)).toBe(code);
  });

  it.each(['Cost', 'Charges for all calls', 'ALL charges', 'Top-Up Amount', 'TOP UP', 'Try fee', 'Cup price', 'Total Charge', 'Euro amount', 'XYZ', undefined])('finds none in %j', (header) => {
    expect(currencyFromHeader(header)).toBeUndefined();
  });
});

describe('timeZoneFromHeader: named zones', () => {
  it.each([
    ['Time (Europe/Berlin)', 'Europe/Berlin'],
    ['Time America/New_York', 'America/New_York'],
    ['Time (America/Argentina/Buenos_Aires)', 'America/Argentina/Buenos_Aires'],
    ['x Etc/GMT', 'Etc/GMT'],
    ['Europe/Berlin', 'Europe/Berlin'],
  ])('reads %j as %s', (header, zone) => {
    expect(timeZoneFromHeader(header)).toBe(zone);
  });

  it.each(['Foo/Bar Time', 'MyEurope/Berlin', 'Europe/Berlinx', 'Europe/Berlin_', 'Rate A/B', 'europe/berlin'])('takes no zone from %j', (header) => {
    expect(timeZoneFromHeader(header)).toBeUndefined();
  });
});

describe('timeZoneFromHeader: offsets', () => {
  it.each([
    ['Time (UTC+02:00)', 'UTC+2'],
    ['UTC + 02:00', 'UTC+2'],
    ['Time (GMT+1)', 'UTC+1'],
    ['utc+3', 'UTC+3'],
    ['GMT-0530', 'UTC-5:30'],
    ['UTC+1:30', 'UTC+1:30'],
    ['UTC+130', 'UTC+1:30'],
    ['UTC+05:05', 'UTC+5:05'],
    ['GMT-00:30', 'UTC-0:30'],
    ['UTC\u22125', 'UTC-5'],
    ['UTC+14', 'UTC+14'],
    ['Time (UTC-12)', 'UTC-12'],
    ['UTC+0', 'UTC'],
    ['UTC-0', 'UTC'],
  ])('reads %j as %s', (header, zone) => {
    expect(timeZoneFromHeader(header)).toBe(zone);
  });

  it('refuses an offset beyond 14 hours', () => {
    // UTC+15 is no zone: the header's "UTC" word is what remains of it
    expect(timeZoneFromHeader('UTC+15')).toBe('UTC');
    expect(timeZoneFromHeader('GMT+14:01')).toBe('UTC');
  });

  it.each([
    ['Time +05:30', 'UTC+5:30'],
    ['Time (-0800)', 'UTC-8'],
    ['[+0100] Time', 'UTC+1'],
    ['+01:00', 'UTC+1'],
    ['Time -08:00)', 'UTC-8'],
    ['Time [+09:00]', 'UTC+9'],
    ['Time (+00:00)', 'UTC'],
    ['Time -00:45', 'UTC-0:45'],
  ])('reads the bare offset of %j as %s', (header, zone) => {
    expect(timeZoneFromHeader(header)).toBe(zone);
  });

  it.each(['Time+05:30', 'Time +05:30x', 'Time +5:30', 'Phone 555-0100', 'Time x+05:30'])('takes no offset from %j', (header) => {
    expect(timeZoneFromHeader(header)).toBeUndefined();
  });
});

describe('timeZoneFromHeader: zone words', () => {
  it.each([
    ['Time (ET)', 'America/New_York'],
    ['Eastern Time', 'America/New_York'],
    ['Time CT', 'America/Chicago'],
    ['Central', 'America/Chicago'],
    ['Time MT', 'America/Denver'],
    ['Mountain time', 'America/Denver'],
    ['Time(PT)', 'America/Los_Angeles'],
    ['Pacific', 'America/Los_Angeles'],
    ['Zulu time', 'UTC'],
    ['Start Time Z', 'UTC'],
    ['Time (EDT)', 'UTC-4'],
    ['Date (EST)', 'UTC-5'],
    ['  Date -- CET', 'UTC+1'],
  ])('reads %j as %s', (header, zone) => {
    expect(timeZoneFromHeader(header)).toBe(zone);
  });

  it.each(['TimeZ', 'Zeit', 'Petty Cash', 'Date', '', '--'])('finds none in %j', (header) => {
    expect(timeZoneFromHeader(header)).toBeUndefined();
  });
});
