import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentText, GENERATED_DOCUMENT } from '../../functions/api-openapi/generate-document.ts';

describe('openapi.generated.json', () => {
  it('is the document the zod contract and routes.ts give today (else: npm run gen:openapi)', () => {
    // compared as text: the function serves the file, so any difference is a stale contract
    expect(readFileSync(GENERATED_DOCUMENT, 'utf8') === documentText(), 'functions/api-openapi/openapi.generated.json is stale: run `npm run gen:openapi`').toBe(true);
  });
});
