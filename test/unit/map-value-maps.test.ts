import { describe, expect, it } from 'vitest';
import {
  applyPersonValueMaps,
  buildValueMapPrompt,
  mapEnumValues,
  parseValueMapAnswer,
  ruleValueMaps,
  valueQuestions,
  VALUE_MAP_CAP,
  type AiValueMapper,
} from '../../functions/core/map/value-maps.ts';
import type { FieldMapping, MappingResult } from '../../functions/core/pipeline-types.ts';
import { createRecordBuilder } from '../../functions/core/records/build-record.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';
import type { SchemaDefinition } from '../../functions/core/schemas/schema-types.ts';
import { parseValueSets, describeMapping, type MappingView } from '../../local/cli/commands/job-mapping.ts';

const callRecord = getSchema('call_record');

/** A ticket log of a tenant's own schema: its `priority` is an enum the rules know only by name. */
const tickets: SchemaDefinition = {
  name: 'ticket',
  description: 'support tickets',
  fields: [
    { name: 'ticket_id', type: 'string', required: true, synonyms: [], description: 'ticket number' },
    { name: 'priority', type: 'enum', required: false, synonyms: [], description: 'how urgent', enumValues: ['low', 'normal', 'urgent'], enumAliases: { p1: 'urgent' } },
  ],
};

const field = (name: string, column: number, header: string): FieldMapping => ({ field: name, sources: [column], sourceHeaders: [header], confidence: 0.95, reason: 'exact' });

const callHeaders = ['Date', 'Number', 'Direction', 'Kind'];
const callRows = [
  ['2026-03-01 10:00', '+14155550100', 'Incoming', 'Voice'],
  ['2026-03-01 11:00', '+14155550101', 'Outgoing', 'SMS-MO'],
  ['2026-03-01 12:00', '+14155550102', 'ZQ-Rel', 'Internal'],
  ['2026-03-01 13:00', '+14155550103', 'ZQ-Rel', 'Wx'],
  ['2026-03-01 14:00', '+14155550104', 'In', 'Voice'],
];
const callMapping: MappingResult = {
  status: 'mapped',
  schema: 'call_record',
  confidence: 0.95,
  missingRequired: [],
  fingerprint: 'fp1',
  fields: [field('started_at', 0, 'Date'), field('counterpart_number', 1, 'Number'), field('direction', 2, 'Direction'), field('record_type', 3, 'Kind')],
};

describe('ruleValueMaps', () => {
  it('reads each distinct value of an enum column once with the carrier-code rules, short codes included, and leaves the rest unknown', () => {
    const maps = ruleValueMaps(callRecord, callMapping, callHeaders, callRows);
    expect(maps).toEqual([
      { field: 'direction', column: 'Direction', values: { Incoming: 'inbound', Outgoing: 'outbound', 'ZQ-Rel': null, In: 'inbound' }, by: { Incoming: 'rules', Outgoing: 'rules', In: 'rules' } },
      // "Internal" is known to mean no type; "Wx" nobody knows
      { field: 'record_type', column: 'Kind', values: { Voice: 'voice', 'SMS-MO': 'sms', Internal: null, Wx: null }, by: { Voice: 'rules', 'SMS-MO': 'rules', Internal: 'rules' } },
    ]);
  });

  it("keeps earlier answers of Claude or a person for the same column over the rules, and drops them for another column", () => {
    const prior = [{ field: 'direction', column: 'Direction', values: { 'ZQ-Rel': 'outbound', In: 'outbound' }, by: { 'ZQ-Rel': 'ai' as const, In: 'person' as const } }];
    const [dir] = ruleValueMaps(callRecord, { ...callMapping, valueMaps: prior }, callHeaders, callRows);
    expect(dir!.values).toMatchObject({ 'ZQ-Rel': 'outbound', In: 'outbound', Incoming: 'inbound' });
    expect(dir!.by).toMatchObject({ 'ZQ-Rel': 'ai', In: 'person' });
    const [moved] = ruleValueMaps(callRecord, { ...callMapping, valueMaps: [{ ...prior[0]!, column: 'Other' }] }, callHeaders, callRows);
    expect(moved!.by['ZQ-Rel']).toBeUndefined();
  });

  it("reads a custom enum's own values and aliases", () => {
    const mapping = { fields: [field('ticket_id', 0, 'Id'), field('priority', 1, 'Prio')] };
    const [prio] = ruleValueMaps(tickets, mapping, ['Id', 'Prio'], [['1', 'Urgent'], ['2', 'P1'], ['3', 'hoch']]);
    expect(prio).toEqual({ field: 'priority', column: 'Prio', values: { Urgent: 'urgent', P1: 'urgent', hoch: null }, by: { Urgent: 'rules', P1: 'rules' } });
  });
});

describe('valueQuestions', () => {
  it('asks only about unknown values, and not at all about a column with more distinct values than the cap (not a column of codes)', () => {
    const maps = ruleValueMaps(callRecord, callMapping, callHeaders, callRows);
    expect(valueQuestions(callRecord, maps, callHeaders, callRows, callMapping.fields).map((q) => [q.field, q.values])).toEqual([
      ['direction', ['ZQ-Rel']],
      ['record_type', ['Wx']],
    ]);
    const wide = Array.from({ length: VALUE_MAP_CAP + 5 }, (_, i) => ['2026-03-01', '+14155550100', `code ${i}`, 'Voice']);
    const wideMaps = ruleValueMaps(callRecord, callMapping, callHeaders, wide);
    expect(Object.keys(wideMaps[0]!.values)).toHaveLength(VALUE_MAP_CAP);
    expect(valueQuestions(callRecord, wideMaps, callHeaders, wide, callMapping.fields)).toEqual([]);
  });

  it('sends the field, its allowed values, the header and the values, and nothing else of the file', () => {
    const maps = ruleValueMaps(callRecord, callMapping, callHeaders, callRows);
    const { user } = buildValueMapPrompt(valueQuestions(callRecord, maps, callHeaders, callRows, callMapping.fields));
    expect(user).toContain('"ZQ-Rel"');
    expect(user).toContain('["inbound","outbound"]');
    expect(user).not.toContain('+1415555');
  });
});

describe('parseValueMapAnswer', () => {
  const questions = [{ field: 'direction', header: 'Direction', enumValues: ['inbound', 'outbound'], values: ['ZQ-Rel', 'ZQ-Out', 'ZQ-Odd'] }];

  it('keeps only values of the enum (any case) or null, for what was asked', () => {
    const text = 'Sure:\n```json\n{"valueMaps":{"direction":{"ZQ-Rel":"Inbound","ZQ-Out":"sideways","ZQ-Odd":null,"Other":"inbound"},"record_type":{"Wx":"voice"}}}\n```';
    expect(parseValueMapAnswer(text, questions)).toEqual({ direction: { 'ZQ-Rel': 'inbound', 'ZQ-Odd': null } });
  });

  it('answers undefined for text without JSON', () => {
    expect(parseValueMapAnswer('I cannot tell.', questions)).toBeUndefined();
  });
});

describe('mapEnumValues', () => {
  it("asks once for the whole layout, writes Claude's checked answers in, and warns about what is still unknown", async () => {
    const asked: Parameters<AiValueMapper>[0][] = [];
    const ai: AiValueMapper = async (req) => {
      asked.push(req);
      return { answers: { direction: { 'ZQ-Rel': 'outbound' } }, cached: false };
    };
    const out = await mapEnumValues({ schema: callRecord, mapping: callMapping, headers: callHeaders, sampleRows: callRows }, ai);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.questions.map((q) => q.field)).toEqual(['direction', 'record_type']);
    expect(out.valueMaps?.[0]).toMatchObject({ values: { 'ZQ-Rel': 'outbound' }, by: { 'ZQ-Rel': 'ai' } });
    expect(out.warnings).toEqual([{ code: 'enum_values_unknown', message: 'values not understood: record_type <- "Wx"; set them in the mapping\'s valueMaps', count: 1 }]);
  });

  it('without AI, names every value nobody understood (and why the AI could not help, when it could not)', async () => {
    const none = await mapEnumValues({ schema: callRecord, mapping: callMapping, headers: callHeaders, sampleRows: callRows });
    expect(none.warnings?.[0]).toMatchObject({ code: 'enum_values_unknown', count: 2 });
    expect(none.warnings?.[0]!.message).toContain('direction <- "ZQ-Rel"; record_type <- "Wx"');
    const failed = await mapEnumValues({ schema: callRecord, mapping: callMapping, headers: callHeaders, sampleRows: callRows }, async () => ({ cached: false, note: 'AI unavailable (HTTP 500 after 3 attempt(s)); heuristics only' }));
    expect(failed.warnings?.[0]!.message).toContain('(AI unavailable (HTTP 500');
  });

  it('does not call the AI when the rules understood every value', async () => {
    let calls = 0;
    const rows = callRows.filter((r) => r[2] !== 'ZQ-Rel' && r[3] !== 'Wx');
    const out = await mapEnumValues({ schema: callRecord, mapping: callMapping, headers: callHeaders, sampleRows: rows }, async () => {
      calls++;
      return { cached: false };
    });
    expect(calls).toBe(0);
    expect(out.warnings ?? []).toEqual([]);
  });
});

describe('applyPersonValueMaps', () => {
  const previous = ruleValueMaps(callRecord, callMapping, callHeaders, callRows);

  it("makes a changed answer the person's and leaves an unchanged one (as GET showed it) whose it was", () => {
    const r = applyPersonValueMaps(callRecord, callMapping.fields, previous, [{ field: 'direction', values: { 'ZQ-Rel': 'inbound', Incoming: 'inbound', In: 'outbound' }, by: {} }]);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.maps[0]!.by).toMatchObject({ 'ZQ-Rel': 'person', Incoming: 'rules', In: 'person' });
    expect(r.maps[0]!.values).toMatchObject({ 'ZQ-Rel': 'inbound', In: 'outbound' });
  });

  it('refuses a value that is not one of the enum, and a field that is not an enum mapped to one column, naming each', () => {
    const r = applyPersonValueMaps(callRecord, callMapping.fields, previous, [
      { field: 'direction', values: { 'ZQ-Rel': 'sideways' } },
      { field: 'duration_seconds', values: { a: 'b' } },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual(['valueMaps.0.values.ZQ-Rel', 'valueMaps.1.field']);
  });

  it('drops the maps of a field the person moved to another column', () => {
    const moved = callMapping.fields.map((f) => (f.field === 'direction' ? field('direction', 3, 'Kind') : f));
    const r = applyPersonValueMaps(callRecord, moved, previous, []);
    expect(r.ok && r.maps.map((m) => m.field)).toEqual(['record_type']);
  });
});

describe('Enrich applies the value maps', () => {
  it("reads a call's direction and type from Claude's and a person's answers, and the rest with the rules as before", () => {
    const valueMaps = ruleValueMaps(callRecord, callMapping, callHeaders, callRows);
    valueMaps[0]!.values['ZQ-Rel'] = 'inbound';
    valueMaps[0]!.by['ZQ-Rel'] = 'ai';
    valueMaps[1]!.values.Wx = 'data';
    valueMaps[1]!.by.Wx = 'person';
    const build = createRecordBuilder({ ...callMapping, valueMaps }, callRecord, {}, callHeaders, callRows);
    const out = callRows.map((r, i) => build(r, i + 1));
    expect(out.map((r) => (r.ok ? [r.record.direction, r.record.record_type] : 'rejected'))).toEqual([
      ['inbound', 'voice'],
      ['outbound', 'sms'],
      ['inbound', undefined],
      ['inbound', 'data'],
      ['inbound', 'voice'],
    ]);
    // without the answers, the unknown cell is what it was: no direction and a row warning
    const plain = createRecordBuilder(callMapping, callRecord, {}, callHeaders, callRows)(callRows[2]!, 3);
    expect(plain.ok && plain.record.direction).toBeUndefined();
    expect(plain.ok && plain.warnings?.map((w) => w.value)).toContain('ZQ-Rel');
  });

  it("reads a custom enum through a person's answers (null: none of them)", () => {
    const mapping: MappingResult = {
      status: 'mapped',
      schema: 'ticket',
      confidence: 1,
      missingRequired: [],
      fields: [field('ticket_id', 0, 'Id'), field('priority', 1, 'Prio')],
      valueMaps: [{ field: 'priority', column: 'Prio', values: { hoch: 'urgent', egal: null, Urgent: 'urgent' }, by: { hoch: 'person', egal: 'person', Urgent: 'rules' } }],
    };
    const build = createRecordBuilder(mapping, tickets, {}, ['Id', 'Prio']);
    const rows = [['1', 'hoch'], ['2', 'egal'], ['3', 'Urgent'], ['4', 'mittel']];
    const out = rows.map((r, i) => build(r, i + 1));
    expect(out.map((r) => r.ok && r.record.priority)).toEqual(['urgent', undefined, 'urgent', undefined]);
    expect(out[3]!.ok && out[3]!.warnings?.[0]?.reason).toBe('not one of low, normal, urgent');
  });
});

describe('CLI: value maps', () => {
  it('reads --value field:VALUE=enum (VALUE= for none of them) into the PUT body', () => {
    expect(parseValueSets(['direction:ZQ-Rel=inbound', 'direction:A=B=', 'record_type:Wx=data'])).toEqual([
      { field: 'direction', values: { 'ZQ-Rel': 'inbound', 'A=B': null } },
      { field: 'record_type', values: { Wx: 'data' } },
    ]);
    expect(() => parseValueSets(['direction=inbound'])).toThrow(/field:VALUE=enum/);
  });

  it('shows each value map with who decided and what nobody understood', () => {
    const view: MappingView = {
      jobId: 'job_1',
      status: 'needs_mapping',
      headers: callHeaders,
      mapping: { ...callMapping, valueMaps: ruleValueMaps(callRecord, callMapping, callHeaders, callRows).map((m) => (m.field === 'direction' ? { ...m, values: { ...m.values, 'ZQ-Rel': 'inbound' }, by: { ...m.by, 'ZQ-Rel': 'ai' } } : m)) },
      samples: [],
      alternatives: { fields: {} },
    };
    const text = describeMapping(view);
    expect(text).toContain('direction values in Direction: "Incoming" = inbound, "Outgoing" = outbound, "ZQ-Rel" = inbound (ai), "In" = inbound');
    expect(text).toContain('"Internal" = (none), "Wx" = ?');
  });
});
