import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../functions/core/enrich/phone.ts';
import { suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import { createRecordBuilder } from '../../functions/core/records/build-record.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

const callRecord = getSchema('call_record');

describe('call semantics: a call that went one way and lasted is a voice call', () => {
  // an itemised bill whose kind column says only the direction on roaming rows
  const headers = ['Datum', 'Uhrzeit', 'Zielrufnummer', 'Verbindungsart', 'Dauer', 'Datenvolumen'];
  const rows = [
    ['02.02.2026', '08:14:22', '030 23125417', 'Inland Festnetz', '00:02:41', ''],
    ['02.02.2026', '09:03:40', '0172 9980752', 'SMS Inland', '', ''],
    ['11.02.2026', '19:05:00', '0033 6 39 98 45 12', 'Roaming ankommend', '00:04:20', ''],
    ['11.02.2026', '19:20:33', '030 23125417', 'Roaming abgehend', '00:09:58', ''],
    ['11.02.2026', '19:30:00', '030 23125417', 'Roaming abgehend', '00:00:00', ''],
  ];

  it('reads voice from a direction and a length, and nothing from a direction alone', () => {
    const mapping = suggestMapping(headers, rows, callRecord, { defaultRegion: 'DE' });
    const build = createRecordBuilder(mapping, callRecord, { defaultRegion: 'DE', timezone: 'Europe/Berlin' }, headers, rows);
    const out = rows.map((r, i) => build(r, i + 1)).map((r) => (r.ok ? [r.record.direction, r.record.record_type] : 'rejected'));
    expect(out).toEqual([
      // "Zielrufnummer" lists the numbers the line called: outgoing
      ['outbound', 'voice'],
      ['outbound', 'sms'],
      ['inbound', 'voice'],
      ['outbound', 'voice'],
      ['outbound', undefined],
    ]);
  });
});

describe('normalizePhone: international numbers as switch records print them', () => {
  it('keeps a bare run of 11-15 digits that is a possible international number, with valid false when no range is assigned', () => {
    expect(normalizePhone('447700900123', 'US')).toMatchObject({ ok: true, e164: '+447700900123', valid: false });
    expect(normalizePhone('525512340077', 'US')).toMatchObject({ ok: true, e164: '+525512340077', valid: true });
  });

  it('does not guess for a formatted number that is too long for the region', () => {
    expect(normalizePhone('(512) 555-0100 44', 'US').ok).toBe(false);
  });
});
