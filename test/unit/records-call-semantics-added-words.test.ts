import { describe, expect, it } from 'vitest';
import type { FieldMapping, MappingResult } from '../../functions/core/pipeline-types.ts';
import { compileCallSemantics } from '../../functions/core/records/call-semantics.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

/*
 * A call log whose direction or type column is in one of the languages the lexicon added
 * (schemas/lexicon/call-code-words-added.ts): the record gets the direction and the kind of
 * record its words say, without a "not one of" warning, as an English log does.
 */

const callRecord = getSchema('call_record');
const mapped = (field: string, source: number, headers: readonly string[]): FieldMapping => ({ field, sources: [source], sourceHeaders: [headers[source]!], confidence: 1, reason: 'confirmed' });
const mappingOf = (fields: FieldMapping[]): MappingResult => ({ status: 'mapped', schema: 'call_record', confidence: 1, missingRequired: [], fields });

function apply(headers: string[], fields: FieldMapping[], cells: string[]) {
  const semantics = compileCallSemantics({ schema: callRecord, mapping: mappingOf(fields), headers, region: 'IR' });
  const record: Record<string, unknown> = {};
  const problems = semantics!.apply(record, cells, 1);
  return { record, problems };
}

describe('call semantics in the added languages', () => {
  it.each([
    ['نوع تماس', 'پیامک ارسالی', 'outbound', 'sms'],
    ['نوع تماس', 'تماس ورودی', 'inbound', 'voice'],
    ['Йўналиш', 'Чиқувчи қўнғироқ', 'outbound', 'voice'],
    ['Ուղղություն', 'Մուտքային զանգ', 'inbound', 'voice'],
    ['Чиглэл', 'Гарсан дуудлага', 'outbound', 'voice'],
    ['Rigting', 'Inkomende oproep', 'inbound', 'voice'],
  ])('reads %j = %j as %s %s from the direction column', (header, value, direction, type) => {
    const headers = ['Start', 'Number', header];
    const { record, problems } = apply(headers, [mapped('counterpart_number', 1, headers), mapped('direction', 2, headers)], ['2026-12-01 10:00', '09121234567', value]);
    expect(record).toMatchObject({ direction, record_type: type });
    expect(problems?.warnings ?? []).toEqual([]);
  });

  it('reads the direction from a type column in those languages too', () => {
    const headers = ['Start', 'Number', 'نوع'];
    const { record } = apply(headers, [mapped('counterpart_number', 1, headers), mapped('record_type', 2, headers)], ['2026-12-01 10:00', '09121234567', 'پیامک دریافتی']);
    expect(record).toMatchObject({ direction: 'inbound', record_type: 'sms' });
  });

  it('still warns about a value no language says', () => {
    const headers = ['Start', 'Number', 'نوع تماس'];
    const { record, problems } = apply(headers, [mapped('counterpart_number', 1, headers), mapped('direction', 2, headers)], ['2026-12-01 10:00', '09121234567', 'xyzzy']);
    expect(record.direction).toBeUndefined();
    expect(problems?.warnings).toEqual([expect.objectContaining({ column: 'نوع تماس', value: 'xyzzy', reason: expect.stringMatching(/^not one of/) as unknown })]);
  });
});
