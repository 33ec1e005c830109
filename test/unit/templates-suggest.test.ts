import { describe, expect, it, vi } from 'vitest';
import { UnknownSchemaError } from '../../functions/core/errors.ts';
import { BUILTIN_SCHEMAS } from '../../functions/core/schemas/registry.ts';
import type { SchemaDefinition } from '../../functions/core/schemas/schema-types.ts';
import { layoutFingerprint } from '../../functions/core/templates/fingerprint.ts';
import { suggestForFile, type AiSuggester, type TemplateSource } from '../../functions/core/templates/suggest.ts';
import type { TemplateVersion } from '../../functions/core/templates/template-model.ts';

const schemas = [...BUILTIN_SCHEMAS.values()];
const OPAQUE = ['c1', 'c2', 'c3'];
const OPAQUE_ROWS = [
  ['11/03/2025 2:05 PM', '555-123-4567', '5:03'],
  ['11/04/2025 9:15 AM', '(212) 555-0199', '0:03'],
  ['11/05/2025 6:45 PM', '917-555-2671', '15:03'],
];
const noTemplates: TemplateSource<TemplateVersion> = { findByFingerprint: async () => [], listRecent: async () => [] };

function learned(headers: string[], schema = 'call_record'): TemplateVersion {
  return {
    templateId: 'tpl_1',
    version: 3,
    name: 'carrier',
    schema,
    createdAt: '2025-01-01T00:00:00Z',
    layout: layoutFingerprint({ headers, delimiter: ',' }),
    fields: [
      { field: 'started_at', sources: [0], sourceHeaders: [headers[0]!] },
      { field: 'counterpart_number', sources: [1], sourceHeaders: [headers[1]!] },
    ],
  };
}

describe('suggestForFile', () => {
  it('maps a learned layout with its template and never asks the AI', async () => {
    const ai = vi.fn<AiSuggester>();
    const listRecent = vi.fn(async () => []);
    const r = await suggestForFile(
      { headers: OPAQUE, sampleRows: OPAQUE_ROWS, layout: { delimiter: ',' }, schemas },
      { findByFingerprint: async () => [learned(OPAQUE)], listRecent },
      ai,
    );
    expect(r.mapping).toMatchObject({ status: 'mapped', templateId: 'tpl_1', templateVersion: 3, source: 'template', fingerprint: r.fingerprint.hash });
    expect(r.mapping.fields.every((f) => f.reason === 'learned')).toBe(true);
    expect(r.templates[0]?.ranked.match).toBe('fingerprint');
    expect(ai).not.toHaveBeenCalled();
    expect(listRecent).not.toHaveBeenCalled();
  });

  it('asks the AI when the heuristics are unsure, and merges what it says', async () => {
    const ai = vi.fn<AiSuggester>(async () => ({
      cached: false,
      suggestion: { fields: [{ field: 'started_at', sources: [0], confidence: 0.95 }, { field: 'counterpart_number', sources: [1], confidence: 0.99 }, { field: 'duration_seconds', sources: [2], confidence: 0.8 }] },
    }));
    const r = await suggestForFile({ headers: OPAQUE, sampleRows: OPAQUE_ROWS, layout: {}, schemas, requestedSchema: 'call_record' }, noTemplates, ai);
    expect(ai).toHaveBeenCalledTimes(1);
    expect(ai.mock.calls[0]?.[0]).toMatchObject({ headers: OPAQUE, fingerprint: r.fingerprint.hash });
    expect(r.mapping).toMatchObject({ status: 'mapped', source: 'ai', ai: { used: true, cached: false } });
    expect(r.mapping.fields.map((f) => [f.field, f.reason, f.confidence])).toEqual([
      ['started_at', 'ai', 0.9],
      ['counterpart_number', 'ai', 0.9],
      ['duration_seconds', 'ai', 0.8],
    ]);
  });

  it('keeps the heuristics, with a note, when the AI has nothing', async () => {
    const ai = vi.fn<AiSuggester>(async () => ({ cached: false, note: 'AI unavailable (HTTP 500 after 3 attempt(s)); heuristics only' }));
    const r = await suggestForFile({ headers: OPAQUE, sampleRows: OPAQUE_ROWS, layout: {}, schemas, requestedSchema: 'call_record' }, noTemplates, ai);
    expect(r.mapping.status).toBe('needs_mapping');
    expect(r.mapping.fields.every((f) => f.reason === 'value_pattern')).toBe(true);
    expect(r.mapping.ai).toEqual({ used: false, cached: false, note: 'AI unavailable (HTTP 500 after 3 attempt(s)); heuristics only' });
  });

  it('does not ask the AI when the heuristics are sure', async () => {
    const ai = vi.fn<AiSuggester>();
    const r = await suggestForFile(
      { headers: ['Start Time', 'Phone Number', 'Duration', 'Direction'], sampleRows: [], layout: {}, schemas },
      noTemplates,
      ai,
    );
    expect(r.mapping).toMatchObject({ schema: 'call_record', status: 'mapped', source: 'heuristics' });
    expect(ai).not.toHaveBeenCalled();
  });

  it('ranks custom schemas with the built-ins and picks the best fit', async () => {
    const invoice: SchemaDefinition = {
      name: 'invoice_line',
      fields: [
        { name: 'invoice_number', type: 'string', required: true, synonyms: ['invoice no'], description: '' },
        { name: 'amount', type: 'money', required: true, synonyms: ['amount due'], description: '' },
      ],
    };
    const r = await suggestForFile({ headers: ['Invoice No', 'Amount Due'], sampleRows: [], layout: {}, schemas: [...schemas, invoice] }, noTemplates);
    expect(r.schemas[0]?.name).toBe('invoice_line');
    expect(r.mapping).toMatchObject({ schema: 'invoice_line', status: 'mapped' });
  });

  it('offers a similar layout\'s template and uses it when it maps the file', async () => {
    const headers = ['c1', 'c2', 'c3', 'extra'];
    const r = await suggestForFile({ headers, sampleRows: [], layout: { delimiter: ',' }, schemas }, { findByFingerprint: async () => [], listRecent: async () => [learned(OPAQUE)] });
    expect(r.templates[0]?.ranked.match).toBe('headers');
    expect(r.mapping).toMatchObject({ templateId: 'tpl_1', status: 'mapped' });
  });

  it('refuses a schema that is not among the candidates', async () => {
    await expect(suggestForFile({ headers: OPAQUE, sampleRows: [], layout: {}, schemas, requestedSchema: 'invoices' }, noTemplates)).rejects.toThrow(UnknownSchemaError);
  });
});
