import { describe, expect, it, vi } from 'vitest';
import { UnknownSchemaError } from '../../functions/core/errors.ts';
import { MAPPING_CONFIDENCE_THRESHOLD } from '../../functions/core/map/suggest-mapping.ts';
import { BUILTIN_SCHEMAS, getSchema } from '../../functions/core/schemas/registry.ts';
import { layoutFingerprint } from '../../functions/core/templates/fingerprint.ts';
import { suggestForFile, type AiSuggester, type LearnedMapping, type TemplateSource } from '../../functions/core/templates/suggest.ts';
import type { TemplateField, TemplateVersion } from '../../functions/core/templates/template-model.ts';

// Which mapping a file gets: a template, a remembered confirmation, the heuristics (and when
// Claude is asked), or the closest template when nothing is sure.

const schemas = [...BUILTIN_SCHEMAS.values()];
const OPAQUE = ['c1', 'c2', 'c3'];
const OPAQUE_ROWS = [
  ['11/03/2025 2:05 PM', '555-123-4567', '5:03'],
  ['11/04/2025 9:15 AM', '(212) 555-0199', '0:03'],
];
const CLEAR = ['Start Time', 'Phone Number', 'Duration', 'Direction'];
const noTemplates: TemplateSource<TemplateVersion> = { findByFingerprint: async () => [], listRecent: async () => [] };

const CALL_FIELDS: TemplateField[] = [
  { field: 'started_at', sources: [0], sourceHeaders: ['c1'] },
  { field: 'counterpart_number', sources: [1], sourceHeaders: ['c2'] },
];

function tpl(id: string, headers: string[], opts: { schema?: string; fields?: TemplateField[]; createdAt?: string; delimiter?: string } = {}): TemplateVersion {
  return {
    templateId: id,
    version: 1,
    name: `tpl ${id}`,
    schema: opts.schema ?? 'call_record',
    createdAt: opts.createdAt ?? '2025-01-01T00:00:00Z',
    layout: layoutFingerprint({ headers, delimiter: opts.delimiter ?? ',' }),
    fields: opts.fields ?? CALL_FIELDS,
  };
}

const remembered = (over: Partial<LearnedMapping> = {}): LearnedMapping => ({
  schema: 'call_record',
  fields: CALL_FIELDS,
  jobId: 'job_1',
  learnedAt: '2025-02-01T00:00:00Z',
  ...over,
});

describe('suggestForFile: the schema asked for', () => {
  it('names the known schemas, sorted, when the one asked for is not among them', async () => {
    const two = [getSchema('contact'), getSchema('call_record')];
    await expect(suggestForFile({ headers: OPAQUE, sampleRows: [], layout: {}, schemas: two, requestedSchema: 'invoices' }, noTemplates)).rejects.toThrow(
      new UnknownSchemaError('Unknown schema "invoices". Known schemas: call_record, contact'),
    );
  });

  it('refuses a file when there is no schema to map it to', async () => {
    await expect(suggestForFile({ headers: OPAQUE, sampleRows: [], layout: {}, schemas: [] }, noTemplates)).rejects.toThrow(new UnknownSchemaError('No schema to map to'));
  });

  it('scores only the schema asked for', async () => {
    const r = await suggestForFile({ headers: CLEAR, sampleRows: [], layout: {}, schemas, requestedSchema: 'contact' }, noTemplates);
    expect(r.schemas.map((s) => s.name)).toEqual(['contact']);
    expect(r.mapping.schema).toBe('contact');
  });

  it('maps with the caller\'s threshold', async () => {
    const sure = await suggestForFile({ headers: CLEAR, sampleRows: [], layout: {}, schemas }, noTemplates);
    expect(sure.mapping).toMatchObject({ status: 'mapped', confidence: 0.96 });
    const strict = await suggestForFile({ headers: CLEAR, sampleRows: [], layout: {}, schemas, threshold: 0.99 }, noTemplates);
    expect(strict.mapping).toMatchObject({ status: 'needs_mapping', confidence: 0.96 });
  });
});

describe('suggestForFile: templates', () => {
  it('looks at recent templates only when none was made for this layout and schema', async () => {
    const exact = tpl('exact', OPAQUE);
    const listRecent = vi.fn(async () => [] as TemplateVersion[]);
    await suggestForFile({ headers: OPAQUE, sampleRows: OPAQUE_ROWS, layout: { delimiter: ',' }, schemas }, { findByFingerprint: async () => [exact], listRecent });
    expect(listRecent).not.toHaveBeenCalled();
    await suggestForFile({ headers: OPAQUE, sampleRows: OPAQUE_ROWS, layout: { delimiter: ',' }, schemas, requestedSchema: 'call_record' }, { findByFingerprint: async () => [exact], listRecent });
    expect(listRecent).not.toHaveBeenCalled();
    await suggestForFile({ headers: OPAQUE, sampleRows: OPAQUE_ROWS, layout: { delimiter: ',' }, schemas, requestedSchema: 'contact' }, { findByFingerprint: async () => [exact], listRecent });
    expect(listRecent).toHaveBeenCalledTimes(1);
    // a template the store found by a hash that is not this layout's
    const stale = tpl('stale', OPAQUE, { delimiter: '\t' });
    await suggestForFile({ headers: OPAQUE, sampleRows: OPAQUE_ROWS, layout: { delimiter: ',' }, schemas }, { findByFingerprint: async () => [stale], listRecent });
    expect(listRecent).toHaveBeenCalledTimes(2);
  });

  it('takes the first template that maps the file, past one that does not', async () => {
    const partial = tpl('partial', OPAQUE, { fields: [CALL_FIELDS[0]!], createdAt: '2025-06-01T00:00:00Z' });
    const full = tpl('full', [...OPAQUE, 'x'], { createdAt: '2020-01-01T00:00:00Z' });
    const r = await suggestForFile({ headers: OPAQUE, sampleRows: OPAQUE_ROWS, layout: { delimiter: ',' }, schemas }, { findByFingerprint: async () => [partial, full], listRecent: async () => [] });
    expect(r.templates.map((t) => [t.ranked.template.templateId, t.mapping.status])).toEqual([
      ['partial', 'needs_mapping'],
      ['full', 'mapped'],
    ]);
    expect(r.mapping).toMatchObject({ templateId: 'full', status: 'mapped', source: 'template', fingerprint: r.fingerprint.hash });
  });

  it('leaves out templates of schemas that are not candidates, and shows at most five', async () => {
    const gone = tpl('gone', OPAQUE, { schema: 'deleted_schema', delimiter: '\t' });
    const many = Array.from({ length: 6 }, (_, i) => tpl(`t${i}`, [...OPAQUE, `x${i}`], { createdAt: `2025-01-0${i + 1}T00:00:00Z` }));
    const r = await suggestForFile({ headers: OPAQUE, sampleRows: OPAQUE_ROWS, layout: { delimiter: ',' }, schemas }, { findByFingerprint: async () => [gone], listRecent: async () => many });
    expect(r.templates.map((t) => t.ranked.template.templateId)).toEqual(['t5', 't4', 't3', 't2', 't1']);
  });

  it('gives a person the closest template when neither it nor the heuristics are sure', async () => {
    const partial = tpl('partial', OPAQUE, { fields: [CALL_FIELDS[0]!] });
    const r = await suggestForFile({ headers: OPAQUE, sampleRows: [], layout: { delimiter: ',' }, schemas, requestedSchema: 'call_record' }, { findByFingerprint: async () => [partial], listRecent: async () => [] });
    expect(r.mapping.confidence).toBe(r.templates[0]?.mapping.confidence);
    expect(r.mapping).toMatchObject({ templateId: 'partial', status: 'needs_mapping', source: 'template' });
    // the heuristics, sure, win over a template that does not map the file
    const sure = await suggestForFile({ headers: CLEAR, sampleRows: [], layout: { delimiter: ',' }, schemas }, { findByFingerprint: async () => [tpl('p', CLEAR, { fields: [CALL_FIELDS[0]!] })], listRecent: async () => [] });
    expect(sure.mapping).toMatchObject({ source: 'heuristics', status: 'mapped' });
    // and so do unsure heuristics more confident than the template
    const weak = tpl('weak', ['Start Time', 'x', 'y', 'z'], { fields: [{ field: 'started_at', sources: [0], sourceHeaders: ['Start Time'] }] });
    const h = await suggestForFile({ headers: ['Start Time', 'Duration', 'y', 'z'], sampleRows: [], layout: { delimiter: ',' }, schemas, requestedSchema: 'call_record' }, { findByFingerprint: async () => [], listRecent: async () => [weak] });
    expect(h.templates[0]?.mapping.confidence).toBeLessThan(h.mapping.confidence);
    expect(h.mapping).toMatchObject({ status: 'needs_mapping', source: 'heuristics' });
    expect(h.mapping.source).toBe('heuristics');
  });
});

describe('suggestForFile: a mapping a person confirmed for the layout', () => {
  const source = (learned: LearnedMapping[]): TemplateSource<TemplateVersion> => ({ ...noTemplates, findLearned: async () => learned });

  it('maps the file with it, as learned, naming the job it came from and keeping its value maps', async () => {
    const valueMaps = [{ field: 'direction', column: 2, values: { I: 'inbound' } }] as unknown as LearnedMapping['valueMaps'];
    const r = await suggestForFile({ headers: [...OPAQUE, 'Notes'], sampleRows: OPAQUE_ROWS.map((row) => [...row, 'n']), layout: {}, schemas }, source([remembered({ valueMaps })]));
    expect(r.mapping).toMatchObject({
      status: 'mapped',
      schema: 'call_record',
      source: 'learned',
      fingerprint: r.fingerprint.hash,
      learnedFrom: { jobId: 'job_1', learnedAt: '2025-02-01T00:00:00Z' },
      valueMaps,
    });
    expect(r.mapping.fields.map((f) => [f.field, f.sources, f.reason, f.confidence])).toEqual([
      ['started_at', [0], 'learned', 0.98],
      ['counterpart_number', [1], 'learned', 0.98],
    ]);
    // read against the file: its columns no field took are named
    expect(r.mapping.unmappedColumns?.map((c) => c.header)).toEqual(['c3', 'Notes']);
    const plain = await suggestForFile({ headers: OPAQUE, sampleRows: OPAQUE_ROWS, layout: {}, schemas }, source([remembered()]));
    expect(plain.mapping).not.toHaveProperty('valueMaps');
  });

  it('is a person\'s word: mapped even under a stricter threshold', async () => {
    const r = await suggestForFile({ headers: OPAQUE, sampleRows: OPAQUE_ROWS, layout: {}, schemas, threshold: 0.99 }, source([remembered()]));
    expect(r.mapping).toMatchObject({ status: 'mapped', source: 'learned', confidence: 0.98 });
  });

  it('is passed over when it leaves a required field out, names a column the file lacks, or is for another schema', async () => {
    const ask = async (learned: LearnedMapping[], requestedSchema?: string) =>
      (await suggestForFile({ headers: OPAQUE, sampleRows: OPAQUE_ROWS, layout: {}, schemas, ...(requestedSchema ? { requestedSchema } : {}) }, source(learned))).mapping.source;
    expect(await ask([remembered({ fields: [CALL_FIELDS[0]!] })])).toBe('heuristics');
    expect(await ask([remembered({ fields: [CALL_FIELDS[0]!, { field: 'counterpart_number', sources: [3], sourceHeaders: ['c4'] }] })])).toBe('heuristics');
    expect(await ask([remembered({ fields: [CALL_FIELDS[0]!, { field: 'counterpart_number', sources: [2], sourceHeaders: ['c3'] }] })])).toBe('learned');
    expect(await ask([remembered({ fields: [{ field: 'started_at', sources: [0, 3], sourceHeaders: ['c1', 'c4'] }, CALL_FIELDS[1]!] })])).toBe('heuristics');
    expect(await ask([remembered({ schema: 'deleted_schema' })])).toBe('heuristics');
    expect(await ask([remembered()], 'contact')).toBe('heuristics');
    expect(await ask([remembered()], 'call_record')).toBe('learned');
    expect(await ask([remembered({ schema: 'deleted_schema' }), remembered({ jobId: 'job_2' })])).toBe('learned');
  });
});

describe('suggestForFile: when Claude is asked', () => {
  const none: AiSuggester = async () => ({ cached: false });

  it('asks when the heuristics map the file but less surely than 0.9, telling it what is settled', async () => {
    const ai = vi.fn<AiSuggester>(none);
    const r = await suggestForFile({ headers: OPAQUE, sampleRows: OPAQUE_ROWS, layout: {}, schemas, requestedSchema: 'call_record', threshold: 0.3 }, noTemplates, ai);
    expect(r.mapping.status).toBe('mapped');
    expect(r.mapping.confidence).toBeLessThan(0.9);
    expect(ai).toHaveBeenCalledTimes(1);
    expect(ai.mock.calls[0]?.[0].settled).toEqual({ fields: r.mapping.fields, threshold: 0.3 });
    expect(r.mapping.ai).toEqual({ used: false, cached: false });
  });

  it('asks when a field is missing however sure the rest is, with the default threshold as settled', async () => {
    const ai = vi.fn<AiSuggester>(none);
    const r = await suggestForFile({ headers: CLEAR, sampleRows: [], layout: {}, schemas, threshold: 0.99 }, noTemplates, ai);
    expect(r.mapping).toMatchObject({ status: 'needs_mapping', confidence: 0.96 });
    expect(ai).toHaveBeenCalledTimes(1);
    const dflt = vi.fn<AiSuggester>(none);
    await suggestForFile({ headers: OPAQUE, sampleRows: OPAQUE_ROWS, layout: {}, schemas, requestedSchema: 'call_record' }, noTemplates, dflt);
    expect(dflt.mock.calls[0]?.[0].settled?.threshold).toBe(MAPPING_CONFIDENCE_THRESHOLD);
  });

  it('maps unsure files without Claude when no AI is configured', async () => {
    const r = await suggestForFile({ headers: OPAQUE, sampleRows: OPAQUE_ROWS, layout: {}, schemas, requestedSchema: 'call_record' }, noTemplates);
    expect(r.mapping).toMatchObject({ status: 'needs_mapping', source: 'heuristics' });
    expect(r.mapping).not.toHaveProperty('ai');
  });

  it('notes the answers it refused because the values do not fit, after the port\'s own note', async () => {
    const ai: AiSuggester = async () => ({ cached: true, note: 'from the cache', suggestion: { fields: [{ field: 'counterpart_number', sources: [0], confidence: 0.9 }] } });
    const r = await suggestForFile({ headers: OPAQUE, sampleRows: OPAQUE_ROWS, layout: {}, schemas, requestedSchema: 'call_record' }, noTemplates, ai);
    expect(r.mapping.ai).toEqual({ used: true, cached: true, note: 'from the cache; refused (values do not fit): counterpart_number <- "c1"' });
    const alone: AiSuggester = async () => ({ cached: false, suggestion: { fields: [{ field: 'counterpart_number', sources: [0], confidence: 0.9 }] } });
    const s = await suggestForFile({ headers: OPAQUE, sampleRows: OPAQUE_ROWS, layout: {}, schemas, requestedSchema: 'call_record' }, noTemplates, alone);
    expect(s.mapping.ai).toEqual({ used: true, cached: false, note: 'refused (values do not fit): counterpart_number <- "c1"' });
    const two: AiSuggester = async () => ({ cached: false, suggestion: { fields: [{ field: 'counterpart_number', sources: [0], confidence: 0.9 }, { field: 'started_at', sources: [1], confidence: 0.9 }] } });
    const both = await suggestForFile({ headers: OPAQUE, sampleRows: OPAQUE_ROWS, layout: {}, schemas, requestedSchema: 'call_record' }, noTemplates, two);
    expect(both.mapping.ai?.note).toBe('refused (values do not fit): counterpart_number <- "c1", started_at <- "c2"');
  });
});

describe('suggestForFile: a schema chosen for the file', () => {
  const WIDE = ['Email', 'Colour', 'Shoe', 'Hat', 'Pet', 'Car'];
  const WIDE_ROWS = [['a@b.com', 'red', '42', 'cap', 'dog', 'vw']];

  it('warns when the schema it chose leaves most of the file\'s columns unused', async () => {
    const r = await suggestForFile({ headers: WIDE, sampleRows: WIDE_ROWS, layout: {}, schemas }, noTemplates);
    expect(r.mapping.schema).toBe('contact');
    // the columns' headers name nothing the mapper knows either: a person is asked about them
    expect(r.mapping.warnings?.map((w) => w.code)).toEqual(['unmapped_columns', 'unread_columns', 'schema_low_coverage']);
    expect(r.mapping.warnings?.[0]?.count).toBe(4);
    expect(r.mapping.warnings?.[2]?.count).toBe(4);
    expect(r.mapping.warnings?.[2]?.message).toContain('leaves 4 of 6 non-empty columns unused');
  });

  it('does not when the caller named the schema, or the schema uses the columns', async () => {
    const named = await suggestForFile({ headers: WIDE, sampleRows: WIDE_ROWS, layout: {}, schemas, requestedSchema: 'contact' }, noTemplates);
    expect(named.mapping.warnings?.map((w) => w.code)).toEqual(['unmapped_columns', 'unread_columns']);
    const used = await suggestForFile({ headers: CLEAR, sampleRows: [], layout: {}, schemas }, noTemplates);
    expect(used.mapping.warnings ?? []).toEqual([]);
    // columns mapped but empty are no unused columns
    const empty = await suggestForFile({ headers: CLEAR, sampleRows: [['2025-01-01 10:00', '+14155550100', '', ''], ['2025-01-02 10:00', '+14155550101', '', '']], layout: {}, schemas }, noTemplates);
    expect(empty.mapping.warnings?.map((w) => [w.code, w.count])).toEqual([['empty_mapped_field', 2]]);
  });
});
