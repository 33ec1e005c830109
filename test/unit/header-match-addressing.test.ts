import { describe, expect, it } from 'vitest';
import { headerCandidates } from '../../functions/core/map/header-match.ts';
import { normalizeHeader } from '../../functions/core/map/normalize-header.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

const found = (schema: string, header: string) => {
  const s = getSchema(schema);
  return headerCandidates(s, [header], [normalizeHeader(header)]).map((c) => ({ field: s.fields[c.field]!.name, confidence: c.confidence, reason: c.reason }));
};

describe('a form field addressed to the person', () => {
  it('reads what "your" opens or, in Malay and Indonesian, closes', () => {
    expect(found('contact', 'Ваше ПІБ')).toContainEqual({ field: 'full_name', confidence: 0.8, reason: 'synonym' });
    expect(found('contact', 'Votre email')).toContainEqual({ field: 'email', confidence: 0.8, reason: 'synonym' });
    expect(found('contact', 'Nama Anda')).toContainEqual({ field: 'full_name', confidence: 0.8, reason: 'synonym' });
  });

  it('only at either end, and not a header that is nothing but the word', () => {
    expect(found('contact', 'Email your')).toContainEqual({ field: 'email', confidence: 0.8, reason: 'synonym' });
    expect(found('contact', 'Email your work')).not.toContainEqual(expect.objectContaining({ confidence: 0.8 }));
    expect(found('contact', 'Your')).toEqual([]);
  });

  it('a question keeps its own asking words', () => {
    expect(found('contact', 'What is your email?')).toContainEqual({ field: 'email', confidence: 0.8, reason: 'synonym' });
  });
});

describe('the end of a call', () => {
  it('holds a Vietnamese end time ("Thời gian kết thúc") well below the start time', () => {
    const end = found('call_record', 'Thời gian kết thúc').find((c) => c.field === 'started_at');
    expect(end === undefined || end.confidence < 0.5).toBe(true);
    expect(found('call_record', 'Thời điểm bắt đầu')).toContainEqual({ field: 'started_at', confidence: 0.95, reason: 'synonym' });
  });
});
